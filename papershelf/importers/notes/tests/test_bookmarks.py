"""The Jekyll "Publications Bookmark" page: a table with one entry row per paper."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from papershelf.importers.records import Entry, PaperRecord, ParsedDocument

SEED = "bookmarks-jekyll.md"
YEARS = [2021] * 8 + [2020, 2019] + [2018] * 4 + [2011, 2016, 2015, 2015, 2014, 2014, 2014]
YEARS += [2013, 2011]
IMAGE_ONLY = [
    "Grad-CAM: Visual Explanations from Deep Networks via Gradient-based Localization",
    "Revisiting ResNets: Improved Training and Scaling Strategies",
    "MLP-Mixer: An all-MLP Architecture for Vision",
    "Pay attention to MLPs",
    "Long-Short Transformer: Efficient Transformers for Language and Vision",
    "Dynamic Grained Encoder for Vision Transformers",
    "Language Models are Few-Shot Learners (GPT-3)",
    "Spatial Transformer Networks",
]


@pytest.fixture
def document(parse_seed: Callable[[str], ParsedDocument]) -> ParsedDocument:
    return parse_seed(SEED)


def _entry(document: ParsedDocument, title_start: str) -> Entry:
    return next(e for e in document.entries if e.paper and e.paper.title.startswith(title_start))


def _paper(document: ParsedDocument, title_start: str) -> PaperRecord:
    paper = _entry(document, title_start).paper
    assert paper is not None
    return paper


def test_it_finds_23_papers_as_an_ordered_list(document: ParsedDocument) -> None:
    assert len(document.entries) == 23
    assert all(entry.paper is not None for entry in document.entries)
    assert document.ordered is True
    assert document.title == "Publications Bookmark"  # from the front matter


def test_image_only_entries_have_no_summary_and_the_others_one_each(
    document: ParsedDocument,
) -> None:
    without = [e.paper.title for e in document.entries if e.paper and e.summary is None]
    assert without == IMAGE_ONLY
    assert sum(entry.summary is not None for entry in document.entries) == 15


def test_it_takes_20_arxiv_ids_from_the_links(document: ParsedDocument) -> None:
    ids = [e.paper.arxiv_id for e in document.entries if e.paper and e.paper.arxiv_id]
    assert len(ids) == 20
    assert _paper(document, "Grad-CAM").arxiv_id == "1610.02391"


def test_links_without_an_arxiv_id_go_to_pdf_url_or_url(document: ParsedDocument) -> None:
    encoder = _paper(document, "Dynamic Grained Encoder")
    assert encoder.pdf_url.startswith("https://proceedings.neurips.cc/") and not encoder.url
    vit = _paper(document, "An Image is Worth 16x16 Words")
    assert vit.url.startswith("https://paperswithcode.com/paper/") and not vit.arxiv_id
    dropout = _paper(document, "Dropout")
    assert dropout.url == "https://jmlr.org/papers/v15/srivastava14a.html"


def test_it_keeps_the_year_as_written_in_the_row_and_groups_by_it(
    document: ParsedDocument,
) -> None:
    assert [entry.paper.year for entry in document.entries if entry.paper] == YEARS
    assert [entry.sections for entry in document.entries] == [(str(y),) for y in YEARS]


def test_rows_whose_year_disagrees_with_the_citation_keep_the_row_year_and_warn(
    document: ParsedDocument,
) -> None:
    assert _paper(document, "Cyclical Learning Rates").year == 2011
    transformer = _paper(document, "Attention is all you need")
    assert (transformer.year, transformer.arxiv_id) == (2016, "1706.03762")
    disagreements = [w for w in document.warnings if "its citation says" in w.message]
    assert {w.line for w in disagreements} == {12, 91, 95}


def test_it_splits_the_link_text_into_title_organisations_and_venue(
    document: ParsedDocument,
) -> None:
    gradcam = _paper(document, "Grad-CAM")
    assert gradcam.organisations == ["Facebook AI", "Gergia Institute of Technology"]
    assert gradcam.venue == "ICCV"
    pipedream = _paper(document, "PipeDream")
    assert pipedream.organisations == ["Microsoft Research", "Carnegia Mellon", "Stanford"]
    assert _paper(document, "Averaging Weights").organisations == ["Cornel", "Samsumg AI"]
    assert _paper(document, "Language Models are Few-Shot").organisations == ["OpenAI"]
    reduced = _paper(document, "Reduced, Reused and Recycled")
    assert reduced.title.endswith("The Life of a Dataset in Machine Learning Research")
    assert reduced.organisations == ["Google", "Univ. California"]
    assert _paper(document, "Dropout").venue == "Journal of ML Research"


def test_titles_keep_their_annotations_as_written(document: ParsedDocument) -> None:
    titles = [entry.paper.title for entry in document.entries if entry.paper]
    assert "Language Models are Few-Shot Learners (GPT-3)" in titles
    assert "Attention is all you need (Transformer)" in titles
    assert "Auto-Encoding Variational Bayes (Variational Autoencoders)" in titles


def test_a_citation_of_initials_gives_authors_not_organisations(document: ParsedDocument) -> None:
    bahdanau = _paper(document, "Neural Machine Translation by Jointly")
    assert bahdanau.arxiv_id == "1409.0473"
    assert bahdanau.authors == ["D. Bahdanau", "K. Cho", "Y. Bengio"]
    assert bahdanau.organisations == []


def test_summaries_unescape_table_pipes_and_keep_math(document: ParsedDocument) -> None:
    vae = _entry(document, "Auto-Encoding Variational Bayes").summary
    assert vae is not None
    assert "$$p_{\\theta}(z|x)$$" in vae.markdown
    assert "\\|" not in vae.markdown
    zero = _entry(document, "ZeRO").summary
    assert zero is not None and "$$P_{os+g}$$" in zero.markdown


def test_liquid_tags_stay_literal_text(document: ParsedDocument) -> None:
    bert = _entry(document, "BERT").summary
    assert bert is not None
    assert "{{ site.baseurl }}{% post_url 2020-05-28-AI-Supercomputing-2 %}" in bert.markdown


def test_continuation_rows_become_paragraphs_and_list_rows_stay_a_list(
    document: ParsedDocument,
) -> None:
    swa = _entry(document, "Averaging Weights").summary
    assert swa is not None
    assert "learning rate schedule:\n\n- When using a cyclical" in swa.markdown
    assert "lowest learning rate value);\n- For constant learning rates" in swa.markdown
    zero = _entry(document, "ZeRO").summary
    assert zero is not None
    assert zero.images == [
        "/assets/publications/zero.png",
        "/assets/publications/zero2.png",
        "/assets/publications/zero3.png",
    ]
    assert "**ZeRO backward propagation:**" in zero.markdown


def test_an_entry_with_a_caption_row_keeps_it(document: ParsedDocument) -> None:
    reduced = _entry(document, "Reduced, Reused").summary
    assert reduced is not None
    assert reduced.markdown.startswith('winner of the "Datasets and Benchmarks Best Paper Award"')
