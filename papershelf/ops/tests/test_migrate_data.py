"""``migrate-data`` moves a whole shelf to another database and back without losing a row.

The round trip (SQLite → PostgreSQL → SQLite) needs a PostgreSQL server, so it runs in
the suite's PostgreSQL pass (``make test-postgres``, ``.ci/run``) and is skipped on SQLite.
Everything a refused move must leave untouched is tested on both databases with SQLite
targets. Each target is migrated the way the error message tells a person to: by
``papershelf manage migrate`` with ``DATABASE_URL`` set, in its own process.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, models
from django.utils import timezone
from PIL import Image

from papershelf.accounts.models import User
from papershelf.api.tokens import create_token
from papershelf.cli import main
from papershelf.demo import load_demo
from papershelf.discussions.services import add_comment
from papershelf.follows.services import follow
from papershelf.jobs.models import Job
from papershelf.ops import migrate_data as migration
from papershelf.ops.migrate_data import MigrateDataError, migrate_data, open_database
from papershelf.ops.pgtest import new_database
from papershelf.papers.models import Paper
from papershelf.search.embedding import DIMENSIONS
from papershelf.search.models import Embedding
from papershelf.summaries.models import Revision, Summary, Visibility
from papershelf.summaries.services import (
    SummaryData,
    attach_image,
    create_summary,
    update_summary,
)
from papershelf.votes.services import cast_vote

ROOT = Path(__file__).resolve().parents[3]
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the round trip needs a PostgreSQL server: make test-postgres runs it",
)


def migrate_schema(url: str, home: Path) -> None:
    """What the refusal tells a person to run: the schema, in a process of its own."""
    env = {**os.environ, "DATABASE_URL": url, "PAPERSHELF_HOME": str(home)}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # the real settings, not the tests'
    done = subprocess.run(
        [sys.executable, "-m", "papershelf", "manage", "migrate", "-v0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, migrated SQLite database; tests take copies of it."""
    folder = tmp_path_factory.mktemp("migrated")
    path = folder / "empty.sqlite3"
    migrate_schema(f"sqlite:///{path}", folder / "home")
    return path


@pytest.fixture
def empty_sqlite(migrated_sqlite: Path, tmp_path: Path) -> Path:
    path = tmp_path / "target.sqlite3"
    shutil.copy(migrated_sqlite, path)
    return path


def png(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def shelf(alice: User, bob: User, paper: Paper) -> None:
    """A shelf with something in every corner: the demo, revisions, files, votes, jobs…"""
    load_demo("alice")
    paper.figure.save("attention.png", ContentFile(png("green")))
    summary = create_summary(paper, alice, SummaryData(body="First: $QK^T$.\n\n![a](a.png)"))
    attach_image(summary, "a.png", png("white"), "a.png")
    update_summary(summary, SummaryData(body="Second: $\\mathrm{softmax}(QK^T)V$."), alice)
    create_summary(paper, bob, SummaryData(body="Bob's own.", visibility=Visibility.PRIVATE))
    cast_vote(bob, summary, 1)
    add_comment(summary, bob, "Which heads?")
    follow(bob, alice)
    create_token(alice, "laptop", read_only=True)
    Job.objects.create(kind="import", owner=alice, title="A big file", params={"n": [1, 2]})
    vector = np.linspace(-1, 1, DIMENSIONS, dtype=np.float32).tobytes()  # float32s, exactly
    Embedding.objects.create(
        paper=paper, kind="paper", text="t", text_hash="h", model_id="m", vector=vector
    )
    # An edit long after the first save: a copy that re-stamps times would be caught.
    Summary.objects.filter(pk=summary.pk).update(updated_at=timezone.now() - timedelta(days=400))


def copied_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed
    ]


def every_row(alias: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, by primary key, as Python values."""

    def plain(value: Any) -> Any:
        return bytes(value) if isinstance(value, memoryview) else value

    return {
        model._meta.label: [
            tuple(plain(value) for value in row)
            for row in model._base_manager.using(alias)
            .order_by("pk")
            .values_list(*[f.attname for f in model._meta.concrete_fields])
        ]
        for model in copied_models()
    }


# --- The round trip, on PostgreSQL -------------------------------------------------------


@pytest.fixture
def empty_postgres(tmp_path: Path) -> Iterator[str]:
    """A new, migrated database on the suite's PostgreSQL server; dropped afterwards."""
    with new_database(os.environ["DATABASE_URL"]) as url:
        migrate_schema(url, tmp_path / "pg-home")
        yield url


@on_postgres
def test_a_shelf_goes_from_sqlite_to_postgresql_and_back_without_losing_a_row(
    shelf: None, empty_postgres: str, migrated_sqlite: Path, tmp_path: Path
) -> None:
    there, back = tmp_path / "there.sqlite3", tmp_path / "back.sqlite3"
    shutil.copy(migrated_sqlite, there)
    shutil.copy(migrated_sqlite, back)
    original = every_row("default")

    migrate_data(f"sqlite:///{there}")  # the suite's PostgreSQL shelf → SQLite
    first = migrate_data(empty_postgres, source_url=f"sqlite:///{there}")  # SQLite → PostgreSQL
    migrate_data(f"sqlite:///{back}", source_url=empty_postgres)  # and back

    with (
        open_database(f"sqlite:///{there}", "there") as sqlite_alias,
        open_database(empty_postgres, "moved") as postgres_alias,
        open_database(f"sqlite:///{back}", "back") as back_alias,
    ):
        assert every_row(sqlite_alias) == original
        assert every_row(postgres_alias) == original
        assert every_row(back_alias) == original
        # The sequences moved past the copied ids: the next paper gets a new one.
        newest = Paper._base_manager.using(postgres_alias).order_by("-pk")[0]
        newest.pk = None
        newest.arxiv_id, newest.doi = "2401.00001", ""
        newest.save(using=postgres_alias)
        assert newest.pk > max(row[0] for row in original["papers.Paper"])
    assert len(original["summaries.Revision"]) == Revision.objects.count() >= 3
    assert first.total == sum(len(rows) for rows in original.values()) and first.sequences > 0
    assert first.media == 2 and first.missing_media == []


# --- Refusals, on either database: nothing is written ------------------------------------


def test_a_shelf_is_copied_to_an_empty_database_with_its_ids_and_times(
    shelf: None, empty_sqlite: Path
) -> None:
    report = migrate_data(f"sqlite:///{empty_sqlite}")
    with open_database(f"sqlite:///{empty_sqlite}", "copy") as alias:
        assert every_row(alias) == every_row("default")
    assert report.rows["summaries.Revision"] == Revision.objects.count() > 3
    assert report.rows["papers.Paper"] == Paper.objects.count() > 5
    assert report.media == 2 and report.skipped == {}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://shelf@db/papers", "must start with postgres://"),
        ("sqlite://", "must name a file"),
    ],
)
def test_a_target_url_that_names_no_usable_database_is_refused(
    db: None, url: str, message: str
) -> None:
    with pytest.raises(MigrateDataError, match=message):
        migrate_data(url)


def test_a_missing_sqlite_file_is_refused_without_creating_it(db: None, tmp_path: Path) -> None:
    target = tmp_path / "new.sqlite3"
    with pytest.raises(MigrateDataError, match=r"does not exist.*papershelf manage migrate"):
        migrate_data(f"sqlite:///{target}")
    assert not target.exists()


def test_a_missing_source_file_is_refused_without_creating_it(
    db: None, tmp_path: Path, empty_sqlite: Path
) -> None:
    source = tmp_path / "typo.sqlite3"
    with pytest.raises(MigrateDataError, match=r"typo\.sqlite3 does not exist"):
        migrate_data(f"sqlite:///{empty_sqlite}", source_url=f"sqlite:///{source}")
    assert not source.exists()


def test_a_target_without_the_schema_is_refused_with_the_command_that_makes_it(
    db: None, tmp_path: Path
) -> None:
    target = tmp_path / "blank.sqlite3"
    target.touch()
    with pytest.raises(MigrateDataError) as refused:
        migrate_data(f"sqlite:///{target}")
    assert "lacks" in str(refused.value)
    assert f"DATABASE_URL=sqlite:///{target} papershelf manage migrate" in str(refused.value)
    with sqlite3.connect(target) as blank:
        assert blank.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


def test_a_target_that_already_holds_a_shelf_is_refused_and_left_alone(
    shelf: None, empty_sqlite: Path
) -> None:
    migrate_data(f"sqlite:///{empty_sqlite}")
    before = empty_sqlite.read_bytes()
    with pytest.raises(MigrateDataError, match=r"already holds data \(.*accounts.User"):
        migrate_data(f"sqlite:///{empty_sqlite}")
    assert empty_sqlite.read_bytes() == before


def test_the_shelf_is_not_copied_onto_itself(db: None, tmp_path: Path) -> None:
    path = tmp_path / "shelf.sqlite3"
    with pytest.raises(MigrateDataError, match="the same database"):
        migrate_data(f"sqlite:///{path}", source_url=f"sqlite:///{path}")


def test_a_copy_that_fails_part_way_leaves_the_target_as_it_was(
    shelf: None, empty_sqlite: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_database(f"sqlite:///{empty_sqlite}", "before") as alias:
        before = every_row(alias)
    real_insert = migration._insert

    def insert_until_revisions(model: type[models.Model], *args: Any) -> None:
        if model is Revision:
            raise DatabaseError("disk full")
        real_insert(model, *args)

    monkeypatch.setattr(migration, "_insert", insert_until_revisions)
    with pytest.raises(MigrateDataError, match=r"summaries.Revision.*disk full.*nothing was"):
        migrate_data(f"sqlite:///{empty_sqlite}")
    with open_database(f"sqlite:///{empty_sqlite}", "after") as alias:
        assert every_row(alias) == before
    assert before["contenttypes.ContentType"]  # what migrate wrote is still there


# --- The command ------------------------------------------------------------------------


def test_the_command_moves_the_shelf_and_says_what_to_run_next(
    shelf: None, empty_sqlite: Path
) -> None:
    result = CliRunner().invoke(main, ["migrate-data", "--to", f"sqlite:///{empty_sqlite}"])
    assert result.exit_code == 0, result.output
    assert f"to SQLite {empty_sqlite}; 2 media file(s) referenced" in result.output
    assert f"DATABASE_URL=sqlite:///{empty_sqlite} papershelf reindex --rebuild" in result.output


def test_the_command_refuses_in_one_line_and_hides_the_password(db: None) -> None:
    result = CliRunner().invoke(main, ["migrate-data", "--to", "postgres://me:s3cret@%2Fnowhere/x"])
    assert result.exit_code == 1
    error = result.output.strip()
    assert error.startswith("Error: cannot use the target database") and "\n" not in error
    assert "s3cret" not in error
