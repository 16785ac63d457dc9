"""A PostgreSQL shelf's backup: pg_dump out, pg_restore back, refused when it cannot fit.

The round trip runs in CI's PostgreSQL pass: the shelf is backed up from the live test
database, most of it is then deleted and something new written, and the backup is
restored over it; every table must read as it did when the backup was made.
"""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from pytest_django.fixtures import Settings

from papershelf.backups.postgresql import DUMP, _connection_arguments, find_program
from papershelf.backups.services import BackupError, create_backup, restore_backup
from papershelf.papers.models import Paper

pytestmark = pytest.mark.django_db(transaction=True)

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_dump and pg_restore are PostgreSQL's"
)


def table_rows() -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table, as text (tsvectors and vectors compare as written)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        names = sorted(name for (name,) in cursor.fetchall())
        found = {}
        for name in names:
            cursor.execute(f'SELECT * FROM "{name}"')  # noqa: S608 - names from the catalogue
            found[name] = sorted(tuple(str(value) for value in row) for row in cursor.fetchall())
    return found


def media_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@postgresql_only
def test_a_postgresql_shelf_comes_back_from_its_backup_row_for_row_and_file_for_file(
    shelf: None, tmp_path: Path
) -> None:
    before = table_rows()
    media = media_files(Path(settings.MEDIA_ROOT))
    archive = tmp_path / "shelf.tar.gz"
    report = create_backup(archive)
    assert report.media >= 2 and oct(archive.stat().st_mode & 0o777) == "0o600"
    with tarfile.open(archive) as opened:
        manifest = json.load(opened.extractfile("manifest.json"))  # type: ignore[arg-type]
    assert manifest["database"] == "postgresql" and DUMP in manifest["files"]
    assert "vector" in manifest["extensions"] and "0001_initial" in manifest["migrations"]["papers"]

    Paper.objects.all().delete()  # the summaries, revisions and search rows go with them
    Paper.objects.create(title="Written after the backup")
    assert table_rows() != before

    home = tmp_path / "home"
    with pytest.raises(BackupError, match=r"holds a shelf already \(1 papers, 2 users\)"):
        restore_backup(archive, home)
    assert not home.exists()
    restored = restore_backup(archive, home, replace=True)

    assert restored.to_migrate == []
    after = table_rows()
    assert after == before
    assert len(after["summaries_revision"]) == 3 and after["search_searchdocument"]
    assert media_files(home / "media") == media and len(media) >= 2
    assert (home / "secret_key").read_bytes() == (Path(settings.HOME) / "secret_key").read_bytes()
    assert sorted(p.name for p in home.iterdir()) == ["media", "secret_key"]  # no dump left
    # The id sequences came back with the rows: a new paper takes a new id.
    assert Paper.objects.create(title="After the restore").pk > max(
        Paper.objects.exclude(title="After the restore").values_list("pk", flat=True)
    )


@postgresql_only
def test_without_pg_dump_the_backup_says_what_to_install_and_writes_nothing(
    db: None, tmp_path: Path, settings: Settings
) -> None:
    settings.POSTGRES_BIN_DIR = str(tmp_path / "bin")
    backups = tmp_path / "backups"
    with pytest.raises(BackupError) as refused:
        create_backup(backups / "shelf.zip")
    message = str(refused.value)
    assert f"pg_dump was not found in PAPERSHELF_PG_BIN ({tmp_path / 'bin'})" in message
    assert "postgresql-client-" in message
    assert list(backups.iterdir()) == []


def test_a_missing_pg_restore_names_where_it_looked_and_what_to_install(
    tmp_path: Path, settings: Settings
) -> None:
    settings.POSTGRES_BIN_DIR = str(tmp_path)
    with pytest.raises(BackupError, match="pg_restore was not found in PAPERSHELF_PG_BIN"):
        find_program("pg_restore", 18)


def test_a_pg_dump_older_than_the_server_is_named_and_passed_over(
    tmp_path: Path, settings: Settings
) -> None:
    old = tmp_path / "pg_dump"
    old.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 15.4'\n")
    old.chmod(0o755)
    settings.POSTGRES_BIN_DIR = str(tmp_path)
    assert find_program("pg_dump", 15) == old
    with pytest.raises(BackupError) as refused:
        find_program("pg_dump", 18)
    assert f"pg_dump 15.4 ({old})" in str(refused.value)
    assert "postgresql-client-18" in str(refused.value)


def test_a_backup_of_the_other_kind_of_database_is_refused_before_anything_is_written(
    db: None, tmp_path: Path
) -> None:
    manifest: dict[str, object] = {
        "format": "papershelf-backup",
        "format_version": 2,
        "created_at": "2026-12-01T00:00:00+00:00",
        "app_version": "0.1",
        "migrations": {},
        "files": {},
    }
    if connection.vendor == "sqlite":
        manifest["database"] = "postgresql"
        expected = "holds a PostgreSQL database.* set DATABASE_URL"
    else:  # an older backup names no database: it holds SQLite's
        expected = "holds a SQLite database,.* restore it with DATABASE_URL unset"
    data = json.dumps(manifest).encode()
    with tarfile.open(tmp_path / "other.tar.gz", "w:gz") as archive:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    home = tmp_path / "home"
    with pytest.raises(BackupError, match=expected) as refused:
        restore_backup(tmp_path / "other.tar.gz", home)
    assert "Nothing was written" in str(refused.value)
    assert not home.exists() and [p.name for p in tmp_path.iterdir()] == ["other.tar.gz"]


def test_the_password_goes_to_pg_dump_through_the_environment_not_the_command_line(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(connection.settings_dict, "PASSWORD", "correct-horse-battery")
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", {"sslmode": "prefer", "pool": False})
    args, env = _connection_arguments()
    assert "correct-horse-battery" not in " ".join(args)
    assert env["PGPASSWORD"] == "correct-horse-battery" and env["PGSSLMODE"] == "prefer"
    assert args[0].startswith("--dbname=") and "sslmode=prefer" in args[0]
    assert "pool" not in args[0]  # Django's own options are not libpq's
