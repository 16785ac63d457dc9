"""The database's own integrity check, on whichever database the suite runs."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from django.db import connection

from papershelf.cli import main
from papershelf.ops.integrity import check_database
from papershelf.papers.models import Paper

pytestmark = pytest.mark.django_db


def test_a_healthy_database_passes_its_own_check(paper: Paper) -> None:
    with connection.cursor() as cursor:
        report = check_database(cursor, connection.vendor)
    assert report.ok, report.problems


@pytest.mark.skipif(connection.vendor != "postgresql", reason="amcheck is PostgreSQL's")
def test_postgresql_checks_every_index_with_amcheck_when_it_is_installed(paper: Paper) -> None:
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS amcheck")  # the suite runs as superuser
        report = check_database(cursor, connection.vendor)
    assert report.ok and report.method == "PostgreSQL amcheck (indexes and tables)"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="amcheck is PostgreSQL's")
def test_without_amcheck_postgresql_reads_every_table_and_says_how_to_check_more() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP EXTENSION IF EXISTS amcheck")
        report = check_database(cursor, connection.vendor)
    assert report.ok and report.method == "every table read through"
    assert "CREATE EXTENSION amcheck" in report.advice


class DamagedSQLite:
    """A cursor whose quick_check finds what a torn page leaves behind."""

    def execute(self, sql: str, params: Any = ()) -> None:
        assert sql == "PRAGMA quick_check"

    def fetchall(self) -> list[tuple[str]]:
        return [("row 7 missing from index papers_paper_year",), ("page 12 is never used",)]


def test_what_the_check_finds_is_reported_line_by_line() -> None:
    report = check_database(DamagedSQLite(), "sqlite")
    assert not report.ok
    assert report.problems == [
        "row 7 missing from index papers_paper_year",
        "page 12 is never used",
    ]


def test_doctor_names_the_check_it_ran(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("papershelf.cli.setup_django", lambda migrate=True: None)
    result = CliRunner().invoke(main, ["doctor"])
    assert "integrity" in result.output and ": ok" in result.output
    monkeypatch.setattr(
        "papershelf.ops.integrity.check_database",
        lambda cursor, vendor: check_database(DamagedSQLite(), "sqlite"),
    )
    damaged = CliRunner().invoke(main, ["doctor"])
    assert damaged.exit_code == 1 and "row 7 missing from index" in damaged.output
    assert "fix: restore the last backup" in damaged.output
