"""``papershelf reindex --rebuild`` on PostgreSQL rebuilds, not only syncs.

The damage is what a bad bulk load or a killed REINDEX leaves: the trigger disabled and
the search columns emptied (nothing matches), a GIN index dropped, and an invalid
half-built copy of another. After the rebuild every search answers as before.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.db import connection

from papershelf import cli
from papershelf.papers.models import Paper
from papershelf.search.backends.postgresql_rebuild import DOCUMENTS, GIN_INDEXES, TRIGGER
from papershelf.search.services import search
from papershelf.search.tests.conftest import add_paper, postgresql_only

# CONCURRENTLY, as in production: it cannot run inside a test's transaction.
pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _no_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "setup_django", lambda migrate=True: None)


def found(query: str) -> list[int]:
    return [hit.paper.pk for hit in search(query, mode="keyword").hits]


def index_state() -> dict[str, bool]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, i.indisvalid FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = %s::regclass",
            [DOCUMENTS],
        )
        return dict(cursor.fetchall())


def test_a_rebuild_brings_back_emptied_search_columns_and_damaged_indexes(
    shelf: dict[str, Paper],
) -> None:
    assert found("rewind pruning") == [shelf["lottery"].pk]
    assert found("au:ioffe") == [shelf["bn"].pk]
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {DOCUMENTS} DISABLE TRIGGER {TRIGGER}")
        cursor.execute("UPDATE search_searchdocument SET search_vector = NULL, title_vector = ''")
        cursor.execute("DROP INDEX search_document_title_vector_gin")
        # What a REINDEX CONCURRENTLY killed half-way leaves: an invalid copy.
        cursor.execute(
            "CREATE INDEX search_document_vector_gin_ccnew "
            "ON search_searchdocument USING gin (search_vector)"
        )
        cursor.execute(
            "UPDATE pg_index SET indisvalid = false "
            "WHERE indexrelid = 'search_document_vector_gin_ccnew'::regclass"
        )
    assert found("rewind pruning") == [] and found("au:ioffe") == []

    result = CliRunner().invoke(cli.main, ["reindex", "--rebuild", "--keyword-only"])

    assert result.exit_code == 0, result.output
    assert found("rewind pruning") == [shelf["lottery"].pk]
    assert found("au:ioffe") == [shelf["bn"].pk]
    indexes = index_state()
    assert all(indexes.get(name) for name in GIN_INDEXES) and all(indexes.values())
    assert "search_document_vector_gin_ccnew" not in indexes
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_searchdocument WHERE title_vector = ''")
        assert cursor.fetchone()[0] == 0
        cursor.execute("SELECT tgenabled FROM pg_trigger WHERE tgname = %s", [TRIGGER])
        assert cursor.fetchone()[0] == "O"  # later writes are indexed again
    later = add_paper("Pruning Revisited: Rewinding Early")
    assert found("revisited") == [later.pk]
