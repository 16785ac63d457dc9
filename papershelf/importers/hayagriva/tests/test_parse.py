"""Hayagriva YAML, Typst's bibliography format, read into paper records."""

from __future__ import annotations

import pytest

from papershelf.importers.hayagriva.parse import looks_like_hayagriva, parse
from papershelf.importers.records import ParseError

# The shapes Typst users write: a parent journal or proceedings (or a list of parents),
# serial numbers as a mapping or a bare arXiv number under an arXiv parent, persons as
# "Last, First" strings, lists or name fields, titles as {value, verbatim}, dated URLs.
REFS = """\
# Perovskite PV references
kojima2009:
  type: Article
  title: Organometal Halide Perovskites as Visible-Light Sensitizers for Photovoltaic Cells
  author: ["Kojima, Akihiro", "Teshima, Kenjiro", "Miyasaka, Tsutomu"]
  date: 2009-05-06
  page-range: 6050-6051
  serial-number:
    doi: 10.1021/ja809598r
  parent:
    type: Periodical
    title: Journal of the American Chemical Society
    volume: 131

lee2012:
  type: article
  title:
    value: "Efficient Hybrid Solar Cells Based on {Meso-Superstructured} Perovskites"
    verbatim: true
  author:
    - Lee, Michael M.
    - name: Snaith
      given-name: Henry J.
  date: 2012
  doi: "10.1126/science.1228604"
  parent: {type: periodical, title: Science}

jeon2014:
  type: Article
  title: Solvent engineering for high-performance hybrid perovskite solar cells
  author: Jeon, Nam Joong
  date: ~2014-07
  url: { value: "https://doi.org/10.1038/nmat4014", date: 2024-01-03 }
  parent:
    - type: Proceedings
      title: Conference on Perovskites
    - type: Video
      url: https://example.org/talk

stranks2013:
  type: Manuscript
  title: Electron-Hole Diffusion Lengths Exceeding 1 Micrometer
  author: ["Stranks, Samuel D.", "Snaith, Henry J."]
  date: 2013
  serial-number: 1308.6207
  parent:
    type: Repository
    title: arXiv

saliba2016:
  type: article
  title: Cesium-containing triple cation perovskite solar cells
  author: ["Saliba, Michael"]
  serial-number:
    arxiv: "1604.05573"
    doi: 10.1039/C5EE03874J
  parent:
    title: Energy & Environmental Science
    date: 2016

nrel-chart:
  type: Web
  title: Best Research-Cell Efficiency Chart
  author: NREL
  url: https://www.nrel.gov/pv/cell-efficiency.html
"""


def test_each_entry_becomes_a_paper_with_its_key_authors_year_and_venue() -> None:
    document = parse(REFS, "refs.yml")
    kojima = document.entries[0].paper
    assert kojima is not None and document.entries[0].line == 2
    assert kojima.bibtex_key == "kojima2009"
    assert kojima.authors == ["Akihiro Kojima", "Kenjiro Teshima", "Tsutomu Miyasaka"]
    assert (kojima.year, kojima.doi) == (2009, "10.1021/ja809598r")
    assert kojima.venue == "Journal of the American Chemical Society"
    assert kojima.entry_type == "article"


def test_titles_and_persons_given_as_fields_read_as_plain_text() -> None:
    lee = parse(REFS, "refs.yml").entries[1].paper
    assert lee is not None
    assert lee.title == "Efficient Hybrid Solar Cells Based on Meso-Superstructured Perovskites"
    assert lee.authors == ["Michael M. Lee", "Henry J. Snaith"]
    assert (lee.venue, lee.doi) == ("Science", "10.1126/science.1228604")


def test_a_list_of_parents_gives_the_proceedings_as_venue_and_a_doi_url_the_doi() -> None:
    jeon = parse(REFS, "refs.yml").entries[2].paper
    assert jeon is not None
    assert (jeon.year, jeon.venue, jeon.entry_type) == (
        2014,
        "Conference on Perovskites",
        "inproceedings",
    )
    assert jeon.doi == "10.1038/nmat4014"


def test_a_serial_number_under_an_arxiv_parent_is_the_arxiv_id() -> None:
    stranks = parse(REFS, "refs.yml").entries[3].paper
    assert stranks is not None
    assert (stranks.arxiv_id, stranks.venue, stranks.entry_type) == (
        "1308.6207",
        "arXiv",
        "unpublished",
    )


def test_serial_numbers_give_both_identifiers_and_the_parent_its_year() -> None:
    saliba = parse(REFS, "refs.yml").entries[4].paper
    assert saliba is not None
    assert (saliba.arxiv_id, saliba.doi, saliba.year) == ("1604.05573", "10.1039/c5ee03874j", 2016)
    assert saliba.venue == "Energy & Environmental Science"


def test_a_web_page_is_no_paper_and_the_report_says_so() -> None:
    document = parse(REFS, "refs.yml")
    assert document.entries[5].paper is None
    assert [str(w) for w in document.warnings] == [
        "refs.yml:61: 'nrel-chart' is a web page, not a paper: skipped"
    ]


def test_a_bibliography_is_recognised_by_its_shape() -> None:
    assert looks_like_hayagriva(REFS)
    assert looks_like_hayagriva("harry:\n  title: Harry Potter\n  author: Rowling, J. K.\n")


@pytest.mark.parametrize(
    "text",
    [
        "site_name: notes\ntheme:\n  name: material\nnav:\n  - Home: index.md\n",
        "jane:\n  name: Jane Doe\n  title: Maintainer\n  url: https://example.org\n",
        "on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n",
        "title: My post\ndate: 2024-01-01\ntags: [a, b]\n",
        "- one\n- two\n",
        "key: [unclosed\n",
    ],
    ids=["mkdocs config", "blog authors", "ci workflow", "front matter", "a list", "broken"],
)
def test_other_yaml_files_are_no_bibliography(text: str) -> None:
    assert not looks_like_hayagriva(text)


def test_yaml_that_cannot_be_read_is_an_error_with_its_line() -> None:
    with pytest.raises(ParseError) as raised:
        parse("lee2012:\n  type: article\n  title: [unclosed\n", "refs.yml")
    assert (raised.value.path, raised.value.line) == ("refs.yml", 4)
    assert raised.value.message.startswith("not valid YAML")
