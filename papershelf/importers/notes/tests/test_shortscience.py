"""Text saved from a ShortScience.org listing: metadata printed twice, one-line summaries."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from papershelf.importers.records import ParsedDocument

SEED = "shortscience-page.txt"
TITLES = [
    "Comparing Rewinding and Fine-tuning in Neural Network Pruning",
    "Deep Residual Learning for Image Recognition",
    "Unpaired Image-to-Image Translation using Cycle-Consistent Adversarial Networks",
    "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift",
    "SUMO: Unbiased Estimation of Log Marginal Probability for Latent Variable Models",
]
ICLR = "International Conference on Learning Representations"


@pytest.fixture
def document(parse_seed: Callable[[str], ParsedDocument]) -> ParsedDocument:
    return parse_seed(SEED)


def test_it_finds_the_5_papers_in_page_order(document: ParsedDocument) -> None:
    assert [entry.paper.title for entry in document.entries if entry.paper] == TITLES
    assert [entry.line for entry in document.entries] == [9, 26, 43, 60, 77]
    assert document.ordered is False  # a listing page, not a path


def test_bibtex_style_authors_become_first_last(document: ParsedDocument) -> None:
    authors = [entry.paper.authors for entry in document.entries if entry.paper]
    assert authors[1] == ["Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"]
    assert authors[2][-1] == "Alexei A. Efros"
    assert authors[3] == ["Sergey Ioffe", "Christian Szegedy"]


def test_plain_author_lists_are_split_on_commas(document: ParsedDocument) -> None:
    sumo = document.entries[4].paper
    assert sumo is not None
    assert sumo.authors[0] == "Yucen Luo"
    assert sumo.authors[-1] == "Ricky T. Q. Chen"
    assert len(sumo.authors) == 7


def test_it_reads_venue_and_year_from_the_via_line(document: ParsedDocument) -> None:
    stated = [(e.paper.venue, e.paper.year) for e in document.entries if e.paper]
    assert stated == [
        (ICLR, 2020),
        ("arXiv e-Print archive", 2015),
        ("arXiv e-Print archive", 2017),
        ("International Conference on Machine Learning", 2015),
        (ICLR, 2020),
    ]
    assert [e.paper.keywords for e in document.entries if e.paper] == [["dblp"]] * 4 + [[]]


def test_no_paper_urls_are_invented(document: ParsedDocument) -> None:
    for entry in document.entries:
        paper = entry.paper
        assert paper is not None
        assert (paper.arxiv_id, paper.doi, paper.url, paper.pdf_url, paper.openreview_id) == (
            ("", "", "", "", "")
        )


def test_each_paper_has_its_one_line_summary_as_captured(
    document: ParsedDocument, seed_text: Callable[[str], str]
) -> None:
    source_lines = seed_text(SEED).split("\n")
    for entry in document.entries:
        assert entry.summary is not None
        assert "\n" not in entry.summary.markdown
        assert entry.summary.markdown in source_lines
    batch_norm = document.entries[3].summary
    assert batch_norm and "#### What is BN?" in batch_norm.markdown
    sumo = document.entries[4].summary
    assert sumo and "```python def U(x):" in sumo.markdown and "$$" in sumo.markdown


def test_the_page_footer_is_reported_not_added_to_the_last_summary(
    document: ParsedDocument,
) -> None:
    last = document.entries[-1].summary
    assert last is not None and not last.markdown.endswith("About")
    assert any(warning.line == 94 for warning in document.warnings)
