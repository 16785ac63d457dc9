"""PostgreSQL full-text search: a weighted tsvector with a GIN index over SearchDocument.

The same query language and the same answers as on SQLite (see postgresql_query.py for
how a query becomes tsqueries), from the database alone: the vectors are written by a
trigger in the transaction that writes each document (migration 0012), so there is no
outbox and no index file, and a change is searchable the moment it commits.

Ranking is BM25-like: each term scores ``idf × ts_rank`` (ts_rank counts a word's
occurrences with weights title 4, authors 3, venue/topics/abstract 2, summaries 1, the
same as tantivy's fields, and saturates), summed over the query's terms, so a rare word
outranks one every paper holds (how many papers hold each: postgresql_frequencies.py).
PostgreSQL scores every row it ranks — it has no WAND to skip hopeless ones — so when
a query matches more papers than SCORE_BUDGET allows, it scores those holding every
word and those holding its rarer words, and lists the other matches after them, newest
first; with only words that most papers hold, it scores the newest matches.
"""

from __future__ import annotations

import math

from django.db import connection

from papershelf.search.backends.base import Snippet
from papershelf.search.backends.postgresql_frequencies import (
    COMMON_DOCS,
    capped_count,
    document_frequencies,
    statistics,
)
from papershelf.search.backends.postgresql_highlights import snippets_for
from papershelf.search.backends.postgresql_query import (
    DOCUMENTS,
    ENGLISH,
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
    without_stopwords,
)
from papershelf.search.query import ParsedQuery

# Labels D, C, B, A: summaries 1, abstract/venue/topics 2, authors 3, title 4 (as tantivy).
RANK_WEIGHTS = "{0.25,0.5,0.75,1.0}"
TITLE_RANK = 0.6079  # ts_rank of a word once in a title: the phrase counts each twice more
# The query's words as a phrase, every lexeme marked for the title ('deep':A <-> …).
_IN_TITLE = (
    "regexp_replace(phraseto_tsquery(%s::regconfig, %s)::text,"
    " '''([^'']*)''', '''\\1'':A', 'g')::tsquery"
)
TITLE_PHRASE_BOOST = 2.0  # as tantivy_backend's
# What one query may spend scoring, in ts_rank calls (each reads a paper's vector: well
# under a microsecond with the vector inline); reading a paper's row costs about
# ROW_COST calls. So a query of n terms scores SCORE_BUDGET / (n + ROW_COST) papers.
SCORE_BUDGET = 40_000
ROW_COST = 4
HEADLINE = "ts_filter(search_vector, '{a,b}')"  # title and authors: an index of its own


def _fetch_ids(sql: str, params: list[Param]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _idf(documents: int, holding: int) -> float:
    return math.log(1 + (documents - holding + 0.5) / (holding + 0.5))


def _score(weighted: list[tuple[Term, float]], phrase: str = "") -> Sql:
    rank = "%s * ts_rank(%s::float4[], search_vector, %s::tsquery)"
    score = joined([Sql(rank, (idf, RANK_WEIGHTS, t.weighted)) for t, idf in weighted], " + ")
    if not phrase:
        return score
    # The words in the title's order, as tantivy's title phrase: a known paper looked
    # for by its title outranks papers holding the same words elsewhere or shuffled.
    # ts_rank ignores a phrase's order, so this is a match: each lexeme held to the
    # title's label A, the gaps of small words kept by phraseto_tsquery.
    boost = TITLE_PHRASE_BOOST * TITLE_RANK * sum(idf for _, idf in weighted)
    in_order = Sql(
        f"CASE WHEN search_vector @@ {_IN_TITLE} THEN %s ELSE 0 END", (ENGLISH, phrase, boost)
    )
    return joined([score, in_order], " + ")


def _best(where: Sql, score: Sql, limit: int) -> list[int]:
    sql = (
        f"SELECT paper_id FROM {DOCUMENTS} WHERE {where.text} "
        f"ORDER BY {score.text} DESC, paper_id DESC LIMIT %s"
    )
    return _fetch_ids(sql, [*where.values, *score.values, limit])


def _best_of_newest(where: Sql, score: Sql, window: int, limit: int) -> list[int]:
    sql = (
        f"SELECT paper_id FROM (SELECT paper_id, search_vector FROM {DOCUMENTS} "
        f"WHERE {where.text} ORDER BY paper_id DESC LIMIT %s) AS newest "
        f"ORDER BY {score.text} DESC, paper_id DESC LIMIT %s"
    )
    return _fetch_ids(sql, [*where.values, window, *score.values, limit])


def _newest(where: Sql, limit: int) -> list[int]:
    sql = f"SELECT paper_id FROM {DOCUMENTS} WHERE {where.text} ORDER BY paper_id DESC LIMIT %s"
    return _fetch_ids(sql, [*where.values, limit])


def _then_the_newest(ranked: list[int], where: Sql, limit: int) -> list[int]:
    """``ranked``, then the newest other papers matching ``where``, up to ``limit``."""
    if len(ranked) >= limit:
        return ranked
    seen = set(ranked)
    rest = _newest(where, limit + len(ranked))
    return (ranked + [pk for pk in rest if pk not in seen])[:limit]


def _any(shares: list[float]) -> float:
    """The share of papers holding at least one of terms with these shares (as if the
    terms were independent)."""
    return 1 - math.prod(1 - share for share in shares)


def _focus(found: Plan, share: dict[Term, float], documents: int, room: int) -> Sql | None:
    """The papers worth scoring when the matches are too many, while their number fits
    ``room``: those naming every word in title or authors, those holding every word,
    then those holding the rarest words. None when not even the first few fit."""
    words = found.words
    every_word = " & ".join(f"( {w.weighted} )" for w in words)
    required = math.prod(_any([share[t] for t in group]) for group in found.musts)
    parts: list[Sql] = []
    expected = 0.0
    named = statistics().headline_estimate([x for w in words for x in w.lexemes])
    if words and named is not None and named <= room:
        parts.append(Sql(f"{HEADLINE} @@ %s::tsquery", (every_word,)))
        expected += named
    chosen = []
    holding_all = documents * required * math.prod(share[w] for w in words)
    if len(words) > 1 and expected + holding_all <= room:
        chosen.append(every_word)
        expected += holding_all
    for word in sorted(words, key=lambda w: share[w]):
        more = documents * required * share[word]
        if expected + more > room:
            break
        chosen.append(word.weighted)
        expected += more
    if chosen:
        parts.append(Sql("search_vector @@ %s::tsquery", (either(chosen),)))
    return any_of(parts) if parts else None


def _ranked(found: Plan, limit: int) -> list[int]:
    terms = [*found.words, *(t for group in found.musts for t in group)]
    documents, holding = document_frequencies(terms)
    share = {t: min(1.0, holding[t] / max(documents, 1)) for t in terms}
    score = _score([(t, _idf(documents, holding[t])) for t in terms], found.phrase)
    matching = found.matching()
    room = SCORE_BUDGET // (len(terms) + ROW_COST)
    expected = documents * math.prod(
        _any([share[t] for t in group]) for group in [*found.musts, found.words] if group
    )
    if expected <= room:
        return _best(matching, score, limit)  # few enough to score every match
    focus = _focus(found, share, documents, room)
    if focus is not None:
        ranked = _best(matching & focus, score, limit)
        return _then_the_newest(ranked, matching & negated(focus), limit)
    # Only common terms, each in more papers than can be scored: the newest matches.
    ranked = _best_of_newest(matching, score, room, limit)
    if len(ranked) < limit:
        return ranked  # fewer matches than the window holds: every one was scored
    return _then_the_newest(ranked, matching, limit)


class PostgresBackend:
    def ranked_ids(self, query: ParsedQuery, limit: int) -> list[int]:
        if limit <= 0:
            return []
        found = plan(query)
        if found.has_terms:
            return _ranked(found, limit)
        if found.asked_for_words:
            return []  # words the parser keeps nothing of ("_"): nothing can match
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
        # Stop words are not marked when other words are: "to" and "on" are everywhere,
        # and ts_headline's time grows with the words it looks for.
        return snippets_for(compile_clauses(without_stopwords(query.clauses)), ids)

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
            count = capped_count("title_vector", typed)
            cursor.execute(f"SELECT {count.text}", count.values)
            common = cursor.fetchone()[0] > COMMON_DOCS
        if common:
            # Two typed letters can match most titles: newest first, unranked.
            return _newest(where, limit)
        score = Sql("ts_rank(%s::float4[], title_vector, %s::tsquery)", (RANK_WEIGHTS, typed))
        return _best(where, score, limit)
