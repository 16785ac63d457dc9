"""The search box's little language, parsed without Django and without the database.

``au:hinton ti:"batch normalization" year:2015..2018 venue:neurips topic:gan -gan
"exact phrase" dropout*`` becomes a :class:`ParsedQuery`: text clauses for the
full-text engine (each bound to a field or to all of them), exclusions, a year range,
and the plain words a semantic search should embed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# What a researcher types -> the document field it searches.
FIELDS = {
    "au": "authors",
    "author": "authors",
    "ti": "title",
    "title": "title",
    "abs": "abstract",
    "abstract": "abstract",
    "venue": "venue",
    "topic": "topics",
    "summary": "summaries",
}
YEAR_FIELDS = {"year", "y"}
_TOKEN_RE = re.compile(
    r"""(?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))"""
)
_YEAR_RE = re.compile(r"^(?P<start>\d{4})?(?P<range>\.\.|-)?(?P<end>\d{4})?$")
_HAS_WORD_RE = re.compile(r"\w")
# Words too common to say anything when a query is relaxed from AND to OR.
STOPWORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "how",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "we",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "with",
        "without",
    }
)


class QueryError(ValueError):
    """A query the parser cannot read; its message is shown to the user as it is."""


@dataclass(frozen=True)
class Clause:
    text: str
    field: str | None = None  # None: any field
    phrase: bool = False
    prefix: bool = False
    negated: bool = False
    or_with_previous: bool = False


@dataclass
class ParsedQuery:
    raw: str
    clauses: list[Clause] = field(default_factory=list)
    exclusions: list[Clause] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None

    @property
    def free_text(self) -> str:
        """The words to embed for a semantic search: unfielded, not excluded."""
        return " ".join(c.text for c in self.clauses if c.field is None)

    @property
    def has_filters(self) -> bool:
        fielded = any(c.field for c in self.clauses)
        return (
            fielded
            or bool(self.exclusions)
            or self.year_from is not None
            or (self.year_to is not None)
        )

    @property
    def is_empty(self) -> bool:
        return not (self.clauses or self.exclusions) and not self.has_filters

    def fts_expression(self, *, prefix_last: bool = False, fielded_only: bool = False) -> str:
        """The clauses as an FTS5 expression (empty when there is no positive clause).

        prefix_last makes the last word a prefix, for results while typing;
        fielded_only keeps the field clauses alone, to filter a semantic ranking.
        """
        return " AND ".join(self.fts_groups(prefix_last=prefix_last, fielded_only=fielded_only))

    def fts_groups(self, *, prefix_last: bool = False, fielded_only: bool = False) -> list[str]:
        """The expressions that are AND-ed together: a clause, or clauses joined by OR."""
        return [
            group[0] if len(group) == 1 else "(" + " OR ".join(group) + ")"
            for group in (
                [fts_term(c) for c in clauses]
                for clauses in self.clause_groups(
                    prefix_last=prefix_last, fielded_only=fielded_only
                )
            )
        ]

    def clause_groups(
        self, *, prefix_last: bool = False, fielded_only: bool = False
    ) -> list[list[Clause]]:
        """The clauses, grouped as they are AND-ed: one clause, or several joined by OR."""
        clauses = [c for c in self.clauses if c.field or not fielded_only]
        if prefix_last and clauses and not clauses[-1].phrase:
            clauses[-1] = Clause(**{**clauses[-1].__dict__, "prefix": True})
        groups: list[list[Clause]] = []
        for clause in clauses:
            if clause.or_with_previous and groups:
                groups[-1].append(clause)
            else:
                groups.append([clause])
        return groups

    def relaxed(self) -> ParsedQuery | None:
        """The same query with its plain words OR-ed (a sentence matches no paper word for
        word); None when there is nothing to relax."""
        words = [c for c in self.clauses if c.field is None and not c.phrase]
        if len(words) < 2 or any(c.or_with_previous for c in words):
            return None
        kept = [c for c in words if c.text.lower() not in STOPWORDS] or words
        fielded = [c for c in self.clauses if c not in words]
        ored = [Clause(c.text, prefix=c.prefix, or_with_previous=i > 0) for i, c in enumerate(kept)]
        return ParsedQuery(self.raw, fielded + ored, self.exclusions, self.year_from, self.year_to)

    def exclusion_expression(self) -> str:
        return " OR ".join(fts_term(c) for c in self.exclusions)


def fts_term(clause: Clause) -> str:
    """One clause in FTS5 syntax; every string is quoted, so no input is an operator."""
    quoted = '"' + clause.text.replace('"', '""') + '"'
    if clause.prefix:
        quoted += " *"
    return f"{clause.field} : {quoted}" if clause.field else quoted


def _year_range(value: str) -> tuple[int | None, int | None]:
    match = _YEAR_RE.match(value.strip())
    if not match or not (match["start"] or match["end"]):
        raise QueryError(f"year:{value} is not a year or a range such as year:2015..2018")
    start = int(match["start"]) if match["start"] else None
    end = int(match["end"]) if match["end"] else None
    if not match["range"]:
        end = start
    if start is not None and end is not None and start > end:
        start, end = end, start
    return start, end


def parse(raw: str) -> ParsedQuery:
    """Read a query; raise :class:`QueryError` with a message fit for the user."""
    query = ParsedQuery(raw=raw)
    or_next = False
    for match in _TOKEN_RE.finditer(raw):
        negated, name = bool(match["neg"]), (match["field"] or "").lower()
        phrase = match["phrase"] is not None
        text = (match["phrase"] if phrase else match["word"]) or ""
        if not phrase and not name and not negated and text == "OR":
            or_next = bool(query.clauses)
            continue
        if name in YEAR_FIELDS:
            query.year_from, query.year_to = _year_range(text)
            continue
        field_name = FIELDS.get(name)
        if name and field_name is None:
            text = f"{match['field']}:{text}"  # "arxiv:1706.03762" or "BERT:" is text
        prefix = not phrase and text.endswith("*")
        text = text.rstrip("*") if prefix else text
        if not _HAS_WORD_RE.search(text):
            continue  # lone punctuation ("-", "*", "&") searches for nothing
        clause = Clause(text, field_name, phrase, prefix, negated, or_next and not negated)
        or_next = False
        (query.exclusions if negated else query.clauses).append(clause)
    return query
