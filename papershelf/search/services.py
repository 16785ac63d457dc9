"""Search: one service for the web page, its JSON twin, the CLI and the benchmark.

Keyword ranking comes from the database's own engine (see ``backends``), semantic
ranking from the vector index (see ``semantic``); hybrid fuses the two by reciprocal
rank, and keeps first a paper whose title holds the query's words in order. Everything
here is vendor-neutral.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import DatabaseError, connection
from django.utils.html import escape
from django.utils.text import slugify

from papershelf.accounts.models import User
from papershelf.links import url
from papershelf.papers.venues import canonical_venue_name
from papershelf.search import query as query_language
from papershelf.search.backends import UnsupportedDatabase, get_backend
from papershelf.search.backends.base import Snippet
from papershelf.search.indexing import LIST_SEPARATOR, flush_pending
from papershelf.search.keyword_index import analyze
from papershelf.search.models import SearchDocument
from papershelf.search.private import own_matches
from papershelf.search.query import Clause, ParsedQuery, QueryError
from papershelf.search.semantic import SemanticHit, passage_texts, semantic_ranking
from papershelf.topics.models import Topic

MODES = ("hybrid", "keyword", "semantic")
PER_PAGE = 20
# Facets and the result count are taken over this many best keyword matches: counting
# every match of a common word on a big shelf would cost more than the search itself.
CANDIDATES = 1000
FUSE_DEPTH = 100  # how deep each ranking goes into the fusion
# Facets count the best this many results: a bag-of-words query matches most of a big
# shelf, and reading a thousand rows for the counts cost more than the search itself.
FACET_DEPTH = 300
FACETS_INDEX = "search_doc_facets"  # (paper_id, year, venue), SQLite only
RRF_K = 60  # the usual reciprocal-rank-fusion constant
# How much each ranking counts in the fusion, tuned on the known-item queries of
# benchmarks/search_bench.py (titles, title words, other people's sentences). Keyword
# counts a little more: on a big shelf a paper's vector has near neighbours that its
# words tell apart, and a keyword first place must beat a semantic first place met at
# keyword rank 20 (hybrid recall@1 at 1M papers .82 -> .89; 1.0-2.0 alike at 100k).
KEYWORD_WEIGHT = 1.25
SEMANTIC_WEIGHT = 1.0
SUGGESTIONS = 5  # nearest titles offered when nothing matches
TITLE_MATCH_DEPTH = 10  # keyword matches read for a title that holds the query's words
FACET_VALUES = 10
PASSAGE_CHARS = 320


@dataclass(frozen=True)
class ResultPaper:
    """What a result shows of a paper, read from its search document in one query."""

    pk: int
    title: str
    authors: list[str]
    venue: str
    year: int | None
    topics: list[str]

    def get_absolute_url(self) -> str:
        return url("papers-detail", self.pk, slugify(self.title)[:80] or "paper")


@dataclass
class Hit:
    paper: ResultPaper
    score: float
    snippet_html: str = ""
    title_html: str = ""
    matched_in: str = ""  # "abstract", "summaries", …, or "meaning" for a semantic match
    found_by: list[str] = field(default_factory=list)


@dataclass
class FacetValue:
    value: str
    count: int
    query: str  # the current query narrowed to this value


@dataclass
class SearchResults:
    query: str
    mode: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    total_is_lower_bound: bool = False
    page: int = 1
    has_next: bool = False
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    error: str = ""
    took_ms: float = 0.0
    suggestions: list[ResultPaper] = field(default_factory=list)  # when nothing matched
    facets_counted: int = 0  # the facets count this many of the best results


def _fuse(keyword: list[int], semantic: list[int], similarity: dict[int, float]) -> list[int]:
    """Weighted reciprocal-rank fusion: high in either ranking rises, high in both most.

    Ties (keyword rank r against semantic rank r, the common case at the top) go to the
    paper the other ranking also found, then to the more similar one, never to whichever
    list came first.
    """
    scores: dict[int, float] = {}
    for weight, ranking in ((KEYWORD_WEIGHT, keyword), (SEMANTIC_WEIGHT, semantic)):
        for rank, paper_id in enumerate(ranking[:FUSE_DEPTH]):
            scores[paper_id] = scores.get(paper_id, 0.0) + weight / (RRF_K + rank + 1)
    in_both = set(keyword[:FUSE_DEPTH]) & set(semantic)
    fused = sorted(
        scores, key=lambda pk: (-scores[pk], pk not in in_both, -similarity.get(pk, 0.0))
    )
    # Keyword matches past the fusion depth still count and page, in their own order.
    seen = set(fused)
    return fused + [pk for pk in keyword if pk not in seen]


def _title_match(parsed: ParsedQuery, keyword: list[int]) -> int | None:
    """The best keyword match whose title holds the query's words in order, if any.

    Someone typing a title, or its first words, is looking for that paper. BM25 lets a
    paper with long notes (a long document) fall behind short ones holding the same
    common words, and fusion by rank let a paper both rankings placed fairly high pass a
    keyword first place the vectors missed (a paper's vector has near neighbours on a
    big shelf). Only the best few keyword matches are read: one query.
    """
    words = _content_terms(parsed.free_text) if keyword else []
    if len(words) < 2:
        return None
    top = keyword[:TITLE_MATCH_DEPTH]
    titles = dict(SearchDocument.objects.filter(pk__in=top).values_list("pk", "title"))
    for pk in top:
        terms = _content_terms(titles.get(pk, ""))
        if any(terms[i : i + len(words)] == words for i in range(len(terms) - len(words) + 1)):
            return pk
    return None


def _content_terms(text: str) -> list[str]:
    """Index terms without stop words: "exploring limits transfer" is "Exploring the
    Limits of Transfer …" as typed by someone who leaves the small words out."""
    return [term for term in analyze(text) if term not in query_language.STOPWORDS]


def _semantic_ids(parsed: ParsedQuery, depth: int) -> tuple[list[int], dict[int, SemanticHit]]:
    hits = semantic_ranking(parsed.free_text, depth * (3 if parsed.has_filters else 1))
    if parsed.has_filters:
        allowed = get_backend().filter_ids(parsed, [h.paper_id for h in hits])
        hits = [h for h in hits if h.paper_id in allowed]
    return [h.paper_id for h in hits[:depth]], {h.paper_id: h for h in hits}


def _rank(parsed: ParsedQuery, mode: str) -> tuple[list[int], list[int], dict[int, SemanticHit]]:
    keyword: list[int] = []
    semantic: list[int] = []
    passages: dict[int, SemanticHit] = {}
    if mode != "semantic" or not parsed.free_text:
        # Plain words are a bag of words ranked by BM25: no AND-then-relax.
        keyword = get_backend().ranked_ids(parsed, CANDIDATES)
    if mode != "keyword" and parsed.free_text:
        semantic, passages = _semantic_ids(parsed, FUSE_DEPTH)
    return keyword, semantic, passages


def _passage_snippets(hits: list[SemanticHit]) -> dict[int, Snippet]:
    """The passage nearest in meaning, for the papers a page shows without a keyword one."""
    texts = passage_texts([hit.key for hit in hits])
    snippets = {}
    for hit in hits:
        text = texts.get(hit.key, "")
        text = text if len(text) <= PASSAGE_CHARS else text[:PASSAGE_CHARS] + "…"
        snippets[hit.paper_id] = Snippet(str(escape(text)), "meaning")
    return snippets


def _split(text: str) -> list[str]:
    return [part for part in text.split(LIST_SEPARATOR) if part]


def _papers(ids: list[int]) -> dict[int, ResultPaper]:
    fields = ("pk", "title", "authors", "venue", "year", "topics")
    rows = SearchDocument.objects.filter(pk__in=ids).values_list(*fields)
    return {
        pk: ResultPaper(pk, title, _split(authors), venue, year, _split(topics))
        for pk, title, authors, venue, year, topics in rows
    }


def _hits(
    parsed: ParsedQuery,
    ids: list[int],
    keyword: set[int],
    passages: dict[int, SemanticHit],
    own: dict[int, Snippet] | None = None,
) -> list[Hit]:
    papers = _papers(ids)
    snippets = get_backend().snippets(parsed, [pk for pk in ids if pk in keyword])
    snippets.update(own or {})  # the reader's own notes say best why it matched for them
    meaning = [passages[pk] for pk in ids if pk in passages and pk not in snippets]
    snippets.update(_passage_snippets(meaning))
    hits = []
    for position, pk in enumerate(ids):
        if pk not in papers:
            continue  # deleted since it was indexed
        snippet = snippets.get(pk)
        found_by = [name for name, hit in (("keyword", pk in keyword), ("semantic", pk in passages))
                    if hit]  # fmt: skip
        hits.append(
            Hit(papers[pk], 1.0 / (position + 1), snippet.html if snippet else "",
                snippet.title_html if snippet else "", snippet.field if snippet else "", found_by)
        )  # fmt: skip
    return hits


def _narrowed(raw: str, term: str) -> str:
    return f"{raw.strip()} {term}".strip()


def _quoted(value: str) -> str:
    return '"' + value.replace('"', "") + '"'


def _column_values(sql: str, ids: list[int]) -> list[tuple[object, ...]]:
    # Plain SQL: building a 1000-value IN list through the ORM costs more than the query.
    with connection.cursor() as cursor:
        cursor.execute(sql.format(ids=", ".join(["%s"] * len(ids))), ids)
        return cursor.fetchall()


def _years_and_venues(ids: list[int]) -> list[tuple[object, ...]]:
    documents = SearchDocument._meta.db_table
    if connection.vendor != "sqlite":
        # The table name comes from the model and ids go as parameters.
        sql = f"SELECT year, venue FROM {documents} WHERE paper_id IN ({{ids}})"  # noqa: S608
        return _column_values(sql, ids)
    # Read from the index of exactly these columns (migration 0013), by key whatever
    # the statistics say: 300 rows of long text are 300 reads from disk on a big shelf.
    sql = (
        "SELECT d.year, d.venue FROM json_each(%s) AS k "  # noqa: S608
        f"CROSS JOIN {documents} AS d INDEXED BY {FACETS_INDEX} ON d.paper_id = k.value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [json.dumps(ids)])
        return cursor.fetchall()


def facets(raw: str, ids: list[int]) -> dict[str, list[FacetValue]]:
    """Counts by year, venue and topic among these papers, each a link to narrow by it."""
    if not ids:
        return {}
    links, topics = Topic.papers.through._meta.db_table, Topic._meta.db_table
    rows = _years_and_venues(ids)
    years = Counter(str(year) for year, _ in rows if year)
    venues = Counter(str(venue) for _, venue in rows if venue)
    by_topic = (
        f"SELECT t.name FROM {links} l JOIN {topics} t ON t.id = l.topic_id "  # noqa: S608
        f"WHERE l.paper_id IN ({{ids}})"
    )
    names = _column_values(by_topic, ids)
    topic_counts = Counter(str(name) for (name,) in names)

    def values(counts: Counter[str], term: Callable[[str], str]) -> list[FacetValue]:
        return [
            FacetValue(value, n, _narrowed(raw, term(value)))
            for value, n in counts.most_common(FACET_VALUES)
        ]

    return {
        "year": values(years, lambda v: f"year:{v}"),
        "venue": values(venues, lambda v: f"venue:{_quoted(v)}"),
        "topic": values(topic_counts, lambda v: f"topic:{_quoted(v)}"),
    }


def search(
    raw: str,
    mode: str = "hybrid",
    page: int = 1,
    per_page: int = PER_PAGE,
    with_facets: bool = True,
    user: User | None = None,
) -> SearchResults:
    """Search every paper; a bad query comes back as ``error``, never as an exception.

    With ``user``, that reader's own private and unlisted summaries are searched too.
    """
    started = time.perf_counter()
    mode = mode if mode in MODES else "hybrid"
    results = SearchResults(query=raw, mode=mode, page=max(page, 1))
    try:
        parsed = with_venue_names(query_language.parse(raw))
        if parsed.is_empty:
            return results
        flush_pending()  # a write earlier in this thread is searchable at once
        keyword, semantic, passages = _rank(parsed, mode)
        own = own_matches(user, parsed)
        keyword = [*own, *(pk for pk in keyword if pk not in own)]
    except QueryError as exc:
        results.error = str(exc)
        return results
    except (NotImplementedError, UnsupportedDatabase) as exc:
        results.error = str(exc)
        return results
    except DatabaseError:
        results.error = "Could not read that query. Try fewer symbols, or put words in quotes."
        return results
    similarity = {pk: hit.similarity for pk, hit in passages.items()}
    ranked = _fuse(keyword, semantic, similarity) if semantic else keyword
    if semantic and (title_match := _title_match(parsed, keyword)) is not None:
        ranked = [title_match, *(pk for pk in ranked if pk != title_match)]
    results.total = len(ranked)
    results.total_is_lower_bound = len(keyword) >= CANDIDATES
    start = (results.page - 1) * per_page
    results.has_next = len(ranked) > start + per_page
    results.hits = _hits(parsed, ranked[start : start + per_page], set(keyword), passages, own)
    if with_facets:
        results.facets = facets(raw, ranked[:FACET_DEPTH])
        results.facets_counted = min(len(ranked), FACET_DEPTH)
    if not ranked and parsed.free_text:
        results.suggestions = nearest_titles(parsed.free_text)
    results.took_ms = (time.perf_counter() - started) * 1000
    return results


def with_venue_names(parsed: ParsedQuery) -> ParsedQuery:
    """``venue:nips`` finds the NeurIPS papers: papers carry the alias table's name for
    their venue (applied on add and import), so a venue typed as an alias is searched by
    that name too, OR-ed with what was typed."""
    clauses = _venue_clauses(parsed.clauses, negated=False)
    exclusions = _venue_clauses(parsed.exclusions, negated=True)
    if clauses == parsed.clauses and exclusions == parsed.exclusions:
        return parsed
    return ParsedQuery(parsed.raw, clauses, exclusions, parsed.year_from, parsed.year_to)


def _venue_clauses(clauses: list[Clause], *, negated: bool) -> list[Clause]:
    out: list[Clause] = []
    for clause in clauses:
        out.append(clause)
        if clause.field != "venue":
            continue
        name = canonical_venue_name(clause.text)
        if name.casefold() != clause.text.casefold():
            # Exclusions are OR-ed already; a positive clause joins its group with OR.
            out.append(
                Clause(name, "venue", phrase=True, negated=negated, or_with_previous=not negated)
            )
    return out


def nearest_titles(text: str, count: int = SUGGESTIONS) -> list[ResultPaper]:
    """Papers nearest in meaning with no floor, else by title prefix: offered, not results."""
    try:
        ids = [hit.paper_id for hit in semantic_ranking(text, count, floor=-1.0)]
        if not ids:
            ids = [s.paper_id for s in typeahead(text, count)]
    except (NotImplementedError, UnsupportedDatabase, DatabaseError):
        return []
    papers = _papers(ids)
    return [papers[pk] for pk in ids if pk in papers]


@dataclass
class Suggestion:
    paper_id: int
    title: str
    authors: str
    year: int | None
    venue: str


def typeahead(raw: str, limit: int = 8) -> list[Suggestion]:
    """Papers whose title or authors begin with what is being typed; [] for a bad query."""
    try:
        parsed = query_language.parse(raw)
        flush_pending()
        ids = get_backend().typeahead_ids(parsed, limit)
    except (QueryError, NotImplementedError, UnsupportedDatabase, DatabaseError):
        return []
    documents = SearchDocument.objects.in_bulk(ids)
    return [
        Suggestion(pk, d.title, ", ".join(_split(d.authors)), d.year, d.venue)
        for pk in ids
        if (d := documents.get(pk)) is not None
    ]


def _hit_as_dict(hit: Hit, absolute: Callable[[str], str]) -> dict[str, object]:
    paper = hit.paper
    return {
        "id": paper.pk,
        "title": paper.title,
        "url": absolute(paper.get_absolute_url()),
        "authors": paper.authors,
        "year": paper.year,
        "venue": paper.venue or None,
        "topics": paper.topics,
        "score": round(hit.score, 6),
        "found_by": hit.found_by,
        "matched_in": hit.matched_in,
        "snippet_html": hit.snippet_html,
        "title_html": hit.title_html,
    }


def results_as_dict(
    results: SearchResults, absolute: Callable[[str], str] = str, next_url: str | None = None
) -> dict[str, object]:
    """The one JSON shape of a results page (web twin and ``papershelf search --json``)."""
    if results.error:
        return {"ok": False, "error": results.error, "status": 400}
    return {
        "ok": True,
        "query": results.query,
        "mode": results.mode,
        "total": results.total,
        "total_is_lower_bound": results.total_is_lower_bound,
        "page": results.page,
        "next": next_url,
        "took_ms": round(results.took_ms, 2),
        "results": [_hit_as_dict(hit, absolute) for hit in results.hits],
        "facets": {name: [vars(v) for v in values] for name, values in results.facets.items()},
        "suggestions": [
            {"id": p.pk, "title": p.title, "url": absolute(p.get_absolute_url())}
            for p in results.suggestions
        ],
    }
