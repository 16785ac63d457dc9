"""Importing the three real notes documents yields exactly what ../shared/SEEDS.md lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db.models import Count

from papershelf.importers.models import ImportedEntry
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList
from papershelf.summaries.models import Revision, Summary

pytestmark = pytest.mark.django_db

MERGED = {
    "1512.03385": "ResNet",
    "1502.03167": "Batch Normalization",
    "2010.11929": "ViT",
    "1312.6114": "VAE",
    "1406.2661": "GAN",
    "2005.14165": "GPT-3",
    "1409.0473": "Bahdanau attention",
    "1409.3215": "Seq2Seq",
    "1706.03762": "Attention Is All You Need",
    "1810.04805": "BERT",
}


def _papers_of(name: str) -> set[int]:
    return set(ImportedEntry.objects.filter(source__name=name).values_list("paper_id", flat=True))


def test_it_imports_each_seed_document_into_the_papers_and_summaries_it_holds(
    seeds: Path, run_import
) -> None:
    run_import(seeds / "bookmarks-jekyll.md")
    assert len(_papers_of("bookmarks-jekyll.md")) == 23
    bookmark_summaries = Summary.objects.filter(provenance__source__name="bookmarks-jekyll.md")
    assert bookmark_summaries.count() == 15  # 8 entries are image-only
    assert Paper.objects.exclude(arxiv_id="").count() == 20

    run_import(seeds / "shortscience-page.txt")
    shortscience = Paper.objects.filter(pk__in=_papers_of("shortscience-page.txt"))
    assert shortscience.count() == 5
    for paper in shortscience:
        assert paper.author_links.exists() and paper.venue and paper.year
        assert paper.summaries.count() == 1

    run_import(seeds / "notion-papers.md")
    notion_entries = ImportedEntry.objects.filter(source__name="notion-papers.md")
    assert notion_entries.count() == 38
    assert notion_entries.exclude(summary=None).count() == 38


def test_it_merges_the_eleven_papers_that_two_documents_share(seeds: Path, run_import) -> None:
    report = run_import(*sorted(seeds.iterdir()))
    assert Paper.objects.count() == 23 + 5 + 38 - 11
    assert report.count("merged") == 11
    assert Summary.objects.count() == 15 + 5 + 38
    shared = _papers_of("notion-papers.md") & (
        _papers_of("bookmarks-jekyll.md") | _papers_of("shortscience-page.txt")
    )
    assert len(shared) == 11
    for arxiv_id in MERGED:
        paper = Paper.objects.get(arxiv_id=arxiv_id)
        assert paper.pk in shared, MERGED[arxiv_id]
    dropout = Paper.objects.get(pk__in=shared, normalised_title__startswith="dropout")
    assert dropout.summaries.count() == 2  # matched by title: the bookmark links to JMLR


def test_it_never_merges_papers_because_their_short_names_look_alike(
    seeds: Path, run_import
) -> None:
    run_import(*sorted(seeds.iterdir()))
    bahdanau = Paper.objects.get(arxiv_id="1409.0473")
    vaswani = Paper.objects.get(arxiv_id="1706.03762")
    assert bahdanau.pk != vaswani.pk
    titles = set(Summary.objects.filter(paper=bahdanau).values_list("title", flat=True))
    assert "Attention" in titles and "Transformer" not in titles
    assert Summary.objects.filter(paper=vaswani, title="Transformer").exists()
    assert Summary.objects.filter(paper__arxiv_id="2010.11929", title="Image Transformers").exists()
    assert not Paper.objects.annotate(n=Count("summaries")).filter(n__gt=2).exists()


def test_it_keeps_the_documents_order_as_three_reading_lists(seeds: Path, run_import) -> None:
    run_import(*sorted(seeds.iterdir()))
    assert ReadingList.objects.count() == 3
    notion = ReadingList.objects.get(importsource__name="notion-papers.md")
    papers = [i for i in notion.items.all() if not i.is_heading]
    assert len(papers) == 38
    first, last = papers[0].paper, papers[-1].paper
    assert first is not None and last is not None
    assert first.title == "Back-propagation Applied to Handwritten Zip Code Recognition"
    assert first.summaries.get().title == "LeNet"
    entries = ImportedEntry.objects.filter(source__name="notion-papers.md").order_by("line")
    assert [i.paper_id for i in papers] == [e.paper_id for e in entries]
    bookmarks = ReadingList.objects.get(importsource__name="bookmarks-jekyll.md")
    headings = [i.heading for i in bookmarks.items.all() if i.is_heading]
    assert headings[0] == "2021" and "2014" in headings


def test_every_imported_summary_renders_with_its_math_and_headings(seeds: Path, run_import) -> None:
    run_import(*sorted(seeds.iterdir()))
    with_math = [s for s in Summary.objects.all() if "$" in s.body or "\\(" in s.body]
    assert with_math
    for summary in with_math:
        assert "math" in summary.body_html, summary.title
        assert "<script" not in summary.body_html
    assert any(
        "<h3" in s.body_html
        for s in Summary.objects.filter(provenance__source__name="notion-papers.md")
    )


def test_running_the_same_import_again_changes_nothing(seeds: Path, run_import) -> None:
    run_import(*sorted(seeds.iterdir()))
    before = (
        Paper.objects.count(),
        Summary.objects.count(),
        Revision.objects.count(),
        ReadingList.objects.count(),
        list(ReadingList.objects.values_list("items__pk", flat=True).order_by("items__pk")),
    )
    report = run_import(*sorted(seeds.iterdir()))
    after = (
        Paper.objects.count(),
        Summary.objects.count(),
        Revision.objects.count(),
        ReadingList.objects.count(),
        list(ReadingList.objects.values_list("items__pk", flat=True).order_by("items__pk")),
    )
    assert after == before
    assert report.count("created") == report.count("merged") == 0
    assert report.summaries_created == report.summaries_updated == 0
