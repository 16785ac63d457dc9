"""An .xml file read by content, and an EndNote export imported with the notes beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.importers.endnote.container import read_xml
from papershelf.importers.endnote.library import NOTES_BESIDE
from papershelf.importers.endnote.tests.fixtures import (
    CABDRIVERS,
    DEFAULTS,
    ENDOWMENT,
    PROSPECT,
    WEBSITE,
    endnote_export,
)
from papershelf.importers.records import ParseError
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic

WIKI = (
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/"><page><title>Reading</title>'
    "<ns>0</ns><revision><timestamp>2024-01-01T00:00:00Z</timestamp><text>"
    "{{cite journal |title=Adam: A Method for Stochastic Optimization |year=2014 "
    "|arxiv=1412.6980}}</text></revision></page></mediawiki>"
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_endnote_export_passes_through_its_container_whole(tmp_path: Path) -> None:
    path = _write(tmp_path, "Exam.xml", endnote_export(PROSPECT, ENDOWMENT))
    [(name, text)] = read_xml(path)
    assert name == "Exam.xml" and "Prospect Theory" in text
    assert not text.startswith(NOTES_BESIDE)  # nothing beside it


def test_a_mediawiki_dump_still_opens_into_notes_and_other_xml_holds_none(tmp_path: Path) -> None:
    [(name, note)] = read_xml(_write(tmp_path, "wiki.xml", WIKI))
    assert name == "Reading.md" and "Adam: A Method" in note
    assert read_xml(_write(tmp_path, "pom.xml", "<project><version>1</version></project>")) == []


def test_notes_in_a_folder_beside_the_export_are_noticed(tmp_path: Path) -> None:
    path = _write(tmp_path, "Exam.xml", endnote_export(PROSPECT))
    _write(tmp_path, "notes/Endowment effect.txt", "Kahneman, Knetsch & Thaler (1990).")
    [(_, text)] = read_xml(path)
    assert text.startswith(NOTES_BESIDE + "<xml>")


def test_an_endnote_export_and_its_notes_folder_import_as_one_set_of_papers(
    tmp_path: Path, run_import
) -> None:
    _write(tmp_path, "Exam.xml", endnote_export(PROSPECT, ENDOWMENT, DEFAULTS, CABDRIVERS, WEBSITE))
    _write(
        tmp_path,
        "notes/Endowment.md",
        "# Experimental Tests of the Endowment Effect and the Coase Theorem\n\n"
        "DOI: 10.1086/261737\n\nMugs: WTA about twice WTP; no such gap for tokens.\n",
    )
    _write(tmp_path, "pom.xml", "<project><version>1</version></project>\n")
    report = run_import(tmp_path)
    assert not report.files_with("failed")
    # Read as an EndNote export, not skipped as a note template for its <year> elements.
    assert [f.name for f in report.files_with("imported") if f.format == "endnote"] == [
        "Exam.xml/Exam.xml"
    ]
    titles = set(Paper.objects.values_list("title", flat=True))
    assert titles == {
        "Prospect Theory: An Analysis of Decision under Risk",
        "Experimental Tests of the Endowment Effect and the Coase Theorem",
        "Do Defaults Save Lives?",
    }  # the unread cab drivers and the web page stay out; the note merged by its DOI
    endowment = Paper.objects.get(doi="10.1086/261737")
    assert Summary.objects.filter(paper=endowment, body__contains="Mugs").exists()
    prospect = Paper.objects.get(doi="10.2307/1914185")
    assert [a.name for a in prospect.ordered_authors()] == ["Daniel Kahneman", "Amos Tversky"]
    assert Summary.objects.filter(paper=prospect, body__contains="Value function").exists()
    assert set(Topic.objects.get(name="loss aversion").papers.all()) == {prospect, endowment}


def test_an_xml_file_that_is_no_export_named_alone_says_there_is_nothing_to_import(
    tmp_path: Path, run_import
) -> None:
    with pytest.raises(ParseError, match="no documents to import"):
        run_import(_write(tmp_path, "pom.xml", "<project/>"))
