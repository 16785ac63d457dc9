"""Read CSL-JSON (Zotero's "Better CSL JSON", pandoc, Mendeley) into paper records.

A file is an array of items; a single item or ``{"items": [...]}`` is accepted too.
Each entry gets the line where its item begins, found by decoding item by item.
"""

from __future__ import annotations

import json
import re
from typing import Any

from papershelf.importers.itemtypes import CSL_NOT_PAPERS
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
)
from papershelf.importers.yamltext import load_yaml
from papershelf.lib.identifiers import classify_url, parse_arxiv_id, parse_doi

FORMAT = "csl"

_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|2\d{3})(?!\d)")
_KEYWORD_SEPARATOR_RE = re.compile(r"[,;]")
_BETWEEN_ITEMS = frozenset(" \t\r\n,")
# Plain Zotero exports use item URIs as ids; only a key-like id can be a citation key.
_CITATION_KEY_RE = re.compile(r"^[\w:.\-]+$")
_VENUE_FIELDS = ("container-title", "event-title", "event")
_ARXIV_HINT_FIELDS = ("number", "note", "archive_location", "URL")
_DATE_FIELDS = ("issued", "original-date", "submitted")
# CSL item types, mapped to the BibTeX types the rest of Papershelf speaks.
_ENTRY_TYPES = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "paper-conference": "inproceedings",
    "book": "book",
    "chapter": "incollection",
    "thesis": "phdthesis",
    "report": "techreport",
    "manuscript": "unpublished",
}

Item = dict[str, Any]


def parse(text: str, path: str) -> ParsedDocument:
    document = ParsedDocument(path=path, format=FORMAT)
    for item, line in _items_with_lines(text, path):
        document.entries.append(_entry_from_item(item, line, path, document.warnings))
        if (kind := CSL_NOT_PAPERS.get(_text(item.get("type")))) and (key := _citation_key(item)):
            document.not_papers[key.casefold()] = kind  # a vault's literature note may be on it
    if not document.entries:
        raise ParseError(path, None, "no entries")
    return document


def looks_like_csl_yaml(text: str) -> bool:
    """Pandoc's and Better BibTeX's CSL YAML: ``references:`` over ``- id: …`` items."""
    head = _YAML_COMMENT_RE.sub("", text.lstrip("\ufeff"))[:5000]
    return bool(_YAML_ITEMS_RE.search(head)) and bool(_YAML_CSL_FIELD_RE.search(head))


_YAML_COMMENT_RE = re.compile(r"^\s*#.*$", re.MULTILINE)
_YAML_ITEMS_RE = re.compile(r"^(?:references:\s*\n\s*)?-\s+id:\s*\S", re.MULTILINE)
_YAML_CSL_FIELD_RE = re.compile(r"^\s+(?:type|issued|container-title|author):", re.MULTILINE)
_YAML_ITEM_START_RE = re.compile(r"^\s*-\s+id:", re.MULTILINE)


def _items_with_lines(text: str, path: str) -> list[tuple[Item, int | None]]:
    text = text.lstrip("\ufeff")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if not text.lstrip().startswith(("[", "{")):
            return _yaml_items(text, path)  # CSL YAML (Pandoc's references.yaml)
        raise ParseError(path, error.lineno, f"not valid JSON: {error.msg}") from error
    if isinstance(data, dict):
        data = data.get("items", [data])
    if not isinstance(data, list):
        raise ParseError(path, 1, "expected a list of CSL items")
    lines = _item_start_lines(text) if text.lstrip().startswith("[") else [None] * len(data)
    for item, line in zip(data, lines, strict=True):
        if not isinstance(item, dict):
            raise ParseError(path, line, "expected a CSL item (a JSON object)")
    return list(zip(data, lines, strict=True))


def _yaml_items(text: str, path: str) -> list[tuple[Item, int | None]]:
    """CSL YAML: a list of items, alone or under ``references:``, each at its ``- id:``."""
    data = load_yaml(text, path)
    if isinstance(data, dict):
        data = data.get("references", [])
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ParseError(path, 1, "expected CSL YAML: a list of items under 'references:'")
    starts: list[int | None] = [
        text.count("\n", 0, m.start()) + 1 for m in _YAML_ITEM_START_RE.finditer(text)
    ]
    lines = starts if len(starts) == len(data) else [None] * len(data)
    return list(zip(data, lines, strict=True))


def _item_start_lines(text: str) -> list[int | None]:
    # The file is valid JSON by now, so decoding item by item cannot fail.
    decoder = json.JSONDecoder()
    position = text.index("[") + 1
    line, counted_to = 1, 0
    lines: list[int | None] = []
    while True:
        while text[position] in _BETWEEN_ITEMS:
            position += 1
        if text[position] == "]":
            return lines
        line += text.count("\n", counted_to, position)
        counted_to = position
        lines.append(line)
        _, position = decoder.raw_decode(text, position)


def _entry_from_item(
    item: Item, line: int | None, path: str, warnings: list[ImportWarning]
) -> Entry:
    kind = CSL_NOT_PAPERS.get(_text(item.get("type")))
    if kind:
        warnings.append(ImportWarning(path, line, f"item is {kind}, not a paper: skipped"))
        return Entry(paper=None, line=line)
    record = _record_from_item(item)
    if not record.title and not (record.arxiv_id or record.doi or record.openreview_id):
        warnings.append(ImportWarning(path, line, f"item '{item.get('id', '?')}' has no title"))
        return Entry(paper=None, line=line)
    return Entry(paper=record, line=line)


def _record_from_item(item: Item) -> PaperRecord:
    record = PaperRecord(
        title=_text(item.get("title")),
        authors=[name for name in map(_display_name, _list(item.get("author"))) if name],
        year=_year(item),
        venue=_venue(item),
        abstract=_text(item.get("abstract")),
        bibtex_key=_citation_key(item),
        entry_type=_ENTRY_TYPES.get(_text(item.get("type")), "misc"),
        keywords=_keywords(item.get("keyword")),
        note=_text(item.get("note")),
    )
    _fill_identifiers(record, item)
    return record


def _fill_identifiers(record: PaperRecord, item: Item) -> None:
    doi = _text(item.get("DOI"))
    arxiv = parse_arxiv_id(doi) if "10.48550" in doi else None
    # The arXiv DOI stands for the arXiv id; the DOI field stays for a publisher's DOI.
    record.doi = "" if arxiv else parse_doi(doi) or ""
    for name in _ARXIV_HINT_FIELDS:
        value = _text(item.get(name))
        if arxiv is None and "arxiv" in value.lower():
            arxiv = parse_arxiv_id(value)
    if arxiv:
        record.arxiv_id, record.arxiv_version = arxiv
    url = _text(item.get("URL"))
    link = classify_url(url) if url else None
    if link is None or link.kind == "arxiv":
        return
    if link.kind == "doi":
        record.doi = record.doi or link.value
    elif link.kind == "openreview":
        record.openreview_id = link.value
    elif link.kind == "code":
        record.code_url = link.value
    elif link.kind == "pdf":
        record.pdf_url = link.value
    else:
        record.url = link.value


def _citation_key(item: Item) -> str:
    key = _text(item.get("citation-key") or item.get("id"))
    return key if _CITATION_KEY_RE.match(key) else ""


def _display_name(name: object) -> str:
    if not isinstance(name, dict):
        return _text(name)
    if name.get("literal"):
        return _text(name["literal"])  # institutions: "World Health Organization"
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    return " ".join(_text(name.get(part)) for part in parts if name.get(part))


def _year(item: Item) -> int | None:
    for name in _DATE_FIELDS:
        date = item.get(name)
        if isinstance(date, list) and date and isinstance(date[0], dict):
            date = date[0]  # CSL YAML's "issued: [{year: 1968}]"
        if isinstance(date, dict) and (found := _YEAR_RE.search(str(date.get("year", "")))):
            return int(found.group(1))
        if isinstance(date, str | int) and (found := _YEAR_RE.search(str(date))):
            return int(found.group(1))  # "issued: 2001-05", YAML's own date
        if isinstance(date, dict):
            year = _year_of_date(date)
            if year:
                return year
    match = _YEAR_RE.search(_text(item.get("year")))
    return int(match.group(1)) if match else None


def _year_of_date(date: dict[str, Any]) -> int | None:
    parts = date.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        match = _YEAR_RE.search(str(parts[0][0]))  # Zotero writes ["2017"], pandoc [2017]
        if match:
            return int(match.group(1))
    match = _YEAR_RE.search(_text(date.get("raw") or date.get("literal")))
    return int(match.group(1)) if match else None


def _venue(item: Item) -> str:
    for name in _VENUE_FIELDS:
        venue = _text(item.get(name))
        if venue:
            return venue
    # Zotero files arXiv preprints with publisher "arXiv" and no container.
    if _text(item.get("publisher")).lower() == "arxiv":
        return "arXiv"
    if _text(item.get("type")) == "thesis":
        return _text(item.get("publisher"))
    return ""


def _keywords(value: object) -> list[str]:
    words = value if isinstance(value, list) else _KEYWORD_SEPARATOR_RE.split(_text(value))
    return list(dict.fromkeys(word for word in map(_text, words) if word))


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _text(value: object) -> str:
    """Strings as themselves with whitespace collapsed; CSL sometimes has numbers."""
    if value is None or isinstance(value, dict | list):
        return ""
    return " ".join(str(value).split())
