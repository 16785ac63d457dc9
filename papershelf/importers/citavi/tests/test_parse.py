"""A Citavi project's XML export read into papers, summaries, sections and topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.importers.citavi.parse import parse
from papershelf.importers.citavi.tests.fixtures import CITAVI5, PROJECT
from papershelf.importers.records import PaperRecord, ParsedDocument, ParseError
from papershelf.importers.registry import detect


def _document(text: str = PROJECT) -> ParsedDocument:
    return parse(text, "groundwater.xml")


def _paper(title: str, text: str = PROJECT) -> PaperRecord:
    papers = [e.paper for e in _document(text).entries if e.paper and e.paper.title == title]
    return papers[0]


def test_it_is_detected_by_its_root_element_not_its_suffix_alone() -> None:
    assert detect(Path("groundwater.xml"), PROJECT).name == "citavi"
    assert detect(Path("project.xml"), CITAVI5).name == "citavi"


def test_it_joins_the_subtitle_to_the_title_and_reads_authors_in_order() -> None:
    paper = _paper("Chloride mass balance in semi-arid basins: Uncertainty from dry deposition")
    assert paper.authors == ["Ingrid Halvorsen", "Chidi A. Okonkwo"]
    assert (paper.year, paper.venue, paper.doi) == (
        2019,
        "Aquifer Science Letters",
        "10.5555/asl.2019.0412",
    )
    assert paper.entry_type == "article"


def test_a_contribution_takes_its_venue_from_the_book_or_proceedings_it_is_in() -> None:
    chapter = _paper("Conduit flow in young karst")
    assert (chapter.venue, chapter.entry_type) == ("Karst Aquifers: Field Methods", "incollection")
    paper = _paper("Reuse-distance sampling for last-level caches", CITAVI5)
    assert paper.venue == "Proceedings of the Workshop on Memory Systems"
    assert (paper.entry_type, paper.doi, paper.authors) == (
        "inproceedings",
        "10.5555/wms.2015.17",
        ["Rui Tavares"],
    )


def test_a_preprint_keeps_its_arxiv_id_and_a_location_gives_a_doi() -> None:
    preprint = _paper("Neural surrogates for flood routing")
    assert (preprint.arxiv_id, preprint.arxiv_version, preprint.doi) == ("2305.01234", 2, "")
    baseflow = _paper("Baseflow separation with two-parameter filters")
    assert (baseflow.doi, baseflow.year) == ("10.5555/asl.2021.0088", 2021)


def test_knowledge_items_become_the_summary_in_citavis_order_with_their_pages() -> None:
    [entry] = [e for e in _document().entries if e.summary and "Chloride" in e.paper.title]  # type: ignore[union-attr]
    assert entry.summary is not None
    assert entry.summary.markdown == (
        "**Dry deposition dominates**\n\n"
        "> Where rainfall is below 300 mm, dry deposition supplies most of the chloride."
        " (pp. 412–413)\n\n"
        "**Recharge of 4 mm/yr**\n\n"
        "Median recharge across the basin is about 4 mm per year. (p. 7)\n\n"
        "My doubt: their deposition gauges sit on a ridge."
    )


def test_html_in_a_knowledge_item_and_the_evaluation_are_kept_as_markdown() -> None:
    entries = {e.paper.title: e for e in _document().entries if e.paper}
    chapter = entries["Conduit flow in young karst"].summary
    assert chapter is not None and "Conduits reach **metre** scale" in chapter.markdown
    baseflow = entries["Baseflow separation with two-parameter filters"].summary
    assert baseflow is not None and baseflow.markdown.startswith("Useful for the methods chapter")


def test_categories_become_numbered_sections_in_outline_order() -> None:
    placed = [(e.sections, e.paper.title) for e in _document().entries if e.paper]
    assert placed == [
        ((), "Baseflow separation with two-parameter filters"),
        (
            ("1 Groundwater", "1.1 Recharge estimates"),
            "Chloride mass balance in semi-arid basins: Uncertainty from dry deposition",
        ),
        (("1 Groundwater", "1.1 Recharge estimates"), "Neural surrogates for flood routing"),
        (("1 Groundwater", "1.2 Tracer methods"), "Conduit flow in young karst"),
        (("2 Flood forecasting",), "Neural surrogates for flood routing"),
    ]
    [again] = [e for e in _document().entries if e.sections == ("2 Flood forecasting",)]
    assert again.summary is None  # a paper's notes are said once, in its first place


def test_non_papers_and_a_paper_left_to_read_are_skipped_with_the_reason() -> None:
    warnings = [w.message for w in _document().warnings]
    assert "“Karst Aquifers: Field Methods” is an edited book, not a paper: skipped" in warnings
    assert "“National river gauge portal” is a web page, not a paper: skipped" in warnings
    assert "“Isotopes in catchment hydrology” is a lecture, not a paper: skipped" in warnings
    assert any("Draft: recharge" in w and "unpublished manuscript" in w for w in warnings)
    assert any("Snowmelt pulses" in w and "marked to read" in w for w in warnings)
    assert any("belong to no reference" in w for w in warnings)


def test_keywords_shared_by_papers_become_their_topics() -> None:
    document = _document()
    assert [topic.name for topic in document.topics] == ["groundwater recharge"]
    tagged = [document.entries[i].paper.title for i in document.entry_topics]  # type: ignore[union-attr]
    assert sorted(tagged) == [
        "Baseflow separation with two-parameter filters",
        "Chloride mass balance in semi-arid basins: Uncertainty from dry deposition",
    ]


def test_a_citavi5_export_with_bom_and_crlf_is_read_like_a_newer_one() -> None:
    [entry] = [e for e in _document(CITAVI5).entries if e.paper]
    assert entry.sections == ("1 Memory hierarchy", "1.1 Cache replacement")


def test_broken_xml_is_a_parse_error_with_its_line() -> None:
    broken = PROJECT.replace("</Subtitle>", "</Subtitel>", 1)
    with pytest.raises(ParseError, match="not readable XML") as error:
        _document(broken)
    assert error.value.path == "groundwater.xml"
    assert error.value.line == PROJECT[: PROJECT.index("</Subtitle>")].count("\n") + 1


def test_a_dtd_or_entity_declaration_is_refused() -> None:
    evil = PROJECT.replace(
        "<CitaviExchangeData",
        '<!DOCTYPE x [<!ENTITY boom "boom">]>\n<CitaviExchangeData',
        1,
    )
    with pytest.raises(ParseError, match="DTD"):
        _document(evil)
