"""Keyword search backends, chosen by ``connection.vendor``: the seam between search and
the engines behind it (see docs/performance.md, "The keyword engine seam").

Each backend answers the same four questions about a :class:`ParsedQuery` (ranked ids,
filter ids, snippets, type-ahead); everything vendor-neutral (facets, fusion,
permissions, the semantic side) stays in ``services.py``. On SQLite, tantivy ranks and
filters (true BM25 top-k at any size) and FTS5 makes snippets and type-ahead. On
PostgreSQL the database does all four (``postgresql.py``: a weighted tsvector with a GIN
index, idf × ts_rank, ts_headline). An external engine (OpenSearch, for a hub that
outgrows one machine) is one more backend, fed from the outbox tantivy reads.
"""

from __future__ import annotations

from django.db import connection

from papershelf.search.backends.base import KeywordBackend
from papershelf.search.backends.postgresql import PostgresBackend
from papershelf.search.backends.tantivy_backend import TantivyBackend

BACKENDS: dict[str, type[KeywordBackend]] = {
    "sqlite": TantivyBackend,
    "postgresql": PostgresBackend,
}


class UnsupportedDatabase(RuntimeError):
    pass


def get_backend() -> KeywordBackend:
    try:
        return BACKENDS[connection.vendor]()
    except KeyError:
        raise UnsupportedDatabase(f"No search backend for {connection.vendor} yet") from None
