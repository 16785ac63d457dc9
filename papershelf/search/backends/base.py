from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from papershelf.search.query import ParsedQuery


@dataclass(frozen=True)
class Snippet:
    """Why a paper matched: HTML with ``<mark>``s, already escaped, and where it came from."""

    html: str
    field: str  # "abstract", "summaries", "authors", …
    title_html: str = ""


class KeywordBackend(Protocol):
    def ranked_ids(self, query: ParsedQuery, limit: int) -> list[int]:
        """Paper ids, best first, matching every clause and filter of the query."""

    def filter_ids(self, query: ParsedQuery, ids: list[int]) -> set[int]:
        """Which of ids satisfy the query's fields, exclusions and years (not its words)."""

    def snippets(self, query: ParsedQuery, ids: list[int]) -> dict[int, Snippet]:
        """Highlighted passages for the papers that matched the query's words."""

    def typeahead_ids(self, query: ParsedQuery, limit: int) -> list[int]:
        """Papers whose title or authors start with what is being typed."""
