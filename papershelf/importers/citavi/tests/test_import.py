"""A folder holding a Citavi project's XML export, imported as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.importers.citavi.tests.fixtures import PROJECT
from papershelf.importers.endnote.container import read_xml
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic

pytestmark = pytest.mark.django_db


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_citavi_export_passes_through_its_container_whole(tmp_path: Path) -> None:
    [(name, text)] = read_xml(_write(tmp_path, "groundwater.xml", PROJECT))
    assert name == "groundwater.xml" and "<CitaviExchangeData" in text


def test_a_folder_with_only_a_citavi_export_imports_its_papers_notes_and_outline(
    tmp_path: Path, run_import
) -> None:
    _write(tmp_path, "groundwater.xml", PROJECT)
    report = run_import(tmp_path)
    assert [f.format for f in report.files_with("imported")] == ["citavi"]
    assert set(Paper.objects.values_list("title", flat=True)) == {
        "Chloride mass balance in semi-arid basins: Uncertainty from dry deposition",
        "Conduit flow in young karst",
        "Neural surrogates for flood routing",
        "Baseflow separation with two-parameter filters",
    }  # the edited book, web page, lecture, manuscript and the unread article stay out
    chloride = Paper.objects.get(doi="10.5555/asl.2019.0412")
    [summary] = Summary.objects.filter(paper=chloride)
    assert "> Where rainfall is below 300 mm" in summary.body
    assert "(pp. 412–413)" in summary.body
    assert summary.body.index("Dry deposition") < summary.body.index("My doubt")
    reading_list = ReadingList.objects.get(title="groundwater")
    items = reading_list.items.all()
    rows = [item.heading or (item.paper.title if item.paper else "") for item in items]
    assert rows == [
        "Baseflow separation with two-parameter filters",
        "1 Groundwater",
        "1.1 Recharge estimates",
        "Chloride mass balance in semi-arid basins: Uncertainty from dry deposition",
        "Neural surrogates for flood routing",
        "1.2 Tracer methods",
        "Conduit flow in young karst",
        "2 Flood forecasting",
        "Neural surrogates for flood routing",
    ]
    assert set(Topic.objects.get(name="groundwater recharge").papers.all()) == {
        chloride,
        Paper.objects.get(doi="10.5555/asl.2021.0088"),
    }
    skipped = [str(w) for w in report.warnings if "not a paper: skipped" in w.message]
    assert any("a lecture" in w for w in skipped) and any("a web page" in w for w in skipped)


def test_a_broken_citavi_export_fails_with_its_file_and_line(tmp_path: Path, run_import) -> None:
    _write(tmp_path, "groundwater.xml", PROJECT.replace("</Title>", "</Titel>", 1))
    report = run_import(tmp_path)
    [failed] = report.files_with("failed")
    line = PROJECT[: PROJECT.index("</Title>")].count("\n") + 1
    assert f"groundwater.xml:{line}: not readable XML" in failed.detail
    assert not Paper.objects.exists()
