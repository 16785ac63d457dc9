"""A Papis library imported whole: a paper per document, its notes as its summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.papis.container import read_papis
from papershelf.importers.papis.tests.fixtures import (
    BROKEN,
    KYDLAND,
    LUCAS,
    LUCAS_AGAIN,
    LUCAS_NOTES,
    NOTHING,
    OWN_THESIS,
    PAPIS_CONFIG,
    RIESS,
    RIESS_NOTES,
    UNTITLED,
    WEINBERG_BOOK,
    ZHANG,
    ZHANG_NOTES,
    write_library,
)
from papershelf.importers.services import ImportOptions, ImportReport, import_paths
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic

PDF = "%PDF-1.4 not really\n"


@pytest.fixture
def run_import(alice: User):
    """Import paths as alice, offline; returns the report."""

    def run(*paths: Path) -> ImportReport:
        return import_paths(list(paths), ImportOptions(user=alice, fetch_metadata=False))

    return run


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = write_library(
        tmp_path / "economics",
        {
            "lucas-1971": {"info.yaml": LUCAS, "lucas-notes.md": LUCAS_NOTES, "paper.pdf": PDF},
            "kydland-1982": {"info.yaml": KYDLAND},
            "astro/riess-1998": {"info.yaml": RIESS, "notes.tex": RIESS_NOTES},
            "lucas-again": {"info.yaml": LUCAS_AGAIN},
            "untitled": {"info.yaml": UNTITLED},
            "zhang-2019": {"info.yaml": ZHANG, "notes.org": ZHANG_NOTES},
            "weinberg-cosmology": {"info.yaml": WEINBERG_BOOK, "notes.md": "Ch. 1 is enough.\n"},
            "my-thesis": {"info.yaml": OWN_THESIS},
            "scan": {"info.yaml": NOTHING},
        },
    )
    (root / ".papis.config").write_text(PAPIS_CONFIG, encoding="utf-8")
    (root / "papis.log").write_text("INFO:papis.commands.add: adding\n", encoding="utf-8")
    return root


def _outcomes(report: ImportReport, status: str) -> dict[str, str]:
    return {f.name: f.detail for f in report.files_with(status)}


def test_a_library_imports_a_paper_per_document_with_its_notes_as_summary(
    library: Path, run_import
) -> None:
    report = run_import(library)
    assert not report.files_with("failed")
    titles = set(Paper.objects.values_list("title", flat=True))
    assert titles == {
        "Investment under Uncertainty",
        "Time to Build and Aggregate Fluctuations",
        "Observational Evidence from Supernovae for an Accelerating Universe and a "
        "Cosmological Constant",
        "Grain-Boundary Conductivity in Garnet Electrolytes",
        "DOI 10.1016/j.actamat.2016.07.019",  # named by its DOI until a catalogue names it
    }
    lucas = Paper.objects.get(doi="10.2307/1909415")
    assert [a.name for a in lucas.ordered_authors()] == ["Robert E. Lucas", "Edward C. Prescott"]
    assert lucas.bibtex_key == "Lucas1971Investment"
    [summary] = Summary.objects.filter(paper=lucas)
    assert "rational-expectations law of motion" in summary.body
    riess = Paper.objects.get(arxiv_id="astro-ph/9805201")
    assert "Omega" in Summary.objects.get(paper=riess).body  # notes.tex, as Markdown
    zhang = Paper.objects.get(doi="10.1016/j.ssi.2019.01.001")
    [author, *_] = zhang.ordered_authors()
    assert author.name == "Wěi Zhang"
    body = Summary.objects.get(paper=zhang).body
    assert "Grain boundaries dominate" in body and "Zhang 2019" not in body  # no #+TITLE
    assert Summary.objects.count() == 3


def test_the_notes_files_are_read_with_their_documents_not_as_notes_of_their_own(
    library: Path, run_import
) -> None:
    skipped = _outcomes(run_import(library), "skipped")
    reason = "the notes of the Papis document beside it: read with its info.yaml"
    assert skipped["lucas-1971/lucas-notes.md"] == reason
    assert skipped["astro/riess-1998/notes.tex"] == reason
    assert skipped["zhang-2019/notes.org"] == reason
    assert not any(name.startswith((".papis", "papis.log")) for name in skipped)  # never read


def test_books_theses_and_untitled_documents_are_skipped_with_their_reasons(
    library: Path, run_import
) -> None:
    report = run_import(library)
    skipped = _outcomes(report, "skipped")
    assert "weinberg-cosmology/info.yaml/info.yaml" in skipped
    warnings = {w.path: w.message for w in report.warnings}
    book = warnings["weinberg-cosmology/info.yaml/info.yaml"]
    assert book == "a book, not a paper: skipped (its notes are left out too)"
    assert warnings["my-thesis/info.yaml/info.yaml"] == "a thesis, not a paper: skipped"
    assert "neither a title nor an identifier" in warnings["scan/info.yaml/info.yaml"]
    assert not Paper.objects.filter(title__in=["Cosmology", "Essays on Investment Dynamics"])


def test_the_same_doi_in_two_folders_is_one_paper(library: Path, run_import) -> None:
    report = run_import(library)
    assert Paper.objects.filter(doi="10.2307/1909415").count() == 1
    assert report.count("merged") == 1


def test_tags_that_documents_share_become_topics(library: Path, run_import) -> None:
    run_import(library)
    topic = Topic.objects.get(name="rational-expectations")
    assert {p.bibtex_key for p in topic.papers.all()} == {"Lucas1971Investment", "Kydland1982Time"}
    investment = Topic.objects.get(name="investment")
    assert investment.papers.get().doi == "10.2307/1909415"  # the two documents of one paper
    # A tag only one document carries names no topic, as for notes.
    assert not Topic.objects.filter(name__in=["supernovae", "business-cycles", "grain boundaries"])


def test_a_broken_info_file_fails_alone_with_its_line(library: Path, run_import) -> None:
    write_library(library, {"sargent-1976": {"info.yaml": BROKEN, "notes.md": "Policy.\n"}})
    report = run_import(library)
    failed = _outcomes(report, "failed")
    message = failed["sargent-1976/info.yaml/info.yaml"]
    assert "info.yaml:4: not valid YAML" in message
    assert Paper.objects.filter(doi="10.2307/1913386").exists()  # the rest went in


def test_an_info_file_named_alone_is_read_with_its_notes(tmp_path: Path, run_import) -> None:
    folder = write_library(tmp_path, {"lucas": {"info.yaml": LUCAS, "lucas-notes.md": LUCAS_NOTES}})
    run_import(folder / "lucas" / "info.yaml")
    assert "planner's problem" in Summary.objects.get().body


def test_a_yaml_file_that_is_no_papis_document_opens_no_container(tmp_path: Path) -> None:
    from papershelf.importers import containers

    settings = tmp_path / "info.yaml"
    settings.write_text("project:\n  title: Counter\n  author: Jo\n", encoding="utf-8")
    assert containers.reader_for(settings, containers.readers()) is None
    paper = tmp_path / "doc" / "info.yaml"
    paper.parent.mkdir()
    paper.write_text(KYDLAND, encoding="utf-8")
    [(name, text)] = read_papis(paper)
    assert name == "info.yaml" and text.startswith(KYDLAND)
