from __future__ import annotations

import pytest

from papershelf.importers.ids.parse import parse
from papershelf.importers.records import ParseError

READING_LIST = """\
# Papers for the reading group
1706.03762v5
https://arxiv.org/abs/1409.0473   # Bahdanau et al.

https://doi.org/10.1145/3065386
doi:10.1038/NATURE14539
https://openreview.net/forum?id=YicbFdNTTy
arXiv:hep-th/9711200
"""


def test_it_reads_one_identifier_per_line_skipping_blanks_and_comments() -> None:
    document = parse(READING_LIST, "reading.txt")
    assert document.format == "ids"
    assert [entry.line for entry in document.entries] == [2, 3, 5, 6, 7, 8]
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [(paper.arxiv_id, paper.arxiv_version) for paper in papers[:2]] == [
        ("1706.03762", 5),
        ("1409.0473", None),
    ]
    assert [paper.doi for paper in papers[2:4]] == ["10.1145/3065386", "10.1038/nature14539"]
    assert papers[4].openreview_id == "YicbFdNTTy"
    assert papers[5].arxiv_id == "hep-th/9711200"


def test_records_know_only_their_identifier_until_metadata_is_fetched() -> None:
    paper = parse("10.1145/3065386\n", "ids.txt").entries[0].paper
    assert paper is not None
    assert (paper.title, paper.authors, paper.arxiv_id) == ("", [], "")


def test_the_arxiv_doi_becomes_an_arxiv_id() -> None:
    paper = parse("https://doi.org/10.48550/arXiv.1706.03762\n", "ids.txt").entries[0].paper
    assert paper is not None
    assert (paper.arxiv_id, paper.doi) == ("1706.03762", "")


def test_a_url_fragment_is_not_taken_for_a_comment() -> None:
    document = parse("https://openreview.net/forum?id=YicbFdNTTy#discussion\n", "ids.txt")
    assert document.entries[0].paper is not None
    assert document.entries[0].paper.openreview_id == "YicbFdNTTy"


def test_a_paper_listed_twice_is_kept_once_with_a_warning() -> None:
    document = parse("1706.03762\nhttps://arxiv.org/pdf/1706.03762v2.pdf\n", "ids.txt")
    assert len(document.entries) == 1
    assert str(document.warnings[0]) == (
        "ids.txt:2: https://arxiv.org/pdf/1706.03762v2.pdf is already listed on line 1; skipped"
    )


def test_an_unrecognisable_line_raises_an_error_with_its_line_number() -> None:
    with pytest.raises(ParseError) as raised:
        parse("1706.03762\n\nAttention Is All You Need\n", "ids.txt")
    assert (raised.value.path, raised.value.line) == ("ids.txt", 3)
    assert "not an arXiv id, DOI or OpenReview link" in raised.value.message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_a_list_without_identifiers_raises_no_entries(text: str) -> None:
    with pytest.raises(ParseError, match="no entries"):
        parse(text, "ids.txt")
