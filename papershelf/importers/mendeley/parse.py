"""Read a Mendeley Desktop library, as its container wrote it out of the database.

The text is JSON (``container.snapshot``): a header with the library's folders and
whether notes lie beside the database, then one document a line, each with the
columns of ``Documents`` it needs and its lists (``database``). A file that held no
library says why (``skipped``), one SQLite could not read says that (``error``).

Each document of the person's own library becomes a paper: its authors in order
(``DocumentAuthor``), year, venue, DOI, arXiv id, PubMed and other links, tags and the
publisher's keywords. Its Notes tab (HTML), the notes of older versions
(``DocumentNotes``) and its sticky notes on the PDF (``FileNotes``, each with its
page) become its summary. Folders are topics, a folder's parents too (a nested tag is
so read in ``appjson.standardnotes``); tags shared by documents are topics as in the
other reference managers' exports (``endnote.library``).

Left out, each named in a warning: what is in Mendeley's trash or deleted and waiting
to tell the server; a shared group's documents (the group's, not the person's); web
pages, software and videos; and, when the import holds notes, documents not read
(Mendeley's unread mark, or a to-read tag) with no notes of their own and books, as
``endnote.library`` and ``notes.background`` decide for other libraries. "Needs
Review" documents (``confirmed`` false: details Mendeley read from the PDF, not yet
checked) are the person's papers and stay. A paper filed twice (Mendeley's duplicates,
before "Check for Duplicates" merges them) is one paper, its notes joined.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from papershelf.importers.endnote.library import (
    add_entry_topics,
    add_tag_topics,
    is_database_note,
    is_status_note,
    marks_read,
    marks_unread,
    note_says_unread,
)
from papershelf.importers.html.parse import to_markdown
from papershelf.importers.notes.links import add_link
from papershelf.importers.notes.metadata import identifier_of
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
    SummaryRecord,
)
from papershelf.lib.identifiers import parse_arxiv_id, parse_doi
from papershelf.lib.titles import normalise_title

FORMAT = "mendeley"
EVIDENCE = "a Mendeley Desktop document"
FIRST_DOCUMENT_LINE = 2  # the header is line 1 (container.snapshot)

_ENTRY_TYPES = {
    "JournalArticle": "article",
    "MagazineArticle": "article",
    "NewspaperArticle": "article",
    "ConferenceProceedings": "inproceedings",
    "Book": "book",
    "BookSection": "incollection",
    "EncyclopediaArticle": "incollection",
    "Thesis": "phdthesis",
    "Report": "techreport",
    "WorkingPaper": "techreport",
}
# What a library also keeps that is no paper, as the Zotero RDF reader decides it for
# the Zotero types Mendeley's map to.
_NOT_PAPERS = {
    "WebPage": "a web page",
    "ComputerProgram": "software",
    "Film": "a video",
    "TelevisionBroadcast": "a broadcast",
}
_BOOK = "book"
# Mendeley 1.0's notes, before they were HTML: <m:bold>, <m:linebreak></m:linebreak>…
_LEGACY_TAG_RE = re.compile(r"<(/?)m:(bold|italic|underline|center|left|right)>")
_LEGACY_TAGS = {"bold": "b", "italic": "i", "underline": "u"}
_LEGACY_BREAK_RE = re.compile(r"<m:linebreak\s*/?>(?:</m:linebreak>)?")
# A Notes field a reference's import filled with its identifier ("doi: 10.…", "PMID: …").
_IDENTIFIER_NOTE_RE = re.compile(
    r"^(?:(?:doi|pmid|pmcid|isbn|issn|arxiv)\s*:?\s*\S+|10\.\d{4,9}/\S+)$", re.IGNORECASE
)
_MIN_RECORDS_FOR_EVERYWHERE = 3  # as a Zotero collection holding every item


@dataclass
class _Document:
    """One document of the library, read as a paper (see parse)."""

    line: int
    paper: PaperRecord
    notes: list[str]
    unread: bool
    tags: list[str] = field(default_factory=list)
    folders: list[int] = field(default_factory=list)


def parse(text: str, path: str) -> ParsedDocument:
    library = _load(text, path)
    document = ParsedDocument(path=path, format=FORMAT)
    if library.get("skipped"):
        document.warnings.append(ImportWarning(path, None, str(library["skipped"])))
        return document
    entries: dict[int, Entry] = {}
    found: list[_Document] = []
    for index, row in enumerate(_dicts(library.get("documents"))):
        line = FIRST_DOCUMENT_LINE + index
        reason = _left_out(row)
        if reason:
            _skip(entries, document, line, reason)
        else:
            found.append(_document(row, line))
    found = _without_duplicates(found, entries, document)
    with_notes = bool(library.get("notes_beside")) or any(d.notes for d in found)
    kept = _read_papers(found, with_notes, entries, document)
    for item in kept:
        summary = SummaryRecord(markdown="\n\n---\n\n".join(item.notes)) if item.notes else None
        entries[item.line] = Entry(item.paper, summary, line=item.line, evidence=EVIDENCE)
    lines = sorted(entries)
    document.entries = [entries[line] for line in lines]
    index_at = {line: index for index, line in enumerate(lines)}
    _add_topics(document, kept, index_at, _dicts(library.get("folders")))
    return document


def _load(text: str, path: str) -> dict[str, Any]:
    try:
        library = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"not a Mendeley Desktop library as its container writes it ({error.msg})"
        raise ParseError(path, error.lineno, message) from None
    if not isinstance(library, dict):
        raise ParseError(path, 1, "not a Mendeley Desktop library as its container writes it")
    if library.get("error"):
        raise ParseError(path, None, str(library["error"]))
    return library


def _left_out(row: dict[str, Any]) -> str:
    """Why a document is none of the person's papers, or ""."""
    title = _text(row.get("title")) or "a document with no title"
    if _flag(row.get("inTrash")):
        return f"“{title}” is in Mendeley's trash: skipped"
    if _flag(row.get("deletionPending")):
        return f"“{title}” was deleted in Mendeley (not yet synced): skipped"
    if row.get("personal") is False:
        return f"“{title}” is in a shared group's library, not the person's: skipped"
    kind = _NOT_PAPERS.get(_text(row.get("type")))
    if kind:
        return f"“{title}” is {kind}, not a paper: skipped"
    if not _text(row.get("title")) and not (row.get("doi") or row.get("arxivId")):
        return "document has no title: skipped"
    return ""


def _skip(entries: dict[int, Entry], document: ParsedDocument, line: int, reason: str) -> None:
    entries[line] = Entry(paper=None, line=line)
    document.warnings.append(ImportWarning(document.path, line, reason))


def _document(row: dict[str, Any], line: int) -> _Document:
    tags = [tag for value in _list(row, "tags") if (tag := " ".join(_text(value).split()))]
    notes = _notes(row)
    return _Document(
        line=line,
        paper=_paper(row, tags),
        notes=notes,
        unread=_unread(row, tags),
        tags=tags,
        folders=_list(row, "folders"),
    )


def _paper(row: dict[str, Any], tags: list[str]) -> PaperRecord:
    kind = _text(row.get("type"))
    keywords = [_text(k) for k in _list(row, "keywords")]
    paper = PaperRecord(
        title=" ".join(_text(row.get("title")).split()),
        authors=_authors(row),
        year=_year(row.get("year")),
        venue=_text(row.get("publication"))
        or (_text(row.get("institution")) if kind == "Thesis" else ""),
        abstract=_text(row.get("abstract")),
        bibtex_key=_text(row.get("citationKey")),
        entry_type=_ENTRY_TYPES.get(kind, "misc"),
        keywords=list(dict.fromkeys(k for k in [*tags, *keywords] if k)),
    )
    _fill_identifiers(paper, row)
    return paper


def _authors(row: dict[str, Any]) -> list[str]:
    names = []
    for person in _dicts(row.get("contributors")):
        if _text(person.get("contribution")) not in ("", "DocumentAuthor"):
            continue  # editors, translators
        # A group author ("EMPA-REG OUTCOME Investigators") has a last name alone.
        name = " ".join(
            part
            for part in (_text(person.get("firstNames")), _text(person.get("lastName")))
            if part
        )
        if name:
            names.append(" ".join(name.split()))
    return names


def _year(value: Any) -> int | None:
    try:
        year = int(str(value).strip()[:4])
    except ValueError:
        return None
    return year if 1500 <= year <= 2999 else None


def _fill_identifiers(paper: PaperRecord, row: dict[str, Any]) -> None:
    paper.doi = parse_doi(_text(row.get("doi"))) or ""
    hints = [_text(row.get("arxivId"))]
    if paper.doi.startswith("10.48550/"):  # arXiv's own DOI names the preprint
        hints.append(paper.doi)
        paper.doi = ""
    arxiv = next((found for hint in hints if hint and (found := parse_arxiv_id(hint))), None)
    if arxiv:
        paper.arxiv_id, paper.arxiv_version = arxiv
    for url in _list(row, "urls"):
        if _text(url).startswith(("http://", "https://")):
            add_link(paper, _text(url))
    pmid = _text(row.get("pmid"))
    if pmid.isdigit() and pmid != "0":
        add_link(paper, f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/")


def _notes(row: dict[str, Any]) -> list[str]:
    """The person's notes on the document as Markdown, each once: its Notes tab, older
    versions' notes, its sticky notes on the PDF."""
    htmls = [_text(row.get("note")), *(_text(n) for n in _list(row, "document_notes"))]
    notes = [markdown for html in htmls if (markdown := _note_markdown(html))]
    annotations = _annotations(_dicts(row.get("annotations")))
    return list(dict.fromkeys([*notes, annotations] if annotations else notes))


def _note_markdown(html: str) -> str:
    if not html.strip():
        return ""
    html = _LEGACY_BREAK_RE.sub("<br/>", html)
    html = _LEGACY_TAG_RE.sub(lambda m: f"<{m[1]}{_LEGACY_TAGS.get(m[2], 'p')}>", html)
    markdown = to_markdown(html).strip()
    text = " ".join(markdown.split())
    if is_status_note(text) or note_says_unread(text) or _IDENTIFIER_NOTE_RE.match(text):
        return ""
    return "" if is_database_note(markdown) else markdown


def _annotations(rows: list[dict[str, Any]]) -> str:
    """Sticky notes as a list, each with the page it is on ("p. 4: …")."""
    items = []
    for row in rows:
        text = _text(row.get("note")).strip()
        if not text or is_status_note(text):
            continue
        page = f"p. {row['page']}: " if row.get("page") else ""
        items.append("- " + page + text.replace("\r\n", "\n").replace("\n", "\n  "))
    return "\n".join(items)


def _unread(row: dict[str, Any], tags: list[str]) -> bool:
    """Tagged to read, or left with Mendeley's unread mark; a tag saying read wins."""
    if any(marks_read(tag) for tag in tags):
        return False
    if any(marks_unread(tag) for tag in tags):
        return True
    if row.get("read") is not None and not _flag(row.get("read")):
        return True
    note = _text(row.get("note"))
    return bool(note.strip()) and note_says_unread(to_markdown(note))


def _without_duplicates(
    found: list[_Document], entries: dict[int, Entry], document: ParsedDocument
) -> list[_Document]:
    """One document for each paper: a later copy's notes, tags and folders join the first."""
    first: dict[str, _Document] = {}
    kept = []
    for item in found:
        key = identifier_of(item.paper) or f"{normalise_title(item.paper.title)}|{item.paper.year}"
        original = first.setdefault(key, item)
        if original is item:
            kept.append(item)
            continue
        original.notes = list(dict.fromkeys([*original.notes, *item.notes]))
        original.unread = original.unread and item.unread
        original.tags = list(dict.fromkeys([*original.tags, *item.tags]))
        original.folders = list(dict.fromkeys([*original.folders, *item.folders]))
        reason = f"“{item.paper.title}” is a duplicate of line {original.line}: merged into it"
        _skip(entries, document, item.line, reason)
    return kept


def _read_papers(
    found: list[_Document], with_notes: bool, entries: dict[int, Entry], document: ParsedDocument
) -> list[_Document]:
    """Beside notes, what the person has not read and books are background."""
    if not with_notes:
        return found
    kept = []
    for item in found:
        if item.unread and not item.notes:
            reason = f"“{item.paper.title}” is marked unread and has no notes: not read, skipped"
            _skip(entries, document, item.line, reason)
        else:
            kept.append(item)
    books = [item for item in kept if item.paper.entry_type == _BOOK]
    if len(books) == len(kept):
        return kept  # a library of books is the person's reading of books
    for item in books:
        reason = f"“{item.paper.title}” is a book, left out beside the notes on papers"
        _skip(entries, document, item.line, reason)
    return [item for item in kept if item not in books]


def _add_topics(
    document: ParsedDocument,
    kept: list[_Document],
    at: dict[int, int],
    folders: list[dict[str, Any]],
) -> None:
    """Shared tags are topics (``endnote.library``), and so is each folder with those
    above it — but not one holding every paper: that names the library."""
    add_tag_topics(document, {at[item.line]: item.tags for item in kept})
    paths = _folder_paths(folders)
    members: dict[str, list[int]] = {}
    for item in kept:
        for name in dict.fromkeys(n for f in item.folders for n in paths.get(f, [])):
            members.setdefault(name, []).append(at[item.line])
    for name, indexes in members.items():
        if len(kept) >= _MIN_RECORDS_FOR_EVERYWHERE and len(indexes) == len(kept):
            continue
        for index in indexes:
            add_entry_topics(document, index, [name])


def _folder_paths(folders: list[dict[str, Any]]) -> dict[int, list[str]]:
    """Each folder's name with its parents' before it, as its path in Mendeley."""
    by_id = {folder["id"]: folder for folder in folders}
    paths: dict[int, list[str]] = {}
    for folder_id in by_id:
        names: list[str] = []
        current = by_id.get(folder_id)
        while current is not None and len(names) < len(by_id):  # a loop ends here
            if name := " ".join(_text(current.get("name")).split()):
                names.insert(0, name)
            current = by_id.get(current.get("parentId"))
        paths[folder_id] = names
    return paths


def _flag(value: Any) -> bool:
    """Mendeley writes its booleans as "true" and "false"."""
    return str(value).strip().casefold() in ("true", "1")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _list(row: dict[str, Any], key: str) -> list[Any]:
    value = row.get(key)
    return value if isinstance(value, list) else []


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
