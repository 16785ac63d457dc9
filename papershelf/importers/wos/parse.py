"""Read Web of Science's plain text export (``savedrecs.txt``, ``.ciw``) into paper records.

What each tag becomes: TI the title and SO the venue (in title case where Web of
Science keeps capitals, ``casing``), AF or else AU the authors and CA the groups among
them, PY (else the early-access year) the year, DI the DOI, AB the abstract (its lines
are paragraphs), DE the keywords and, shared by records, topics (as for the other
reference managers, ``endnote.library``), ID (Keywords Plus, from the titles the paper
cites) further keywords, PM the PubMed page, UT the citation key Web of Science's own
BibTeX export gives (``WOS:000…``), PT and DT the kind of work. CR lists the works the
paper cites: they are not papers of this collection, and none of them is read.
"""

from __future__ import annotations

import re

from papershelf.importers.endnote.library import document_of_records, record_entry
from papershelf.importers.medline.names import full_name
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
)
from papershelf.importers.wos.casing import readable_case
from papershelf.importers.wos.tags import WosRecord, read_records
from papershelf.lib.identifiers import parse_arxiv_id, parse_doi

FORMAT = "wos"

_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|2\d{3})(?!\d)")
# Newer records mark up their titles: "Is there really such a thing as <i>Tropical</i> Biology?".
_MARKUP_RE = re.compile(r"</?(?:i|b|em|strong|sub|sup|scp|span)\b[^>]*>", re.IGNORECASE)
_ANONYMOUS = "[anonymous]"  # Web of Science's author of an unsigned editorial
# Notices about other papers, and patents: the person exported them, but they are no paper.
_NOT_PAPERS = {
    "correction": "a correction",
    "correction, addition": "a correction",
    "retraction": "a retraction notice",
    "expression of concern": "an expression of concern",
}
_PATENT = "P"


def parse(text: str, path: str) -> ParsedDocument:
    return document_of_records(
        read_records(text, path), path, FORMAT, _entry, lambda r: _split(r.text("DE"))
    )


def _entry(record: WosRecord, path: str, warnings: list[ImportWarning]) -> Entry:
    kind = _not_a_paper(record)
    return record_entry(None if kind else _paper(record), kind, record.line, path, warnings)


def _not_a_paper(record: WosRecord) -> str:
    if record.text("PT") == _PATENT:
        return "a patent"
    return next((_NOT_PAPERS[kind] for kind in _document_types(record) if kind in _NOT_PAPERS), "")


def _document_types(record: WosRecord) -> list[str]:
    # DT "Article; Early Access", "Article; Proceedings Paper", "Book Chapter".
    return [kind.casefold() for kind in _split(record.text("DT"))]


def _paper(record: WosRecord) -> PaperRecord:
    paper = PaperRecord(
        title=readable_case(_without_markup(record.text("TI"))),
        authors=_authors(record),
        year=_year(record),
        venue=readable_case(record.text("SO") or record.text("CT")),
        abstract=_without_markup(record.text("AB", "\n")),
        bibtex_key=record.text("UT"),
        entry_type=_entry_type(record),
        keywords=_keywords(record),
    )
    _fill_identifiers(paper, record)
    return paper


def _without_markup(text: str) -> str:
    return _MARKUP_RE.sub("", text)


def _authors(record: WosRecord) -> list[str]:
    # AF has each name in full ("Pernet, Cyril R."); records before 2006 have AU alone.
    persons = record.lines("AF") or record.lines("AU")
    names = [full_name(name) for name in persons if name.casefold() != _ANONYMOUS]
    return names + record.lines("CA")


def _year(record: WosRecord) -> int | None:
    # A paper published early ("Early Access") has EY and EA "OCT 2024" before its PY.
    for tag in ("PY", "EY", "PD", "EA"):
        match = _YEAR_RE.search(record.text(tag))
        if match:
            return int(match[1])
    return None


def _entry_type(record: WosRecord) -> str:
    kinds = _document_types(record)
    if "book chapter" in kinds:
        return "incollection"
    if "book" in kinds:
        return "book"
    if "proceedings paper" in kinds and record.text("PT") != "J":
        return "inproceedings"
    return "article"


def _keywords(record: WosRecord) -> list[str]:
    # Keywords Plus are in capitals, from the titles of the works the paper cites.
    plus = [keyword.casefold() for keyword in _split(record.text("ID"))]
    found: dict[str, str] = {}
    for keyword in [*_split(record.text("DE")), *plus]:
        found.setdefault(keyword.casefold(), keyword.casefold() if keyword.isupper() else keyword)
    return list(found.values())


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _fill_identifiers(paper: PaperRecord, record: WosRecord) -> None:
    doi = parse_doi(record.text("DI")) or ""
    arxiv = parse_arxiv_id(doi) if doi.startswith("10.48550/") else None
    if arxiv:
        paper.arxiv_id, paper.arxiv_version = arxiv
    # The arXiv DOI stands for the arXiv id; the DOI field stays for a publisher's DOI.
    paper.doi = "" if arxiv else doi
    pmid = record.text("PM")
    if pmid.isdigit():
        paper.url = f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
