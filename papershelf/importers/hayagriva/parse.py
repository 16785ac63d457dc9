"""Read Hayagriva YAML (Typst's own bibliography format) into paper records.

A file maps citation keys to entries: ``type``, ``title``, ``author`` (``"Last,
First"``, a list of them, or ``name``/``given-name`` fields), ``date``, ``doi``,
``serial-number`` (a string, or ``{doi: …, arxiv: …, isbn: …}``), ``url`` and a
``parent`` (or a list of them) that says where the item was published: its journal,
proceedings or repository, whose title is the paper's venue. Titles and names may be
given as ``{value: …, verbatim: true}``. Each entry gets the line of its key.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
)
from papershelf.importers.yamltext import load_mapping
from papershelf.lib.identifiers import classify_url, parse_arxiv_id, parse_doi

FORMAT = "hayagriva"

_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|2\d{3})(?!\d)")
# Hayagriva's entry types (case does not matter), mapped to BibTeX's.
_ENTRY_TYPES = {
    "article": "article", "chapter": "incollection", "anthos": "incollection",
    "report": "techreport", "thesis": "phdthesis", "manuscript": "unpublished",
    "misc": "misc", "book": "book", "proceedings": "proceedings", "entry": "misc",
    "periodical": "periodical", "anthology": "collection", "conference": "inproceedings",
    "patent": "patent", "web": "online", "blog": "online", "repository": "software",
    "reference": "book", "video": "misc", "audio": "misc", "artwork": "misc",
    "exhibition": "misc", "case": "misc", "legislation": "misc", "tweet": "misc",
    "thread": "misc", "newspaper": "misc", "scene": "misc", "post": "misc",
}  # fmt: skip
# Entries that are no paper: skipped, and the report says so.
_NOT_PAPERS = {
    "web": "a web page", "blog": "a blog", "repository": "software or a repository",
    "video": "a video", "audio": "a recording", "artwork": "an artwork",
    "exhibition": "an exhibition", "case": "a legal case", "legislation": "legislation",
    "tweet": "a post", "thread": "a discussion thread", "newspaper": "a newspaper issue",
    "scene": "a scene", "periodical": "a journal", "proceedings": "a proceedings volume",
    "anthology": "an anthology", "reference": "a work of reference", "post": "a post",
}  # fmt: skip
# Parents whose title is where a paper was published.
_VENUE_PARENTS = frozenset({"periodical", "proceedings", "conference", "book", "anthology"})
_SHAPE_FIELDS = frozenset({"author", "date", "parent", "doi", "serial-number", "editor"})

Item = dict[str, Any]


def looks_like_hayagriva(text: str) -> bool:
    """Citation keys over entries, most of which have a Hayagriva ``type`` or a title
    with an author, date, parent or identifier. A configuration file (``mkdocs.yml``,
    a workflow, a blog's ``authors.yml``) is keys over settings, and no bibliography."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    if not isinstance(data, dict) or not data:
        return False
    entries = [value for value in data.values() if isinstance(value, dict)]
    shaped = sum(_is_entry_shaped(entry) for entry in entries)
    return len(entries) == len(data) and shaped >= max(1, 0.8 * len(entries))


def _is_entry_shaped(entry: Item) -> bool:
    kind = entry.get("type")
    if isinstance(kind, str):
        return kind.casefold() in _ENTRY_TYPES
    return "title" in entry and bool(_SHAPE_FIELDS & set(entry))


def parse(text: str, path: str) -> ParsedDocument:
    data = _load(text, path)
    document = ParsedDocument(path=path, format=FORMAT)
    for key, line in _keys_with_lines(text):
        item = data.get(key)
        if not isinstance(item, dict):
            document.warnings.append(ImportWarning(path, line, f"'{key}' is no entry: skipped"))
            continue
        document.entries.append(_entry(str(key), item, line, path, document.warnings))
    if not document.entries:
        raise ParseError(path, None, "no entries")
    return document


def _load(text: str, path: str) -> dict[Any, Any]:
    return load_mapping(text, path, "citation keys, each over its entry's fields")


def _keys_with_lines(text: str) -> list[tuple[Any, int]]:
    """Each top-level key and the 1-based line it is written on."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return []
    keys = []
    for key_node, _ in root.value:
        key = yaml.safe_load(yaml.serialize(key_node))
        keys.append((key, key_node.start_mark.line + 1))
    return keys


def _entry(key: str, item: Item, line: int, path: str, warnings: list[ImportWarning]) -> Entry:
    kind = _text(item.get("type")).casefold()
    if kind in _NOT_PAPERS:
        warnings.append(
            ImportWarning(path, line, f"'{key}' is {_NOT_PAPERS[kind]}, not a paper: skipped")
        )
        return Entry(paper=None, line=line)
    record = _record(key, item)
    if not record.title and not (record.arxiv_id or record.doi):
        warnings.append(ImportWarning(path, line, f"'{key}' has no title: skipped"))
        return Entry(paper=None, line=line)
    return Entry(paper=record, line=line)


def _record(key: str, item: Item) -> PaperRecord:
    parents = _parents(item)
    record = PaperRecord(
        title=_title(item.get("title")),
        authors=[name for name in map(_person, _list(item.get("author"))) if name],
        year=_year(item) or next((y for y in map(_year, parents) if y), None),
        venue=_venue(parents),
        abstract=_text(item.get("abstract")),
        bibtex_key=key,
        entry_type=_entry_type(item, parents),
        note=_text(item.get("note")),
    )
    _fill_identifiers(record, item, parents)
    return record


def _parents(item: Item) -> list[Item]:
    parent = item.get("parent")
    parents = parent if isinstance(parent, list) else [parent]
    return [p for p in parents if isinstance(p, dict)]


def _venue(parents: list[Item]) -> str:
    """The title of the journal, proceedings or book the paper is in; "arXiv" for a
    preprint there."""
    for parent in parents:
        kind = _text(parent.get("type")).casefold()
        title = _title(parent.get("title"))
        if title and (kind in _VENUE_PARENTS or not kind):
            return title
        if title.casefold() == "arxiv":
            return "arXiv"
        grandparents = _parents(parent)
        if not title and grandparents:
            return _venue(grandparents)
    return ""


def _entry_type(item: Item, parents: list[Item]) -> str:
    kind = _text(item.get("type")).casefold()
    parent_kinds = {_text(p.get("type")).casefold() for p in parents}
    if kind == "article" and parent_kinds & {"proceedings", "conference"}:
        return "inproceedings"
    return _ENTRY_TYPES.get(kind, "misc")


def _fill_identifiers(record: PaperRecord, item: Item, parents: list[Item]) -> None:
    serial = item.get("serial-number")
    numbers: dict[str, str] = (
        {str(k).casefold(): _text(v) for k, v in serial.items()} if isinstance(serial, dict) else {}
    )
    doi = _text(item.get("doi")) or numbers.get("doi", "")
    arxiv = parse_arxiv_id(numbers["arxiv"]) if numbers.get("arxiv") else None
    if arxiv is None and "10.48550" in doi:
        arxiv, doi = parse_arxiv_id(doi), ""  # the arXiv DOI stands for the arXiv id
    if arxiv is None and isinstance(serial, str | int | float) and _on_arxiv(parents):
        arxiv = parse_arxiv_id(str(serial))  # "serial-number: 2003.13722" under arXiv
    record.doi = parse_doi(doi) or "" if doi else ""
    if arxiv:
        record.arxiv_id, record.arxiv_version = arxiv
    _file_url(record, _url(item.get("url")))


def _on_arxiv(parents: list[Item]) -> bool:
    return any("arxiv" in _title(parent.get("title")).casefold() for parent in parents)


def _file_url(record: PaperRecord, url: str) -> None:
    link = classify_url(url) if url else None
    if link is None:
        return
    if link.kind == "arxiv" and not record.arxiv_id:
        record.arxiv_id, record.arxiv_version = link.value, link.version
    elif link.kind == "doi":
        record.doi = record.doi or link.value
    elif link.kind == "openreview":
        record.openreview_id = link.value
    elif link.kind == "code":
        record.code_url = link.value
    elif link.kind == "pdf":
        record.pdf_url = link.value
    elif link.kind != "arxiv":
        record.url = link.value


def _url(value: object) -> str:
    """ "https://…" or ``{value: https://…, date: 2020-11-12}`` (when it was read)."""
    return _text(value.get("value")) if isinstance(value, dict) else _text(value)


def _title(value: object) -> str:
    """A title, or its ``value`` field; braces that keep its case are no part of it."""
    text = _text(value.get("value")) if isinstance(value, dict) else _text(value)
    return re.sub(r"(?<!\\)[{}]", "", text)


def _person(value: object) -> str:
    """ "Doe, Janet", "Luther King, Martin, Jr.", "UNICEF" or ``{name: …, given-name: …}``
    as "First Last"."""
    if isinstance(value, dict):
        parts = ("given-name", "prefix", "name", "suffix")
        return " ".join(_text(value.get(part)) for part in parts if value.get(part))
    text = _text(value)
    family, _, rest = text.partition(",")
    given, _, suffix = rest.partition(",")
    name = " ".join(part for part in (given.strip(), family.strip()) if part)
    return f"{name}, {suffix.strip()}" if suffix.strip() else name


def _year(item: Item) -> int | None:
    """The year of ``date`` (``2020``, ``2020-10-14``, ``~2003-06-21``, a YAML date)."""
    match = _YEAR_RE.search(_text(item.get("date")))
    return int(match[1]) if match else None


def _list(value: object) -> list[object]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def _text(value: object) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return " ".join(str(value).split())
