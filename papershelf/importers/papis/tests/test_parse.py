"""One Papis info.yaml read as one paper record; what is no Papis document is left alone."""

from __future__ import annotations

import pytest

from papershelf.importers.papis.parse import NOTES_MARKER, looks_like_papis, parse
from papershelf.importers.papis.tests.fixtures import (
    BROKEN,
    DATASET,
    KYDLAND,
    LUCAS,
    NOTHING,
    OWN_THESIS,
    RIESS,
    UNTITLED,
    WEINBERG_BOOK,
)
from papershelf.importers.records import ParseError


def _with_notes(info: str, notes: str = "") -> str:
    """The info file as its container passes it on."""
    return f"{info}{NOTES_MARKER}\n{notes}"


def test_it_reads_a_document_added_from_its_doi() -> None:
    [entry] = parse(LUCAS, "lucas/info.yaml").entries
    paper = entry.paper
    assert paper is not None
    assert paper.title == "Investment under Uncertainty"
    assert paper.authors == ["Robert E. Lucas", "Edward C. Prescott"]
    assert (paper.year, paper.venue, paper.doi) == (1971, "Econometrica", "10.2307/1909415")
    assert paper.bibtex_key == "Lucas1971Investment" and paper.entry_type == "article"
    assert paper.abstract.startswith("We study the investment")
    assert entry.summary is None  # no notes came with it


def test_it_reads_older_papis_author_lists_and_tags_written_as_one_string() -> None:
    document = parse(KYDLAND, "kydland/info.yaml")
    paper = document.entries[0].paper
    assert paper is not None
    assert paper.authors == ["Finn E. Kydland", "Edward C. Prescott"]
    assert paper.year == 1982
    assert document.entry_topics == {0: ["business-cycles", "rational-expectations"]}


def test_it_takes_the_arxiv_id_from_the_eprint_and_joins_a_folded_title() -> None:
    paper = parse(RIESS, "riess/info.yaml").entries[0].paper
    assert paper is not None
    assert paper.arxiv_id == "astro-ph/9805201"
    assert paper.title.endswith("Accelerating Universe and a Cosmological Constant")
    assert paper.authors[-1] == "Peter Challis"


def test_the_notes_after_the_marker_become_the_papers_summary() -> None:
    document = parse(_with_notes(LUCAS, "Planner's problem: $\\max E\\sum\\beta^t u$.\n"), "x")
    summary = document.entries[0].summary
    assert summary is not None and summary.markdown.startswith("Planner's problem: $\\max")


def test_notes_that_are_only_an_empty_template_make_no_summary() -> None:
    document = parse(_with_notes(LUCAS, "# Notes\n\n## Summary\n\n"), "x")
    assert document.entries[0].summary is None


def test_a_document_with_a_doi_and_no_title_keeps_its_doi() -> None:
    [entry] = parse(UNTITLED, "untitled/info.yaml").entries
    assert entry.paper is not None
    assert (entry.paper.title, entry.paper.doi) == ("", "10.1016/j.actamat.2016.07.019")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (WEINBERG_BOOK, "a book, not a paper"),
        (OWN_THESIS, "a thesis, not a paper"),
        (DATASET, "a data set, not a paper"),
        (NOTHING, "neither a title nor an identifier"),
    ],
)
def test_books_theses_data_sets_and_untitled_files_are_skipped_with_the_reason(
    text: str, reason: str
) -> None:
    document = parse(_with_notes(text, "Read chapter 3.\n"), "doc/info.yaml")
    assert document.entries == []
    [warning] = document.warnings
    assert reason in warning.message and "its notes are left out too" in warning.message


def test_broken_yaml_is_a_parse_error_with_the_file_and_line() -> None:
    with pytest.raises(ParseError) as raised:
        parse(_with_notes(BROKEN, "notes\n"), "sargent/info.yaml")
    assert raised.value.path == "sargent/info.yaml"
    assert raised.value.line == 4 and "not valid YAML" in raised.value.message


def test_a_papis_document_is_known_by_its_keys_and_settings_are_not() -> None:
    assert looks_like_papis(LUCAS)  # papis_id, author_list, ref: whatever the file's name
    assert looks_like_papis(OWN_THESIS, "info.yaml")  # named as Papis names it
    assert not looks_like_papis(OWN_THESIS, "meta.yaml")
    # A chip project's info.yaml and a site's settings are nested sections, no record.
    project = "project:\n  title: Counter\n  author: Jo\n  top_module: tt_um_counter\n"
    assert not looks_like_papis(project, "info.yaml")
    assert not looks_like_papis("site_name: Lab notes\ntheme: material\n", "info.yaml")
    # A Hayagriva file is citation keys over entries.
    assert not looks_like_papis("lucas1971:\n  type: article\n  title: Investment\n", "refs.yml")


def test_a_misc_item_with_only_an_address_is_a_web_page_and_one_with_a_doi_a_paper() -> None:
    page = (
        "title: Notes on the Phillips curve\ntype: misc\nurl: https://example.org/blog/phillips\n"
    )
    assert "a web page" in parse(page, "blog/info.yaml").warnings[0].message
    report = "title: Inflation Dynamics\ntype: misc\ndoi: 10.3386/w12345\n"
    assert parse(report, "nber/info.yaml").entries[0].paper is not None
