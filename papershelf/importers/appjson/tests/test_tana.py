"""Tana workspace exports: tagged paper nodes and day pages become notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers import registry
from papershelf.importers.appjson.parse import parse
from papershelf.importers.appjson.tana import tana_notes
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

EXPORT = Path(__file__).parent / "tana" / "Wk7Lz2RqPa@2024-05-02.json"


def _notes() -> list[str]:
    return tana_notes(json.loads(EXPORT.read_text()))


def _note_starting(prefix: str) -> str:
    return next(note for note in _notes() if note.startswith(prefix))


def test_a_paper_tagged_node_becomes_a_note_with_its_fields_as_labelled_facts() -> None:
    note = _note_starting("Title: Click Chemistry")
    assert "Authors: Kolb, H. C.; Finn, M. G.; Sharpless, K. B." in note
    assert "Year: 2001" in note
    assert "Status: Read" in note
    # A field named like a label the notes reader knows ("Date", when it was read) is
    # kept without being taken for the paper's year.
    assert "**Date:** 2024-03-03" in note
    assert "- The manifesto: **modular**, wide in scope" in note
    assert "  - CuAAC is *not* in it yet." in note
    # An inline reference reads as the name of the node it refers to.
    assert "- Compare with Saxon & Bertozzi 2000 (Staudinger)" in note


def test_a_nicknamed_paper_takes_its_title_from_the_bullet_that_gives_it() -> None:
    note = _note_starting("Title: Cell Surface Engineering")
    assert "Alias: Saxon & Bertozzi 2000 (Staudinger)" in note
    assert "DOI: 10.1126/science.287.5460.2007" in note


def test_a_link_field_gives_the_links_address_not_its_text() -> None:
    note = _note_starting("Title: Copper-free click chemistry")
    assert "Link: https://www.pnas.org/doi/10.1073/pnas.0707090104" in note


def test_trash_saved_searches_and_the_schema_are_not_notes() -> None:
    text = "\n".join(_notes())
    assert "Tetrazine Ligation" not in text  # in the trash
    assert "All #paper" not in text  # a saved search
    assert "Node supertags" not in text and "# Author" not in text  # the schema
    # Each paper once, though a search and a day page list it again.
    assert sum(note.startswith("Title: Click Chemistry") for note in _notes()) == 1


def test_a_day_page_is_a_note_of_its_bullets() -> None:
    day = _note_starting("# 2024-03-06 - Wednesday")
    assert "[doi](https://doi.org/10.1021/ja054114s)" in day
    assert "- Ordered DBCO-PEG4-biotin, 5 mg." in day
    assert not any(note.startswith(("# Week 10", "# 2024\n")) for note in _notes())


def test_a_book_or_a_person_is_no_paper_even_with_authors_and_a_year() -> None:
    book = _note_starting("# Click Chemistry for Biotechnology")
    assert "Authors:" not in book and "Year:" not in book
    person = _note_starting("# Carolyn Bertozzi")
    assert "Title:" not in person


def test_a_tana_export_names_its_papers_by_their_facts() -> None:
    document = parse(EXPORT.read_text(), EXPORT.name)
    papers = {entry.paper.title: entry.paper for entry in document.entries if entry.paper}
    click = papers["Click Chemistry: Diverse Chemical Function from a Few Good Reactions"]
    assert click.authors[0] == "H. C. Kolb"
    assert click.year == 2001
    staudinger = papers["Cell Surface Engineering by a Modified Staudinger Reaction"]
    assert staudinger.doi == "10.1126/science.287.5460.2007"
    assert "Click Chemistry for Biotechnology and Materials Science" not in papers
    assert document.format == "app-json"


def test_a_tana_intermediate_file_reads_its_nested_nodes_fields_and_tags() -> None:
    data = {
        "version": "TanaIntermediateFile V0.1",
        "summary": {"leafNodes": 3, "topLevelNodes": 1, "totalNodes": 5, "calendarNodes": 0},
        "supertags": [{"uid": "tag-paper", "name": "paper"}],
        "nodes": [
            {
                "uid": "n1",
                "name": "Reading notes",
                "createdAt": 1700000000000,
                "editedAt": 1700000000000,
                "type": "node",
                "children": [
                    {
                        "uid": "n2",
                        "name": "Copper-free click chemistry for dynamic in vivo imaging",
                        "type": "node",
                        "supertags": ["tag-paper"],
                        "createdAt": 1700000000000,
                        "editedAt": 1700000000000,
                        "children": [
                            {
                                "uid": "f1",
                                "name": "DOI",
                                "type": "field",
                                "children": [{"uid": "v1", "name": "10.1073/pnas.0707090104"}],
                            },
                            {"uid": "b1", "name": "DIFO is ~60x faster than OCT", "type": "node"},
                        ],
                    }
                ],
            }
        ],
    }
    notes = tana_notes(data)
    paper = next(note for note in notes if note.startswith("Title: Copper-free"))
    assert "DOI: 10.1073/pnas.0707090104" in paper
    assert "- DIFO is ~60x faster than OCT" in paper
    assert "Copper-free" not in notes[0]  # the page above it leaves it to its own note


def test_a_truncated_tana_export_is_a_parse_error_at_its_line() -> None:
    text = EXPORT.read_text()[:5000]
    with pytest.raises(ParseError) as error:
        parse(text, EXPORT.name)
    assert error.value.line is not None and error.value.line > 1


def test_a_tana_export_is_read_by_the_app_json_format() -> None:
    assert registry.detect(EXPORT, EXPORT.read_text()).name == "app-json"


@pytest.mark.django_db
def test_importing_a_tana_export_creates_its_papers_but_not_the_trashed_one(
    tmp_path: Path, alice: User
) -> None:
    report = import_paths([EXPORT], ImportOptions(user=alice, fetch_metadata=False))
    assert not report.files_with("failed")
    assert Paper.objects.filter(doi="10.1126/science.287.5460.2007").exists()
    assert Paper.objects.filter(doi="10.1073/pnas.0707090104").exists()
    assert not Paper.objects.filter(doi="10.1021/ja8053805").exists()
    assert not Paper.objects.filter(title__startswith="Click Chemistry for Biotechnology").exists()
