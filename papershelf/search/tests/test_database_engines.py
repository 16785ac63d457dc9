"""Search runs on each database's own engines, set up by migrations that know which.

SQLite: FTS5 and tantivy for words, a usearch file for vectors; the PostgreSQL
migrations leave it untouched. PostgreSQL: a tsvector with a GIN index and pgvector's
HNSW index, made by migrations that say what to ask an administrator for when this
role may not create an extension.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection

from papershelf.papers.models import Paper
from papershelf.search.embedding import DIMENSIONS, MODEL_ID
from papershelf.search.models import Embedding
from papershelf.search.tests.conftest import postgresql_only, sqlite_only

pytestmark = pytest.mark.django_db


def _column_types(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, table)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"SELECT name, type FROM pragma_table_info('{table}')")  # noqa: S608
        else:
            cursor.execute(
                "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
                [table],
            )
        types = dict(cursor.fetchall())
    return {column.name: types[column.name].lower() for column in description}


def _indexes(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
        return dict(cursor.fetchall())


@sqlite_only
def test_on_sqlite_the_postgresql_migrations_change_nothing_in_the_database() -> None:
    assert _column_types("search_embedding")["vector"] == "blob"
    assert "search_vector" not in _column_types("search_searchdocument")


@postgresql_only
def test_on_postgresql_vectors_are_pgvector_with_an_hnsw_index() -> None:
    assert _column_types("search_embedding")["vector"] == f"vector({DIMENSIONS})"
    hnsw = _indexes("search_embedding")["search_embedding_vector_hnsw"]
    assert "USING hnsw (vector vector_cosine_ops)" in hnsw


@postgresql_only
def test_on_postgresql_documents_have_weighted_tsvectors_with_gin_indexes() -> None:
    columns = _column_types("search_searchdocument")
    assert columns["search_vector"] == columns["title_vector"] == "tsvector"
    indexes = _indexes("search_searchdocument")
    assert "USING gin (search_vector)" in indexes["search_document_vector_gin"]
    assert "USING gin (title_vector)" in indexes["search_document_title_vector_gin"]


def test_a_vector_is_read_back_exactly_as_it_was_written(shelf: dict[str, Paper]) -> None:
    rng = np.random.default_rng(3)
    vectors = rng.normal(0, 0.05, (40, DIMENSIONS)).astype(np.float32)
    vectors[0, :4] = [1e-30, -3e38, 1 / 3, -0.0]  # tiny, huge, unending, negative zero
    rows = Embedding.objects.bulk_create(
        Embedding(paper=shelf["bn"], kind="paper", text="", text_hash=str(i),
                  model_id=MODEL_ID, vector=vector.tobytes())
        for i, vector in enumerate(vectors)
    )  # fmt: skip
    stored = dict(Embedding.objects.filter(pk__in=[r.pk for r in rows]).values_list("pk", "vector"))
    assert [bytes(stored[r.pk]) for r in rows] == [v.tobytes() for v in vectors]


class _RefusingCursor:
    """A PostgreSQL role without the extension that may not create it."""

    def execute(self, sql: str, params: object = None) -> None:
        if sql.startswith("CREATE EXTENSION"):
            raise DatabaseError('permission denied to create extension "vector"')

    def fetchone(self) -> None:
        return None  # not installed yet


class _RefusingConnection:
    vendor = "postgresql"
    settings_dict = {"NAME": "shelf"}

    @contextmanager
    def cursor(self) -> Iterator[_RefusingCursor]:
        yield _RefusingCursor()


class _Editor:
    connection = _RefusingConnection()


def test_a_role_that_may_not_create_pgvector_is_told_what_to_ask_for() -> None:
    migration = importlib.import_module("papershelf.search.migrations.0010_postgresql_extensions")
    with pytest.raises(ImproperlyConfigured) as refused:
        migration.create_extensions(None, _Editor())
    message = str(refused.value)
    assert "CREATE EXTENSION vector;" in message
    assert "'shelf'" in message and "README.md" in message
    assert "permission denied" in message  # what the server said, too
