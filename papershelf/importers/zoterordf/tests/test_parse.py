from __future__ import annotations

import re

import pytest

from papershelf.importers.records import PaperRecord, ParsedDocument, ParseError
from papershelf.importers.zoterordf.parse import parse
from papershelf.importers.zoterordf.tests.fixtures import ZOTERO_RDF

EMPA = "Empagliflozin, Cardiovascular Outcomes, and Mortality in Type 2 Diabetes"
CLOSED_LOOP = "Closed-loop insulin delivery in practice"
PREPRINT = "Learning glucose dynamics from continuous monitors"
TEXTBOOK = "Williams Textbook of Endocrinology"


def _papers(document: ParsedDocument) -> dict[str, PaperRecord]:
    return {e.paper.title: e.paper for e in document.entries if e.paper is not None}


def _without_notes(text: str) -> str:
    return re.sub(r"\s*<dcterms:isReferencedBy [^>]*/>", "", text)


def test_a_journal_article_takes_its_doi_and_venue_from_its_journal() -> None:
    empa = _papers(parse(ZOTERO_RDF, "Endo JC.rdf"))[EMPA]
    assert empa.doi == "10.1056/nejmoa1504720"
    assert empa.venue == "New England Journal of Medicine"
    assert (empa.year, empa.entry_type) == (2015, "article")
    assert empa.authors == ["Bernard Zinman", "EMPA-REG OUTCOME Investigators"]
    assert empa.keywords == ["SGLT2", "Humans"]  # the automatic tag is a keyword too


def test_a_conference_paper_written_as_a_description_gets_its_own_doi() -> None:
    paper = _papers(parse(ZOTERO_RDF, "x"))[CLOSED_LOOP]
    assert paper.doi == "10.1000/dtm.2019.7" and paper.entry_type == "inproceedings"
    assert paper.venue == "Proceedings of the Diabetes Technology Meeting"
    assert paper.authors == ["Jane Doe"]  # Zotero 2's foaf:givenname


def test_a_preprint_in_a_library_without_notes_gets_its_arxiv_id_and_version() -> None:
    preprint = _papers(parse(_without_notes(ZOTERO_RDF), "x"))[PREPRINT]
    assert (preprint.arxiv_id, preprint.arxiv_version) == ("2101.00001", 3)
    assert preprint.venue == "arXiv"


def test_child_notes_become_the_summary_with_their_citations_as_text() -> None:
    entry = next(e for e in parse(ZOTERO_RDF, "x").entries if e.paper and e.paper.title == EMPA)
    assert entry.summary is not None and entry.evidence == "a Zotero RDF item"
    markdown = entry.summary.markdown
    assert markdown.startswith("# EMPA-REG – my summary")
    assert "3-point MACE HR 0.86" in markdown and "(Marso et al., 2016)" in markdown
    assert "Title:" not in markdown  # the cited paper's facts are no part of this note


def test_web_pages_and_software_are_skipped_and_a_book_stays_as_in_csl() -> None:
    document = parse(ZOTERO_RDF, "x")
    papers = _papers(document)
    assert "Standards of Care in Diabetes—2024" not in papers
    assert "GlucoseStats R package" not in papers
    assert papers[TEXTBOOK].entry_type == "book"
    messages = {w.message for w in document.warnings}
    assert {
        "item is a web page, not a paper: skipped",
        "item is software, not a paper: skipped",
    } <= (messages)


def test_an_item_tagged_to_read_with_only_a_status_note_is_skipped_when_others_have_notes() -> None:
    papers = _papers(parse(ZOTERO_RDF, "x"))
    assert PREPRINT not in papers
    assert CLOSED_LOOP in papers  # tagged to read, but it has notes: it was read


def test_a_library_without_notes_keeps_its_to_read_items() -> None:
    assert PREPRINT in _papers(parse(_without_notes(ZOTERO_RDF), "x"))


def test_collections_and_tags_shared_by_items_become_topics() -> None:
    document = parse(ZOTERO_RDF, "x")
    index = {e.paper.title: i for i, e in enumerate(document.entries) if e.paper}
    assert document.entry_topics[index[EMPA]] == ["SGLT2", "Cardiovascular outcome trials"]
    assert document.entry_topics[index[CLOSED_LOOP]] == ["SGLT2", "Cardiovascular outcome trials"]
    assert document.entry_topics[index[TEXTBOOK]] == ["Background"]
    assert "Endo JC" not in {t.name for t in document.topics}  # holds collections, no items


def test_a_journal_two_items_share_gives_neither_of_them_its_dois() -> None:
    shared = ZOTERO_RDF.replace(
        "<dc:title>Proceedings of the Diabetes Technology Meeting</dc:title>",
        "<dc:title>x</dc:title>",
    ).replace(
        "<dc:identifier>DOI 10.1056/NEJMoa1504720</dc:identifier>",
        "<dc:identifier>DOI 10.1056/NEJMoa1504720</dc:identifier>"
        "<dc:identifier>DOI 10.1056/NEJMoa1611925</dc:identifier>",
    )
    assert _papers(parse(shared, "x"))[EMPA].doi == ""


def test_rdf_that_zotero_did_not_write_is_refused_with_a_reason() -> None:
    with pytest.raises(ParseError, match="no Zotero items"):
        parse(
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="x"/></rdf:RDF>',
            "foaf.rdf",
        )
