"""A parsed query in PostgreSQL's terms: tsqueries over the weighted document vector.

Each clause's words go through the database's own parser and stemmer —
``websearch_to_tsquery`` over the clause's text in quotes, so no input is ever an
operator and a word the parser splits ("self-supervised", "arxiv:1706.03762") becomes
a phrase, as in tantivy. Python then adds what the clause says: its field is the
weight its words carry in ``search_vector`` (see migration 0012), ``x*`` is a prefix
of the word both as stemmed and as typed ("normaliz*" is no prefix of the stem
"normal").

Venue, topics and abstract share weight C: a clause on one of them also checks that
column's own text, on the rows the index found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection

from papershelf.search.query import STOPWORDS, Clause, ParsedQuery

ENGLISH = "papershelf_english"  # stemmed, accents folded: the document vector
SIMPLE = "papershelf_simple"  # as typed, accents folded: type-ahead and prefixes
DOCUMENTS = "search_searchdocument"
WEIGHTS = {"title": "A", "authors": "B", "venue": "C", "topics": "C", "abstract": "C",
           "summaries": "D"}  # fmt: skip
_SHARED_WEIGHT = ("venue", "topics", "abstract")
Param = str | int | float | list[int] | list[str]
# A lexeme in a tsquery's text form: quoted, with '' and \ escaped inside.
_LEXEME_RE = re.compile(r"'(?:[^'\\]|''|\\.)*'")


@dataclass(frozen=True)
class Sql:
    """A fragment of SQL and its parameters, combined without formatting user text in."""

    text: str
    params: tuple[Param, ...] = ()

    @property
    def values(self) -> list[Param]:
        return list(self.params)

    def __and__(self, other: Sql) -> Sql:
        return Sql(f"({self.text} AND {other.text})", self.params + other.params)


def joined(parts: list[Sql], separator: str) -> Sql:
    """The parts' SQL joined by ``separator``, their parameters in the same order."""
    return Sql(separator.join(p.text for p in parts), tuple(x for p in parts for x in p.params))


def all_of(parts: list[Sql]) -> Sql:
    return (
        Sql(f"({joined(parts, ' AND ').text})", joined(parts, "").params) if parts else Sql("TRUE")
    )


def any_of(parts: list[Sql]) -> Sql:
    return (
        Sql(f"({joined(parts, ' OR ').text})", joined(parts, "").params) if parts else Sql("FALSE")
    )


def negated(part: Sql) -> Sql:
    return Sql(f"NOT {part.text}", part.params)


@dataclass(frozen=True)
class Term:
    """One clause as tsqueries: over the document vector (weighted to its field) and over
    one column's own text (no weights: rechecks, snippets)."""

    clause: Clause
    weighted: str
    plain: str

    @property
    def shares_its_weight(self) -> bool:
        """Whether the vector's weight alone cannot tell its field from others."""
        return self.clause.field in _SHARED_WEIGHT

    @property
    def lexemes(self) -> list[str]:
        """Its words as the index holds them; "" for a prefix (it stands for many)."""
        found = [m.group(0) for m in _LEXEME_RE.finditer(self.plain)]
        if ":*" in self.plain:
            return [""]
        return [word[1:-1].replace("''", "'").replace("\\\\", "\\") for word in found]

    def matches(self) -> Sql:
        found = Sql("search_vector @@ %s::tsquery", (self.weighted,))
        if not self.shares_its_weight:
            return found
        return found & _own_column_matches(str(self.clause.field), self.plain)


def words_of(text_sql: str) -> str:
    """SQL for the words of a text as the document vector holds them (migration 0012)."""
    return f"papershelf_words('{ENGLISH}', {text_sql})"


def _own_column_matches(column: str, plain: str) -> Sql:
    own = f"{words_of(column)} @@ %s::tsquery"
    if column != "abstract":
        return Sql(own, (plain,))
    # The row matched at weight C: unless venue or topics hold the words too, the abstract
    # does, and a long abstract need not be parsed again to say so.
    venue_and_topics = words_of("venue || ' ' || topics")
    short = f"{venue_and_topics} @@ %s::tsquery"
    return Sql(f"(CASE WHEN {short} THEN {own} ELSE TRUE END)", (plain, plain))


def either(queries: Iterable[str]) -> str:
    """tsquery text matching any of ``queries``."""
    unique = list(dict.fromkeys(q for q in queries if q))
    return unique[0] if len(unique) == 1 else " | ".join(f"( {q} )" for q in unique)


def with_flags(tsquery: str, weights: str, prefix: bool) -> str:
    """``tsquery`` with every lexeme limited to ``weights``, the last one a prefix."""
    lexemes = list(_LEXEME_RE.finditer(tsquery))
    out, done = [], 0
    for n, lexeme in enumerate(lexemes):
        flags = ("*" if prefix and n == len(lexemes) - 1 else "") + weights
        out.append(tsquery[done : lexeme.end()] + (f":{flags}" if flags else ""))
        done = lexeme.end()
    return "".join(out) + tsquery[done:]


def _normalised(requests: list[tuple[str, str]]) -> list[str]:
    """Each (configuration, text) as the database's tsquery text, in one round trip."""
    if not requests:
        return []
    configs, texts = zip(*requests, strict=True)
    sql = (
        "SELECT websearch_to_tsquery(c::regconfig, t)::text "
        "FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS q(c, t, i) ORDER BY i"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(configs), ['"' + t + '"' for t in texts]])
        return [row[0] for row in cursor.fetchall()]


def compile_clauses(clauses: Iterable[Clause], *, typed: bool = False) -> dict[Clause, Term]:
    """The terms of ``clauses`` (stemmed; as typed with ``typed``); a clause of stop
    words or punctuation alone has none. The parser never leaves a quote in a clause."""
    unique = list(dict.fromkeys(clauses))
    configs = {c: (SIMPLE,) if typed else (ENGLISH, SIMPLE) if c.prefix else (ENGLISH,)
               for c in unique}  # fmt: skip
    answers = iter(_normalised([(config, c.text) for c in unique for config in configs[c]]))
    terms = {}
    for clause in unique:
        variants = [answer for _ in configs[clause] if (answer := next(answers))]
        if not variants:
            continue
        weights = WEIGHTS.get(clause.field or "", "")
        terms[clause] = Term(
            clause,
            either(with_flags(v, weights, clause.prefix) for v in variants),
            either(with_flags(v, "", clause.prefix) for v in variants),
        )
    return terms


def _is_plain_word(group: list[Clause]) -> bool:
    clause = group[0]
    return len(group) == 1 and clause.field is None and not (clause.phrase or clause.prefix)


@dataclass
class Plan:
    """A query's clauses as terms: groups that must match, a bag of words (one at least
    must match), exclusions and years."""

    musts: list[list[Term]] = field(default_factory=list)
    words: list[Term] = field(default_factory=list)
    exclusions: list[Term] = field(default_factory=list)
    years: Sql | None = None
    asked_for_words: bool = False  # positive clauses, even if none had a searchable word
    # The bag of words as typed, small words included: a title's phrase (phraseto_tsquery
    # keeps the gaps its stop words leave).
    phrase: str = ""

    @property
    def has_terms(self) -> bool:
        return bool(self.musts or self.words)

    def filters(self) -> list[Sql]:
        """Exclusions and years: what every result must pass besides its words."""
        years = [self.years] if self.years else []
        return [negated(t.matches()) for t in self.exclusions] + years

    def matching(self) -> Sql:
        """Every paper this query finds.

        What the index can decide alone is one tsquery, read once per row (a vector is
        a kilobyte or more: each ``@@`` reads it again); the rest are conditions beside it.
        """
        folded: list[str] = []
        apart: list[Sql] = []
        for group in self.musts:
            if any(t.shares_its_weight for t in group):
                apart.append(any_of([t.matches() for t in group]))
            else:
                folded.append(either(t.weighted for t in group))
        if self.words:
            folded.append(either(t.weighted for t in self.words))
        for excluded in self.exclusions:
            if excluded.shares_its_weight:
                apart.append(negated(excluded.matches()))
            else:
                folded.append(f"!( {excluded.weighted} )")
        tsquery = " & ".join(f"( {q} )" for q in folded)
        index = [Sql("search_vector @@ %s::tsquery", (tsquery,))] if tsquery else []
        return all_of(index + apart + ([self.years] if self.years else []))


def without_stopwords(words: list[Clause]) -> list[Clause]:
    kept = [c for c in words if c.text.casefold() not in STOPWORDS]
    return kept or words


def year_condition(query: ParsedQuery) -> Sql | None:
    conditions: list[Sql] = []
    if query.year_from is not None:
        conditions.append(Sql("year >= %s", (query.year_from,)))
    if query.year_to is not None:
        conditions.append(Sql("year <= %s", (query.year_to,)))
    return all_of(conditions) if conditions else None


def plan(query: ParsedQuery, *, fielded_only: bool = False) -> Plan:
    """The query's terms, compiled in one round trip."""
    groups = query.clause_groups(fielded_only=fielded_only)
    typed = [g[0] for g in groups if _is_plain_word(g)]
    words = without_stopwords(typed)
    musts = [g for g in groups if not _is_plain_word(g)]
    clauses = [*words, *(c for g in musts for c in g), *query.exclusions]
    terms = compile_clauses(clauses)
    found = Plan(asked_for_words=bool(groups), years=year_condition(query))
    found.words = [terms[c] for c in words if c in terms]
    found.musts = [alts for g in musts if (alts := [terms[c] for c in g if c in terms])]
    found.exclusions = [terms[c] for c in query.exclusions if c in terms]
    if 2 <= len(found.words) <= TITLE_PHRASE_MAX:
        found.phrase = " ".join(c.text for c in typed)
    return found


TITLE_PHRASE_MAX = 16  # longer bags are sentences, not titles (as tantivy_backend's)
