"""PostgreSQL full-text search (tsvector + GIN over SearchDocument): not written yet.

It arrives with the PostgreSQL issue: a generated tsvector column weighted A (title),
B (authors, topics), C (abstract, venue), D (summaries), ts_rank_cd for ranking,
websearch_to_tsquery-like translation of ParsedQuery, and ts_headline for snippets.
Until then a PostgreSQL shelf says so instead of pretending to search.
"""

from __future__ import annotations

from papershelf.search.backends.base import Snippet
from papershelf.search.query import ParsedQuery

_NOT_YET = "Full-text search on PostgreSQL is not implemented yet (SQLite only for now)."


class PostgresBackend:
    def ranked_ids(self, query: ParsedQuery, limit: int) -> list[int]:
        raise NotImplementedError(_NOT_YET)

    def filter_ids(self, query: ParsedQuery, ids: list[int]) -> set[int]:
        raise NotImplementedError(_NOT_YET)

    def snippets(self, query: ParsedQuery, ids: list[int]) -> dict[int, Snippet]:
        raise NotImplementedError(_NOT_YET)

    def typeahead_ids(self, query: ParsedQuery, limit: int) -> list[int]:
        raise NotImplementedError(_NOT_YET)
