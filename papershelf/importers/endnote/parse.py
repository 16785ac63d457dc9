"""Read an EndNote XML export (File > Export > XML) into paper records.

The file is ``<xml><records><record>…`` — EndNote X7 to 21 write it all on one line;
Mendeley, Papers, Bookends and Zotero write the same shape indented. Each record has
its ``<ref-type name="Journal Article">17</ref-type>``, ``<contributors><authors>``
of ``<author>``, ``<titles>`` (``title``, ``secondary-title`` the journal or book),
``<dates><year>``, ``<electronic-resource-num>`` (the DOI, bare, as a doi.org link or
"doi: …"), ``<urls>``, ``<keywords>``, ``<label>``, ``<abstract>``, ``<notes>`` and
``<research-notes>``. EndNote wraps text in ``<style face="normal" …>`` runs and splits
it where the formatting changes (an italic species name mid-title); others write it
bare. EndNote writes a line break inside a field as a carriage return.

Research notes (and Notes, unless a database wrote them) become the paper's summary;
reading status and topics follow ``endnote.library``.
"""

from __future__ import annotations

import re

from papershelf.importers.endnote.library import (
    NOTES_BESIDE,
    add_tag_topics,
    is_database_note,
    is_status_note,
    library_entry,
    marks_read,
    marks_unread,
    note_says_unread,
)
from papershelf.importers.endnote.xmlnodes import Element, parse_xml
from papershelf.importers.notes.links import add_link
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
)
from papershelf.lib.identifiers import parse_arxiv_id, parse_doi

FORMAT = "endnote"
EVIDENCE = "an EndNote record"

_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|2\d{3})(?!\d)")
# By name first (Mendeley and Papers number some types differently), then by number.
_ENTRY_TYPES = {
    "journal article": "article",
    "electronic article": "article",
    "magazine article": "article",
    "newspaper article": "article",
    "conference proceedings": "inproceedings",
    "conference paper": "inproceedings",
    "book": "book",
    "edited book": "book",
    "electronic book": "book",
    "book section": "incollection",
    "electronic book section": "incollection",
    "thesis": "phdthesis",
    "report": "techreport",
    "unpublished work": "unpublished",
    "manuscript": "unpublished",
}
_TYPE_NAMES = {
    "17": "journal article", "43": "electronic article", "19": "magazine article",
    "23": "newspaper article", "10": "conference proceedings", "47": "conference paper",
    "6": "book", "28": "edited book", "44": "electronic book", "5": "book section",
    "60": "electronic book section", "32": "thesis", "27": "report", "34": "unpublished work",
    "36": "manuscript", "12": "web page", "9": "computer program", "59": "dataset",
    "45": "online database", "48": "online multimedia", "55": "aggregated database",
    "56": "blog", "3": "audiovisual material", "21": "film or broadcast", "61": "music",
    "20": "map", "2": "artwork", "37": "figure", "38": "chart or table", "39": "equation",
}  # fmt: skip
# What a library also keeps that is no paper, as the RIS and CSL readers decide it.
_NOT_PAPERS = {
    "web page": "a web page",
    "blog": "a blog post",
    "online multimedia": "a web page",
    "online database": "a database",
    "aggregated database": "a database",
    "dataset": "a dataset",
    "computer program": "software",
    "audiovisual material": "a video",
    "film or broadcast": "a video",
    "music": "music",
    "map": "a map",
    "artwork": "a work of art",
    "figure": "a figure",
    "chart or table": "a figure",
    "equation": "an equation",
}
_PERSONAL_NOTES = ("research-notes",)
_ANY_NOTES = ("research-notes", "notes")


def parse(text: str, path: str) -> ParsedDocument:
    root = parse_xml(text, path)
    listing = root.child("records") if root.name == "xml" else None
    if listing is None:
        raise ParseError(path, root.line, "not an EndNote XML export (no <xml><records>)")
    records = list(listing.iter("record"))
    if not records:
        raise ParseError(path, root.line, "no records")
    document = ParsedDocument(path=path, format=FORMAT)
    notes = [_notes(record) for record in records]
    # Notes in the export or beside it say what was read; a bare library is kept whole.
    with_notes = any(notes) or text.lstrip("\ufeff").startswith(NOTES_BESIDE)
    tags_at: dict[int, list[str]] = {}
    for record, note in zip(records, notes, strict=True):
        entry = _entry(record, note, with_notes, path, document.warnings)
        if entry.paper is not None:
            tags_at[len(document.entries)] = entry.paper.keywords
        document.entries.append(entry)
    add_tag_topics(document, tags_at)
    return document


def _entry(
    record: Element, note: str, with_notes: bool, path: str, warnings: list[ImportWarning]
) -> Entry:
    line = record.line
    kind = _NOT_PAPERS.get(_type_name(record))
    if kind:
        warnings.append(ImportWarning(path, line, f"record is {kind}, not a paper: skipped"))
        return Entry(paper=None, line=line)
    paper = _paper(record)
    unread = with_notes and not note and _unread(record)
    return library_entry(
        paper,
        note,
        unread=unread,
        place=(path, line),
        warnings=warnings,
        evidence=EVIDENCE,
        noun="record",
    )


def _type_name(record: Element) -> str:
    kind = record.child("ref-type")
    if kind is None:
        return "journal article"  # as Zotero's own EndNote XML import assumes
    name = kind.attrs.get("name", "").casefold().strip()
    return name or _TYPE_NAMES.get(_field(kind), "")


def _paper(record: Element) -> PaperRecord:
    titles = record.child("titles")
    paper = PaperRecord(
        title=_field(titles.child("title")) if titles is not None else "",
        authors=[_display_name(_field(a)) for a in _people(record, "authors")],
        year=_year(record),
        venue=_venue(record),
        abstract=_field(record.child("abstract")),
        entry_type=_ENTRY_TYPES.get(_type_name(record), "misc"),
        keywords=list(
            dict.fromkeys(
                word for k in _children(record, "keywords", "keyword") if (word := _field(k))
            )
        ),
    )
    paper.authors = [name for name in paper.authors if name]
    _fill_identifiers(paper, record)
    return paper


def _people(record: Element, role: str) -> list[Element]:
    contributors = record.child("contributors")
    group = contributors.child(role) if contributors is not None else None
    return group.all("author") if group is not None else []


def _children(record: Element, group: str, name: str) -> list[Element]:
    found = record.child(group)
    return found.all(name) if found is not None else []


def _display_name(name: str) -> str:
    # "Kahneman, Daniel" → "Daniel Kahneman"; a name without a comma is a group author
    # ("World Health Organization") or already in reading order. EndNote marks a group
    # author with a trailing comma.
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 1:
        return parts[0]
    last, first, *suffix = parts
    return " ".join(part for part in (first, last, *suffix) if part)


def _year(record: Element) -> int | None:
    dates = record.child("dates")
    if dates is None:
        return None
    for place in (dates.child("year"), dates.find("pub-dates", "date")):
        match = _YEAR_RE.search(_field(place))
        if match:
            return int(match.group(1))
    return None


def _venue(record: Element) -> str:
    titles = record.child("titles")
    for element in (
        titles.child("secondary-title") if titles is not None else None,
        record.find("periodical", "full-title"),
        titles.child("tertiary-title") if titles is not None else None,
    ):
        if venue := _field(element):
            return venue
    if _type_name(record) == "thesis":
        return _field(record.child("publisher"))  # the university
    return ""


def _fill_identifiers(paper: PaperRecord, record: Element) -> None:
    number = _field(record.child("electronic-resource-num"))
    urls = [_field(url) for url in record.iter("url")]
    arxiv = parse_arxiv_id(number) if "arxiv" in number.lower() else None
    paper.doi = "" if arxiv else parse_doi(number) or ""
    for url in urls:
        if url.startswith(("http://", "https://")):
            add_link(paper, url)
    if arxiv and not paper.arxiv_id:
        paper.arxiv_id, paper.arxiv_version = arxiv
    if not paper.doi and not paper.arxiv_id:
        # PubMed's notes end with the citation: "… 2015 Mar 3;112(5):943-7. doi: 10.…".
        notes = _field(record.child("notes"))
        paper.doi = (parse_doi(notes) or "") if "doi" in notes.lower() else ""


def _unread(record: Element) -> bool:
    """Marked to read in its label or a keyword, or by a note saying just that."""
    marks = [_field(record.child("label")), *(_field(k) for k in record.iter("keyword"))]
    if any(marks_read(mark) for mark in marks if mark):
        return False
    if any(marks_unread(mark) for mark in marks if mark):
        return True
    return any(note_says_unread(_notes_text(record, name)) for name in _ANY_NOTES)


def _notes(record: Element) -> str:
    """The person's notes on the paper, as Markdown; "" when there are none."""
    kept = []
    for name in _ANY_NOTES:
        element = record.child(name)
        text = _notes_text(record, name)
        if element is None or not text or is_status_note(text) or note_says_unread(text):
            continue
        if name not in _PERSONAL_NOTES and is_database_note(text):
            continue
        kept.append(_markdown(element))
    return "\n\n".join(kept)


def _notes_text(record: Element, name: str) -> str:
    element = record.child(name)
    return _lines(element.text()).strip() if element is not None else ""


def _markdown(element: Element) -> str:
    """A notes field as Markdown: its bold and italic runs kept, its line breaks too."""
    runs = element.all("style")
    if not runs:
        return _lines(element.text()).strip()
    pieces = []
    for run in runs:
        text = _lines(run.text())
        face = run.attrs.get("face", "")
        mark = "**" if "bold" in face else "*" if "italic" in face else ""
        if mark and text.strip() and "\n" not in text:
            lead, core, tail = _split_space(text)
            text = f"{lead}{mark}{core}{mark}{tail}"
        pieces.append(text)
    return "".join(pieces).strip()


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _field(element: Element | None) -> str:
    """A one-line field's text: its runs joined, whitespace collapsed."""
    return " ".join(element.text().split()) if element is not None else ""
