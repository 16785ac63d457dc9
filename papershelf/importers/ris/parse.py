"""Read RIS (Zotero, EndNote, Mendeley, publisher "cite" buttons) into paper records.

rispy reads the tags but forgives everything, silently dropping a record that has
no ``ER`` line; we check the record structure first so such a file fails loudly,
naming the line of the unfinished record.
"""

from __future__ import annotations

import re
from typing import Any

import rispy

from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
)
from papershelf.lib.identifiers import classify_url, parse_arxiv_id, parse_doi

FORMAT = "ris"

_TAG_RE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9])  -(?: |$)")
_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|2\d{3})(?!\d)")
_TITLE_KEYS = ("title", "primary_title")
_AUTHOR_KEYS = ("authors", "first_authors")
_DATE_KEYS = ("year", "publication_year", "date")
# Zotero writes the journal or proceedings title to T2; others use JF/JO; J2 is an abbreviation.
_VENUE_KEYS = ("secondary_title", "alternate_title3", "journal_name", "alternate_title1")
_NOTE_KEYS = ("notes", "note")
_ENTRY_TYPES = {
    "JOUR": "article",
    "JFULL": "article",
    "MGZN": "article",
    "CONF": "inproceedings",
    "CPAPER": "inproceedings",
    "BOOK": "book",
    "EBOOK": "book",
    "CHAP": "incollection",
    "ECHAP": "incollection",
    "THES": "phdthesis",
    "RPRT": "techreport",
    "UNPB": "unpublished",
    "MANSCPT": "unpublished",
}

Record = dict[str, Any]


def parse(text: str, path: str) -> ParsedDocument:
    text = "\n".join(text.removeprefix("\ufeff").splitlines())
    start_lines = _record_start_lines(text, path)
    if not start_lines:
        raise ParseError(path, None, "no entries")
    records = rispy.loads(text)
    document = ParsedDocument(path=path, format=FORMAT)
    for ris, line in zip(records, start_lines, strict=True):
        document.entries.append(entry_from_ris(ris, line, path, document.warnings))
    return document


def _record_start_lines(text: str, path: str) -> list[int]:
    starts: list[int] = []
    open_record: int | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        match = _TAG_RE.match(line)
        tag = match["tag"] if match else None
        if tag == "TY":
            if open_record is not None:
                raise ParseError(path, open_record, "record has no 'ER  -' line before the next")
            open_record = number
            starts.append(number)
        elif tag == "ER":
            if open_record is None:
                raise ParseError(path, number, "'ER  -' without a record ('TY  -') to close")
            open_record = None
        elif open_record is None and line.strip():
            raise ParseError(path, number, "text outside a record; records start with 'TY  -'")
    if open_record is not None:
        raise ParseError(path, open_record, "record has no 'ER  -' line (file cut off?)")
    return starts


# What a reference manager also keeps that is no paper: skipped, and the report says so.
_NOT_PAPERS = {
    "DATA": "a dataset",
    "DBASE": "a database",
    "ELEC": "a web page",
    "WEB": "a web page",
    "BLOG": "a blog post",
    "COMP": "software",
    "VIDEO": "a video",
    "SOUND": "a recording",
    "MUSIC": "music",
    "MAP": "a map",
    "ART": "a work of art",
    "PCOMM": "a personal communication",
    "NEWS": "a newspaper article",
}


def entry_from_ris(ris: Record, line: int, path: str, warnings: list[ImportWarning]) -> Entry:
    kind = _NOT_PAPERS.get(_text(ris.get("type_of_reference")))
    if kind:
        warnings.append(ImportWarning(path, line, f"record is {kind}, not a paper: skipped"))
        return Entry(paper=None, line=line)
    record = _record_from_ris(ris)
    if not record.title and not (record.arxiv_id or record.doi or record.openreview_id):
        warnings.append(ImportWarning(path, line, "record has no title"))
        return Entry(paper=None, line=line)
    return Entry(paper=record, line=line)


def _record_from_ris(ris: Record) -> PaperRecord:
    record = PaperRecord(
        title=_first(ris, _TITLE_KEYS),
        authors=[_display_name(name) for key in _AUTHOR_KEYS for name in _strings(ris.get(key))],
        year=_year(ris),
        venue=_venue(ris),
        abstract=_first(ris, ("abstract", "notes_abstract")),
        bibtex_key=_text(ris.get("id")),
        entry_type=_ENTRY_TYPES.get(_text(ris.get("type_of_reference")), "misc"),
        keywords=list(dict.fromkeys(_strings(ris.get("keywords")))),
        note="\n".join(note for key in _NOTE_KEYS for note in _strings(ris.get(key))),
    )
    _fill_identifiers(record, ris)
    return record


def _fill_identifiers(record: PaperRecord, ris: Record) -> None:
    doi = _text(ris.get("doi"))
    arxiv = parse_arxiv_id(doi) if "10.48550" in doi else None
    # The arXiv DOI stands for the arXiv id; the DOI field stays for a publisher's DOI.
    record.doi = "" if arxiv else parse_doi(doi) or ""
    hints = [record.note, _text(ris.get("number")), *_strings(ris.get("urls"))]
    for hint in hints:
        if arxiv is None and "arxiv" in hint.lower():
            arxiv = parse_arxiv_id(hint)
    if arxiv:
        record.arxiv_id, record.arxiv_version = arxiv
    for url in _strings(ris.get("urls")):
        _apply_url(record, url)
    for attachment in _strings(ris.get("file_attachments1")):
        if attachment.startswith(("http://", "https://")):
            record.pdf_url = record.pdf_url or attachment


def _apply_url(record: PaperRecord, url: str) -> None:
    link = classify_url(url)
    if link.kind == "doi":
        record.doi = record.doi or link.value
    elif link.kind == "openreview":
        record.openreview_id = record.openreview_id or link.value
    elif link.kind == "code":
        record.code_url = record.code_url or link.value
    elif link.kind == "pdf":
        record.pdf_url = record.pdf_url or link.value
    elif link.kind == "web":
        record.url = record.url or link.value


def _display_name(name: str) -> str:
    # RIS names are "Last, First" or "Last, First, Suffix"; a name without a comma
    # is an institution or already in reading order.
    parts = [part.strip() for part in name.split(",")]
    if len(parts) == 1:
        return parts[0]
    last, first, *suffix = parts
    return " ".join(part for part in (first, last, *suffix) if part)


def _year(ris: Record) -> int | None:
    for key in _DATE_KEYS:
        match = _YEAR_RE.search(_text(ris.get(key)))
        if match:
            return int(match.group(1))
    return None


def _venue(ris: Record) -> str:
    venue = _first(ris, _VENUE_KEYS)
    if venue:
        return venue
    publisher = _text(ris.get("publisher"))
    if publisher.lower() == "arxiv":
        return "arXiv"  # Zotero files preprints with publisher "arXiv" and no journal
    return publisher if _text(ris.get("type_of_reference")) == "THES" else ""


def _first(ris: Record, keys: tuple[str, ...]) -> str:
    return next((text for key in keys if (text := _text(ris.get(key)))), "")


def _strings(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [text for text in map(_text, values) if text]


def _text(value: object) -> str:
    if value is None or isinstance(value, list | dict):
        return ""
    return " ".join(str(value).split())
