from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.importers.records import PaperRecord, ParseError
from papershelf.importers.registry import detect
from papershelf.importers.wos.casing import readable_case
from papershelf.importers.wos.parse import parse
from papershelf.importers.wos.tests.fixtures import (
    CORRECTION,
    HOPFIELD,
    PUSHING_AND_GRASPING,
    THOMSON_HEADER,
    TROPICAL_BIOLOGY,
    ZIKA,
    savedrecs,
)

EXPORT = savedrecs(ZIKA, HOPFIELD, PUSHING_AND_GRASPING, TROPICAL_BIOLOGY, CORRECTION)


def _papers(text: str) -> list[PaperRecord]:
    return [entry.paper for entry in parse(text, "savedrecs.txt").entries if entry.paper]


def _one(record: str) -> PaperRecord:
    [paper] = _papers(savedrecs(record))
    return paper


def test_it_reads_a_savedrecs_export_with_bom_and_crlf() -> None:
    document = parse(EXPORT, "savedrecs.txt")
    assert document.format == "wos"
    assert [entry.line for entry in document.entries] == [3, 46, 68, 96, 113]
    assert [paper.title for paper in _papers(EXPORT)] == [
        "Emerging trends of Zika apprehension in an epidemic setting",
        "Neural Networks and Physical-Systems with Emergent Collective Computational Abilities",
        "Learning Synergies between Pushing and Grasping with Self-supervised Deep "
        "Reinforcement Learning",
        "Is there really such a thing as Tropical Biology?",
    ]


def test_an_article_gets_full_names_its_doi_pubmed_page_and_wos_key() -> None:
    paper = _one(ZIKA)
    assert paper.authors == [
        "Camille Fritzell",
        "Jocelyn Raude",
        "Mirdad Kazanji",
        "Claude Flamand",
    ]
    assert (paper.doi, paper.year, paper.entry_type) == (
        "10.1371/journal.pntd.0006167",
        2018,
        "article",
    )
    assert paper.url == "https://pubmed.ncbi.nlm.nih.gov/29370170/"
    assert paper.bibtex_key == "WOS:000424022700035"


def test_a_journal_in_capitals_reads_in_title_case() -> None:
    assert _one(ZIKA).venue == "PLOS Neglected Tropical Diseases"


def test_the_abstracts_lines_stay_its_paragraphs() -> None:
    assert _one(ZIKA).abstract.split("\n") == [
        "Background",
        "Our own words for a test: a phone survey in an outbreak asked what people knew and "
        "feared.",
        "Conclusions",
        "Worry and protective behaviour differed between social groups.",
    ]


def test_author_keywords_come_first_and_keywords_plus_lose_their_capitals() -> None:
    assert _one(ZIKA).keywords == [
        "Zika",
        "risk perception",
        "French Guiana",
        "mad-cow-disease",
        "virus",
        "transmission",
        "island",
    ]


def test_cited_references_are_no_papers_and_lend_no_identifiers() -> None:
    papers = _papers(EXPORT)
    assert len(papers) == 4
    dois = {paper.doi for paper in papers}
    assert not dois & {"10.1056/nejmoa0805715", "10.1126/science.3563507"}


def test_an_old_record_in_capitals_reads_in_title_case_with_its_author_named() -> None:
    paper = _one(HOPFIELD)
    assert paper.authors == ["J. J. Hopfield"]
    assert paper.venue == (
        "Proceedings of the National Academy of Sciences of the United States of "
        "America-Biological Sciences"
    )
    assert (paper.year, paper.doi) == (1982, "10.1073/pnas.79.8.2554")


def test_a_proceedings_paper_has_its_conference_as_venue_and_no_editors_as_authors() -> None:
    paper = _one(PUSHING_AND_GRASPING)
    assert paper.venue == (
        "2018 IEEE/RSJ International Conference on Intelligent Robots and Systems (IROS)"
    )
    assert paper.authors == ["Andy Zeng", "Shuran Song", "Thomas Funkhouser"]
    assert (paper.entry_type, paper.doi) == ("inproceedings", "")


def test_an_early_access_paper_takes_its_year_markup_leaves_its_title_groups_join() -> None:
    paper = _one(TROPICAL_BIOLOGY)
    assert paper.title == "Is there really such a thing as Tropical Biology?"
    assert paper.year == 2024
    assert paper.authors == ["Emilio M. Bruna", "Tropical Biology Working Group"]
    assert paper.keywords[-1] == "scientometrics"  # a keyword list wrapped onto two lines


def test_a_correction_is_reported_and_left_out() -> None:
    document = parse(EXPORT, "savedrecs.txt")
    assert document.entries[-1].paper is None
    assert [str(w) for w in document.warnings] == [
        "savedrecs.txt:113: record is a correction, not a paper: skipped"
    ]


def test_author_keywords_two_records_share_become_their_topic() -> None:
    other = ZIKA.replace("DE Zika; risk perception; French Guiana", "DE dengue; risk perception")
    other = other.replace("10.1371/journal.pntd.0006167", "10.1371/journal.pntd.0000001")
    document = parse(savedrecs(ZIKA, other), "savedrecs.txt")
    assert [topic.name for topic in document.topics] == ["risk perception"]
    assert document.entry_topics == {0: ["risk perception"], 1: ["risk perception"]}


def test_exports_joined_into_one_file_read_as_one() -> None:
    joined = savedrecs(ZIKA) + savedrecs(HOPFIELD, header=THOMSON_HEADER).removeprefix("\ufeff")
    assert len(_papers(joined)) == 2


# Each title as Web of Science may keep it, and as it reads.
CAPITALS = {
    "THE FORMATION OF PLATINUM(II) COMPLEXES: A STUDY OF DNA BY NMR": (
        "The Formation of Platinum(II) Complexes: A Study of DNA by NMR"
    ),
    "STATE-OF-THE-ART SELF-SUPERVISED LEARNING OF 3D SHAPES": (
        "State-of-the-Art Self-Supervised Learning of 3D Shapes"
    ),
    "DARWIN'S FINCHES IN CO2-RICH AIR": "Darwin's Finches in CO2-Rich Air",
    "JOURNAL OF THE AMERICAN CHEMICAL SOCIETY": "Journal of the American Chemical Society",
    "An already readable Title with DNA": "An already readable Title with DNA",
}


@pytest.mark.parametrize(("written", "read"), CAPITALS.items())
def test_titles_in_capitals_are_restored_and_others_kept(written: str, read: str) -> None:
    assert readable_case(written) == read


def test_a_record_without_er_raises_an_error_at_its_start() -> None:
    text = savedrecs(ZIKA, HOPFIELD.replace("ER\n", ""), PUSHING_AND_GRASPING)
    with pytest.raises(ParseError, match="no 'ER' line before the 'PT'") as raised:
        parse(text, "savedrecs.txt")
    assert raised.value.line == 46  # where the record without its ER starts


def test_a_file_cut_off_mid_record_raises_an_error() -> None:
    text = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Doe, J\nTI Cut"
    with pytest.raises(ParseError, match="cut off") as raised:
        parse(text, "savedrecs.txt")
    assert raised.value.line == 3


def test_text_outside_records_raises_an_error_with_its_line() -> None:
    text = savedrecs(ZIKA).replace("EF\r\n", "these are my search results\r\nEF\r\n")
    with pytest.raises(ParseError, match="outside a record") as raised:
        parse(text, "savedrecs.txt")
    assert raised.value.line == 46


def test_a_line_no_tag_starts_inside_a_record_names_its_line() -> None:
    with pytest.raises(ParseError, match="not a Web of Science line") as raised:
        parse("PT J\nTI A title\nsome stray text\nER\n", "savedrecs.txt")
    assert raised.value.line == 3


@pytest.mark.parametrize(
    "text", ["", "\ufeff", "FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n"]
)
def test_an_export_without_records_raises_no_entries(text: str) -> None:
    with pytest.raises(ParseError, match="no entries"):
        parse(text, "savedrecs.txt")


def test_savedrecs_and_ciw_files_are_recognised_and_a_note_is_not() -> None:
    assert detect(Path("savedrecs.txt"), EXPORT).name == "wos"
    thomson = savedrecs(HOPFIELD, header=THOMSON_HEADER)
    assert detect(Path("savedrecs.ciw"), thomson).name == "wos"
    note = "PT session on Monday\nFN: remember the forms\n"
    assert detect(Path("monday.txt"), note).name != "wos"
