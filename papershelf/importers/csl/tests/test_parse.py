from __future__ import annotations

import json

import pytest

from papershelf.importers.csl.parse import parse
from papershelf.importers.records import PaperRecord, ParseError

# As Zotero 7 exports "CSL JSON": an arXiv preprint, a journal article, a
# conference paper with an institutional author and a thesis.
ZOTERO_EXPORT = """[
  {
    "id": "vaswaniAttentionAllYou2017",
    "type": "article",
    "abstract": "The dominant sequence transduction models are based on complex networks.",
    "DOI": "10.48550/arXiv.1706.03762",
    "note": "arXiv:1706.03762 [cs]",
    "number": "arXiv:1706.03762",
    "publisher": "arXiv",
    "source": "arXiv.org",
    "title": "Attention Is All You Need",
    "URL": "http://arxiv.org/abs/1706.03762",
    "author": [
      {"family": "Vaswani", "given": "Ashish"},
      {"family": "Shazeer", "given": "Noam"},
      {"family": "Parmar", "given": "Niki"}
    ],
    "accessed": {"date-parts": [["2024", 1, 5]]},
    "issued": {"date-parts": [["2017", 12, 5]]}
  },
  {
    "id": "krizhevskyImageNetClassificationDeep2017",
    "type": "article-journal",
    "container-title": "Communications of the ACM",
    "DOI": "10.1145/3065386",
    "ISSN": "0001-0782, 1557-7317",
    "issue": "6",
    "page": "84-90",
    "title": "ImageNet classification with deep convolutional neural networks",
    "volume": "60",
    "author": [
      {"family": "Krizhevsky", "given": "Alex"},
      {"family": "Sutskever", "given": "Ilya"},
      {"family": "Hinton", "given": "Geoffrey E."}
    ],
    "issued": {"date-parts": [[2017, 5, 24]]},
    "keyword": "deep learning, computer vision; ImageNet"
  },
  {
    "id": "whoReport2021",
    "type": "paper-conference",
    "event-title": "International Conference on Learning Representations",
    "title": "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
    "URL": "https://openreview.net/forum?id=YicbFdNTTy",
    "author": [
      {"literal": "World Health Organization"},
      {"family": "Maaten", "given": "Laurens", "non-dropping-particle": "van der"},
      {"family": "King", "given": "Martin Luther", "suffix": "Jr."}
    ],
    "issued": {"raw": "2021-05-04"}
  },
  {
    "id": "doeThesis2020",
    "type": "thesis",
    "genre": "PhD Thesis",
    "publisher": "MIT",
    "title": "Learning to Learn Without Labels",
    "issued": {"literal": "Spring 2020"}
  }
]
"""


def _papers(text: str) -> list[PaperRecord]:
    return [entry.paper for entry in parse(text, "library.json").entries if entry.paper]


def test_it_reads_a_zotero_csl_json_export() -> None:
    document = parse(ZOTERO_EXPORT, "library.json")
    assert document.format == "csl"
    assert [entry.line for entry in document.entries] == [2, 21, 39, 52]
    assert [entry.paper.title for entry in document.entries if entry.paper] == [
        "Attention Is All You Need",
        "ImageNet classification with deep convolutional neural networks",
        "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
        "Learning to Learn Without Labels",
    ]


def test_an_arxiv_preprint_gets_its_arxiv_id_and_no_arxiv_doi() -> None:
    attention = _papers(ZOTERO_EXPORT)[0]
    assert (attention.arxiv_id, attention.doi) == ("1706.03762", "")
    assert attention.venue == "arXiv"
    assert attention.year == 2017
    assert attention.authors == ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"]
    assert attention.bibtex_key == "vaswaniAttentionAllYou2017"
    assert attention.abstract.startswith("The dominant sequence transduction")
    assert attention.entry_type == "misc"


def test_a_journal_article_keeps_doi_venue_year_and_keywords() -> None:
    alexnet = _papers(ZOTERO_EXPORT)[1]
    assert alexnet.doi == "10.1145/3065386"
    assert alexnet.venue == "Communications of the ACM"
    assert alexnet.year == 2017
    assert alexnet.entry_type == "article"
    assert alexnet.keywords == ["deep learning", "computer vision", "ImageNet"]
    assert alexnet.authors[-1] == "Geoffrey E. Hinton"


def test_it_reads_literal_names_particles_suffixes_and_raw_dates() -> None:
    vit = _papers(ZOTERO_EXPORT)[2]
    assert vit.authors == [
        "World Health Organization",
        "Laurens van der Maaten",
        "Martin Luther King Jr.",
    ]
    assert vit.openreview_id == "YicbFdNTTy"
    assert vit.venue == "International Conference on Learning Representations"
    assert (vit.year, vit.entry_type) == (2021, "inproceedings")


def test_a_thesis_takes_its_university_as_venue_and_year_from_a_literal_date() -> None:
    thesis = _papers(ZOTERO_EXPORT)[3]
    assert (thesis.venue, thesis.year, thesis.entry_type) == ("MIT", 2020, "phdthesis")


def test_it_accepts_a_single_item_and_an_items_wrapper() -> None:
    item = {"id": "a", "type": "book", "title": "Deep Learning", "issued": {"date-parts": [[2016]]}}
    assert _papers(json.dumps(item))[0].year == 2016
    assert _papers(json.dumps({"items": [item, item]}))[1].title == "Deep Learning"


def test_plain_zotero_item_uris_are_not_taken_for_citation_keys() -> None:
    item = {"id": "http://zotero.org/users/123/items/ABCD", "title": "T"}
    assert _papers(json.dumps([item]))[0].bibtex_key == ""


def test_it_sorts_urls_into_code_pdf_and_page_links() -> None:
    items = [
        {"id": "a", "title": "A", "URL": "https://github.com/openai/CLIP"},
        {"id": "b", "title": "B", "URL": "https://example.org/paper.pdf"},
        {"id": "c", "title": "C", "URL": "https://example.org/paper"},
        {"id": "d", "title": "D", "URL": "https://doi.org/10.1038/nature14539"},
    ]
    a, b, c, d = _papers(json.dumps(items))
    assert a.code_url == "https://github.com/openai/CLIP"
    assert b.pdf_url == "https://example.org/paper.pdf"
    assert c.url == "https://example.org/paper"
    assert d.doi == "10.1038/nature14539"


def test_an_item_without_title_or_identifier_is_reported_not_imported() -> None:
    document = parse('[{"id": "x", "type": "book"}, {"id": "y", "title": "Y"}]', "l.json")
    assert document.entries[0].paper is None
    assert str(document.warnings[0]) == "l.json:1: item 'x' has no title"


def test_broken_json_raises_an_error_with_its_line() -> None:
    with pytest.raises(ParseError) as raised:
        parse('[\n  {"id": "a", "title": "A"},\n  {"id": "b" "title": "B"}\n]', "l.json")
    assert raised.value.line == 3
    assert str(raised.value).startswith("l.json:3: not valid JSON")


def test_a_list_of_non_objects_raises_an_error_at_the_bad_item() -> None:
    with pytest.raises(ParseError) as raised:
        parse('[\n {"title": "A"},\n "just a string"\n]', "l.json")
    assert raised.value.line == 3


@pytest.mark.parametrize("text", ["[]", '{"items": []}', "  [ ]  "])
def test_an_empty_library_raises_no_entries(text: str) -> None:
    with pytest.raises(ParseError, match="no entries"):
        parse(text, "l.json")


def test_a_bare_number_is_not_a_library() -> None:
    with pytest.raises(ParseError, match="expected a list of CSL items"):
        parse("42", "l.json")


def test_datasets_software_and_web_pages_are_reported_not_imported() -> None:
    items = [
        {"id": "d", "type": "dataset", "title": "Coral cover data"},
        {"id": "s", "type": "software", "title": "scikit-learn"},
        {"id": "a", "type": "article-journal", "title": "A paper on corals", "issued": {}},
    ]
    document = parse(json.dumps(items), "library.json")
    assert [entry.paper.title for entry in document.entries if entry.paper] == ["A paper on corals"]
    assert [warning.message for warning in document.warnings] == [
        "item is a dataset, not a paper: skipped",
        "item is software, not a paper: skipped",
    ]
