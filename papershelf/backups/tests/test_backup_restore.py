"""Backup → restore loses nothing: every row of every table and every media file.

The shelf is written through the services (so revisions, attachments and figures are
real files under media/), backed up from the live test database with SQLite's backup
API, and restored into an empty directory beside it; the restored database is then
read with plain sqlite3 and compared table by table with the live one.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from papershelf.backups.services import (
    BackupError,
    check_empty,
    create_backup,
    restore_backup,
)

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[3]
# A backup snapshots the SQLite file through SQLite's own backup API; a PostgreSQL shelf
# is dumped with pg_dump (test_postgresql.py).
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="reads the SQLite copy back with sqlite3"
)


def rows(db: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    names = [
        name
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("sqlite_")
    ]
    return {
        name: sorted(db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)  # noqa: S608
        for name in sorted(names)
    }


def media_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@sqlite_only
@pytest.mark.parametrize("name", ["shelf.tar.gz", "shelf.zip"])
def test_a_restored_backup_has_every_row_and_every_media_file_byte_for_byte(
    shelf: None, tmp_path: Path, name: str
) -> None:
    archive = tmp_path / name
    report = create_backup(archive)
    assert report.media >= 2 and oct(archive.stat().st_mode & 0o777) == "0o600"

    home = tmp_path / "home"
    restored = restore_backup(archive, home)

    assert restored.to_migrate == []
    # A plain sqlite3 connection on both sides: Django's converts timestamps as it reads.
    with sqlite3.connect(connection.settings_dict["NAME"], uri=True) as db:
        live = rows(db)
    with sqlite3.connect(home / "papershelf.sqlite3") as db:
        copy = rows(db)
    assert set(copy) == set(live)
    assert copy == live
    assert sum(len(r) for r in live.values()) > 50
    assert len(live["summaries_revision"]) == 3 and len(live["summaries_attachment"]) == 1
    media = media_files(Path(settings.MEDIA_ROOT))
    assert media == media_files(home / "media") and len(media) >= 2
    assert (home / "secret_key").read_bytes() == (Path(settings.HOME) / "secret_key").read_bytes()
    assert not (home / "search").exists()  # rebuilt from the database, never restored


@sqlite_only
def test_the_manifest_names_versions_migrations_checksums_and_what_is_left_out(
    shelf: None, tmp_path: Path
) -> None:
    create_backup(tmp_path / "shelf.tar.gz")
    with tarfile.open(tmp_path / "shelf.tar.gz") as archive:
        assert archive.getnames()[0] == "manifest.json"
        manifest = json.load(archive.extractfile("manifest.json"))  # type: ignore[arg-type]
    assert manifest["app_version"] and "0001_initial" in manifest["migrations"]["papers"]
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"].values())
    assert "papershelf.sqlite3" in manifest["files"] and "search/" in manifest["left_out"]


@sqlite_only
def test_restore_refuses_a_directory_that_is_not_empty(db: None, tmp_path: Path) -> None:
    create_backup(tmp_path / "shelf.zip")
    home = tmp_path / "home"
    (home / "media").mkdir(parents=True)
    (home / "secret_key").write_text("x" * 40)
    check_empty(home)  # what a first start makes still counts as empty
    (home / "notes.txt").write_text("mine")
    with pytest.raises(BackupError, match=r"is not empty \(it holds notes.txt\)"):
        restore_backup(tmp_path / "shelf.zip", home)
    assert (home / "notes.txt").read_text() == "mine"


@sqlite_only
def test_a_damaged_backup_is_refused_and_nothing_is_restored(shelf: None, tmp_path: Path) -> None:
    create_backup(tmp_path / "shelf.tar.gz")
    with tarfile.open(tmp_path / "shelf.tar.gz") as archive:
        members = [(m, archive.extractfile(m).read()) for m in archive.getmembers()]  # type: ignore[union-attr]
    with tarfile.open(tmp_path / "bad.tar.gz", "w:gz") as bad:
        for member, data in members:
            if member.name.startswith("media/attachments/"):
                data = data[:-1] + b"\x00"
            bad.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match="checksum does not match"):
        restore_backup(tmp_path / "bad.tar.gz", tmp_path / "home")
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").iterdir())


@sqlite_only
def test_a_backup_from_a_newer_version_is_refused_with_a_clear_message(
    db: None, tmp_path: Path
) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO django_migrations (app, name, applied) "
            "VALUES ('papers', '9999_from_the_future', CURRENT_TIMESTAMP)"
        )
    create_backup(tmp_path / "future.tar.gz")
    home = tmp_path / "home"
    with pytest.raises(BackupError) as refused:
        restore_backup(tmp_path / "future.tar.gz", home)
    message = str(refused.value)
    assert "newer Papershelf" in message and "papers.9999_from_the_future" in message
    assert "Nothing was written" in message and not home.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["future.tar.gz"]  # no staging left


@pytest.mark.slow
def test_the_commands_restore_a_backup_from_an_older_schema_and_migrate_it(
    tmp_path: Path,
) -> None:
    def papershelf(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PAPERSHELF_HOME": str(home)}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        env.pop("DATABASE_URL", None)  # new shelves of their own: SQLite in each directory
        return subprocess.run(  # noqa: S603 - our own command
            [sys.executable, "-m", "papershelf", *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip

    old, new = tmp_path / "old", tmp_path / "new"
    assert papershelf(old, "manage", "migrate", "-v0").returncode == 0
    assert papershelf(old, "manage", "migrate", "api", "zero", "-v0").returncode == 0  # "older"
    made = papershelf(old, "backup", str(tmp_path / "old.zip"))
    assert made.returncode == 0, made.stderr
    restored = papershelf(new, "restore", str(tmp_path / "old.zip"))
    assert restored.returncode == 0, restored.stderr
    assert "Migrated the database" in restored.stdout
    with sqlite3.connect(new / "papershelf.sqlite3") as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    assert "api_apitoken" in tables or any(t.startswith("api_") for t in tables)
    again = papershelf(new, "restore", str(tmp_path / "old.zip"))
    assert again.returncode == 1 and "is not empty" in again.stderr
