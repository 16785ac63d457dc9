"""The 11 papers that two seeds share must come out so the importer can match them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from papershelf.importers.records import PaperRecord, ParsedDocument
from papershelf.lib.titles import title_variants

# (document, how that document names the paper) for each side of each shared paper.
SHARED = [
    (("shortscience-page.txt", "Deep Residual Learning"), ("notion-papers.md", "ResNet")),
    (("shortscience-page.txt", "Batch Normalization"), ("notion-papers.md", "Batch Normalization")),
    (("bookmarks-jekyll.md", "An Image is Worth"), ("notion-papers.md", "Image Transformers")),
    (("bookmarks-jekyll.md", "Auto-Encoding"), ("notion-papers.md", "VAE")),
    (("bookmarks-jekyll.md", "Generative Adversarial"), ("notion-papers.md", "GAN")),
    (("bookmarks-jekyll.md", "Language Models are Few-Shot"), ("notion-papers.md", "GPT-3")),
    (("bookmarks-jekyll.md", "Neural Machine Translation"), ("notion-papers.md", "Attention")),
    (("bookmarks-jekyll.md", "Sequence to Sequence"), ("notion-papers.md", "Seq2Seq")),
    (("bookmarks-jekyll.md", "Attention is all you need"), ("notion-papers.md", "Transformer")),
    (("bookmarks-jekyll.md", "BERT"), ("notion-papers.md", "BERT")),
    (("bookmarks-jekyll.md", "Dropout"), ("notion-papers.md", "Dropout")),
]  # fmt: skip


def _find(document: ParsedDocument, name: str) -> PaperRecord:
    for entry in document.entries:
        heading = entry.summary.heading if entry.summary else ""
        if entry.paper and (
            heading == name or (not heading and entry.paper.title.startswith(name))
        ):
            return entry.paper
    raise AssertionError(f"{name} not found in {document.path}")


@pytest.mark.parametrize(("one", "other"), SHARED, ids=[pair[1][1] for pair in SHARED])
def test_a_shared_paper_meets_on_its_arxiv_id_or_its_title(
    parse_seed: Callable[[str], ParsedDocument],
    one: tuple[str, str],
    other: tuple[str, str],
) -> None:
    first, second = _find(parse_seed(one[0]), one[1]), _find(parse_seed(other[0]), other[1])
    same_id = bool(first.arxiv_id) and first.arxiv_id == second.arxiv_id
    assert same_id or title_variants(first.title) & title_variants(second.title)
