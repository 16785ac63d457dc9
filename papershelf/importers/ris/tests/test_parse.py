from __future__ import annotations

import pytest

from papershelf.importers.records import PaperRecord, ParseError
from papershelf.importers.ris.parse import parse

# As Zotero exports RIS (with its BOM and CRLF line ends): an arXiv preprint, a
# journal article, a conference paper and a thesis.
ZOTERO_EXPORT = "\ufeff" + "\r\n".join(
    [
        "TY  - PREPRINT",
        "TI  - Attention Is All You Need",
        "AU  - Vaswani, Ashish",
        "AU  - Shazeer, Noam",
        "AU  - Parmar, Niki",
        "AB  - The dominant sequence transduction models are based on complex recurrent",
        "      or convolutional neural networks.",
        "DA  - 2017/12/05/",
        "PY  - 2017",
        "DO  - 10.48550/arXiv.1706.03762",
        "DP  - arXiv.org",
        "PB  - arXiv",
        "UR  - http://arxiv.org/abs/1706.03762",
        "Y2  - 2024/01/05/10:21:13",
        "N1  - arXiv:1706.03762 [cs]",
        "KW  - Computer Science - Computation and Language",
        "KW  - Computer Science - Machine Learning",
        "ER  - ",
        "",
        "TY  - JOUR",
        "TI  - ImageNet classification with deep convolutional neural networks",
        "AU  - Krizhevsky, Alex",
        "AU  - Sutskever, Ilya",
        "AU  - Hinton, Geoffrey E.",
        "T2  - Communications of the ACM",
        "J2  - Commun. ACM",
        "DA  - 2017/05/24/",
        "PY  - 2017",
        "DO  - 10.1145/3065386",
        "VL  - 60",
        "IS  - 6",
        "SP  - 84",
        "EP  - 90",
        "SN  - 0001-0782",
        "UR  - https://dl.acm.org/doi/10.1145/3065386",
        "ER  - ",
        "",
        "TY  - CONF",
        "TI  - An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
        "AU  - Dosovitskiy, Alexey",
        "AU  - King, Martin Luther, Jr.",
        "AU  - Google Research",
        "T2  - International Conference on Learning Representations",
        "PY  - 2021",
        "UR  - https://openreview.net/forum?id=YicbFdNTTy",
        "L1  - https://openreview.net/pdf?id=YicbFdNTTy",
        "ER  - ",
        "",
        "TY  - THES",
        "TI  - Learning to Learn Without Labels",
        "AU  - Doe, Jane",
        "PB  - Massachusetts Institute of Technology",
        "PY  - 2020",
        "M3  - PhD Thesis",
        "UR  - https://github.com/janedoe/thesis",
        "ER  - ",
        "",
    ]
)


def _papers(text: str) -> list[PaperRecord]:
    return [entry.paper for entry in parse(text, "library.ris").entries if entry.paper]


def test_it_reads_a_zotero_ris_export_with_bom_and_crlf() -> None:
    document = parse(ZOTERO_EXPORT, "library.ris")
    assert document.format == "ris"
    assert [entry.line for entry in document.entries] == [1, 20, 38, 49]
    assert [paper.title for paper in _papers(ZOTERO_EXPORT)] == [
        "Attention Is All You Need",
        "ImageNet classification with deep convolutional neural networks",
        "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
        "Learning to Learn Without Labels",
    ]


def test_an_arxiv_preprint_gets_its_arxiv_id_and_no_arxiv_doi() -> None:
    attention = _papers(ZOTERO_EXPORT)[0]
    assert (attention.arxiv_id, attention.doi) == ("1706.03762", "")
    assert attention.authors == ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"]
    assert attention.venue == "arXiv"
    assert attention.year == 2017
    assert attention.abstract == (
        "The dominant sequence transduction models are based on complex recurrent"
        " or convolutional neural networks."
    )
    assert attention.keywords == [
        "Computer Science - Computation and Language",
        "Computer Science - Machine Learning",
    ]
    assert attention.note == "arXiv:1706.03762 [cs]"


def test_a_journal_article_keeps_its_doi_full_journal_name_and_page_url() -> None:
    alexnet = _papers(ZOTERO_EXPORT)[1]
    assert alexnet.doi == "10.1145/3065386"
    assert alexnet.venue == "Communications of the ACM"
    assert (alexnet.year, alexnet.entry_type) == (2017, "article")
    assert alexnet.url == "https://dl.acm.org/doi/10.1145/3065386"


def test_a_conference_paper_gets_openreview_id_pdf_and_every_name_form() -> None:
    vit = _papers(ZOTERO_EXPORT)[2]
    assert vit.openreview_id == "YicbFdNTTy"
    assert vit.pdf_url == "https://openreview.net/pdf?id=YicbFdNTTy"
    assert vit.authors == ["Alexey Dosovitskiy", "Martin Luther King Jr.", "Google Research"]
    assert vit.entry_type == "inproceedings"


def test_a_thesis_takes_its_university_as_venue() -> None:
    thesis = _papers(ZOTERO_EXPORT)[3]
    assert (thesis.venue, thesis.entry_type) == (
        "Massachusetts Institute of Technology",
        "phdthesis",
    )
    assert thesis.code_url == "https://github.com/janedoe/thesis"


def test_it_reads_t1_titles_jo_journals_and_y1_dates_from_older_exporters() -> None:
    paper = _papers("TY  - JOUR\nT1  - Deep Learning\nJO  - Nature\nY1  - 2015/05/28\nER  - \n")[0]
    assert (paper.title, paper.venue, paper.year) == ("Deep Learning", "Nature", 2015)


def test_a_record_without_title_or_identifier_is_reported_not_imported() -> None:
    document = parse("TY  - GEN\nAU  - Doe, Jane\nER  - \n", "l.ris")
    assert document.entries[0].paper is None
    assert str(document.warnings[0]) == "l.ris:1: record has no title"


def test_a_record_without_er_raises_an_error_at_its_start() -> None:
    text = (
        "TY  - JOUR\nTI  - One\nER  - \n\nTY  - JOUR\nTI  - Two\n\nTY  - JOUR\nTI  - Three\nER  -\n"
    )
    with pytest.raises(ParseError) as raised:
        parse(text, "l.ris")
    assert raised.value.line == 5


def test_a_file_cut_off_mid_record_raises_an_error() -> None:
    with pytest.raises(ParseError, match="cut off") as raised:
        parse("TY  - JOUR\nTI  - One\nER  - \nTY  - JOUR\nTI  - Tw", "l.ris")
    assert raised.value.line == 4


def test_text_outside_records_raises_an_error_with_its_line() -> None:
    with pytest.raises(ParseError) as raised:
        parse("TY  - JOUR\nTI  - One\nER  - \nthis is not RIS\n", "l.ris")
    assert raised.value.line == 4


@pytest.mark.parametrize("text", ["", "\n\n", "\ufeff"])
def test_an_empty_file_raises_no_entries(text: str) -> None:
    with pytest.raises(ParseError, match="no entries"):
        parse(text, "l.ris")


def test_datasets_and_web_pages_in_a_library_are_reported_not_imported() -> None:
    text = (
        "TY  - DATA\nTI  - AIMS Long-term Monitoring Program: coral cover data\nER  - \n\n"
        "TY  - ELEC\nTI  - NOAA Coral Reef Watch\nUR  - https://coralreefwatch.noaa.gov\nER  - \n\n"
        "TY  - JOUR\nTI  - Global warming and recurrent mass bleaching of corals\nPY  - 2017\n"
        "ER  - \n"
    )
    document = parse(text, "coral.ris")
    assert [entry.paper.title for entry in document.entries if entry.paper] == [
        "Global warming and recurrent mass bleaching of corals"
    ]
    assert [str(warning) for warning in document.warnings] == [
        "coral.ris:1: record is a dataset, not a paper: skipped",
        "coral.ris:5: record is a web page, not a paper: skipped",
    ]
