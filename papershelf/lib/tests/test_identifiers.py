from __future__ import annotations

import pytest

from papershelf.lib.identifiers import (
    Identifier,
    Link,
    arxiv_abs_url,
    arxiv_pdf_url,
    classify_url,
    identify,
    parse_arxiv_id,
    parse_doi,
    parse_openreview_id,
    publisher_doi,
    unwrap_redirect,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1706.03762", ("1706.03762", None)),
        ("1706.03762v5", ("1706.03762", 5)),
        ("arXiv:1706.03762", ("1706.03762", None)),
        ("arxiv: 1706.03762v2", ("1706.03762", 2)),
        ("1409.0473", ("1409.0473", None)),
        ("2303.08774v6", ("2303.08774", 6)),
        ("hep-th/9901001", ("hep-th/9901001", None)),
        ("hep-th/9901001v3", ("hep-th/9901001", 3)),
        ("math.GT/0309136", ("math/0309136", None)),
        ("https://arxiv.org/abs/1706.03762", ("1706.03762", None)),
        ("https://arxiv.org/abs/1706.03762v7", ("1706.03762", 7)),
        ("https://arxiv.org/pdf/1706.03762", ("1706.03762", None)),
        ("https://arxiv.org/pdf/1706.03762.pdf", ("1706.03762", None)),
        ("https://arxiv.org/pdf/1706.03762v5.pdf", ("1706.03762", 5)),
        ("http://export.arxiv.org/abs/1409.0473v7", ("1409.0473", 7)),
        ("https://www.arxiv.org/abs/2005.14165", ("2005.14165", None)),
        ("https://arxiv.org/abs/hep-th/9901001", ("hep-th/9901001", None)),
        ("https://arxiv.org/pdf/math.GT/0309136v1", ("math/0309136", 1)),
        ("arXiv preprint arXiv:1706.03762", ("1706.03762", None)),
        ("10.48550/arXiv.1706.03762", ("1706.03762", None)),
        ("https://doi.org/10.48550/arXiv.1706.03762", ("1706.03762", None)),
        ("https://doi.org/10.48550%2FarXiv.1706.03762", ("1706.03762", None)),
        ("see 1706.03762 for details", ("1706.03762", None)),
    ],
)
def test_it_finds_the_arxiv_id_in_ids_and_urls(text: str, expected: tuple[str, int | None]) -> None:
    assert parse_arxiv_id(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2017",
        "3.14159",
        "10.1145/3065386",
        "https://doi.org/10.1145/3065386",
        "10.5555/1706.03762",
        "1713.12345",  # month 13
        "0612.1234",  # before new-style ids existed
        "1706.0376",  # 2017 ids have five digits
        "1409.04731",  # 2014 ids have four
        "version 1.1706.03762",
        "Attention Is All You Need",
        "",
    ],
)
def test_it_does_not_mistake_other_numbers_for_arxiv_ids(text: str) -> None:
    assert parse_arxiv_id(text) is None


def test_it_builds_abs_and_pdf_urls_with_and_without_version() -> None:
    assert arxiv_abs_url("1706.03762") == "https://arxiv.org/abs/1706.03762"
    assert arxiv_abs_url("1706.03762", 5) == "https://arxiv.org/abs/1706.03762v5"
    assert arxiv_pdf_url("hep-th/9901001") == "https://arxiv.org/pdf/hep-th/9901001"
    assert arxiv_pdf_url("1706.03762", 2) == "https://arxiv.org/pdf/1706.03762v2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.1145/3065386", "10.1145/3065386"),
        ("doi:10.1145/3065386", "10.1145/3065386"),
        ("DOI: 10.1145/3065386", "10.1145/3065386"),
        ("https://doi.org/10.1145/3065386", "10.1145/3065386"),
        ("http://dx.doi.org/10.1109/CVPR.2016.90", "10.1109/cvpr.2016.90"),
        ("https://doi.org/10.1002%2F%28SICI%291097-4571", "10.1002/(sici)1097-4571"),
        ("10.1038/nature14539.", "10.1038/nature14539"),
        ("(doi:10.1038/nature14539)", "10.1038/nature14539"),
        ("10.1016/S0140-6736(20)30183-5", "10.1016/s0140-6736(20)30183-5"),
        ("see 10.1038/nature14539, p. 3", "10.1038/nature14539"),
        ("10.48550/arXiv.1706.03762", "10.48550/arxiv.1706.03762"),
    ],
)
def test_it_finds_the_doi_and_lower_cases_it(text: str, expected: str) -> None:
    assert parse_doi(text) == expected


@pytest.mark.parametrize("text", ["1706.03762", "10.1145", "doi: none", "10/3065386"])
def test_it_finds_no_doi_where_there_is_none(text: str) -> None:
    assert parse_doi(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://openreview.net/forum?id=YicbFdNTTy", "YicbFdNTTy"),
        ("https://openreview.net/pdf?id=rJ4km2R5t7", "rJ4km2R5t7"),
        ("openreview.net/forum?id=H1-nGgWC-&noteId=abc", "H1-nGgWC-"),
        ("https://openreview.net/forum?noteId=x1&id=B1ckMDqlg", "B1ckMDqlg"),
    ],
)
def test_it_finds_the_openreview_id_in_forum_and_pdf_urls(text: str, expected: str) -> None:
    assert parse_openreview_id(text) == expected


def test_it_finds_no_openreview_id_in_other_urls() -> None:
    assert parse_openreview_id("https://openreview.net/group?id=ICLR.cc") is None
    assert parse_openreview_id("https://example.org/forum?id=abc") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1706.03762v5", Identifier("arxiv", "1706.03762", 5)),
        ("  https://arxiv.org/abs/1409.0473  ", Identifier("arxiv", "1409.0473")),
        ("https://doi.org/10.48550/arXiv.1706.03762", Identifier("arxiv", "1706.03762")),
        ("https://doi.org/10.1145/3065386", Identifier("doi", "10.1145/3065386")),
        ("https://openreview.net/forum?id=YicbFdNTTy", Identifier("openreview", "YicbFdNTTy")),
    ],
)
def test_it_identifies_the_kind_of_each_line(line: str, expected: Identifier) -> None:
    assert identify(line) == expected


def test_it_identifies_nothing_in_a_line_of_prose() -> None:
    assert identify("Attention Is All You Need (2017)") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/pdf/1706.03762v5", Link("arxiv", "1706.03762", 5)),
        ("https://doi.org/10.1145/3065386", Link("doi", "10.1145/3065386")),
        ("doi:10.1145/3065386", Link("doi", "10.1145/3065386")),
        (
            "https://dl.acm.org/doi/10.1145/3065386",
            Link("web", "https://dl.acm.org/doi/10.1145/3065386"),
        ),
        ("https://openreview.net/forum?id=YicbFdNTTy", Link("openreview", "YicbFdNTTy")),
        (
            "https://github.com/tensorflow/tensor2tensor",
            Link("code", "https://github.com/tensorflow/tensor2tensor"),
        ),
        (
            "https://papers.nips.cc/paper/7181-attention.pdf",
            Link("pdf", "https://papers.nips.cc/paper/7181-attention.pdf"),
        ),
        ("https://papers.nips.cc/paper/7181", Link("web", "https://papers.nips.cc/paper/7181")),
    ],
)
def test_it_sorts_links_into_identifiers_code_pdfs_and_pages(url: str, expected: Link) -> None:
    assert classify_url(url) == expected


@pytest.mark.parametrize(
    ("url", "doi"),
    [
        ("https://www.nejm.org/doi/full/10.1056/NEJMoa2034577", "10.1056/nejmoa2034577"),
        ("https://dl.acm.org/doi/abs/10.1145/3442188.3445922", "10.1145/3442188.3445922"),
        (
            "https://journals.plos.org/plosmedicine/article?id=10.1371/journal.pmed.0020124",
            "10.1371/journal.pmed.0020124",
        ),
        (
            "https://www.tandfonline.com/doi/abs/10.1080/00273171.2011.568786?journalCode=hmbr20",
            "10.1080/00273171.2011.568786",
        ),
        ("https://academic.oup.com/aje/article/183/8/758/1739860", None),
        ("https://example.org/doi-explained", None),
    ],
)
def test_a_publishers_page_address_gives_the_doi_it_carries(url: str, doi: str | None) -> None:
    assert publisher_doi(url) == doi
    assert classify_url(url).kind != "doi"  # still a page to keep, not a resolver link


def test_a_nature_article_page_gives_its_doi_under_springer_natures_prefix() -> None:
    assert publisher_doi("https://www.nature.com/articles/nbt.3437") == "10.1038/nbt.3437"
    assert publisher_doi("https://www.nature.com/articles/s41586-023-06185-3.pdf") == (
        "10.1038/s41586-023-06185-3"
    )
    assert publisher_doi("https://www.nature.com/subjects/genetics") is None


@pytest.mark.parametrize(
    ("wrapped", "target"),
    [
        (
            "https://www.google.com/url?q=https://doi.org/10.1145/97243.97281&sa=D&source=editors"
            "&ust=1709456035173752&usg=AOvVaw4fL55wJ28m0KYi5",
            "https://doi.org/10.1145/97243.97281",
        ),
        (
            "https://www.google.com/url?q=https://dl.acm.org/doi/10.1145/1978942.1978963%3Fx%3D1"
            "&sa=D",
            "https://dl.acm.org/doi/10.1145/1978942.1978963?x=1",
        ),
        (
            "https://l.facebook.com/l.php?u=https%3A%2F%2Farxiv.org%2Fabs%2F1706.03762&h=AT0",
            "https://arxiv.org/abs/1706.03762",
        ),
        (
            "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fdoi.org%2F10.1038"
            "%2Fnature14539&data=05",
            "https://doi.org/10.1038/nature14539",
        ),
        ("https://www.google.com/search?q=attention", "https://www.google.com/search?q=attention"),
    ],
)
def test_a_redirect_link_leads_to_its_target(wrapped: str, target: str) -> None:
    assert unwrap_redirect(wrapped) == target
