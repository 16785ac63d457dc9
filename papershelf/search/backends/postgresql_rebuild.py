"""``reindex --rebuild`` on PostgreSQL: every document's tsvectors again, then the indexes.

The vectors are the trigger's to write (migration 0012), so the rebuild touches each
batch of documents (``SET title = title``) in a transaction of its own and the trigger
computes them again: a writer waits for one batch at most. A disabled trigger would
leave every later write unsearchable, so it is enabled again first.

Then each GIN index is built anew with ``REINDEX INDEX CONCURRENTLY``: searches and
writes go on while it builds, on the old index. An index that is missing is created
again (concurrently) from the definition migration 0012 gave it, and the half-built
copies a killed REINDEX leaves behind (``…_ccnew``, invalid) are dropped. The HNSW index
over the embeddings is pgvector's (``PgVectorIndex.rebuild``); its leftovers go here too.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection, transaction

DOCUMENTS = "search_searchdocument"
EMBEDDINGS = "search_embedding"
TRIGGER = "search_document_vectors"
# As migration 0012 made them.
GIN_INDEXES = {
    "search_document_vector_gin": "USING gin (search_vector)",
    "search_document_title_vector_gin": "USING gin (title_vector)",
    "search_document_headline_gin": "USING gin (ts_filter(search_vector, '{a,b}'))",
}
_BATCH = 2_000


class RebuildError(RuntimeError):
    """The search indexes cannot be rebuilt; the message says what to do."""


def rebuild_full_text(progress: Callable[[int], None] | None = None) -> int:
    """Recompute every document's vectors and rebuild the GIN indexes; returns the
    documents recomputed."""
    _enable_the_trigger()
    count = _recompute_vectors(progress)
    for table in (DOCUMENTS, EMBEDDINGS):
        drop_leftover_builds(table)
    for name, definition in GIN_INDEXES.items():
        _rebuild_index(name, f"ON {DOCUMENTS} {definition}")
    if not connection.in_atomic_block:
        # Ranking reads the words' frequencies from these statistics. Not inside a
        # transaction: ANALYZE writes the row count in place, kept even by a rollback.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {DOCUMENTS}")
    return count


def _enable_the_trigger() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgenabled FROM pg_trigger WHERE tgrelid = %s::regclass AND tgname = %s",
            [DOCUMENTS, TRIGGER],
        )
        row = cursor.fetchone()
        if row is None:
            raise RebuildError(
                f"the trigger that writes the search vectors ({TRIGGER}, migration "
                "search.0012) is missing: run `papershelf manage migrate search 0011` "
                "and `papershelf manage migrate`, then reindex --rebuild again"
            )
        if row[0] == "D":
            cursor.execute(f"ALTER TABLE {DOCUMENTS} ENABLE TRIGGER {TRIGGER}")


def _recompute_vectors(progress: Callable[[int], None] | None) -> int:
    last, count = 0, 0
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT paper_id FROM {DOCUMENTS} WHERE paper_id > %s ORDER BY paper_id LIMIT %s",
                [last, _BATCH],
            )
            ids = [pk for (pk,) in cursor.fetchall()]
            if not ids:
                return count
            # The trigger writes the vectors of every row an UPDATE touches.
            cursor.execute(
                f"UPDATE {DOCUMENTS} SET title = title WHERE paper_id = ANY(%s)",
                [ids],
            )
        last, count = ids[-1], count + len(ids)
        if progress:
            progress(len(ids))


def _concurrently() -> str:
    # CONCURRENTLY cannot run inside a transaction (a test's, or a caller's atomic block).
    return "" if connection.in_atomic_block else " CONCURRENTLY"


def _rebuild_index(name: str, definition: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [name])
        if cursor.fetchone()[0]:
            # Also rebuilds one left invalid by a CREATE INDEX CONCURRENTLY that died.
            cursor.execute(f"REINDEX INDEX{_concurrently()} {name}")
        else:
            cursor.execute(f"CREATE INDEX{_concurrently()} {name} {definition}")


def drop_leftover_builds(table: str) -> list[str]:
    """Drop the invalid copies a killed REINDEX CONCURRENTLY left on ``table``."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = %s::regclass AND NOT i.indisvalid "
            "AND c.relname ~ '_cc(new|old)[0-9]*$'",
            [table],
        )
        names = [name for (name,) in cursor.fetchall()]
        for name in names:
            cursor.execute(f'DROP INDEX{_concurrently()} IF EXISTS "{name}"')
    return names
