"""A reading tracker's library export: Goodreads, StoryGraph, LibraryThing.

People who track every book they read there often add the papers too, by hand, as
custom "books": the journal as publisher, "Paper" as the binding, a shelf called
"papers", the DOI in the private notes. The export is a table of books, so a row is a
paper only on that evidence — an identifier in its cells, a paper's binding, a papers
shelf — and only once read or being read ("to-read" is a wish list). The review and
private notes are its summary; the topic shelves its topics, as tags are elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter

from papershelf.importers.csvtable.issues import Issue, read_rows
from papershelf.importers.html.parse import to_markdown as html_to_markdown
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    SummaryRecord,
)
from papershelf.lib.identifiers import parse_arxiv_id, parse_doi

FORMAT = "csv"
_TITLES = ("title",)
_AUTHORS = ("author", "authors", "primary author")
_MORE_AUTHORS = ("additional authors", "contributors", "secondary author")
_STATUSES = ("exclusive shelf", "read status")
_SHELVES = ("bookshelves", "tags", "collections")
_BINDINGS = ("binding", "format", "media")
_VENUES = ("publisher", "publication")
_YEARS = ("year published", "original publication year", "date")
_NOTES = ("my review", "review", "private notes", "private comment", "comment")
_PAPER_BINDINGS = frozenset({"paper", "article", "journal article", "preprint", "pdf article"})
_PAPER_SHELVES = frozenset(
    {"papers", "paper", "articles", "article", "journal-articles", "research-papers"}
)
_UNREAD = frozenset({"to-read", "to read", "want to read", "wishlist", "did-not-finish", "dnf"})
# Shelves that say how or whether a book was read, not what it is about.
_NOT_TOPICS = _PAPER_SHELVES | _UNREAD | frozenset(
    {"read", "currently-reading", "currently reading", "favorites", "favourites", "owned",
     "kindle", "ebook", "ebooks", "audiobook", "audiobooks", "library", "owned-books"}
)  # fmt: skip
_MIN_ROWS_FOR_A_TOPIC = 2
_SHELF_SPLIT_RE = re.compile(r"\s*,\s*")
_SHELF_POSITION_RE = re.compile(r"\s*\(#\d+\)$")
_HTML_RE = re.compile(r"</?[a-zA-Z][^>]*>")
_YEAR_RE = re.compile(r"\b(1[5-9]\d{2}|20\d{2})\b")


def is_book_library(header: list[str]) -> bool:
    """A title beside ISBNs and a shelf or read status: a book tracker's export."""
    names = {" ".join(cell.strip().casefold().split()) for cell in header}
    has_isbn = any(name.startswith("isbn") for name in names)
    return has_isbn and "title" in names and bool(names & {*_STATUSES, *_SHELVES})


def parse_book_library(text: str, path: str) -> ParsedDocument:
    _, rows = read_rows(text)
    document = ParsedDocument(path=path, format=FORMAT)
    shelves_at: dict[int, list[str]] = {}
    for row in rows:
        title = row.first(_TITLES)
        reason = _not_a_read_paper(row)
        if reason:
            message = f"did not import “{title}”: {reason}"
            document.warnings.append(ImportWarning(path, row.line, message))
            continue
        notes = _notes(row)
        document.entries.append(
            Entry(
                paper=_paper(row, title),
                summary=SummaryRecord(notes) if notes else None,
                line=row.line,
                evidence=_evidence(row),
            )
        )
        shelves_at[len(document.entries) - 1] = _topic_shelves(row)
    shared = Counter(shelf for shelves in shelves_at.values() for shelf in set(shelves))
    for index, shelves in shelves_at.items():
        if kept := [s for s in shelves if shared[s] >= _MIN_ROWS_FOR_A_TOPIC]:
            document.entry_topics[index] = kept
    return document


def _not_a_read_paper(row: Issue) -> str:
    if not _evidence(row):
        return "a book (no DOI or arXiv id, not shelved or bound as a paper)"
    status = row.first(_STATUSES).casefold()
    if status in _UNREAD or (not status and _UNREAD & set(_shelves(row))):
        return "a paper on the to-read shelf, not read yet"
    return ""


def _evidence(row: Issue) -> str:
    if _identifiers(row) != ("", ""):
        return "a library row giving the paper's DOI or arXiv id"
    if row.first(_BINDINGS).casefold() in _PAPER_BINDINGS:
        return "a library row bound as a paper"
    if _PAPER_SHELVES & set(_shelves(row)):
        return "a library row on a papers shelf"
    return ""


def _paper(row: Issue, title: str) -> PaperRecord:
    authors = [row.first(_AUTHORS)] + [
        name for value in (row.first((n,)) for n in _MORE_AUTHORS) for name in value.split(",")
    ]
    doi, arxiv_id = _identifiers(row)
    years = [int(m[1]) for name in _YEARS if (m := _YEAR_RE.search(row.first((name,))))]
    return PaperRecord(
        title=title,
        authors=[" ".join(name.split()) for name in authors if name.strip()],
        year=years[0] if years else None,
        venue=row.first(_VENUES),
        doi=doi,
        arxiv_id=arxiv_id,
    )


def _identifiers(row: Issue) -> tuple[str, str]:
    """The DOI and arXiv id the notes, review or ISBN cells give ("doi 10.1126/…")."""
    isbn = [value for name in row.cells if name.startswith("isbn") for value in row.all(name)]
    text = " ".join([*isbn, *(row.first((name,)) for name in _NOTES)])
    doi = parse_doi(text) or ""
    arxiv = parse_arxiv_id(text) if re.search(r"arxiv", text, re.IGNORECASE) else None
    return doi, arxiv[0] if arxiv else ""


def _notes(row: Issue) -> str:
    parts = [_markdown(value) for name in _NOTES if (value := row.first((name,)))]
    return "\n\n".join(part for part in parts if part)


def _markdown(value: str) -> str:
    # Goodreads keeps a review's line breaks as "<br/>" and its emphasis as HTML.
    return html_to_markdown(value).strip() if _HTML_RE.search(value) else value.strip()


def _shelves(row: Issue) -> list[str]:
    values = [row.first((name,)) for name in _SHELVES]
    return [
        _SHELF_POSITION_RE.sub("", shelf).strip().casefold()
        for value in values
        for shelf in _SHELF_SPLIT_RE.split(value)
        if shelf.strip()
    ]


def _topic_shelves(row: Issue) -> list[str]:
    return [shelf for shelf in dict.fromkeys(_shelves(row)) if shelf not in _NOT_TOPICS]
