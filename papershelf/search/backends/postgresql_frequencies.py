"""How many papers hold each term of a query: what ranking weighs (idf) and budgets by.

Counting the papers that hold a common word reads every one of them, which costs more
than the search. ANALYZE already keeps the share of documents holding each of the
most common words (``pg_stats.most_common_elems``), for the whole document and for its
headline (title and authors, the expression index of migration 0012): a word found
there is estimated from it, any other is counted, up to a cap past which it is common
anyway. A shelf too small to have been analysed is simply counted.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

from django.db import connection

from papershelf.search.backends.postgresql_query import DOCUMENTS, Sql, Term, joined

# A term in more papers than this is common; counting stops here.
COMMON_DOCS = 5_000
# Below this many documents (or before the first ANALYZE) every term is counted.
EXACT_COUNT_BELOW = 10_000
STATISTICS_SECONDS = 60.0  # how long one process trusts what it read from pg_stats


HEADLINE_INDEX = "search_document_headline_gin"  # over ts_filter(search_vector, '{a,b}')


@dataclass(frozen=True)
class Statistics:
    documents: int
    shares: dict[str, float]  # lexeme -> share of documents holding it
    headline_shares: dict[str, float]  # lexeme -> share holding it in title or authors
    read_at: float

    def headline_estimate(self, lexemes: list[str]) -> float | None:
        """Papers naming all these words in title or authors (as if independent); None
        before ANALYZE has seen the headline index."""
        if not self.headline_shares:
            return None
        # A word ANALYZE does not list is rarer than every word it does.
        rarest = min(self.headline_shares.values())
        shares = [self.headline_shares.get(lexeme, rarest) for lexeme in lexemes]
        return self.documents * math.prod(shares)


_lock = threading.Lock()
_statistics: Statistics | None = None


def _read_statistics() -> Statistics:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [DOCUMENTS]
        )
        documents = int(cursor.fetchone()[0])
        # The arrays end with three frequencies no element has (min, max, nulls): dropped.
        cursor.execute(
            "SELECT tablename = %s, e, f FROM pg_stats, unnest(most_common_elems::text::text[], "
            "most_common_elem_freqs) AS u(e, f) WHERE schemaname = current_schema() AND "
            "(tablename, attname) IN ((%s, 'search_vector'), (%s, 'ts_filter')) "
            "AND e IS NOT NULL",
            [HEADLINE_INDEX, DOCUMENTS, HEADLINE_INDEX],
        )
        rows = cursor.fetchall()
    shares = {str(lexeme): float(share) for headline, lexeme, share in rows if not headline}
    headline = {str(lexeme): float(share) for is_headline, lexeme, share in rows if is_headline}
    return Statistics(documents, shares, headline, time.monotonic())


def statistics() -> Statistics:
    """What ANALYZE last said about the documents, read at most once a minute."""
    global _statistics
    with _lock:
        known = _statistics
    if known is None or time.monotonic() - known.read_at > STATISTICS_SECONDS:
        known = _read_statistics()
        with _lock:
            _statistics = known
    return known


def capped_count(vector: str, tsquery: str) -> Sql:
    """SQL for how many documents match, counting no further than past common."""
    return Sql(
        f"(SELECT count(*) FROM (SELECT 1 FROM {DOCUMENTS} WHERE {vector} @@ %s::tsquery "
        "LIMIT %s) AS capped)",
        (tsquery, COMMON_DOCS + 1),
    )


def _counted(terms: list[Term], with_total: bool) -> list[int]:
    parts = [capped_count("search_vector", t.weighted) for t in terms]
    if with_total:
        parts.insert(0, Sql(f"(SELECT count(*) FROM {DOCUMENTS})"))
    if not parts:
        return []
    counts = joined(parts, ", ")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts.text}", counts.values)
        return [int(n) for n in cursor.fetchone()]


def _estimate(term: Term, known: Statistics) -> int | None:
    """Papers holding ``term``, from the statistics; None when it must be counted (a
    prefix, or a word rarer than every word they list: counting it is cheap)."""
    shares = [known.shares.get(lexeme) for lexeme in term.lexemes]
    if not shares or any(share is None for share in shares):
        return None
    # A phrase is in no more papers than its rarest word: as many as must be read to find
    # it. (Its words are far from independent: "low-rank" is always "low" and "rank".)
    return round(min(s for s in shares if s is not None) * known.documents)


def document_frequencies(terms: list[Term]) -> tuple[int, dict[Term, int]]:
    """How many documents there are, and how many hold each term (estimated, or counted
    up to COMMON_DOCS + 1)."""
    known = statistics()
    if known.documents < EXACT_COUNT_BELOW:
        documents, *counts = _counted(terms, with_total=True)
        return documents, dict(zip(terms, counts, strict=True))
    holding = {t: n for t in terms if (n := _estimate(t, known)) is not None}
    rest = [t for t in terms if t not in holding]
    holding.update(zip(rest, _counted(rest, with_total=False), strict=True))
    return known.documents, holding
