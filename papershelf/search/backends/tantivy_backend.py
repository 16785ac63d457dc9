"""Keyword ranking by tantivy: field-weighted BM25, top-k over every match.

The query language is translated clause by clause into tantivy queries built in code
(never through a query parser, so no input is an operator):

- plain words are a bag of words: each may match, BM25 scores how well (rare words and
  title words count most), stop words drop out when other words remain. A sentence
  pasted from someone's notes ranks the paper holding most of its rare words first,
  and two-word queries still put papers holding both words on top;
- phrases, prefixes, fielded clauses and ``OR`` groups must match; ``-x`` must not;
  years are a range over a fast field.

Snippets and type-ahead stay with the database's FTS5 (``SQLiteBackend``): both read a
handful of rows by id or a small index of titles, where FTS5 is fast and transactional.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from papershelf.search.backends.sqlite import SQLiteBackend
from papershelf.search.keyword_index import (
    ALL,
    PAIRS,
    analyze,
    get_tantivy_index,
    schema,
    word_pairs,
)
from papershelf.search.query import STOPWORDS, Clause, ParsedQuery

_schema: Any = None
_TITLE_PHRASE_MAX = 16  # longer bags are sentences, not titles
# Word for word: with a gap or two allowed, "Towards Deep Learning Residual" matched
# "deep residual learning" too and title-word recall at 1M papers fell .98 -> .94.
_TITLE_PHRASE_SLOP = 0
_TITLE_PHRASE_BOOST = 2.0


def _the_schema() -> Any:
    global _schema
    if _schema is None:
        _schema = schema()
    return _schema


def _field_query(field: str, terms: list[str], prefix: bool) -> Any:
    from tantivy import Query

    if prefix:
        words: list[str | tuple[int, str]] = list(terms)
        return Query.phrase_prefix_query(_the_schema(), field, words)
    if len(terms) == 1:
        return Query.term_query(_the_schema(), field, terms[0])
    if field == ALL and len(terms) == 2:
        return Query.term_query(_the_schema(), PAIRS, word_pairs(terms)[0])
    return _phrase(field, terms)


def _phrase(field: str, terms: list[str], slop: int = 0) -> Any:
    """A phrase that visits only the papers holding each of its word pairs.

    The pairs (scored 0, so the phrase's own score is the score) are conjoined with the
    phrase: the rarest pair's posting list leads, and positions are decoded for the
    papers it names, not for every paper holding all the words. A pair index knows no
    gaps, so a phrase with slop keeps the plain phrase query.
    """
    from tantivy import Occur, Query

    words: list[str | tuple[int, str]] = list(terms)
    phrase = Query.phrase_query(_the_schema(), field, words, slop)
    pairs = list(dict.fromkeys(word_pairs(terms)))
    if slop or not pairs:
        return phrase
    needs = [Query.const_score_query(Query.term_query(_the_schema(), PAIRS, p), 0.0) for p in pairs]
    return Query.boolean_query([(Occur.Must, q) for q in [*needs, phrase]])


def _any_of(queries: list[Any]) -> Any:
    from tantivy import Occur, Query

    return queries[0] if len(queries) == 1 else Query.boolean_query(
        [(Occur.Should, q) for q in queries]
    )  # fmt: skip


def _term_variants(clause: Clause) -> list[list[str]]:
    """The index terms a clause stands for. A prefix is matched stemmed and as typed:
    "normaliz*" is no prefix of the stem "normal", "learnin*" none of "learn"."""
    stemmed = analyze(clause.text)
    if not clause.prefix or not stemmed:
        return [stemmed] if stemmed else []
    typed = [*stemmed[:-1], clause.text.split()[-1].casefold()]
    return [stemmed, typed] if typed != stemmed else [stemmed]


def clause_query(clause: Clause) -> Any | None:
    """One clause over its field, or over every field weighted (``ALL``); None if no terms."""
    variants = _term_variants(clause)
    if not variants:
        return None
    field = clause.field or ALL
    return _any_of([_field_query(field, terms, clause.prefix) for terms in variants])


def _is_plain_word(group: list[Clause]) -> bool:
    clause = group[0]
    return len(group) == 1 and clause.field is None and not (clause.phrase or clause.prefix)


def _without_stopwords(words: list[Clause]) -> list[Clause]:
    kept = [c for c in words if c.text.casefold() not in STOPWORDS] or words
    # A word typed twice is one word: two clauses over one posting list only double the
    # walk (the union cannot skip), and BM25 ranks the same papers first either way.
    once = {c.text.casefold(): c for c in reversed(kept)}  # the first of each word
    return [c for c in kept if once[c.text.casefold()] is c]


def _title_phrase(words: list[Clause]) -> Any | None:
    """The words as a phrase of a title, for the top of the bag of words.

    A known paper is looked for by its title or the title's first words. BM25F alone
    lets a long document (a paper with long summaries) lose to short synthetic-like ones
    holding the same common words; the words in the title's order are the evidence
    that tells them apart (benchmarks/search_bench.py: "Deep Residual Learning for Image
    Recognition" was not in the top ten at 1M papers without it).
    """
    from tantivy import Query

    terms = [t for c in words for t in analyze(c.text)]
    if not 2 <= len(terms) <= _TITLE_PHRASE_MAX or len(set(terms)) < 2:
        return None  # "gotope gotope" is one word: no order to find
    return Query.boost_query(_phrase("title", terms, _TITLE_PHRASE_SLOP), _TITLE_PHRASE_BOOST)


def _years(query: ParsedQuery) -> Any | None:
    from tantivy import FieldType, Query

    if query.year_from is None and query.year_to is None:
        return None
    return Query.range_query(
        _the_schema(), "year", FieldType.Integer, query.year_from, query.year_to
    )


def build_query(query: ParsedQuery, *, fielded_only: bool = False) -> Any | None:
    """The tantivy query for ``query``; None when it has no positive clause."""
    from tantivy import Occur, Query

    must: list[Any] = []
    words: list[Clause] = []
    for group in query.clause_groups(fielded_only=fielded_only):
        if _is_plain_word(group):
            words.append(group[0])
            continue
        alternatives = [q for c in group if (q := clause_query(c)) is not None]
        if alternatives:
            must.append(_any_of(alternatives))
    kept_words = _without_stopwords(words)
    word_queries = [q for c in kept_words if (q := clause_query(c)) is not None]
    if word_queries:
        phrase = _title_phrase(words)
        # A bag of words: at least one, BM25 for the rest, and the title phrase on top.
        must.append(_any_of([*word_queries, *([phrase] if phrase is not None else [])]))
    if not must and not fielded_only:
        return None
    clauses = [(Occur.Must, q) for q in must]
    years = _years(query)
    if years is not None:
        clauses.append((Occur.Must, years))
    for excluded in query.exclusions:
        if (q := clause_query(excluded)) is not None:
            clauses.append((Occur.MustNot, q))
    if not clauses:
        return None
    if all(occur == Occur.MustNot for occur, _ in clauses):
        clauses.append((Occur.Must, Query.all_query()))
    return clauses[0][1] if len(clauses) == 1 and clauses[0][0] == Occur.Must else (
        Query.boolean_query(clauses)
    )  # fmt: skip


def _ids(searcher: Any, query: Any, limit: int) -> list[int]:
    return list(_scored(searcher, query, limit)) if limit > 0 else []


def bag_and_phrase(query: ParsedQuery) -> tuple[Any, Any] | None:
    """A query of plain words only, as its bag of words and its title phrase; None for
    any other query (or a single word), which ``build_query`` ranks in one search."""
    groups = query.clause_groups()
    if not groups or query.has_filters or not all(_is_plain_word(g) for g in groups):
        return None
    words = [group[0] for group in groups]
    phrase = _title_phrase(words)
    bag = [q for c in _without_stopwords(words) if (q := clause_query(c)) is not None]
    return (_any_of(bag), phrase) if bag and phrase is not None else None


def _ranked_with_phrase(searcher: Any, bag: Any, phrase: Any, limit: int) -> list[int]:
    """The top ``limit`` of the bag of words with the title phrase's score added — the
    ranking one search of both gives — in two searches that each stay fast.

    Ranked together, the phrase (a disjunct with no block maxima) made block-max WAND
    visit every paper holding any of the words: 20–30 ms a query at 1M papers, the
    keyword p99. Apart, the bag alone is pruned by WAND, and the papers holding the
    phrase are scored by phrase and bag together, which visits those papers only. A paper
    holding the phrase that is not among their best ``limit`` scores below ``limit``
    papers that are, so the merged top ``limit`` is the one-search top ``limit``.
    """
    from tantivy import Occur, Query

    titled = _scored(
        searcher, Query.boolean_query([(Occur.Must, phrase), (Occur.Should, bag)]), limit
    )
    bagged = _scored(searcher, bag, limit)
    scores = {**bagged, **titled}  # a paper holding the phrase: both scores
    order = {pk: position for position, pk in enumerate([*titled, *bagged])}
    return sorted(scores, key=lambda pk: (-scores[pk], order[pk]))[:limit]


def _scored(searcher: Any, query: Any, limit: int) -> dict[int, float]:
    """Ids of the best ``limit`` matches with their scores, best first."""
    # count=False: counting every match would visit every posting, which WAND avoids.
    hits = searcher.search(query, limit, count=False).hits
    ids = searcher.fast_field_values("id", [address for _, address in hits])
    return {int(pk): score for (score, _), pk in zip(hits, ids, strict=True)}


class TantivyBackend(SQLiteBackend):
    """Ranking and filtering in tantivy; snippets and type-ahead from SQLite FTS5."""

    def ranked_ids(self, query: ParsedQuery, limit: int) -> list[int]:
        split = bag_and_phrase(query)
        tantivy_query = build_query(query) if split is None else None
        if split is None and tantivy_query is None:
            return self._unranked_ids(query, limit)  # only filters: newest first
        index = get_tantivy_index()
        index.sync(settings.SEARCH_REFRESH_SECONDS)
        if split is not None:
            return _ranked_with_phrase(index.searcher(), *split, limit)
        return _ids(index.searcher(), tantivy_query, limit)

    def filter_ids(self, query: ParsedQuery, ids: list[int]) -> set[int]:
        from tantivy import Occur, Query

        filters = build_query(query, fielded_only=True)
        if not ids or filters is None:
            return set(ids)
        index = get_tantivy_index()
        index.sync(settings.SEARCH_REFRESH_SECONDS)
        among = Query.term_set_query(_the_schema(), "id", ids)
        both = Query.boolean_query([(Occur.Must, among), (Occur.Must, filters)])
        return set(_ids(index.searcher(), both, len(ids)))
