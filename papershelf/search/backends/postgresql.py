"""PostgreSQL full-text search: a weighted tsvector with a GIN index over SearchDocument.

The same query language and the same answers as on SQLite (see postgresql_query.py for
how a query becomes tsqueries), from the database alone: the vectors are written by a
trigger in the transaction that writes each document (migration 0012), so there is no
outbox and no index file, and a change is searchable the moment it commits.

Ranking is BM25-like: each term scores ``idf × ts_rank`` (ts_rank counts a word's
occurrences with weights title 4, authors 3, venue/topics/abstract 2, summaries 1, the
same as tantivy's fields, and saturates), summed over the query's terms, so a rare word
outranks one every paper holds. PostgreSQL scores every row it ranks (it has no
WAND to skip hopeless ones), so on a big shelf a query ranks the papers holding its
rarer words — at most RANK_BUDGET of them — and lists the rest after them, newest first.
"""

from __future__ import annotations

import math

from django.db import connection

from papershelf.search.backends.base import Snippet
from papershelf.search.backends.postgresql_highlights import snippets_for
from papershelf.search.backends.postgresql_query import (
    DOCUMENTS,
    Param,
    Plan,
    Sql,
    Term,
    all_of,
    any_of,
    compile_clauses,
    either,
    joined,
    negated,
    plan,
)
from papershelf.search.query import ParsedQuery

# Labels D, C, B, A: summaries 1, abstract/venue/topics 2, authors 3, title 4 (as tantivy).
RANK_WEIGHTS = "{0.25,0.5,0.75,1.0}"
# A term in more papers than this is common: it does not choose which papers are ranked.
COMMON_DOCS = 5_000
# The most papers one query scores (ts_rank reads each one's vector).
RANK_BUDGET = 10_000
# With only common terms, the newest papers holding all of them are the ones ranked.
RANK_WINDOW = 4_000
# Below this many documents the table is counted, above it the planner's estimate will do.
EXACT_COUNT_BELOW = 10_000


def _fetch_ids(sql: str, params: list[Param]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _capped_count(vector: str, tsquery: str) -> Sql:
    return Sql(
        f"(SELECT count(*) FROM (SELECT 1 FROM {DOCUMENTS} WHERE {vector} @@ %s::tsquery "
        "LIMIT %s) AS capped)",
        (tsquery, COMMON_DOCS + 1),
    )


def _document_frequencies(terms: list[Term]) -> tuple[int, list[int]]:
    """How many documents there are, and how many hold each term (capped past common)."""
    total = Sql(
        f"(SELECT CASE WHEN reltuples >= {EXACT_COUNT_BELOW} THEN reltuples::bigint "
        f"ELSE (SELECT count(*) FROM {DOCUMENTS}) END FROM pg_class "
        f"WHERE oid = '{DOCUMENTS}'::regclass)"
    )
    counts = joined([total, *(_capped_count("search_vector", t.weighted) for t in terms)], ", ")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts.text}", counts.values)
        row = cursor.fetchone()
    return int(row[0]), [int(n) for n in row[1:]]


def _idf(documents: int, holding: int) -> float:
    return math.log(1 + (documents - holding + 0.5) / (holding + 0.5))


def _score(weighted: list[tuple[Term, float]]) -> Sql:
    rank = "%s * ts_rank(%s::float4[], search_vector, %s::tsquery)"
    return joined([Sql(rank, (idf, RANK_WEIGHTS, t.weighted)) for t, idf in weighted], " + ")


def _best(where: Sql, score: Sql, limit: int) -> list[int]:
    sql = (
        f"SELECT paper_id FROM {DOCUMENTS} WHERE {where.text} "
        f"ORDER BY {score.text} DESC, paper_id DESC LIMIT %s"
    )
    return _fetch_ids(sql, [*where.values, *score.values, limit])


def _best_of_newest(where: Sql, score: Sql, limit: int) -> list[int]:
    sql = (
        f"SELECT paper_id FROM (SELECT paper_id, search_vector FROM {DOCUMENTS} "
        f"WHERE {where.text} ORDER BY paper_id DESC LIMIT %s) AS newest "
        f"ORDER BY {score.text} DESC, paper_id DESC LIMIT %s"
    )
    return _fetch_ids(sql, [*where.values, RANK_WINDOW, *score.values, limit])


def _newest(where: Sql, limit: int) -> list[int]:
    sql = f"SELECT paper_id FROM {DOCUMENTS} WHERE {where.text} ORDER BY paper_id DESC LIMIT %s"
    return _fetch_ids(sql, [*where.values, limit])


def _rarest(words: list[Term], holding: dict[Term, int]) -> list[Term]:
    """The rare words, rarest first, while the papers holding them fit RANK_BUDGET."""
    chosen, papers = [], 0
    for word in sorted(words, key=lambda w: holding[w]):
        if holding[word] > COMMON_DOCS or papers + holding[word] > RANK_BUDGET:
            break
        chosen.append(word)
        papers += holding[word]
    return chosen


def _then_the_newest(ranked: list[int], where: Sql, limit: int) -> list[int]:
    """``ranked``, then the newest other papers matching ``where``, up to ``limit``."""
    if len(ranked) >= limit:
        return ranked
    seen = set(ranked)
    rest = _newest(where, limit + len(ranked))
    return (ranked + [pk for pk in rest if pk not in seen])[:limit]


def _ranked(found: Plan, limit: int) -> list[int]:
    terms = [*found.words, *(t for group in found.musts for t in group)]
    documents, counts = _document_frequencies(terms)
    holding = dict(zip(terms, counts, strict=True))
    score = _score([(t, _idf(documents, holding[t])) for t in terms])
    matching = found.matching()
    if any(all(holding[t] <= COMMON_DOCS for t in group) for group in found.musts):
        return _best(matching, score, limit)  # a rare required term: few papers match
    rare = _rarest(found.words, holding)
    if rare and len(rare) == len(found.words) and not found.musts:
        return _best(matching, score, limit)
    if rare:
        holds_rare = Sql("search_vector @@ %s::tsquery", (either(w.weighted for w in rare),))
        ranked = _best(matching & holds_rare, score, limit)
        return _then_the_newest(ranked, matching & negated(holds_rare), limit)
    every_word = [Sql("search_vector @@ %s::tsquery", (w.weighted,)) for w in found.words]
    ranked = _best_of_newest(all_of([matching, *every_word]), score, limit)
    return _then_the_newest(ranked, matching, limit)


class PostgresBackend:
    def ranked_ids(self, query: ParsedQuery, limit: int) -> list[int]:
        if limit <= 0:
            return []
        found = plan(query)
        if found.has_terms:
            return _ranked(found, limit)
        if found.asked_for_words:
            return []  # only stop words: the index holds none of them
        return self._unranked_ids(found, limit)

    def _unranked_ids(self, found: Plan, limit: int) -> list[int]:
        """Only filters or exclusions: the newest papers that pass them."""
        where = all_of(found.filters())
        sql = (
            f"SELECT paper_id FROM {DOCUMENTS} WHERE {where.text} "
            "ORDER BY year DESC NULLS LAST, paper_id DESC LIMIT %s"
        )
        return _fetch_ids(sql, [*where.values, limit])

    def filter_ids(self, query: ParsedQuery, ids: list[int]) -> set[int]:
        found = plan(query, fielded_only=True)
        conditions = [any_of([t.matches() for t in group]) for group in found.musts]
        conditions += found.filters()
        if not ids or not conditions:
            return set(ids)
        where = all_of(conditions)
        sql = f"SELECT paper_id FROM {DOCUMENTS} WHERE paper_id = ANY(%s) AND {where.text}"
        return set(_fetch_ids(sql, [list(ids), *where.values]))

    def snippets(self, query: ParsedQuery, ids: list[int]) -> dict[int, Snippet]:
        if not ids:
            return {}
        return snippets_for(compile_clauses(query.clauses), ids)

    def typeahead_ids(self, query: ParsedQuery, limit: int) -> list[int]:
        # Titles and authors only, as typed: what a suggestion list shows should match.
        groups = query.clause_groups(prefix_last=True)
        words = [c for group in groups for c in group if c.field in (None, "title", "authors")]
        terms = compile_clauses(words, typed=True)
        if not words or len(terms) < len(set(words)):
            return []  # a word that can match nothing: so can the whole
        typed = " & ".join(f"( {t.weighted} )" for t in terms.values())
        where = Sql("title_vector @@ %s::tsquery", (typed,))
        with connection.cursor() as cursor:
            count = _capped_count("title_vector", typed)
            cursor.execute(f"SELECT {count.text}", count.values)
            common = cursor.fetchone()[0] > COMMON_DOCS
        if common:
            # Two typed letters can match most titles: newest first, unranked.
            return _newest(where, limit)
        score = Sql("ts_rank(%s::float4[], title_vector, %s::tsquery)", (RANK_WEIGHTS, typed))
        return _best(where, score, limit)
