"""Which lines name a paper by a link, and where each link is filed."""

from __future__ import annotations

import pytest

from papershelf.importers.notes.links import paper_from_link, read_paper_link


@pytest.mark.parametrize(
    ("line", "title", "url"),
    [
        (
            "📜 [Layer Normalization](https://arxiv.org/pdf/1607.06450)",
            "Layer Normalization",
            "https://arxiv.org/pdf/1607.06450",
        ),
        (
            "Paper: [A Long Enough Paper Title Here](https://example.org/p)",
            "A Long Enough Paper Title Here",
            "https://example.org/p",
        ),
        (
            "**Deep Residual Learning** ([arXiv](https://arxiv.org/abs/1512.03385))",
            "Deep Residual Learning",
            "https://arxiv.org/abs/1512.03385",
        ),
        ("> Link: https://arxiv.org/abs/1706.03762", "", "https://arxiv.org/abs/1706.03762"),
        (
            "[https://arxiv.org/abs/1706.03762](https://arxiv.org/abs/1706.03762)",
            "",
            "https://arxiv.org/abs/1706.03762",
        ),
        (
            "- [ ] [Attention Is All You Need](https://arxiv.org/abs/1706.03762) — to read",
            "Attention Is All You Need",
            "https://arxiv.org/abs/1706.03762",
        ),
    ],
)
def test_it_reads_a_paper_line(line: str, title: str, url: str) -> None:
    found = read_paper_link(line)
    assert found is not None
    assert (found.title, found.url) == (title, url)


@pytest.mark.parametrize(
    "line",
    [
        "As shown in [Adam](https://arxiv.org/abs/1412.6980), adaptive steps help.",
        "- [LeNet](#lenet)",
        "See [the video](https://youtube.com/watch?v=1).",
        "[code](https://github.com/owner/repo)",
        "> It is well known that samples from [GANs] do not capture diversity.",
        "![figure](images/fig.png)",
    ],
)
def test_prose_anchors_code_and_images_are_not_paper_lines(line: str) -> None:
    assert read_paper_link(line) is None


def test_a_code_link_beside_the_paper_link_becomes_code_url() -> None:
    found = read_paper_link(
        "[Attention Is All You Need](https://arxiv.org/abs/1706.03762v5) · "
        "[code](https://github.com/tensorflow/tensor2tensor)"
    )
    assert found is not None
    paper = paper_from_link(found.title, found.url, found.other_urls)
    assert (paper.arxiv_id, paper.arxiv_version) == ("1706.03762", 5)
    assert paper.code_url == "https://github.com/tensorflow/tensor2tensor"


@pytest.mark.parametrize(
    ("url", "field", "value"),
    [
        ("https://doi.org/10.1038/nature14539", "doi", "10.1038/nature14539"),
        ("https://openreview.net/forum?id=SylkYeHtwr", "openreview_id", "SylkYeHtwr"),
        (
            "https://proceedings.mlr.press/v37/ioffe15.pdf",
            "pdf_url",
            "https://proceedings.mlr.press/v37/ioffe15.pdf",
        ),
        (
            "https://jmlr.org/papers/v15/srivastava14a.html",
            "url",
            "https://jmlr.org/papers/v15/srivastava14a.html",
        ),
    ],
)
def test_each_link_is_filed_under_its_kind(url: str, field: str, value: str) -> None:
    assert getattr(paper_from_link("A Title", url), field) == value


def test_a_citations_venue_and_the_label_before_its_link_are_no_part_of_the_title() -> None:
    line = (
        "Cascading trophic interactions and lake productivity. BioScience 35: 634–639. "
        "JSTOR: https://www.jstor.org/stable/1309989"
    )
    found = read_paper_link(line)
    assert found is not None
    assert found.title == "Cascading trophic interactions and lake productivity"


def test_a_conference_or_journal_page_is_no_paper_but_its_articles_are() -> None:
    from papershelf.importers.notes.links import is_paper_url

    assert not is_paper_url("https://www.usenix.org/conference/osdi21")
    assert is_paper_url(
        "https://www.usenix.org/conference/osdi12/technical-sessions/presentation/corbett"
    )
    assert is_paper_url("https://www.usenix.org/conference/osdi21/presentation/ngo")
    assert not is_paper_url(
        "https://www.cambridge.org/core/journals/american-political-science-review"
    )
    assert is_paper_url(
        "https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(20)30260-9/fulltext"
    )
