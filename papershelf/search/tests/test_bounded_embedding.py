"""However much text arrives, the model sees it in bounded batches.

One ONNX call holds activations for every text in it: a 1 MB public summary sent as
one batch took the server past 5 GB. These tests watch the real model's calls.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from papershelf.accounts.models import User
from papershelf.search.embedding import BATCH_TEXTS, BATCH_TOKENS, MAX_TOKENS, Embedder
from papershelf.search.models import Embedding, EmbeddingKind, PendingEmbedding
from papershelf.search.semantic import MAX_PASSAGES, process_pending
from papershelf.search.tests.conftest import add_paper, prose
from papershelf.summaries.models import Summary

pytestmark = pytest.mark.django_db


class RecordingSession:
    """The real onnxruntime session, noting the shape of every batch it is given."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.shapes: list[tuple[int, int]] = []

    def run(self, names: list[str], inputs: dict[str, np.ndarray]) -> Any:
        self.shapes.append(inputs["input_ids"].shape)
        return self.session.run(names, inputs)


@pytest.fixture
def calls(embedder: Embedder, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    recorder = RecordingSession(embedder._session)
    monkeypatch.setattr(embedder, "_session", recorder)
    return recorder.shapes


def assert_bounded(calls: list[tuple[int, int]]) -> None:
    assert calls
    for texts, tokens in calls:
        assert texts <= BATCH_TEXTS
        assert tokens <= MAX_TOKENS
        assert texts * tokens <= BATCH_TOKENS


def test_a_long_list_of_passages_goes_to_the_model_in_bounded_batches(
    embedder: Embedder, calls: list[tuple[int, int]]
) -> None:
    long = [prose(2_000, seed) for seed in range(40)]  # each cut at 128 tokens
    short = [f"note {i}" for i in range(150)]
    texts = [t for pair in zip(short, long + [""] * 110, strict=True) for t in pair if t]
    vectors = embedder.embed(texts)
    assert_bounded(calls)
    assert sum(n for n, _ in calls) == len(texts)
    assert len(calls) >= (len(texts) + BATCH_TEXTS - 1) // BATCH_TEXTS
    # Each vector is still its own text's, in the order given.
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    for i in (0, 1, 57, len(texts) - 1):
        assert float(vectors[i] @ embedder.embed([texts[i]])[0]) > 0.99


@pytest.mark.slow  # 400 passages through the real model: about 20 s on two cores
def test_a_megabyte_summary_is_embedded_in_bounded_calls_up_to_a_fixed_number_of_passages(
    alice: User, embedder: Embedder, calls: list[tuple[int, int]]
) -> None:
    paper = add_paper("A paper with a very long note", abstract="Short abstract.")
    # Straight to the table, as old data or an import would arrive: no length limit.
    Summary.objects.create(paper=paper, author=alice, body=prose(1_000_000), visibility="public")
    assert process_pending() == 1
    assert_bounded(calls)
    passages = Embedding.objects.filter(paper=paper, kind=EmbeddingKind.PASSAGE)
    assert passages.count() == MAX_PASSAGES
    assert not PendingEmbedding.objects.exists()  # done: a restart has nothing to retry
