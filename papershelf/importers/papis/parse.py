"""Read one Papis document's ``info.yaml`` into one paper record.

A Papis library is a folder with a sub-folder per document; each holds an ``info.yaml``
of flat fields (``author`` as "Last, First and Last, First", ``author_list`` of
``{given, family}``, ``title``, ``year``, ``doi``, ``eprint``, ``journal``, ``type``,
``tags``, ``ref``, ``files``, ``notes``…), the document's files and, often, a notes
file. The container (``papis.container``) hands us the info file with its notes after
it, below ``NOTES_MARKER``: the notes become the paper's summary.

Books, theses, data sets, software and web pages are no papers: skipped, and the report
says why. A record with neither a title nor an identifier is skipped too; one with an
identifier and no title keeps it (the import names it by the identifier until a
catalogue names it).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from papershelf.importers.bibtex.parse import bibtex_authors
from papershelf.importers.notes.links import add_link
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    SummaryRecord,
    TopicRecord,
)
from papershelf.importers.yamltext import load_mapping
from papershelf.lib.identifiers import parse_arxiv_id, parse_doi
from papershelf.lib.latex import latex_to_text

FORMAT = "papis"
# Put after the info file's text by its container, then the notes as Markdown: a YAML
# comment, so the info file's own lines (and the lines its errors name) stay as written.
NOTES_MARKER = "# papershelf: the notes of this Papis document follow"
INFO_NAMES = frozenset({"info.yaml", "info.yml"})  # Papis' default info-name, and its twin

# Keys only Papis writes: with one, any YAML file of fields is a Papis document; with
# one of these next to a title, an author or a DOI, too.
_PAPIS_KEYS = frozenset({"papis_id", "time-added"})
_PAPIS_RECORD_KEYS = frozenset({"author_list", "ref"})
# Keys of a bibliographic record: an ``info.yaml`` with two of them is one.
_RECORD_KEYS = frozenset(
    {"title", "author", "author_list", "year", "doi", "journal", "booktitle", "type"}
    | {"eprint", "arxiv", "arxivid", "isbn", "publisher", "volume", "pages", "files", "ref"}
)
_MIN_RECORD_KEYS = 2
_RECORD_LINE_RE = re.compile(r"^(?:title|author|doi|papis_id|ref):", re.MULTILINE)
# Papis types (BibTeX's, and what its importers write) that are no paper, and what they are.
_NOT_PAPERS = {
    "book": "a book", "mvbook": "a book", "booklet": "a booklet", "collection": "a book",
    "proceedings": "a proceedings volume", "phdthesis": "a thesis",
    "mastersthesis": "a thesis", "thesis": "a thesis", "bachelorthesis": "a thesis",
    "dataset": "a data set", "data": "a data set", "software": "software",
    "online": "a web page", "webpage": "a web page", "www": "a web page",
    "manual": "a manual", "patent": "a patent", "video": "a video", "audio": "a recording",
}  # fmt: skip
_ENTRY_TYPES = {
    "conference": "inproceedings", "paper-conference": "inproceedings",
    "journal-article": "article", "article-journal": "article", "preprint": "misc",
    "report": "techreport", "chapter": "incollection", "book-chapter": "incollection",
    "inbook": "incollection", "posted-content": "misc",
}  # fmt: skip
_VENUE_KEYS = ("journal", "journaltitle", "booktitle", "container-title", "full_journal_title")
_ARXIV_KEYS = ("arxiv", "arxivid", "arxiv_id", "eprint")
_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|2\d{3})(?!\d)")
_LATEX_SIGNS = ("\\", "{")  # math ($…$) stays as written


def split_notes(text: str) -> tuple[str, str]:
    """The info file's text and the notes its container put after it ("" for none)."""
    info, marker, notes = text.partition(f"\n{NOTES_MARKER}\n")
    return info, notes if marker else ""


def looks_like_papis(text: str, name: str = "") -> bool:
    """A mapping of a record's fields: with a key only Papis writes, or, in a file named
    as Papis names its info files, with a record's fields. A project's ``info.yaml`` of
    settings has nested sections, not a title and authors."""
    info, marker, _ = text.partition(f"\n{NOTES_MARKER}\n")
    if marker:
        return True  # passed on by its container, which has judged it
    try:
        data = yaml.safe_load(info)
    except yaml.YAMLError:
        # A Papis info file with a typo in it: the parser says where.
        return name.casefold() in INFO_NAMES and bool(_RECORD_LINE_RE.search(info))
    if not isinstance(data, dict) or isinstance(data.get("title"), dict | list):
        return False
    keys = {str(key).casefold() for key in data}
    if keys & _PAPIS_KEYS or (keys & _PAPIS_RECORD_KEYS and keys & {"title", "author", "doi"}):
        return True
    return name.casefold() in INFO_NAMES and len(keys & _RECORD_KEYS) >= _MIN_RECORD_KEYS


def parse(text: str, path: str) -> ParsedDocument:
    info, notes = split_notes(text)
    data = _load(info, path)
    document = ParsedDocument(path=path, format=FORMAT)
    record = _record(data)
    kind = _text(data.get("type")).casefold()
    reason = _not_a_paper(kind, record)
    if reason:
        left = " (its notes are left out too)" if notes.strip() else ""
        document.warnings.append(ImportWarning(path, 1, f"{reason}: skipped{left}"))
        return document
    summary = SummaryRecord(markdown=notes.strip() + "\n") if _has_prose(notes) else None
    # A labelled title is a note's evidence of its paper (notes.collection keeps it).
    stated = record.authors or record.year or record.venue or record.doi or record.arxiv_id
    evidence = "a Papis document (info.yaml)" if stated else "a Papis info.yaml's labelled title"
    document.entries.append(Entry(paper=record, summary=summary, line=1, evidence=evidence))
    tags = _tags(data.get("tags"))
    if tags:
        document.topics = [TopicRecord(name=tag) for tag in tags]
        document.entry_topics[0] = tags
    return document


def _load(text: str, path: str) -> dict[Any, Any]:
    data = load_mapping(text, path, "a Papis document's fields (title: …, author: …)")
    return {str(key).casefold(): value for key, value in data.items()}


def _not_a_paper(kind: str, record: PaperRecord) -> str:
    identified = bool(record.doi or record.arxiv_id)
    if kind in _NOT_PAPERS:
        return f"{_NOT_PAPERS[kind]}, not a paper"
    if kind == "misc" and not identified and not record.venue and record.url:
        return "a web page or other item with no identifier or venue, not a paper"
    if not record.title and not identified:
        return "a document with neither a title nor an identifier"
    return ""


def _record(data: dict[str, Any]) -> PaperRecord:
    kind = _text(data.get("type")).casefold()
    record = PaperRecord(
        title=_latex(_text(data.get("title"))),
        authors=_authors(data),
        year=_year(data),
        venue=next((_latex(v) for key in _VENUE_KEYS if (v := _text(data.get(key)))), ""),
        abstract=_text(data.get("abstract")),
        bibtex_key=_text(data.get("ref")),
        entry_type=_ENTRY_TYPES.get(kind, kind or "article"),
        keywords=_tags(data.get("keywords")),
    )
    if kind in ("techreport", "report") and not record.venue:
        record.venue = _text(data.get("institution"))
    _fill_identifiers(record, data)
    return record


def _authors(data: dict[str, Any]) -> list[str]:
    """``author_list`` (``{given, family}``, or older Papis' ``{given_name, surname}``),
    else ``author``: BibTeX's "Last, First and Last, First", or a list of names."""
    listed = data.get("author_list")
    if isinstance(listed, list) and listed:
        names = [_listed_name(item) for item in listed]
        if all(names):
            return names
    author = data.get("author")
    if isinstance(author, list):
        return [name for name in (_latex(_text(item)) for item in author) if name]
    text = _text(author)
    if not text:
        return []
    return bibtex_authors(text, lambda value, _field: _latex(value))


def _listed_name(item: object) -> str:
    if isinstance(item, str):
        return next(iter(bibtex_authors(item, lambda value, _field: _latex(value))), "")
    if not isinstance(item, dict):
        return ""
    given = _text(item.get("given") or item.get("given_name"))
    family = _text(item.get("family") or item.get("surname"))
    return _latex(" ".join(part for part in (given, family) if part))


def _year(data: dict[str, Any]) -> int | None:
    for key in ("year", "date", "issued"):
        match = _YEAR_RE.search(_text(data.get(key)))
        if match:
            return int(match[1])
    return None


def _fill_identifiers(record: PaperRecord, data: dict[str, Any]) -> None:
    doi = _text(data.get("doi"))
    arxiv = next(
        (found for key in _ARXIV_KEYS if (found := parse_arxiv_id(_text(data.get(key))))), None
    )
    if arxiv is None and "10.48550" in doi:
        arxiv, doi = parse_arxiv_id(doi), ""  # the arXiv DOI stands for the arXiv id
    record.doi = (parse_doi(doi) or "") if doi else ""
    if arxiv:
        record.arxiv_id, record.arxiv_version = arxiv
    for key in ("url", "doc_url"):
        if url := _text(data.get(key)):
            add_link(record, url)


def _tags(value: object) -> list[str]:
    """A list, or a string split on commas or, without any, on spaces (as Papis does)."""
    if isinstance(value, str):
        names = re.split(r"\s*[,;]\s*" if re.search(r"[,;]", value) else r"\s+", value.strip())
    elif isinstance(value, list):
        names = [_text(item) for item in value]
    else:
        return []
    return list(dict.fromkeys(name.lstrip("#") for name in names if name.strip("# ")))


def _has_prose(notes: str) -> bool:
    """Notes with something written in them: an empty template of headings is none."""
    return any(
        line.strip() and not line.lstrip().startswith(("#", "---")) for line in notes.splitlines()
    )


def _latex(text: str) -> str:
    """Titles and names from a BibTeX import keep its markup: "{GW}", "Schr\\"odinger"."""
    return latex_to_text(text).strip() if any(s in text for s in _LATEX_SIGNS) else text


def _text(value: object) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return " ".join(str(value).split())
