"""PubMed (.nbib, PubMed format .txt) and Web of Science (savedrecs.txt, .ciw) exports,
imported end to end: their papers, merged with the same papers from other files."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.importers.medline.tests.fixtures import (
    CLUSTER_STATISTICS,
    CORONAVIRUS,
    DOUBLE_HELIX,
    LIMO_EEG,
    nbib,
    pubmed_txt,
)
from papershelf.importers.models import ImportedEntry
from papershelf.importers.records import ParseError
from papershelf.importers.services import only_bibliographies
from papershelf.importers.wos.tests.fixtures import HOPFIELD, ZIKA, savedrecs
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic

pytestmark = pytest.mark.django_db

# The Zika paper of the Web of Science fixture as PubMed has it.
ZIKA_IN_PUBMED = """\
PMID- 29370170
DP  - 2018 Jan
TI  - Emerging trends of Zika apprehension in an epidemic setting.
LID - 10.1371/journal.pntd.0006167 [doi]
FAU - Fritzell, Camille
AU  - Fritzell C
FAU - Raude, Jocelyn
AU  - Raude J
PT  - Journal Article
TA  - PLoS Negl Trop Dis
JT  - PLoS neglected tropical diseases
AID - 10.1371/journal.pntd.0006167 [doi]
"""

# The coronavirus paper of the PubMed fixture as a journal's "cite" button gives RIS.
CORONAVIRUS_RIS = """\
TY  - JOUR
TI  - A Novel Coronavirus from Patients with Pneumonia in China, 2019
AU  - Zhu, Na
T2  - New England Journal of Medicine
PY  - 2020
DO  - 10.1056/NEJMoa2001017
ER  -
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_pubmed_export_imports_its_papers_with_authors_years_and_journals(
    tmp_path: Path, run_import
) -> None:
    report = run_import(_write(tmp_path, "citations.nbib", nbib(CORONAVIRUS, DOUBLE_HELIX)))
    assert report.count("created") == 2
    [outcome] = report.files_with("imported")
    assert outcome.format == "medline"
    paper = Paper.objects.get(doi="10.1056/nejmoa2001017")
    assert [a.name for a in paper.ordered_authors()][:2] == ["Na Zhu", "Dingyu Zhang"]
    assert paper.venue is not None and paper.venue.name == "The New England journal of medicine"
    assert (paper.year, paper.url) == (2020, "https://pubmed.ncbi.nlm.nih.gov/31978945/")
    helix = Paper.objects.get(doi="10.1038/171737a0")
    assert [a.name for a in helix.ordered_authors()] == ["J. D. Watson", "F. H. Crick"]


def test_a_web_of_science_export_imports_its_papers_and_none_it_cites(
    tmp_path: Path, run_import
) -> None:
    report = run_import(_write(tmp_path, "savedrecs.txt", savedrecs(ZIKA, HOPFIELD)))
    assert report.count("created") == 2 and Paper.objects.count() == 2
    hopfield = Paper.objects.get(doi="10.1073/pnas.79.8.2554")
    assert hopfield.title == (
        "Neural Networks and Physical-Systems with Emergent Collective Computational Abilities"
    )
    assert [a.name for a in hopfield.ordered_authors()] == ["J. J. Hopfield"]
    assert hopfield.bibtex_key == "WOS:A1982NH86300012" and hopfield.year == 1982


def test_the_same_paper_from_pubmed_web_of_science_and_ris_is_one_paper(
    tmp_path: Path, run_import
) -> None:
    pubmed = _write(tmp_path, "pubmed.nbib", nbib(ZIKA_IN_PUBMED, CORONAVIRUS))
    wos = _write(tmp_path, "savedrecs.ciw", savedrecs(ZIKA))
    ris = _write(tmp_path, "nejm.ris", CORONAVIRUS_RIS)
    run_import(pubmed, wos, ris)
    assert Paper.objects.count() == 2
    zika = Paper.objects.get(doi="10.1371/journal.pntd.0006167")
    assert zika.venue is not None and zika.venue.name.casefold() == (
        "plos neglected tropical diseases"
    )
    assert zika.keywords[:2] == ["Zika", "risk perception"]  # from Web of Science
    assert Paper.objects.filter(doi="10.1056/nejmoa2001017").count() == 1


def test_reimporting_the_same_export_changes_nothing(tmp_path: Path, run_import) -> None:
    path = _write(tmp_path, "pubmed-eeg.txt", pubmed_txt(LIMO_EEG, CLUSTER_STATISTICS))
    run_import(path)
    again = run_import(path)
    assert again.count("created") == 0 and again.count("unchanged") == 2
    assert Paper.objects.count() == 2
    assert Topic.objects.filter(name="ERP").count() == 1  # the keyword the two share


def test_a_folder_with_an_nbib_beside_markdown_notes_imports_both(
    tmp_path: Path, run_import
) -> None:
    folder = tmp_path / "reading"
    _write(folder, "citations.nbib", nbib(CORONAVIRUS, DOUBLE_HELIX))
    _write(folder, "savedrecs.ciw", savedrecs(HOPFIELD))
    _write(
        folder,
        "notes/double-helix.md",
        "# Molecular structure of nucleic acids\n\n"
        "https://doi.org/10.1038/171737a0\n\n"
        "Two chains wound round one axis; the base pairing suggests a copying mechanism.\n",
    )
    report = run_import(folder)
    names = sorted(outcome.name for outcome in report.files_with("imported"))
    assert names == ["citations.nbib", "notes/double-helix.md", "savedrecs.ciw"]
    assert Paper.objects.count() == 3
    helix = Paper.objects.get(doi="10.1038/171737a0")
    assert "copying mechanism" in Summary.objects.get(paper=helix).body
    assert helix.title == (
        "Molecular structure of nucleic acids; a structure for deoxyribose nucleic acid"
    )


def test_a_broken_export_names_its_line_and_writes_nothing(tmp_path: Path, run_import) -> None:
    broken = nbib(CORONAVIRUS, DOUBLE_HELIX).replace("LA  - eng", "this line is no tag", 1)
    with pytest.raises(ParseError, match="not a MEDLINE line") as error:
        run_import(_write(tmp_path, "citations.nbib", broken))
    assert "citations.nbib" in str(error.value) and error.value.line == 30
    assert Paper.objects.count() == 0 and ImportedEntry.objects.count() == 0


def test_exports_alone_need_no_account_as_other_bibliographies(tmp_path: Path) -> None:
    pubmed = _write(tmp_path, "citations.nbib", nbib(CORONAVIRUS))
    wos = _write(tmp_path, "savedrecs.txt", savedrecs(ZIKA))
    assert only_bibliographies([pubmed, wos])
