"""Read PubMed's MEDLINE format (``.nbib`` from "Send to > Citation manager", ``.txt``
from "Save > PubMed format") into paper records.

What each tag becomes: TI the title (BTI for a book, TT when PubMed has only the
original language's), FAU or else AU and CN the authors in order, DP the year, JT
(else TA) the venue, AB the abstract, AID and LID the DOI and any arXiv id, PMID the
PubMed page, MH and OT the keywords and, shared by records, topics (as for the other
reference managers, ``endnote.library``), PT what kind of work it is. Other records'
identifiers that a record names (CIN "comment in", RIN "retraction in", EIN "erratum
in", CON "comment on") are left alone: they are not this paper's.
"""

from __future__ import annotations

import re

from papershelf.importers.endnote.library import document_of_records, record_entry
from papershelf.importers.medline.names import full_name, short_name
from papershelf.importers.medline.tags import MedlineRecord, read_records
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
)
from papershelf.lib.identifiers import parse_arxiv_id, parse_doi

FORMAT = "medline"

_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d{2}|2\d{3})(?!\d)")
# "10.1155/2011/831409 [doi]", "S0165-0270(14)00287-8 [pii]": an id and its kind.
_ARTICLE_ID_RE = re.compile(r"^(?P<value>.+?)\s*\[(?P<kind>[\w-]+)\]$")
# "U.S." keeps its last stop; "…in vitro." loses PubMed's.
_DOTTED_ABBREVIATION_RE = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
# PubMed's notices about other papers: the person exported them, but they are no paper.
_NOT_PAPERS = {
    "published erratum": "an erratum",
    "retraction of publication": "a retraction notice",
    "expression of concern": "an expression of concern",
}


def parse(text: str, path: str) -> ParsedDocument:
    return document_of_records(read_records(text, path), path, FORMAT, _entry, _tags)


def _tags(record: MedlineRecord) -> list[str]:
    # As written: a heading with its qualifier ("Brain/*physiology") is indexing, not a
    # topic, and library.add_tag_topics says so.
    return [*record.values("MH"), *record.values("OT")]


def _entry(record: MedlineRecord, path: str, warnings: list[ImportWarning]) -> Entry:
    kind = next((_NOT_PAPERS[kind] for kind in _kinds(record) if kind in _NOT_PAPERS), "")
    return record_entry(None if kind else _paper(record), kind, record.line, path, warnings)


def _paper(record: MedlineRecord) -> PaperRecord:
    paper = PaperRecord(
        title=_title(record),
        authors=_authors(record),
        year=_year(record),
        venue=_venue(record),
        abstract=record.first("AB"),
        entry_type=_entry_type(record),
        keywords=_keywords(record),
    )
    _fill_identifiers(paper, record)
    return paper


def _kinds(record: MedlineRecord) -> list[str]:
    return [kind.casefold() for kind in record.values("PT")]


def _title(record: MedlineRecord) -> str:
    # A book's own record has BTI and no TI; TT is the title in the original language.
    titles = (_clean_title(record.first(tag)) for tag in ("TI", "BTI", "TT"))
    return next(filter(None, titles), "")


def _clean_title(title: str) -> str:
    """PubMed's title as a reader writes it: without the closing stop PubMed adds, nor
    the brackets around a title translated into English ("[Feasibility of …]")."""
    if title.casefold().rstrip(".") == "[not available]":
        return ""
    if (
        title.endswith(".")
        and not title.endswith("..")
        and not _DOTTED_ABBREVIATION_RE.search(title)
    ):
        title = title[:-1]
    return (title[1:-1] if _bracketed_whole(title) else title).strip()


def _bracketed_whole(title: str) -> bool:
    """ "[Feasibility of …]", but not "[18F]FDG uptake in …": the first bracket closes last."""
    if not (title.startswith("[") and title.endswith("]")):
        return False
    depth = 0
    for index, char in enumerate(title):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth == 0:
            return index == len(title) - 1
    return False


def _authors(record: MedlineRecord) -> list[str]:
    # FAU (full names, since 2002) stands beside each AU; older records have AU alone.
    # CN, a group's name, stands among them in the byline's order.
    persons = "FAU" if record.values("FAU") else "AU"
    names: list[str] = []
    for tag, value in record.fields:
        if tag == persons and value:
            names.append(full_name(value) if persons == "FAU" else short_name(value))
        elif tag == "CN" and value:
            names.append(value)
    return names


def _year(record: MedlineRecord) -> int | None:
    # DP "2020 May 5", "1950 Sep 30", "2018 Nov-Dec", "2019 Winter"; DEP "20110221".
    for tag in ("DP", "DEP"):
        match = _YEAR_RE.search(record.first(tag))
        if match:
            return int(match[1])
    return None


def _venue(record: MedlineRecord) -> str:
    journal = _journal_name(record.first("JT")) or record.first("TA")
    if journal:
        return journal
    # A chapter of a book on the NCBI Bookshelf: the book is where it appeared.
    return record.first("BTI") if record.values("TI") else ""


def _journal_name(title: str) -> str:
    """NLM's full title without what only tells journals apart: "Science (New York, N.Y.)"
    is Science, "bioRxiv : the preprint server for biology" bioRxiv, and "Zhongguo gu
    shang = China journal of …" its first title."""
    title = re.split(r" = | : ", title, maxsplit=1)[0]
    return re.sub(r"\s*\([^()]*\)$", "", title).strip()


def _entry_type(record: MedlineRecord) -> str:
    if record.values("BTI") and not record.values("JT"):
        return "incollection" if record.values("TI") else "book"
    return "misc" if "preprint" in _kinds(record) else "article"


def _keywords(record: MedlineRecord) -> list[str]:
    # "Spinal Fusion/*instrumentation/methods" is about spinal fusion; "*" marks a major topic.
    headings = [heading.split("/")[0].strip("* ") for heading in record.values("MH")]
    found: dict[str, str] = {}
    for term in [*headings, *record.values("OT")]:
        found.setdefault(term.casefold(), term)
    return [term for term in found.values() if term]


def _fill_identifiers(paper: PaperRecord, record: MedlineRecord) -> None:
    ids = _article_ids(record)
    # SO ends with the record's own DOI ("… 2015 Jul 30;250:85-93. doi: 10.1016/…").
    dois = [value for kind, value in ids if kind == "doi"] + [record.first("SO")]
    doi = next(filter(None, map(parse_doi, dois)), "")
    # An arXiv preprint: PG "arXiv:2006.02313v1", SO "ArXiv [Preprint]. 2020 Jun 3:arXiv:…".
    hints = [doi, *(value for _, value in ids), record.first("PG"), record.first("SO")]
    arxiv = next(filter(None, map(_arxiv_id, hints)), None)
    if arxiv:
        paper.arxiv_id, paper.arxiv_version = arxiv
    # The arXiv DOI stands for the arXiv id; the DOI field stays for a publisher's DOI.
    paper.doi = "" if doi.startswith("10.48550/") else doi
    pmid = record.first("PMID")
    if pmid.isdigit():
        paper.url = f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"


def _article_ids(record: MedlineRecord) -> list[tuple[str, str]]:
    """(kind, id) of the paper's own ids, AID and LID: ("doi", "10.1155/…"), ("pii", …)."""
    found = [_ARTICLE_ID_RE.match(value) for value in record.values("AID") + record.values("LID")]
    return [(match["kind"].casefold(), match["value"]) for match in found if match]


def _arxiv_id(hint: str) -> tuple[str, int | None] | None:
    # Only where arXiv is named: a bare "2006.02313" could be a page number.
    return parse_arxiv_id(hint) if "arxiv" in hint.casefold() else None
