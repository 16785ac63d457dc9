"""``papershelf backup`` and ``restore``: the whole shelf in one archive, and back.

A backup holds what cannot be made again: the database (SQLite's copied with SQLite's
online backup API, PostgreSQL's dumped with ``pg_dump``, see postgresql.py; either way a
running server keeps serving and the copy is one consistent moment), the uploaded media
(figures, summaries' images), and the secret key (signed unsubscribe links keep
working). SQLite's search indexes are left out: the database holds the documents and
the embeddings they are built from, and ``papershelf reindex --rebuild`` builds them
again (PostgreSQL's are in the database, and in the dump). A manifest, the archive's
first member, names the app version, which database it holds, the migrations the
database has, and the SHA-256 of every file.

Restore reads the manifest before anything else: a backup from a newer Papershelf (a
migration this code does not know) is refused before a byte is written, and so is a
backup of the other kind of database than the shelf's. Files are extracted beside the
data directory, checked against the manifest, and only then moved in (a PostgreSQL dump
is restored into the configured database in one transaction first); the caller migrates
a backup from an older version.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Protocol

from django.conf import settings
from django.db import connection

import papershelf
from papershelf.backups import postgresql
from papershelf.backups.archive import ArchiveReader, ArchiveWriter, BackupError, archive_kind

FORMAT = "papershelf-backup"
FORMAT_VERSION = 2  # the newest this code reads; 2 added the "database" a backup holds
# A SQLite backup is still written as version 1: older versions ignore "database" and
# restore it as before. A PostgreSQL one is version 2, which they refuse with a message.
WRITTEN_VERSION = {"sqlite": 1, "postgresql": 2}
MANIFEST = "manifest.json"
DATABASE = "papershelf.sqlite3"
SECRET_KEY = "secret_key"  # noqa: S105 - the key file's name, not a key
MEDIA = "media"
LEFT_OUT = {
    "search/": "search indexes: rebuilt from the database, which holds the embeddings "
    "(papershelf reindex --rebuild)",
    "cache/": "catalogue look-ups: fetched again when needed",
    "uploads/": "uploaded imports waiting for confirmation",
    "static/": "collected static files: collected again by papershelf serve",
}
# What a data directory may hold and still count as empty: what any first start makes.
_FRESH = {MEDIA, "static", SECRET_KEY}
_PAGES_PER_STEP = 1024


class Progress(Protocol):
    def start(self, total: int, label: str) -> None: ...

    def advance(self, amount: int = 1) -> None: ...


@dataclass
class BackupReport:
    path: Path
    files: int
    media: int
    size: int  # bytes before compression
    migrations: int
    database: str  # "sqlite" or "postgresql"


@dataclass
class RestoreReport:
    home: Path
    files: int
    created_at: str
    app_version: str
    to_migrate: list[str] = field(default_factory=list)  # "app.name" the backup predates
    database: str = "sqlite"


# --- backup ------------------------------------------------------------------------------


def create_backup(target: Path, progress: Progress | None = None) -> BackupReport:
    kind = archive_kind(target)
    vendor = connection.vendor
    if vendor not in WRITTEN_VERSION:
        raise BackupError(f"papershelf backup cannot copy a {vendor} database")
    home = Path(settings.HOME)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".papershelf-backup-", dir=target.parent) as tmp:
        # The database first: every file its rows name was written before the row was.
        snapshot, about, migrations = _copy_database(Path(tmp), progress)
        members = {snapshot.name: snapshot, **_media_files()}
        if (home / SECRET_KEY).is_file():
            members[SECRET_KEY] = home / SECRET_KEY
        files = {name: _describe(path) for name, path in members.items()}
        manifest = {
            "format": FORMAT,
            "format_version": WRITTEN_VERSION[vendor],
            "database": vendor,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "app_version": papershelf.__version__,
            **about,
            "migrations": migrations,
            "left_out": LEFT_OUT,
            "files": files,
        }
        total = sum(path.stat().st_size for path in members.values())
        if progress:
            progress.start(total, "Writing the archive (bytes)")
        partial = target.with_name(f".{target.name}.partial")
        with ArchiveWriter(partial, kind) as archive:
            archive.add_bytes(MANIFEST, json.dumps(manifest, indent=1).encode())
            for name, path in members.items():
                digest = archive.add_file(name, path, progress.advance if progress else None)
                if digest != files[name]["sha256"]:
                    raise BackupError(f"{name} changed while it was backed up; run backup again")
        partial.chmod(0o600)  # it holds every private summary and the secret key
        os.replace(partial, target)
    count = sum(len(names) for names in migrations.values())
    media = sum(1 for name in files if name.startswith(f"{MEDIA}/"))
    return BackupReport(target, len(files), media, total, count, vendor)


def _copy_database(
    folder: Path, progress: Progress | None
) -> tuple[Path, dict[str, object], dict[str, list[str]]]:
    """The database's copy in ``folder``, what the manifest says of it, its migrations."""
    if connection.vendor == "postgresql":
        dump = folder / postgresql.DUMP
        if progress:
            progress.start(1, "Dumping the database (pg_dump)")
        migrations = postgresql.applied_migrations()
        about = postgresql.dump_database(dump)
        if progress:
            progress.advance(1)
        return dump, about, migrations
    snapshot = folder / DATABASE
    _snapshot_database(snapshot, progress)
    return snapshot, {"sqlite_version": sqlite3.sqlite_version}, _applied_migrations(snapshot)


def _snapshot_database(snapshot: Path, progress: Progress | None) -> None:
    connection.ensure_connection()
    source = connection.connection
    pages = source.execute("PRAGMA page_count").fetchone()[0]
    if progress:
        progress.start(pages, "Copying the database (pages)")
    done = 0

    def copied(status: int, remaining: int, total: int) -> None:
        nonlocal done
        if progress:
            progress.advance(max(0, total - remaining - done))
        done = total - remaining

    destination = sqlite3.connect(snapshot)
    try:
        # Steps of a few MB: a writer in another process waits at most one step.
        source.backup(destination, pages=_PAGES_PER_STEP, progress=copied)
        # One self-contained file: no -wal beside it.
        destination.execute("PRAGMA journal_mode=DELETE")
        if destination.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError("the database copy failed SQLite's check; nothing was written")
    finally:
        destination.close()


def _media_files() -> dict[str, Path]:
    media = Path(settings.MEDIA_ROOT)
    if not media.is_dir():
        return {}
    found = sorted(p for p in media.rglob("*") if p.is_file() and not p.is_symlink())
    return {f"{MEDIA}/{path.relative_to(media).as_posix()}": path for path in found}


def _describe(path: Path) -> dict[str, object]:
    return {"sha256": _sha256(path), "size": path.stat().st_size}


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _applied_migrations(database: Path) -> dict[str, list[str]]:
    db = sqlite3.connect(database)
    try:
        rows = db.execute("SELECT app, name FROM django_migrations ORDER BY app, id").fetchall()
    finally:
        db.close()
    applied: dict[str, list[str]] = {}
    for app, name in rows:
        applied.setdefault(app, []).append(name)
    return applied


# --- restore -----------------------------------------------------------------------------


def check_restorable(home: Path) -> None:
    """The data directory must be empty, and a SQLite database must be inside it (a
    PostgreSQL one is the configured database, which pg_restore replaces)."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.postgresql":
        check_empty(home)
        return
    if database["ENGINE"] != "django.db.backends.sqlite3" or Path(str(database["NAME"])) != (
        home / DATABASE
    ):
        raise BackupError(
            "papershelf restore writes the SQLite database of the data directory; "
            "unset DATABASE_URL to restore"
        )
    check_empty(home)


def check_empty(home: Path) -> None:
    if not home.exists():
        return
    if not home.is_dir():
        raise BackupError(f"{home} is not a directory")
    held = sorted(p.name for p in home.iterdir() if not _fresh(p))
    if held:
        raise BackupError(
            f"the data directory {home} is not empty (it holds {', '.join(held)}); "
            "restore into a new one: PAPERSHELF_HOME=/new/dir papershelf restore FILE"
        )


def _fresh(path: Path) -> bool:
    if path.name not in _FRESH:
        return False
    if path.name == SECRET_KEY:
        return path.is_file()
    return path.is_dir() and not any(p.is_file() for p in path.rglob("*"))


def restore_backup(
    archive: Path, home: Path, progress: Progress | None = None, *, replace: bool = False
) -> RestoreReport:
    """Restore ``archive`` into ``home`` (and, on PostgreSQL, the configured database,
    which must hold no shelf yet unless ``replace``)."""
    check_empty(home)
    with ArchiveReader(archive) as reader:
        manifest = _read_manifest(reader.first(MANIFEST))
        database = _check_database_kind(str(manifest.get("database", "sqlite")))
        if database == "postgresql" and not replace:
            _check_no_shelf_in_database()
        to_migrate = _migrations_to_apply(manifest["migrations"])
        files: dict[str, dict[str, object]] = manifest["files"]
        home.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".papershelf-restore-", dir=home.parent))
        try:
            total = sum(int(str(entry["size"])) for entry in files.values())
            if progress:
                progress.start(total, "Restoring (bytes)")
            seen = _extract(reader, files, staging, progress)
            missing = sorted(set(files) - seen)
            if missing:
                raise BackupError(f"the archive lacks {', '.join(missing[:5])}")
            if database == "postgresql":
                if progress:
                    progress.start(1, "Restoring the database (pg_restore)")
                dump = staging / postgresql.DUMP
                postgresql.restore_database(
                    dump, str(manifest.get("pg_dump_version", "")), _names(manifest, "extensions")
                )
                dump.unlink()  # in the database now; the data directory keeps no copy
            else:
                _check_database(staging / DATABASE)
            _move_into(staging, home)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    created, version = str(manifest["created_at"]), str(manifest["app_version"])
    return RestoreReport(home, len(files), created, version, to_migrate, database)


def _extract(
    reader: ArchiveReader,
    files: dict[str, dict[str, object]],
    staging: Path,
    progress: Progress | None,
) -> set[str]:
    seen = set()
    for name, stream in reader.members():
        entry = files.get(name)
        if entry is None:
            raise BackupError(f"the archive holds {name}, which its manifest does not list")
        target = staging.joinpath(*_safe_parts(name))
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            digest = _copy_hashing(stream, target, progress)
        except (OSError, EOFError, tarfile.TarError, zipfile.BadZipFile, zlib.error) as exc:
            raise BackupError(f"the backup is damaged at {name}: {exc}") from exc
        if digest != entry["sha256"]:
            raise BackupError(f"{name} is damaged: its checksum does not match the manifest")
        seen.add(name)
    return seen


def _read_manifest(data: bytes | None) -> dict:  # type: ignore[type-arg]
    if data is None:
        raise BackupError("this is not a papershelf backup (it has no manifest first)")
    try:
        manifest = json.loads(data)
    except ValueError as exc:
        raise BackupError("the backup's manifest is unreadable") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("this is not a papershelf backup")
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise BackupError(
            f"this backup was written by a newer Papershelf ({manifest.get('app_version')}); "
            f"upgrade Papershelf (this is {papershelf.__version__}) and restore again"
        )
    return manifest


def _check_database_kind(held: str) -> str:
    """The database the backup holds, when it is the kind this shelf runs on."""
    if held == connection.vendor:
        return held
    if held == "postgresql":
        raise BackupError(
            "this backup holds a PostgreSQL database (made with pg_dump), and this shelf's "
            "database is SQLite: set DATABASE_URL to the PostgreSQL database to restore it "
            "into. Nothing was written."
        )
    if held == "sqlite":
        raise BackupError(
            "this backup holds a SQLite database, and this shelf's database is PostgreSQL "
            "(DATABASE_URL): restore it with DATABASE_URL unset, then copy it over with "
            "papershelf migrate-data --to postgres://…. Nothing was written."
        )
    raise BackupError(f"this backup holds a {held} database, which Papershelf cannot restore")


def _check_no_shelf_in_database() -> None:
    held = postgresql.shelf_in_database()
    if held:
        raise BackupError(
            f"the database DATABASE_URL names holds a shelf already ({held}): restore "
            "into a new database, or replace this one with papershelf restore --replace "
            "FILE. Nothing was written."
        )


def _names(manifest: dict[str, object], key: str) -> list[str]:
    value = manifest.get(key) or []
    return [str(name) for name in value] if isinstance(value, list) else []


def known_migrations() -> set[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)  # squashed ones stand for those they replace
    return known


def _migrations_to_apply(applied: dict[str, list[str]]) -> list[str]:
    known = known_migrations()
    done = {(app, name) for app, names in applied.items() for name in names}
    unknown = sorted(f"{app}.{name}" for app, name in done - known)
    if unknown:
        more = f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
        raise BackupError(
            "this backup was made by a newer Papershelf: its database has migrations this "
            f"version does not know ({', '.join(unknown[:3])}{more}); upgrade Papershelf "
            f"(this is {papershelf.__version__}) and restore again. Nothing was written."
        )
    return sorted(f"{app}.{name}" for app, name in known - done)


def _safe_parts(name: str) -> tuple[str, ...]:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"refusing an archive member outside the data directory: {name}")
    return path.parts


def _copy_hashing(stream: object, target: Path, progress: Progress | None) -> str:
    digest = hashlib.sha256()
    read = stream.read  # type: ignore[attr-defined]
    with target.open("wb") as out:
        while chunk := read(1 << 20):
            digest.update(chunk)
            out.write(chunk)
            if progress:
                progress.advance(len(chunk))
    return digest.hexdigest()


def _check_database(database: Path) -> None:
    try:
        db = sqlite3.connect(database)
        try:
            ok = db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            db.close()
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        raise BackupError("the backup's database fails SQLite's check; nothing was restored")


def _move_into(staging: Path, home: Path) -> None:
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    for child in sorted(staging.iterdir()):
        target = home / child.name
        if target.is_dir():
            shutil.rmtree(target)  # an empty media/ or static/ of a first start (checked)
        os.replace(child, target)
