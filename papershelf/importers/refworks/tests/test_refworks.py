"""RefWorks' tagged format: legacy exports with their legend, ProQuest's without."""

from __future__ import annotations

import pytest

from papershelf.importers.records import ParseError
from papershelf.importers.refworks.parse import looks_like_refworks, parse

LEGACY = (
    "Refworks Export Tagged Format\r\n\r\nCharacter Set=utf-8\r\n\r\nTag legend\r\n*****\r\n"
    "RT=Reference Type\r\nA1=Primary Authors\r\nT1=Primary Title\r\n*****\r\n\r\n"
    "RT Journal Article\r\nSR Print(0)\r\nID 12\r\nA1 Aiken,Linda H.\r\nA1 Clarke,Sean P.\r\n"
    "T1 Hospital nurse staffing and patient mortality, nurse burnout, and job dissatisfaction\r\n"
    "JF JAMA\r\nYR 2002\r\nVO 288\r\nIS 16\r\nSP 1987\r\nOP 1993\r\nK1 staffing\r\n"
    "NO doi:10.1001/jama.288.16.1987\r\nMY NOTES: each extra patient per nurse, +7% odds.\r\n"
    "\r\n"
    "RT Web Page\r\nID 27\r\nA1 American Nurses Association\r\nT1 Nurse staffing\r\n"
    "UL https://www.nursingworld.org/practice-policy/nurse-staffing/\r\n"
)
PROQUEST = """\ufeffRT Journal Article
SR Electronic(1)
ID 7
A1 Ball, Jane E.
A1 Murrells, Trevor
T1 'Care left undone' during nursing shifts: associations with workload and quality of care
JF BMJ quality & safety
YR 2014
DO 10.1136/bmjqs-2012-001767
UL https://doi.org/10.1136/bmjqs-2012-001767

RT Book, Whole
ID 8
A1 Polit, Denise F.
T1 Nursing research: generating and assessing evidence for nursing practice
PB Wolters Kluwer
YR 2017
"""


def test_both_exports_are_known_by_their_first_lines() -> None:
    assert looks_like_refworks(LEGACY) and looks_like_refworks(PROQUEST)
    assert not looks_like_refworks("TY  - JOUR\nTI  - A RIS record\nER  - \n")


def test_a_legacy_record_reads_its_authors_doi_in_the_notes_and_run_on_note_lines() -> None:
    document = parse(LEGACY, "export.txt")
    [article, page] = document.entries
    assert article.paper is not None and page.paper is None
    paper = article.paper
    assert paper.authors == ["Linda H. Aiken", "Sean P. Clarke"]
    assert (paper.venue, paper.year, paper.doi) == ("JAMA", 2002, "10.1001/jama.288.16.1987")
    assert "MY NOTES: each extra patient per nurse" in paper.note  # no tag of the legend
    assert paper.bibtex_key == ""  # RefWorks' running number is no citation key
    assert article.line == 12
    assert any("a web page, not a paper" in w.message for w in document.warnings)


def test_a_proquest_export_keeps_its_types() -> None:
    article, book = parse(PROQUEST, "RefWorks_Export.txt").entries
    assert article.paper is not None and article.paper.doi == "10.1136/bmjqs-2012-001767"
    assert book.paper is not None and book.paper.entry_type == "book"


def test_a_file_without_records_says_so() -> None:
    with pytest.raises(ParseError, match="no records"):
        parse("Refworks Export Tagged Format\n\nTag legend\n", "empty.txt")
