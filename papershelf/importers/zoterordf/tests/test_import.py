"""A Zotero RDF export folder (the .rdf and its files/) imported end to end."""

from __future__ import annotations

from pathlib import Path

from papershelf.importers.endnote.library import NOTES_BESIDE
from papershelf.importers.zoterordf.container import read_rdf
from papershelf.importers.zoterordf.tests.fixtures import ZOTERO_RDF
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic


def _export(folder: Path) -> Path:
    path = folder / "Endo JC.rdf"
    path.write_text(ZOTERO_RDF, encoding="utf-8")
    snapshot = folder / "files" / "439" / "Supplement_1.html"
    snapshot.parent.mkdir(parents=True)
    snapshot.write_text("<html><body><h1>Standards of Care</h1></body></html>")
    return path


def test_a_zotero_rdf_passes_through_and_its_attachments_are_no_notes_beside(
    tmp_path: Path,
) -> None:
    [(name, text)] = read_rdf(_export(tmp_path))
    assert name == "Endo JC.rdf" and not text.startswith(NOTES_BESIDE)
    (tmp_path / "Journal club.md").write_text("# May session\n")
    [(_, text)] = read_rdf(tmp_path / "Endo JC.rdf")
    assert text.startswith(NOTES_BESIDE)


def test_rdf_that_is_no_zotero_export_holds_no_notes(tmp_path: Path) -> None:
    path = tmp_path / "card.rdf"
    path.write_text('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')
    assert read_rdf(path) == []


def test_a_zotero_rdf_export_folder_imports_its_papers_notes_and_topics(
    tmp_path: Path, run_import
) -> None:
    _export(tmp_path)
    report = run_import(tmp_path)
    assert not report.files_with("failed")
    assert set(Paper.objects.values_list("title", flat=True)) == {
        "Empagliflozin, Cardiovascular Outcomes, and Mortality in Type 2 Diabetes",
        "Closed-loop insulin delivery in practice",
        "Williams Textbook of Endocrinology",
    }
    empa = Paper.objects.get(doi="10.1056/nejmoa1504720")
    assert empa.venue is not None and empa.year == 2015
    summary = Summary.objects.get(paper=empa)
    assert "3-point MACE" in summary.body
    trials = Topic.objects.get(name="Cardiovascular outcome trials")
    assert {p.title for p in trials.papers.all()} == {
        "Empagliflozin, Cardiovascular Outcomes, and Mortality in Type 2 Diabetes",
        "Closed-loop insulin delivery in practice",
    }
