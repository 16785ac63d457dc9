"""A spreadsheet saved as CSV or TSV: a reading tracker, a Notion database, a sheet tab.

People keep "papers I read" as a sheet (Added, Title, Authors, Year, Venue, Link,
Status, Tags, Notes) and download it as CSV. The sheet becomes the Markdown table it
is, and the notes reader's titled tables take it from there: a row is a paper when its
Title cell holds one, the Link cell gives its identifiers, the Notes cell its summary.
A Tags column gives topics; a tag on a single paper row says little, so only tags that
several rows share become topics, as for tags across notes. An issue tracker's export
(Jira, Linear, GitLab…) is a list of tickets rather than a sheet: ``issues`` reads it;
a book tracker's library (Goodreads, StoryGraph) is mostly books: ``books`` reads it.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

from papershelf.importers.csvtable.books import is_book_library, parse_book_library
from papershelf.importers.csvtable.issues import is_issue_export, parse_issues
from papershelf.importers.itemtypes import TRACKER_NOT_PAPERS
from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.records import ImportWarning, ParsedDocument, ParseHints, SummaryRecord

_TITLE_HEADERS = frozenset({"title", "paper", "paper title", "name", "article", "publication"})
_FACT_HEADERS = frozenset(
    {"authors", "author", "year", "venue", "journal", "conference", "doi", "arxiv", "link"}
    | {"url", "pdf", "paper link", "paper url", "published", "publication year", "source"}
)
_TAG_HEADERS = frozenset({"tags", "tag", "topics", "topic", "keywords", "labels", "category"})
_MIN_ROWS_FOR_A_TAG = 2
_TAG_SPLIT_RE = re.compile(r"\s*[,;]\s*")
_FIRST_ROW_LINE = 3  # of the Markdown table: its header, the delimiter, then the rows
_NO_ROW_READ = (
    "no row names a paper read: the rows are marked to read, or name no paper "
    "(a sheet of a single paper is not read as a table)"
)


def looks_like_csv(text: str) -> bool:
    """A header row of two or more columns, comma- or tab-separated."""
    rows = _rows(text[:20000])
    return bool(rows) and len(rows[0]) >= 2


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    rows = _rows(text)
    if rows and is_issue_export(rows[0]):
        return parse_issues(text, path)  # a tracker's tickets, each a note of its own
    if rows and is_book_library(rows[0]):
        return parse_book_library(text, path)  # books, and perhaps papers among them
    if not rows or _title_column(rows[0]) is None:
        # A sheet's other tabs (datasets, budget) come along in the same download.
        document = ParsedDocument(path=path, format="csv")
        message = "no Title column beside authors, year, venue or link: not a list of papers"
        document.warnings.append(ImportWarning(path, 1, message))
        return document
    header, body = rows[0], [row for row in rows[1:] if any(cell.strip() for cell in row)]
    body, left_out = _without_other_works(header, body)
    document = _table_document(header, body, path, hints)
    document.warnings += [ImportWarning(path, None, message) for message in left_out]
    return document


def _table_document(
    header: list[str], body: list[list[str]], path: str, hints: ParseHints | None
) -> ParsedDocument:
    if len(body) == 1:
        # A sheet of one paper is no table of papers to the notes reader (it wants two
        # rows): it is that paper's labelled fields; its notes are the summary.
        fields, notes = _one_row_note(header, body[0])
        document = parse_converted(fields, path, "csv", hints)
        for entry in document.entries:
            entry.summary = SummaryRecord(notes) if notes else None
        return document
    document = parse_converted(_markdown_table(header, body), path, "csv", hints)
    _keep_rows(document, path)
    _add_topics(document, header, body)
    return document


_TYPE_HEADERS = ("item type", "reference type", "publication type", "type")
# A reference manager's item types that are no research paper (Zotero's, EndNote's),
# folded: "bookSection" and "Book Section" alike.
_OTHER_WORKS = frozenset(
    {"book", "booksection", "editedbook", "electronicbook", "thesis", "webpage", "report",
     "blogpost", "presentation", "videorecording", "podcast", "computerprogram", "software",
     "dataset", "encyclopediaarticle", "dictionaryentry", "newspaperarticle", "statute",
     "case", "patent", "map", "artwork", "film", "interview", "letter", "email", "forumpost",
     "tvbroadcast", "radiobroadcast", "audiorecording", "hearing", "bill", "standard"}
) | {kind.replace(" ", "") for kind in TRACKER_NOT_PAPERS}  # fmt: skip


def _without_other_works(
    header: list[str], body: list[list[str]]
) -> tuple[list[list[str]], list[str]]:
    """The rows whose item type (Zotero's "Item Type" column) is a paper's; and what was
    left out, by title and type, for the report."""
    names = [cell.strip().casefold() for cell in header]
    column = next((names.index(name) for name in _TYPE_HEADERS if name in names), None)
    title = _title_column(header)
    if column is None or title is None:
        return body, []
    kept, left_out = [], []
    for row in body:
        kind = row[column].strip() if column < len(row) else ""
        if re.sub(r"[\s_-]", "", kind.casefold()) in _OTHER_WORKS:
            name = row[title].strip() if title < len(row) else ""
            left_out.append(f"did not import “{name}”: a {kind}, not a paper")
        else:
            kept.append(row)
    return kept, left_out


_NOTES_HEADERS = frozenset(
    {"notes", "note", "summary", "comments", "comment", "key findings", "takeaways", "abstract"}
)


def _one_row_note(header: list[str], row: list[str]) -> tuple[str, str]:
    """The row as "Column: value" lines, and its notes cells apart."""
    fields, notes = [], []
    for name, value in zip(header, row, strict=False):
        value = " ".join(value.split())
        if not value or not name.strip():
            continue
        if name.strip().casefold() in _NOTES_HEADERS:
            notes.append(value)
        else:
            fields.append(f"{name.strip()}: {value}")
    return "\n".join(fields) + "\n", "\n\n".join(notes)


def _keep_rows(document: ParsedDocument, path: str) -> None:
    """A sheet's papers are its rows. Where the notes reader took none of them (each
    marked to read, or one row only), it may have read the header as a note's labelled
    fields ("| Title | Year |": a paper titled "Year"): no paper either."""
    if any(e.line is not None and e.line >= _FIRST_ROW_LINE for e in document.entries):
        return
    document.entries, document.entry_topics = [], {}
    document.warnings = [w for w in document.warnings if w.line and w.line >= _FIRST_ROW_LINE]
    document.warnings.append(ImportWarning(path, 1, _NO_ROW_READ))


def _rows(text: str) -> list[list[str]]:
    sample = text.lstrip("\ufeff")
    first = sample.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(sample), delimiter=delimiter))
    except csv.Error:
        return []


def _title_column(header: list[str]) -> int | None:
    """The Title column of a sheet of papers: one that also names a paper's facts (a
    blog's posts.csv has a title too, beside dates and audiences)."""
    names = [cell.strip().casefold() for cell in header]
    if not any(name in _FACT_HEADERS for name in names):
        return None
    return next((i for i, name in enumerate(names) if name in _TITLE_HEADERS), None)


def _markdown_table(header: list[str], body: list[list[str]]) -> str:
    """One table row per sheet row, so row ``i`` is line ``i + 3`` of the Markdown."""
    width = len(header)
    lines = [_row(header), "|" + "---|" * width]
    lines += [_row([*row, *[""] * (width - len(row))][:width]) for row in body]
    return "\n".join(lines) + "\n"


def _row(cells: list[str]) -> str:
    # A cell's line breaks and pipes would end or split the Markdown row.
    cleaned = [" ".join(cell.replace("|", "\\|").split()) for cell in cells]
    return "| " + " | ".join(cleaned) + " |"


def _add_topics(document: ParsedDocument, header: list[str], body: list[list[str]]) -> None:
    names = [cell.strip().casefold() for cell in header]
    column = next((i for i, name in enumerate(names) if name in _TAG_HEADERS), None)
    if column is None:
        return
    tags_at: dict[int, list[str]] = {}
    for index, entry in enumerate(document.entries):
        row = body[entry.line - 3] if entry.line and 0 <= entry.line - 3 < len(body) else None
        if entry.paper is not None and row is not None and column < len(row):
            tags_at[index] = [tag for tag in _TAG_SPLIT_RE.split(row[column].strip()) if tag]
    shared = Counter(tag.casefold() for tags in tags_at.values() for tag in set(tags))
    for index, tags in tags_at.items():
        kept = [tag for tag in tags if shared[tag.casefold()] >= _MIN_ROWS_FOR_A_TAG]
        if kept:
            document.entry_topics[index] = kept
