"""Read Zotero items in the Web API's JSON, from a dump or from zotero.sqlite.

The Web API (and pyzotero's ``zot.everything(zot.items())``) gives a list of items,
each ``{"key", "library", "meta", "data": {...}}``; ``data`` holds the item's fields
by their Zotero names — ``itemType``, ``title``, ``creators`` (``creatorType`` with
``firstName``/``lastName``, or ``name``), ``date``, ``DOI``, ``url``, ``extra``
("arXiv: 1809.10932", "PMID: …"), ``publicationTitle``…, ``tags`` (``type`` 1 for the
automatic ones a site or database gave), ``collections`` (keys), ``deleted`` for the
trash — and a note's or attachment's ``parentItem``. ``database`` writes a data
directory's ``zotero.sqlite`` in the same shape, with its collections' names, so one
reader reads both.

As for Zotero's RDF export (``zoterordf.parse``): child notes become the item's summary,
collections and shared manual tags its topics, reading status follows
``endnote.library``; web pages, software, datasets and videos are no papers; a
standalone note that cites papers is read as Zotero's HTML notes are.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from papershelf.importers.endnote.library import (
    add_entry_topics,
    add_tag_topics,
    library_entry,
    marks_read,
    marks_unread,
    note_says_unread,
)
from papershelf.importers.html.parse import parse as parse_html_note
from papershelf.importers.html.parse import to_markdown
from papershelf.importers.html.zotero import is_zotero_note
from papershelf.importers.itemtypes import ZOTERO_NOT_PAPERS
from papershelf.importers.jsontext import load
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
)
from papershelf.importers.zoterordf.parse import (
    ENTRY_TYPES,
    NOT_ITEMS,
    apply_url,
    child_notes_markdown,
    take_arxiv_id,
)
from papershelf.lib.identifiers import parse_doi

FORMAT = "zotero-json"
EVIDENCE = "a Zotero item"
# The key database.snapshot opens its JSON with: no other JSON has it.
MARK = "zotero-library"

_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|2\d{3})(?!\d)")
_EXTRA_DOI_RE = re.compile(r"^\s*DOI:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
_CITATION_KEY_RE = re.compile(r"^\s*Citation Key:\s*(\S+)", re.MULTILINE | re.IGNORECASE)
# Where an item appeared, by item type: the first field that is set.
_VENUE_FIELDS = (
    "publicationTitle", "proceedingsTitle", "conferenceName", "bookTitle", "university",
    "institution", "repository", "websiteTitle", "blogTitle",
)  # fmt: skip
_AUTHOR_TYPES = ("author", "inventor", "programmer", "artist", "presenter", "director")
_AUTOMATIC = 1  # a tag's type: 0 by hand, 1 given by a translator or a feed


@dataclass
class _Library:
    items: list[dict[str, Any]]
    collections: dict[str, dict[str, Any]]  # by key: name, parentCollection


def looks_like_zotero_items(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    if head.startswith(f'{{"{MARK}"'):
        return True
    if head.startswith("{") and '"BetterBibTeX JSON"' in head:
        return True  # Better BibTeX's export: {"config", "collections", "items"}
    return head.startswith("[") and '"itemType"' in head and '"key"' in head


def parse(text: str, path: str) -> ParsedDocument:
    library = _library(load(text, path), path)
    items = [i for i in library.items if not i.get("deleted")]
    notes_of: dict[str, list[str]] = {}
    for item in items:
        if item.get("itemType") == "note" and item.get("parentItem"):
            notes_of.setdefault(str(item["parentItem"]), []).append(str(item.get("note") or ""))
    records = [i for i in items if i.get("itemType") not in NOT_ITEMS]
    document = ParsedDocument(path=path, format=FORMAT)
    with_notes = bool(notes_of)
    tags_at: dict[int, list[str]] = {}
    collections_at: dict[int, list[str]] = {}
    for line, item in enumerate(records, start=1):
        htmls = notes_of.get(str(item.get("key")), [])
        entry = _entry(item, htmls, with_notes, (path, line), document.warnings)
        if entry.paper is not None:
            tags_at[len(document.entries)] = _tags(item, manual=True)
            collections_at[len(document.entries)] = _collection_names(item, library.collections)
        document.entries.append(entry)
    if with_notes:
        _leave_out_books(document, tags_at, collections_at)
    add_tag_topics(document, tags_at)
    _add_collection_topics(document, collections_at)
    _add_standalone_notes(document, items, path)
    if not document.entries:
        document.warnings.append(ImportWarning(path, None, "no Zotero items in this file"))
    return document


def _leave_out_books(document: ParsedDocument, *at: dict[int, list[str]]) -> None:
    """Beside notes on papers, a library's books are background (as Mendeley's reader
    decides it); a library of books only is the person's reading of books."""
    books = {i for i, e in enumerate(document.entries) if e.paper and e.paper.entry_type == "book"}
    papers = {i for i, e in enumerate(document.entries) if e.paper}
    if not books or books == papers:
        return
    for index in sorted(books):
        entry = document.entries[index]
        title = entry.paper.title if entry.paper else ""
        message = f"“{title}” is a book, left out beside the notes on papers"
        document.warnings.append(ImportWarning(document.path, entry.line, message))
        entry.paper, entry.summary = None, None
        for topics in at:
            topics.pop(index, None)


def _library(data: Any, path: str) -> _Library:
    if isinstance(data, dict) and MARK in data:
        collections = {str(c.get("key")): c for c in data.get("collections") or []}
        return _Library(_datas(data.get("items")), collections)
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        return _better_bibtex(data)
    if not isinstance(data, list):
        raise ParseError(path, 1, "not Zotero items: expected a list of items")
    return _Library(_datas(data), {})


def _better_bibtex(data: dict[str, Any]) -> _Library:
    """Better BibTeX's JSON: items with their notes inside (``notes``), collections as a
    map naming the item ids each holds, and ``itemKey`` for the key."""
    items = _datas(data["items"])
    by_id = {str(item.get("itemID")): item for item in items}
    found: dict[str, Any] = data["collections"] if isinstance(data.get("collections"), dict) else {}
    collections: dict[str, dict[str, Any]] = {}
    for key, collection in found.items():
        if not isinstance(collection, dict):
            continue
        collections[str(key)] = {
            "name": collection.get("name"),
            "parentCollection": collection.get("parent") or False,
        }
        for item_id in collection.get("items") or []:
            if str(item_id) in by_id:
                by_id[str(item_id)].setdefault("collections", []).append(str(key))
    notes: list[dict[str, Any]] = []
    for item in items:
        item.setdefault("key", item.get("itemKey"))
        for note in item.get("notes") or []:
            html = note.get("note") if isinstance(note, dict) else note
            notes.append({"itemType": "note", "parentItem": item["key"], "note": str(html)})
    return _Library(items + notes, collections)


def _datas(items: Any) -> list[dict[str, Any]]:
    """Each item's fields: the Web API wraps them in ``data``, pyzotero's ``everything``
    keeps the wrapper, a local export may not."""
    found: list[dict[str, Any]] = []
    for item in items if isinstance(items, list) else []:
        data = item.get("data") if isinstance(item, dict) else None
        data = data if isinstance(data, dict) else item
        if isinstance(data, dict) and isinstance(data.get("itemType"), str):
            found.append(data)
    return found


def _entry(
    item: dict[str, Any],
    htmls: list[str],
    with_notes: bool,
    place: tuple[str, int],
    warnings: list[ImportWarning],
) -> Entry:
    kind = ZOTERO_NOT_PAPERS.get(str(item.get("itemType")))
    if kind:
        warnings.append(ImportWarning(*place, f"item is {kind}, not a paper: skipped"))
        return Entry(paper=None, line=place[1])
    note = child_notes_markdown(htmls)
    unread = with_notes and not note and _unread(item, htmls)
    return library_entry(
        _paper(item), note, unread=unread, place=place, warnings=warnings,
        evidence=EVIDENCE, noun="item",
    )  # fmt: skip


def _paper(item: dict[str, Any]) -> PaperRecord:
    extra = str(item.get("extra") or "")
    key = str(item.get("citationKey") or "") or _first(_CITATION_KEY_RE, extra)
    paper = PaperRecord(
        title=" ".join(str(item.get("title") or "").split()),
        authors=_authors(item.get("creators")),
        year=_year(item),
        venue=next((str(item[f]) for f in _VENUE_FIELDS if str(item.get(f) or "").strip()), ""),
        abstract=str(item.get("abstractNote") or ""),
        bibtex_key=key,
        entry_type=ENTRY_TYPES.get(str(item.get("itemType")), "misc"),
        keywords=list(dict.fromkeys([*_tags(item, manual=True), *_tags(item, manual=False)])),
    )
    _fill_identifiers(paper, item, extra)
    return paper


def _authors(creators: Any) -> list[str]:
    people = [c for c in creators if isinstance(c, dict)] if isinstance(creators, list) else []
    authors = [c for c in people if c.get("creatorType") in _AUTHOR_TYPES] or [
        c for c in people if c.get("creatorType") not in ("editor", "seriesEditor", "translator")
    ]
    names = []
    for person in authors:
        name = person.get("name") or " ".join(
            str(part) for part in (person.get("firstName"), person.get("lastName")) if part
        )
        if str(name).strip():
            names.append(" ".join(str(name).split()))
    return names


def _year(item: dict[str, Any]) -> int | None:
    for value in (item.get("date"), item.get("parsedDate")):
        match = _YEAR_RE.search(str(value or ""))
        if match:
            return int(match[1])
    return None


def _fill_identifiers(paper: PaperRecord, item: dict[str, Any], extra: str) -> None:
    paper.doi = parse_doi(str(item.get("DOI") or "")) or ""
    extra_doi = _first(_EXTRA_DOI_RE, extra)
    paper.doi = paper.doi or (parse_doi(extra_doi) or "" if extra_doi else "")
    url = str(item.get("url") or "")
    take_arxiv_id(
        paper, [url, str(item.get("archiveID") or ""), str(item.get("number") or ""), extra]
    )
    apply_url(paper, url)


def _tags(item: dict[str, Any], *, manual: bool) -> list[str]:
    tags = []
    for tag in item.get("tags") or []:
        if not isinstance(tag, dict) or not str(tag.get("tag") or "").strip():
            continue
        if (tag.get("type") == _AUTOMATIC) != manual:
            tags.append(" ".join(str(tag["tag"]).split()))
    return tags


def _unread(item: dict[str, Any], htmls: list[str]) -> bool:
    tags = _tags(item, manual=True)
    if any(marks_read(tag) for tag in tags):
        return False
    if any(marks_unread(tag) for tag in tags):
        return True
    return any(note_says_unread(to_markdown(html)) for html in htmls)


def _collection_names(item: dict[str, Any], collections: dict[str, dict[str, Any]]) -> list[str]:
    names = []
    for key in item.get("collections") or []:
        seen: set[str] = set()
        while isinstance(key, str) and key in collections and key not in seen:
            seen.add(key)
            names.append(str(collections[key].get("name") or ""))
            key = collections[key].get("parentCollection")  # a sub-collection's parents too
    return [name for name in dict.fromkeys(names) if name.strip()]


def _add_collection_topics(document: ParsedDocument, names_at: dict[int, list[str]]) -> None:
    """Collections are topics — not one holding every paper of three or more, which
    names the library (as ``zoterordf`` decides)."""
    papers = len(names_at)
    counts: dict[str, int] = {}
    for names in names_at.values():
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    for index, names in names_at.items():
        kept = [n for n in names if not (papers >= 3 and counts[n] == papers)]
        add_entry_topics(document, index, kept)


def _add_standalone_notes(document: ParsedDocument, items: list[dict[str, Any]], path: str) -> None:
    """A note of its own that cites papers (Zotero 7's citations) names them; one that
    cites none (meeting minutes, a to-do) names no paper."""
    for line, item in enumerate(items, start=1):
        if item.get("itemType") != "note" or item.get("parentItem"):
            continue
        html = str(item.get("note") or "")
        if not is_zotero_note(html):
            continue
        for entry in parse_html_note(html, path).entries:
            if entry.paper is not None:
                entry.line = line
                document.entries.append(entry)


def _first(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match.group(1) if match else ""


def snapshot(items: list[dict[str, Any]], collections: list[dict[str, Any]]) -> str:
    """A data directory's library as this reader reads it (``database``)."""
    return json.dumps({MARK: 1, "collections": collections, "items": items}, ensure_ascii=False)
