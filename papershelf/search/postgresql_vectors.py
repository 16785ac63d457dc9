"""The vector index on PostgreSQL: pgvector's HNSW index over ``Embedding.vector``.

It answers what the usearch file answers on SQLite (``vectors.VectorIndex``), from the
database itself: the index is written in the transaction that writes each vector, so
there is nothing to load, sync or save, and a deleted row's key never lingers.

HNSW always answers (m 16, ef_construction 128 and ef_search 128, as the usearch
graph); its recall@10 against an exact scan is measured by benchmarks/search_bench.py.

A walk of the graph visits index entries whose rows are dead (deleted, updated or
rolled back, until VACUUM) and the executor drops them after the walk: near many dead
copies of a vector, a fixed-width walk would answer with fewer rows than asked, or none.
On pgvector 0.8 the walk goes on past them (``hnsw.iterative_scan``); on older ones, and
should the walk still stop short, a query answered short is read again exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import numpy as np
from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from pgvector import Vector

from papershelf.search.models import Embedding
from papershelf.search.vectors import Neighbour, Vectors

TABLE = "search_embedding"
HNSW_INDEX = "search_embedding_vector_hnsw"  # made by migration 0011
CREATE_HNSW_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {HNSW_INDEX} ON {TABLE} "
    "USING hnsw (vector vector_cosine_ops) WITH (m = 16, ef_construction = 128)"
)
# pgvector's ceiling for ef_search: a walk returns at most this many neighbours.
MAX_EF_SEARCH = 1000
# As measured on PostgreSQL (docs/performance.md); usearch's expansion rose to 512 later
# and pgvector's was not measured again, so it stays where it was measured.
EF_SEARCH = 128


def _nearest_sql(exact: bool) -> str:
    """The nearest rows to each of an array of vectors, in one statement."""
    # "+ 0": an expression the index cannot order by, so the planner scans every row.
    distance = "(e.vector <=> q.v)" + (" + 0" if exact else "")
    # Only constants are formatted in: the vectors and the count are parameters.
    return (
        "SELECT q.i, nearest.id, nearest.distance "  # noqa: S608
        "FROM unnest(%s::vector[]) WITH ORDINALITY AS q(v, i) CROSS JOIN LATERAL "
        f"(SELECT e.id, {distance} AS distance FROM {TABLE} e ORDER BY distance LIMIT %s) "
        "AS nearest ORDER BY q.i, nearest.distance"
    )


@cache
def _walks_on(alias: str) -> bool:
    """Whether this database's pgvector can walk on past dead rows (0.8 or newer)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
        row = cursor.fetchone()
    major_minor = tuple(int(part) for part in row[0].split(".")[:2]) if row else (0, 0)
    return major_minor >= (0, 8)


def _widen_the_walk(count: int) -> None:
    """Walk the graph wide enough for ``count`` neighbours, in this transaction only."""
    ef_search = min(max(EF_SEARCH, count), MAX_EF_SEARCH)
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('hnsw.ef_search', %s, true)", [str(ef_search)])
        if _walks_on(connection.settings_dict["NAME"]):
            # strict_order: results stay in distance order, as the LIMIT needs.
            cursor.execute("SELECT set_config('hnsw.iterative_scan', 'strict_order', true)")


def _create_graph(cursor: CursorWrapper) -> None:
    if connection.in_atomic_block:
        # An index cannot be made while foreign keys wait to be checked at commit.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute(f"DROP INDEX IF EXISTS {HNSW_INDEX}")
    cursor.execute(CREATE_HNSW_INDEX)
    if connection.in_atomic_block:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _read_nearest(vectors: np.ndarray, count: int, exact: bool) -> list[list[Neighbour]]:
    found: list[list[Neighbour]] = [[] for _ in vectors]
    with transaction.atomic():
        if not exact:
            _widen_the_walk(count)
        with connection.cursor() as cursor:
            queries = [Vector(v).to_text() for v in vectors]
            cursor.execute(_nearest_sql(exact), [queries, count])
            rows = cursor.fetchall()
    for i, pk, distance in rows:
        found[i - 1].append(Neighbour(int(pk), 1.0 - float(distance)))
    return found


class PgVectorIndex:
    """The same questions as ``VectorIndex``, answered by the database."""

    def sync(self, progress: Callable[[int], None] | None = None, *, lazy: bool = False) -> int:
        """Nothing to bring level: the database indexed each vector as it was written."""
        return 0

    def save(self) -> None:
        """Nothing to write: the index is in the database."""

    def is_empty(self) -> bool:
        return not Embedding.objects.exists()

    def search(self, vector: Vectors, count: int, *, exact: bool | None = None) -> list[Neighbour]:
        """The ``count`` nearest keys; ``exact`` scans every vector instead of the graph."""
        return self._nearest(np.atleast_2d(vector), count, bool(exact))[0]

    def search_many(self, vectors: np.ndarray, count: int) -> list[list[Neighbour]]:
        """The neighbours of each row of ``vectors``, in one statement."""
        return self._nearest(np.atleast_2d(vectors), count, False) if len(vectors) else []

    def _nearest(self, vectors: np.ndarray, count: int, exact: bool) -> list[list[Neighbour]]:
        if count <= 0:
            return [[] for _ in vectors]
        found = _read_nearest(vectors, count, exact)
        if exact:
            return found
        short = [i for i, neighbours in enumerate(found) if len(neighbours) < count]
        if short:  # fewer than asked: a small shelf, or a walk that stopped short
            stored = len(self)
            short = [i for i in short if len(found[i]) < stored]
        if short:
            again = _read_nearest(vectors[short], count, True)
            for i, neighbours in zip(short, again, strict=True):
                found[i] = neighbours
        return found

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """Build the HNSW graph anew (after a bulk load, or to tighten it after many
        deletions). Returns the vectors it holds.

        Outside a transaction an existing graph is rebuilt beside the old one, which
        answers searches (and takes writes) until the new one replaces it.
        """
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [HNSW_INDEX])
            exists = cursor.fetchone()[0]
            if exists and not connection.in_atomic_block:
                cursor.execute(f"REINDEX INDEX CONCURRENTLY {HNSW_INDEX}")
            else:
                _create_graph(cursor)
        count = len(self)
        if progress:
            progress(count)
        return count

    def drop_graph(self) -> None:
        """Drop the HNSW index before a bulk load (``rebuild`` makes it again): filling an
        empty graph at once is far faster than growing it row by row."""
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {HNSW_INDEX}")

    def __len__(self) -> int:
        return Embedding.objects.count()
