from __future__ import annotations

import pytest

from papershelf.importers.endnote.library import NOTES_BESIDE
from papershelf.importers.endnote.parse import parse
from papershelf.importers.endnote.tests.fixtures import (
    CABDRIVERS,
    DEFAULTS,
    EAST,
    ENDOWMENT,
    MENDELEY,
    NUDGE,
    PROSPECT,
    SKIMMED,
    SOFTWARE,
    WEBSITE,
    endnote_export,
    run,
)
from papershelf.importers.records import PaperRecord, ParsedDocument, ParseError

LIBRARY = endnote_export(
    PROSPECT, ENDOWMENT, DEFAULTS, CABDRIVERS, SKIMMED, NUDGE, EAST, WEBSITE, SOFTWARE
)


def _papers(document: ParsedDocument) -> dict[str, PaperRecord]:
    return {e.paper.title: e.paper for e in document.entries if e.paper is not None}


def test_a_one_line_endnote_export_reads_each_record_with_its_facts() -> None:
    document = parse(LIBRARY, "Exam.xml")
    assert document.format == "endnote"
    prospect = _papers(document)["Prospect Theory: An Analysis of Decision under Risk"]
    assert prospect.authors == ["Daniel Kahneman", "Amos Tversky"]
    assert (prospect.year, prospect.venue, prospect.entry_type) == (1979, "Econometrica", "article")
    assert prospect.keywords == ["loss aversion", "reference dependence"]


def test_a_title_split_mid_word_into_style_runs_joins_as_written() -> None:
    assert "Prospect Theory: An Analysis of Decision under Risk" in _papers(parse(LIBRARY, "x"))


def test_a_doi_written_as_a_link_with_a_doi_prefix_or_bare_is_the_records_doi() -> None:
    papers = _papers(parse(LIBRARY, "Exam.xml"))
    assert papers["Prospect Theory: An Analysis of Decision under Risk"].doi == "10.2307/1914185"
    endowment = papers["Experimental Tests of the Endowment Effect and the Coase Theorem"]
    assert endowment.doi == "10.1086/261737"
    assert endowment.venue == "Journal of Political Economy"  # from <periodical>
    assert papers["Do Defaults Save Lives?"].doi == "10.1126/science.1091721"


def test_a_group_author_keeps_its_name_in_reading_order() -> None:
    east = _papers(parse(LIBRARY, "x"))["EAST: Four simple ways to apply behavioural insights"]
    assert east.authors == ["Behavioural Insights Team"]


def test_web_pages_and_software_are_skipped_while_books_and_reports_stay_as_in_ris() -> None:
    document = parse(LIBRARY, "Exam.xml")
    papers = _papers(document)
    assert "Behavioral Economics Guide" not in papers and "oTree" not in papers
    assert papers["Nudge: Improving Decisions about Health, Wealth, and Happiness"].entry_type == (
        "book"
    )
    messages = [w.message for w in document.warnings]
    assert "record is a web page, not a paper: skipped" in messages
    assert "record is software, not a paper: skipped" in messages


def test_research_notes_become_the_summary_with_their_bold_and_line_breaks() -> None:
    entry = next(e for e in parse(LIBRARY, "x").entries if e.paper and e.paper.year == 1979)
    assert entry.summary is not None
    assert entry.summary.markdown == (
        "**Value function:** concave for gains, convex for losses.\n"
        "Weighting function overweights small p."
    )
    assert entry.evidence == "an EndNote record"


def test_notes_a_database_wrote_on_import_are_no_summary() -> None:
    entry = next(e for e in parse(LIBRARY, "x").entries if e.paper and e.paper.year == 2003)
    assert entry.summary is None


def test_records_marked_or_noted_as_unread_are_skipped_when_the_export_holds_notes() -> None:
    document = parse(LIBRARY, "Exam.xml")
    papers = _papers(document)
    assert "Labor Supply of New York City Cabdrivers: One Day at a Time" not in papers
    assert "Psychology and Economics" not in papers  # "Haven't really read it."
    # Not marked: kept, notes or none.
    assert "Experimental Tests of the Endowment Effect and the Coase Theorem" in papers
    assert any("is marked to read and has no notes" in w.message for w in document.warnings)


def test_a_library_with_no_notes_in_it_or_beside_it_keeps_every_paper() -> None:
    papers = _papers(parse(endnote_export(ENDOWMENT, CABDRIVERS), "x"))
    assert "Labor Supply of New York City Cabdrivers: One Day at a Time" in papers


def test_notes_beside_the_export_make_its_unread_records_unread() -> None:
    text = NOTES_BESIDE + endnote_export(ENDOWMENT, CABDRIVERS)
    assert list(_papers(parse(text, "x"))) == [
        "Experimental Tests of the Endowment Effect and the Coase Theorem"
    ]


def test_keywords_shared_by_records_become_topics_and_status_words_do_not() -> None:
    document = parse(LIBRARY, "x")
    assert [t.name for t in document.topics] == ["loss aversion"]
    assert sorted(document.entry_topics) == [0, 1]


def test_a_mendeley_export_with_bare_text_and_type_numbers_reads_the_same() -> None:
    document = parse(MENDELEY, "mendeley.xml")
    laibson, credit = [e.paper for e in document.entries]
    assert laibson is not None and credit is not None
    assert laibson.title == "Golden Eggs and Hyperbolic Discounting"
    assert (laibson.authors, laibson.year) == (["David Laibson"], 1997)
    assert laibson.doi == "10.1162/003355397555253" and laibson.pdf_url == ""
    assert (credit.arxiv_id, credit.arxiv_version) == ("1501.00001", 2)


def test_broken_xml_names_its_line() -> None:
    with pytest.raises(ParseError) as error:
        parse(MENDELEY.replace("</titles>", "", 1), "broken.xml")
    assert (
        error.value.path == "broken.xml" and error.value.line == 26
    )  # where expat finds the mismatch


def test_an_export_with_a_dtd_is_refused_before_it_is_parsed() -> None:
    bomb = (
        '<!DOCTYPE xml [<!ENTITY a "aaaaaaaa">]><xml><records><record>&a;</record></records></xml>'
    )
    with pytest.raises(ParseError, match="DTD"):
        parse(bomb, "bomb.xml")


def test_an_indented_export_joins_a_titles_runs_without_their_indentation() -> None:
    # Bookends and Zotero indent each run on its own line; the italic run has its space.
    title = (
        "<title>\n          "
        + run("A demographic study of the south polar skua")
        + "\n          "
        + run(" Catharacta maccormicki", "italic")
        + "\n          "
        + run(" at Cape Crozier")
        + "\n        </title>"
    )
    text = endnote_export(
        f'<record><ref-type name="Journal Article">17</ref-type><titles>{title}</titles></record>'
    )
    [entry] = parse(text, "x").entries
    assert entry.paper is not None
    assert entry.paper.title == (
        "A demographic study of the south polar skua Catharacta maccormicki at Cape Crozier"
    )
