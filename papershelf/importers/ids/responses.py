"""Turn arXiv, Crossref and OpenReview API responses into paper records.

Pure functions over the payloads, so the formats are pinned by recorded fixtures
and the HTTP client stays about HTTP.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

from papershelf.importers.records import PaperRecord
from papershelf.lib.identifiers import arxiv_pdf_url, classify_url, parse_arxiv_id, parse_doi

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_BLOCK_TAG_RE = re.compile(r"</?(?:jats:)?(?:p|sec|title|list-item)\b[^>]*>")
_INLINE_TAG_RE = re.compile(r"<[^>]+>")
_URL_RE = re.compile(r"https?://[^\s<>\"')\]]+")
_YEAR_RE = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
_OPENREVIEW_SITE = "https://openreview.net"
_CROSSREF_TYPES = {
    "journal-article": "article",
    "proceedings-article": "inproceedings",
    "book-chapter": "incollection",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "dissertation": "phdthesis",
    "report": "techreport",
    "posted-content": "misc",
}
_CROSSREF_DATES = ("issued", "published-print", "published-online", "published", "created")


class ResponseFormatError(ValueError):
    """The service answered, but not in the format its API documents."""


def records_from_arxiv_feed(xml_text: str) -> dict[str, PaperRecord]:
    """Records keyed by arXiv id (without version) from an arXiv API Atom feed."""
    try:
        # The feed comes from the configured arXiv host; Python's expat (>= 2.4.1)
        # refuses entity-expansion bombs, which is the risk S314 is about.
        feed = ET.fromstring(xml_text)  # noqa: S314
    except ET.ParseError as error:
        raise ResponseFormatError(f"arXiv did not return Atom XML ({error})") from error
    records: dict[str, PaperRecord] = {}
    for entry in feed.iter(f"{_ATOM}entry"):
        record = _record_from_arxiv_entry(entry)
        if record is not None:
            records[record.arxiv_id] = record
    return records


def _record_from_arxiv_entry(entry: ET.Element) -> PaperRecord | None:
    # arXiv reports a bad id as an entry titled "Error" whose id is not an abs URL.
    found = parse_arxiv_id(_element_text(entry, f"{_ATOM}id"))
    if found is None:
        return None
    comment = _element_text(entry, f"{_ARXIV}comment")
    summary = _element_text(entry, f"{_ATOM}summary")
    record = PaperRecord(
        title=_element_text(entry, f"{_ATOM}title"),
        authors=[_element_text(author, f"{_ATOM}name") for author in entry.iter(f"{_ATOM}author")],
        year=_year(_element_text(entry, f"{_ATOM}published")),
        venue=_element_text(entry, f"{_ARXIV}journal_ref") or "arXiv",
        abstract=summary,
        arxiv_id=found[0],
        arxiv_version=found[1],
        doi=parse_doi(_element_text(entry, f"{_ARXIV}doi")) or "",
        entry_type="misc",
        pdf_url=arxiv_pdf_url(found[0]),
        code_url=_code_url(f"{comment} {summary}"),
        organisations=_unique(
            _text(affiliation.text) for affiliation in entry.iter(f"{_ARXIV}affiliation")
        ),
        keywords=_arxiv_categories(entry),
        note=comment,
    )
    return record


def _arxiv_categories(entry: ET.Element) -> list[str]:
    primary = entry.find(f"{_ARXIV}primary_category")
    terms = [primary.get("term", "")] if primary is not None else []
    terms += [category.get("term", "") for category in entry.iter(f"{_ATOM}category")]
    return _unique(terms)


def record_from_crossref_work(payload: dict[str, Any]) -> PaperRecord:
    """A record from a Crossref ``/works/{doi}`` response (the whole JSON body)."""
    work = payload.get("message")
    if payload.get("message-type") != "work" or not isinstance(work, dict):
        raise ResponseFormatError("Crossref did not return a work")
    authors = [author for author in work.get("author", []) if isinstance(author, dict)]
    return PaperRecord(
        title=_crossref_title(work),
        authors=[name for name in map(_crossref_name, authors) if name],
        year=_crossref_year(work),
        venue=_first_text(work.get("container-title")) or _crossref_event(work),
        abstract=_strip_markup(_text(work.get("abstract"))),
        doi=parse_doi(_text(work.get("DOI"))) or "",
        entry_type=_CROSSREF_TYPES.get(_text(work.get("type")), "misc"),
        pdf_url=_crossref_pdf_url(work),
        organisations=_unique(
            _text(affiliation.get("name"))
            for author in authors
            for affiliation in author.get("affiliation", [])
            if isinstance(affiliation, dict)
        ),
        keywords=_unique(_text(subject) for subject in work.get("subject", [])),
    )


def records_from_crossref_search(payload: dict[str, Any]) -> list[PaperRecord]:
    """Records, best first, from a Crossref ``/works?query…`` response (a work list)."""
    found = payload.get("message")
    if payload.get("message-type") != "work-list" or not isinstance(found, dict):
        raise ResponseFormatError("Crossref did not return a list of works")
    items = found.get("items")
    if not isinstance(items, list):
        raise ResponseFormatError("Crossref did not return a list of works")
    return [
        record_from_crossref_work({"message-type": "work", "message": item})
        for item in items
        if isinstance(item, dict)
    ]


def _crossref_title(work: dict[str, Any]) -> str:
    title = _strip_markup(_first_text(work.get("title")))
    subtitle = _strip_markup(_first_text(work.get("subtitle")))
    if subtitle and subtitle.casefold() not in title.casefold():
        return f"{title}: {subtitle}"
    return title


def _crossref_event(work: dict[str, Any]) -> str:
    event = work.get("event")
    return _text(event.get("name")) if isinstance(event, dict) else ""


def _crossref_name(author: dict[str, Any]) -> str:
    if author.get("name"):
        return _text(author["name"])  # organisations as authors
    return " ".join(_text(author.get(part)) for part in ("given", "family") if author.get(part))


def _crossref_year(work: dict[str, Any]) -> int | None:
    for name in _CROSSREF_DATES:
        parts = (work.get(name) or {}).get("date-parts") or [[]]
        if parts[0] and parts[0][0]:
            return int(parts[0][0])
    return None


def _crossref_pdf_url(work: dict[str, Any]) -> str:
    for link in work.get("link", []):
        if isinstance(link, dict) and link.get("content-type") == "application/pdf":
            return _text(link.get("URL"))
    return ""


def record_from_openreview_notes(payload: dict[str, Any], note_id: str) -> PaperRecord | None:
    """A record from an OpenReview ``/notes?id=…`` response; None when no such note."""
    notes = payload.get("notes")
    if not isinstance(notes, list):
        raise ResponseFormatError("OpenReview did not return notes")
    note = next((n for n in notes if isinstance(n, dict) and n.get("id") == note_id), None)
    if note is None:
        return None
    content = note.get("content") or {}
    venue = _text(_openreview_value(content, "venue"))
    pdf_path = _text(_openreview_value(content, "pdf"))
    return PaperRecord(
        title=_text(_openreview_value(content, "title")),
        authors=[_text(name) for name in _openreview_value(content, "authors") or []],
        year=_year(venue) or _year_of_timestamp(note.get("pdate") or note.get("cdate")),
        venue=venue,
        abstract=_text(_openreview_value(content, "abstract")),
        openreview_id=_text(note.get("forum") or note_id),
        entry_type="inproceedings" if venue else "misc",
        pdf_url=f"{_OPENREVIEW_SITE}{pdf_path}" if pdf_path.startswith("/") else pdf_path,
        code_url=_text(_openreview_value(content, "code")),
        keywords=_unique(_text(word) for word in _openreview_value(content, "keywords") or []),
    )


def _openreview_value(content: dict[str, Any], name: str) -> Any:
    # API 2 wraps every field as {"value": …}; API 1 notes hold the value itself.
    value = content.get(name)
    return value.get("value") if isinstance(value, dict) else value


def _year_of_timestamp(milliseconds: object) -> int | None:
    if not isinstance(milliseconds, int | float):
        return None
    return datetime.fromtimestamp(milliseconds / 1000, tz=UTC).year


def _code_url(text: str) -> str:
    for url in _URL_RE.findall(text):
        link = classify_url(url.rstrip(".,;"))
        if link.kind == "code":
            return link.value
    return ""


def _element_text(parent: ET.Element, tag: str) -> str:
    element = parent.find(tag)
    return _text(element.text) if element is not None else ""


def _year(text: str) -> int | None:
    match = _YEAR_RE.search(text)
    return int(match.group(1)) if match else None


def _first_text(values: object) -> str:
    return _text(values[0]) if isinstance(values, list) and values else ""


def _strip_markup(text: str) -> str:
    """Crossref titles and abstracts carry JATS/HTML tags and entities."""
    return _text(html.unescape(_INLINE_TAG_RE.sub("", _BLOCK_TAG_RE.sub(" ", text))))


def _unique(values: Any) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _text(value: object) -> str:
    """Whitespace collapsed: arXiv hard-wraps titles and abstracts."""
    return " ".join(str(value).split()) if isinstance(value, str | int | float) else ""
