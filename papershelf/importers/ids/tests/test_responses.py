from __future__ import annotations

import json

import pytest

from papershelf.importers.ids.responses import (
    ResponseFormatError,
    record_from_crossref_work,
    record_from_openreview_notes,
    records_from_arxiv_feed,
)
from papershelf.importers.ids.tests.conftest import fixture_text


def test_it_reads_every_entry_of_an_arxiv_feed() -> None:
    records = records_from_arxiv_feed(fixture_text("arxiv_1706.03762_1409.0473.xml"))
    assert list(records) == ["1706.03762", "1409.0473"]
    attention = records["1706.03762"]
    assert attention.title == "Attention Is All You Need"
    assert attention.authors[0] == "Ashish Vaswani"
    assert len(attention.authors) == 8
    assert (attention.year, attention.arxiv_version) == (2017, 7)
    assert attention.venue == "arXiv"
    assert attention.pdf_url == "https://arxiv.org/pdf/1706.03762"
    assert attention.keywords == ["cs.CL", "cs.LG"]
    assert attention.note == "15 pages, 5 figures"
    assert attention.abstract.startswith("The dominant sequence transduction models")


def test_it_collapses_the_hard_wrapped_lines_of_arxiv_titles_and_abstracts() -> None:
    bahdanau = records_from_arxiv_feed(fixture_text("arxiv_1706.03762_1409.0473.xml"))["1409.0473"]
    assert bahdanau.title == "Neural Machine Translation by Jointly Learning to Align and Translate"
    assert "\n" not in bahdanau.abstract
    assert "  " not in bahdanau.abstract
    assert bahdanau.year == 2014


def test_it_reads_the_legacy_feed_with_doi_journal_ref_and_affiliations() -> None:
    records = records_from_arxiv_feed(fixture_text("arxiv_hep-th_9711200_legacy.xml"))
    maldacena = records["hep-th/9711200"]
    assert maldacena.doi == "10.1023/a:1026654312961"
    assert maldacena.venue == "Adv.Theor.Math.Phys.2:231-252,1998"
    assert maldacena.organisations == ["Harvard University"]
    assert maldacena.year == 1997


def test_an_arxiv_error_entry_is_not_a_paper() -> None:
    feed = fixture_text("arxiv_empty.xml").replace(
        "</feed>",
        "<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.5678</id>"
        "<title>Error</title><summary>incorrect id format for 1234.5678</summary></entry></feed>",
    )
    assert records_from_arxiv_feed(feed) == {}


def test_a_throttled_arxiv_answer_is_a_format_error() -> None:
    with pytest.raises(ResponseFormatError, match="not return Atom XML"):
        records_from_arxiv_feed("Rate exceeded.")


def test_it_reads_a_crossref_work() -> None:
    payload = json.loads(fixture_text("crossref_10.1145_3065386.json"))
    alexnet = record_from_crossref_work(payload)
    assert alexnet.title == "ImageNet classification with deep convolutional neural networks"
    assert alexnet.authors == ["Alex Krizhevsky", "Ilya Sutskever", "Geoffrey E. Hinton"]
    assert (alexnet.year, alexnet.venue, alexnet.entry_type) == (
        2017,
        "Communications of the ACM",
        "article",
    )
    assert alexnet.doi == "10.1145/3065386"
    assert alexnet.pdf_url == "https://dl.acm.org/doi/pdf/10.1145/3065386"
    assert alexnet.organisations == [
        "University of Toronto, Toronto, ON, Canada",
        "Google Inc., Mountain View, CA",
    ]


def test_it_strips_jats_markup_from_crossref_abstracts_and_titles() -> None:
    payload = json.loads(fixture_text("crossref_10.1145_3065386.json"))
    payload["message"]["title"] = ["Learning <i>K</i>-means &amp; more"]
    payload["message"]["subtitle"] = ["A survey"]
    record = record_from_crossref_work(payload)
    assert record.abstract.startswith("We trained a large, deep convolutional neural network")
    assert '"dropout"' in record.abstract
    assert "<" not in record.abstract
    assert record.title == "Learning K-means & more: A survey"


def test_a_crossref_answer_that_is_not_a_work_is_a_format_error() -> None:
    with pytest.raises(ResponseFormatError):
        record_from_crossref_work({"status": "ok", "message-type": "work-list", "message": {}})


def test_it_reads_an_openreview_api2_note() -> None:
    payload = json.loads(fixture_text("openreview_YicbFdNTTy.json"))
    vit = record_from_openreview_notes(payload, "YicbFdNTTy")
    assert vit is not None
    assert vit.title.startswith("An Image is Worth 16x16 Words")
    assert vit.authors[0] == "Alexey Dosovitskiy"
    assert len(vit.authors) == 12
    assert (vit.year, vit.venue) == (2021, "ICLR 2021 Oral")
    assert vit.pdf_url == "https://openreview.net/pdf/c6ab2abca4f4c1b35fe6e61bdfaba9a25462b6f9.pdf"
    assert vit.code_url == "https://github.com/google-research/vision_transformer"
    assert vit.openreview_id == "YicbFdNTTy"
    assert "transformer" in vit.keywords


def test_it_reads_an_openreview_api1_note_with_bare_values() -> None:
    payload = {
        "notes": [
            {
                "id": "rJ4km2R5t7",
                "forum": "rJ4km2R5t7",
                "content": {"title": "GLUE", "authors": ["Alex Wang"]},
                "cdate": 1538087968000,
            }
        ]
    }
    record = record_from_openreview_notes(payload, "rJ4km2R5t7")
    assert record is not None
    assert (record.title, record.authors, record.year) == ("GLUE", ["Alex Wang"], 2018)


def test_no_matching_openreview_note_means_no_record() -> None:
    assert record_from_openreview_notes({"notes": [], "count": 0}, "YicbFdNTTy") is None
