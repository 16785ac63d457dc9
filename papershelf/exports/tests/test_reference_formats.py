"""BibTeX, CSL-JSON and RIS: what they say, and that importing them again changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from papershelf.accounts.models import User
from papershelf.exports.selection import Selection
from papershelf.exports.services import export_text, export_to_path
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

pytestmark = pytest.mark.django_db


def facts() -> list[tuple[Any, ...]]:
    return sorted(
        (p.pk, p.title, [a.name for a in p.ordered_authors()], p.year,
         p.venue.name if p.venue else "", p.arxiv_id, p.arxiv_version, p.doi, p.abstract)
        for p in Paper.objects.all()
    )  # fmt: skip


def test_bibtex_has_stable_keys_escaped_accents_and_arxiv_eprints(shelf: list[Paper]) -> None:
    bib = export_text("bibtex", Selection())
    assert "@inproceedings{vaswani2017attention," in bib
    assert "author = {Ashish Vaswani and Noam Shazeer and {\\L}ukasz Kaiser}" in bib
    assert "eprint = {1706.03762v5}," in bib and "archivePrefix = {arXiv}," in bib
    assert "doi = {10.1109/cvpr.2016.90}," in bib
    assert 'Sch{\\"o}lkopf {\\&} Smola: 100{\\%} of {\\$}{\\textbackslash}alpha{\\$}' in bib
    assert export_text("bibtex", Selection()) == bib


def test_two_papers_that_would_share_a_key_get_a_letter_each(shelf: list[Paper]) -> None:
    shelf[1].authors.clear()
    shelf[2].authors.clear()
    Paper.objects.filter(pk__in=[shelf[1].pk, shelf[2].pk]).update(year=2016, title="Deep x")
    bib = export_text("bibtex", Selection())
    assert "{anon2016deepa," in bib and "{anon2016deepb," in bib


@pytest.mark.parametrize("fmt,suffix", [("bibtex", ".bib"), ("csl", ".json"), ("ris", ".ris")])
def test_importing_an_export_again_changes_no_paper(
    shelf: list[Paper], alice: User, tmp_path: Path, fmt: str, suffix: str
) -> None:
    before = facts()
    out = tmp_path / f"shelf{suffix}"
    export_to_path(fmt, Selection(), out)

    report = import_paths([out], ImportOptions(user=alice, fetch_metadata=False))

    assert report.count("created") == 0
    assert facts() == before
    again = tmp_path / f"again{suffix}"
    export_to_path(fmt, Selection(), again)
    assert again.read_text() == out.read_text()


def test_csl_json_names_authors_by_family_and_given_name(shelf: list[Paper]) -> None:
    items = json.loads(export_text("csl", Selection(paper_id=shelf[0].pk)))
    assert items[0]["author"][0] == {"given": "Ashish", "family": "Vaswani"}
    assert items[0]["number"] == "arXiv:1706.03762v5"
    assert items[0]["issued"] == {"date-parts": [[2017]]}


def test_ris_lists_authors_surname_first(shelf: list[Paper]) -> None:
    ris = export_text("ris", Selection(paper_id=shelf[1].pk))
    assert "AU  - He, Kaiming" in ris and "DO  - 10.1109/cvpr.2016.90" in ris


def test_an_export_of_a_private_list_is_a_404_to_others(shelf: list[Paper], alice: User) -> None:
    from django.http import Http404

    from papershelf.readinglists.models import ReadingList

    reading_list = ReadingList.objects.get()
    reading_list.visibility = "private"
    reading_list.save()
    assert "Attention" in export_text("bibtex", Selection(viewer=alice, list_id=reading_list.pk))
    with pytest.raises(Http404):
        export_text("bibtex", Selection(list_id=reading_list.pk))
