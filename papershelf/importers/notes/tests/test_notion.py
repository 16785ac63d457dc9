"""The Notion export "Papers": one `# Short name` section per paper, a reading path."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from papershelf.importers.records import Entry, ParsedDocument

SEED = "notion-papers.md"
HEADINGS = [
    "LeNet", "AlexNet", "ResNet", "ReLU", "Batch Normalization", "Layer Normalization",
    "Dropout", "GELU", "Adam", "Weight Decay", "RNN", "LSTM", "Learning to Forget",
    "Word2Vec", "Phrase2Vec", "Encoder-Decoder", "Seq2Seq", "Attention", "Transformer",
    "BERT", "RoBERTa", "Adapters", "T5", "GPT-2", "GPT-3", "LoRA", "Image Transformers",
    "DALL E", "CLIP", "DALL E 2", "InstructGPT", "Mixture of Experts", "GAN", "VAE",
    "VQ VAE", "VQ VAE 2", "Diffusion", "Denoising Diffusion",
]  # fmt: skip


@pytest.fixture
def document(parse_seed: Callable[[str], ParsedDocument]) -> ParsedDocument:
    return parse_seed(SEED)


def _by_heading(document: ParsedDocument, heading: str) -> Entry:
    return next(e for e in document.entries if e.summary and e.summary.heading == heading)


def test_it_finds_the_38_sections_in_document_order(document: ParsedDocument) -> None:
    assert [entry.summary.heading for entry in document.entries if entry.summary] == HEADINGS
    assert len(document.entries) == 38
    lines = [entry.line or 0 for entry in document.entries]
    assert lines == sorted(lines)
    assert document.entries[0].line == 7  # "# LeNet"


def test_it_reads_the_document_as_a_titled_reading_path(document: ParsedDocument) -> None:
    assert document.format == "notes"
    assert document.title == "Papers"
    assert document.ordered is True
    assert document.topics == []
    assert all(entry.sections == () for entry in document.entries)


def test_37_sections_name_their_paper_by_title_and_link(document: ParsedDocument) -> None:
    named = [entry for entry in document.entries if entry.paper is not None]
    assert len(named) == 37
    assert all(e.paper and (e.paper.arxiv_id or e.paper.pdf_url or e.paper.url) for e in named)


def test_the_section_without_a_title_line_keeps_its_summary_without_a_paper(
    document: ParsedDocument,
) -> None:
    entry = _by_heading(document, "VQ VAE 2")
    assert entry.paper is None
    assert entry.summary is not None
    assert entry.summary.markdown.startswith("> We scale and enhance the autoregressive priors")
    assert "### Method" in entry.summary.markdown
    assert any("VQ VAE 2" in warning.message for warning in document.warnings)


def test_it_takes_28_arxiv_ids_from_the_links(document: ParsedDocument) -> None:
    ids = [e.paper.arxiv_id for e in document.entries if e.paper and e.paper.arxiv_id]
    assert len(ids) == 28
    assert len(set(ids)) == 28


def test_the_short_heading_attention_is_bahdanau_not_the_transformer(
    document: ParsedDocument,
) -> None:
    paper = _by_heading(document, "Attention").paper
    assert paper is not None
    assert paper.arxiv_id == "1409.0473"
    assert paper.title == "Neural Machine Translation By Jointly Learning To Align And Translate"


def test_the_heading_transformer_is_attention_is_all_you_need(document: ParsedDocument) -> None:
    paper = _by_heading(document, "Transformer").paper
    assert paper is not None
    assert (paper.title, paper.arxiv_id) == ("Attention Is All You Need", "1706.03762")


def test_image_transformers_is_vit(document: ParsedDocument) -> None:
    paper = _by_heading(document, "Image Transformers").paper
    assert paper is not None
    assert paper.title.startswith("An Image Is Worth 16x16 Words")
    assert paper.arxiv_id == "2010.11929"


def test_it_keeps_the_arxiv_version_and_files_other_links_by_kind(
    document: ParsedDocument,
) -> None:
    gan = _by_heading(document, "GAN").paper
    assert gan and (gan.arxiv_id, gan.arxiv_version) == ("1406.2661", 1)
    lenet = _by_heading(document, "LeNet").paper
    assert lenet and lenet.pdf_url == "http://yann.lecun.com/exdb/publis/pdf/lecun-89e.pdf"
    relu = _by_heading(document, "ReLU").paper
    assert relu and relu.url.startswith("https://www.researchgate.net/publication/")
    assert relu.title == "Deep Sparse Rectified Neural Networks"


def test_every_summary_is_a_byte_faithful_slice_of_the_source(
    document: ParsedDocument, seed_text: Callable[[str], str]
) -> None:
    text = seed_text(SEED)
    for entry in document.entries:
        assert entry.summary is not None
        assert entry.summary.markdown in text


def test_each_summary_holds_every_line_from_its_heading_to_the_next(
    document: ParsedDocument, seed_text: Callable[[str], str]
) -> None:
    lines = seed_text(SEED).split("\n")
    starts = [entry.line or 0 for entry in document.entries]  # 1-based heading lines
    ends = [*starts[1:], len(lines) + 1]
    for entry, start, end in zip(document.entries, starts, ends, strict=True):
        section = "\n".join(lines[start : end - 1])  # after the heading, before the next one
        assert entry.summary is not None
        assert entry.summary.markdown.strip() == section.strip()


def test_summaries_keep_math_fences_and_sub_headings(document: ParsedDocument) -> None:
    resnet = _by_heading(document, "ResNet").summary
    assert resnet and "$H(x) = F(x) + x$" in resnet.markdown
    assert "### Deep Residual Learning" in resnet.markdown
    rnn = _by_heading(document, "RNN").summary
    assert rnn and "```math" in rnn.markdown
    lenet = _by_heading(document, "LeNet").summary
    assert lenet and lenet.markdown.startswith("📜 [Back-propagation Applied")
    assert "### Network Design" in lenet.markdown
    assert "\n# " not in lenet.markdown  # the next paper's heading is not swallowed


def test_it_lists_the_relative_images_of_each_summary(document: ParsedDocument) -> None:
    lenet = _by_heading(document, "LeNet").summary
    assert lenet and lenet.images == ["../images/Screenshot_2024-05-09_at_12.49.39_PM.png"]
    assert sum(len(e.summary.images) for e in document.entries if e.summary) == 67
