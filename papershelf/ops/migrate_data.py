"""``papershelf migrate-data``: move a whole shelf from one database to another.

SQLite to PostgreSQL when a shelf outgrows one file, and back. Every row of every
installed app is copied through the ORM (so each database gets its own types: JSON,
binary vectors, timestamps), with its primary key, in one transaction on the target:
a failure part-way leaves the target as it was. PostgreSQL's sequences are moved past
the copied ids afterwards, so the next paper does not collide with an old one.

The target must already have the schema (``DATABASE_URL=… papershelf manage migrate``)
and nothing in it but what ``migrate`` itself writes: content types, permissions and the
Moderators group, which are replaced by the source's so their ids match the rows that
refer to them. Uploaded files stay where they are (the rows keep their paths); the
search indexes outside the database are rebuilt on the target by ``reindex --rebuild``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse, urlunparse

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import load_backend

from papershelf.conf import database_config_from_url

SOURCE = "migrate_data_source"
TARGET = "migrate_data_target"
_CHUNK = 1000  # rows read and written at a time: bounded memory for any shelf size

# What `migrate` itself writes into an empty database. The target's copies are replaced
# by the source's: permissions and the admin log refer to content types by id, and the
# source's venue aliases hold whatever its admins changed in the seeded table.
SEEDED = {
    "contenttypes.ContentType", "auth.Permission", "auth.Group", "auth.Group_permissions",
    "papers.VenueAlias",
}  # fmt: skip


class MigrateDataError(Exception):
    """The move cannot be made; nothing was written to the target."""


class Progress(Protocol):
    def start(self, total: int, label: str) -> None: ...

    def advance(self, amount: int = 1) -> None: ...


@dataclass
class MigrationReport:
    source: str  # the databases, without passwords
    target: str
    rows: dict[str, int] = field(default_factory=dict)  # model label → rows copied
    skipped: dict[str, str] = field(default_factory=dict)  # model label → why
    media: int = 0  # file references copied
    missing_media: list[str] = field(default_factory=list)  # referenced, not in storage
    sequences: int = 0  # PostgreSQL sequences moved past the copied ids

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def migrate_data(
    target_url: str, source_url: str | None = None, progress: Progress | None = None
) -> MigrationReport:
    """Copy every row from the source (default: the shelf's database) to ``target_url``."""
    source_config = _config(source_url, "source") if source_url else _own_database()
    target_config = _config(target_url, "target")
    if _same_database(source_config, target_config):
        raise MigrateDataError("the source and the target are the same database")
    _refuse_missing_sqlite_file(source_config, source_url or "")
    _refuse_missing_sqlite_file(target_config, target_url)
    report = MigrationReport(describe(source_config), describe(target_config))
    source_given = source_config if source_url else None
    with _source(source_given) as source, _connection(TARGET, target_config) as target:
        _check_ready(source, "source", source_url or "")
        _check_ready(target, "target", target_url)
        copied = _copied_models(report)
        _refuse_filled_target(copied, target)
        _copy(copied, source, target, report, progress)
    return report


def describe(config: dict[str, Any]) -> str:
    """A database as a person would name it, without its password."""
    if config["ENGINE"].endswith("sqlite3"):
        return f"SQLite {config['NAME']}"
    where = config.get("HOST") or "the local socket"
    port = f":{config['PORT']}" if config.get("PORT") else ""
    return f"PostgreSQL {config['NAME']} on {where}{port}"


def hide_password(url: str) -> str:
    parsed = urlparse(url)
    if not parsed.password:
        return url
    return urlunparse(parsed._replace(netloc=parsed.netloc.replace(f":{parsed.password}@", ":…@")))


# --- Opening and checking both databases ----------------------------------------------


def _config(url: str, role: str) -> dict[str, Any]:
    try:
        return database_config_from_url(url)
    except ImproperlyConfigured as exc:
        message = str(exc).replace("DATABASE_URL", f"the {role} URL")
        raise MigrateDataError(message) from None


def _same_database(one: dict[str, Any], other: dict[str, Any]) -> bool:
    keys = ("ENGINE", "NAME", "HOST", "PORT")
    if one["ENGINE"].endswith("sqlite3") and other["ENGINE"].endswith("sqlite3"):
        return Path(one["NAME"]).resolve() == Path(other["NAME"]).resolve()
    return all(str(one.get(key) or "") == str(other.get(key) or "") for key in keys)


def _refuse_missing_sqlite_file(config: dict[str, Any], url: str) -> None:
    # Connecting would create an empty file, and leave it behind when the move is refused.
    # (The shelf's own database, given by no URL, was made when the command started.)
    if url and config["ENGINE"].endswith("sqlite3") and not Path(config["NAME"]).exists():
        raise MigrateDataError(
            f"{config['NAME']} does not exist; create it first with: "
            f"DATABASE_URL={hide_password(url)} papershelf manage migrate"
        )


def _own_database() -> dict[str, Any]:
    return dict(connections[DEFAULT_DB_ALIAS].settings_dict)


@contextmanager
def _source(config: dict[str, Any] | None) -> Iterator[str]:
    # The shelf's own database is read through its own connection, which also lets a
    # test copy what it wrote inside its (uncommitted) transaction.
    if config is None:
        yield DEFAULT_DB_ALIAS
        return
    with _connection(SOURCE, config) as alias:
        yield alias


@contextmanager
def open_database(url: str, alias: str) -> Iterator[str]:
    """The database at ``url`` as the connection ``alias`` for the ``with`` block."""
    with _connection(alias, _config(url, "database")) as opened:
        yield opened


@contextmanager
def _connection(alias: str, config: dict[str, Any]) -> Iterator[str]:
    # A connection of our own under a new alias, not an entry in settings.DATABASES:
    # the rest of the process (and Django's test isolation) goes on seeing one database.
    settings = connections.configure_settings({DEFAULT_DB_ALIAS: dict(config)})
    backend = load_backend(settings[DEFAULT_DB_ALIAS]["ENGINE"])
    connections[alias] = backend.DatabaseWrapper(settings[DEFAULT_DB_ALIAS], alias)
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]


def _check_ready(alias: str, role: str, url: str) -> None:
    """The database answers and has every migration this version of Papershelf has."""
    try:
        executor = MigrationExecutor(connections[alias])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        raise MigrateDataError(f"cannot use the {role} database: {_one_line(exc)}") from None
    if plan:
        prefix = f"DATABASE_URL={hide_password(url)} " if url else ""
        raise MigrateDataError(
            f"the {role} database lacks {len(plan)} migration(s) (first: "
            f"{plan[0][0].app_label}.{plan[0][0].name}); run "
            f"`{prefix}papershelf manage migrate` first"
        )


def _one_line(exc: Exception) -> str:
    # psycopg's messages run over several lines; a command prints one.
    return " ".join(str(exc).split())


def _copied_models(report: MigrationReport) -> list[type[models.Model]]:
    copied = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy:
            continue  # the same table as its concrete model
        if not model._meta.managed:
            report.skipped[model._meta.label] = "not managed by Django's migrations"
            continue
        copied.append(model)
    return copied


def _refuse_filled_target(copied: list[type[models.Model]], target: str) -> None:
    filled = [
        model._meta.label
        for model in copied
        if model._meta.label not in SEEDED and model._base_manager.using(target).exists()
    ]
    if filled:
        names = ", ".join(filled[:5]) + (f" and {len(filled) - 5} more" if len(filled) > 5 else "")
        raise MigrateDataError(
            f"the target database already holds data ({names}); "
            "migrate-data only fills an empty, migrated database"
        )


# --- The copy -------------------------------------------------------------------------


def _copy(
    copied: list[type[models.Model]],
    source: str,
    target: str,
    report: MigrationReport,
    progress: Progress | None,
) -> None:
    # One transaction on each side: the source is read as one moment (REPEATABLE READ on
    # PostgreSQL; SQLite's transaction holds off writers), the target is all or nothing.
    # Foreign keys are checked at commit (Django creates them DEFERRABLE INITIALLY
    # DEFERRED on both databases), so tables may be filled in any order.
    outermost = not connections[source].in_atomic_block
    with transaction.atomic(using=source), transaction.atomic(using=target):
        if outermost:
            _read_one_moment(source)
        counts = {model: model._base_manager.using(source).count() for model in copied}
        if progress:
            progress.start(sum(counts.values()), "Copying rows")
        _clear_seeded(copied, target)
        for model in copied:
            rows = _copy_table(model, source, target, report, progress)
            _check_count(model, target, counts[model])
            report.rows[model._meta.label] = rows
        report.sequences = _reset_sequences(copied, target)


def _read_one_moment(alias: str) -> None:
    # Must be the transaction's first statement, hence only when the copy began it.
    if connections[alias].vendor == "postgresql":
        with connections[alias].cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def _clear_seeded(copied: list[type[models.Model]], target: str) -> None:
    quote = connections[target].ops.quote_name
    with connections[target].cursor() as cursor:
        for model in copied:
            if model._meta.label in SEEDED:
                cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")  # noqa: S608


def _copy_table(
    model: type[models.Model],
    source: str,
    target: str,
    report: MigrationReport,
    progress: Progress | None,
) -> int:
    fields = [f for f in model._meta.local_concrete_fields if not f.generated]
    files = [f for f in fields if isinstance(f, models.FileField)]
    rows = model._base_manager.using(source).order_by("pk").iterator(chunk_size=_CHUNK)
    written = 0
    while batch := list(islice(rows, _CHUNK)):
        _check_media(batch, files, report)
        try:
            _insert(model, batch, fields, target)
        except DatabaseError as exc:
            raise MigrateDataError(
                f"copying {model._meta.label} failed near id {batch[0].pk}: {_one_line(exc)}; "
                "nothing was written"
            ) from None
        written += len(batch)
        if progress:
            progress.advance(len(batch))
    return written


def _insert(
    model: type[models.Model], rows: list[models.Model], fields: list[Any], target: str
) -> None:
    # bulk_create would run each field's pre_save, stamping auto_now fields with the time
    # of the copy; the raw insert under it (what loaddata uses) writes each value as read.
    # SQLite limits a statement's parameters; PostgreSQL's limit is far above a chunk.
    size = max(1, connections[target].ops.bulk_batch_size(fields, rows))
    queryset = model._base_manager.using(target)
    for start in range(0, len(rows), size):
        queryset._insert(rows[start : start + size], fields=fields, raw=True)  # type: ignore[attr-defined]


def _check_media(rows: list[models.Model], files: list[Any], report: MigrationReport) -> None:
    for row in rows:
        for file_field in files:
            name = getattr(row, file_field.attname).name
            if not name:
                continue
            report.media += 1
            if not default_storage.exists(name):
                report.missing_media.append(name)


def _check_count(model: type[models.Model], target: str, expected: int) -> None:
    found = model._base_manager.using(target).count()
    if found != expected:
        raise MigrateDataError(
            f"{model._meta.label}: {found} rows arrived of {expected}; nothing was written"
        )


def _reset_sequences(copied: list[type[models.Model]], target: str) -> int:
    """Move each id sequence past the largest copied id (PostgreSQL; SQLite does it itself)."""
    connection = connections[target]
    statements = connection.ops.sequence_reset_sql(no_style(), copied)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return len(statements)
