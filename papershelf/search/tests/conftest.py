"""Search fixtures: a small shelf, a fresh vector index per test, one model per session.

Personas as in papershelf/conftest.py: alice writes summaries (public and private),
bob is another reader who must never find alice's private words.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from django.db import connection

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.search import indexing, keyword_index, vectors
from papershelf.search.embedding import Embedder
from papershelf.summaries.models import Summary, Visibility
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.topics.models import Topic
from papershelf.topics.services import create_topic, tag_paper

# Which engines a test is about: SQLite's tantivy index and usearch file, or PostgreSQL's
# tsvector and pgvector. The vendor is known from the settings, before any connection.
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's engines (tantivy, usearch files)"
)
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's engines (tsvector, pgvector)"
)


@pytest.fixture(autouse=True)
def _own_data_dir(settings: object, tmp_path: Path) -> None:
    # The vector index lives in HOME; a rolled-back test must not leave keys behind.
    settings.HOME = tmp_path  # type: ignore[attr-defined]
    vectors._indexes.clear()
    keyword_index._indexes.clear()
    indexing._pending().clear()  # ids a rolled-back test left behind


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real model, loaded once (about half a second)."""
    from papershelf.search import embedding

    embedding._embedder = embedding._embedder or Embedder()
    return embedding._embedder


def add_paper(title: str, **fields: object) -> Paper:
    return create_paper(PaperData(title=title, **fields))  # type: ignore[arg-type]


def add_summary(paper: Paper, author: User, body: str, visibility: str = "public") -> Summary:
    return create_summary(paper, author, SummaryData(body=body, visibility=visibility))


@pytest.fixture
def shelf(alice: User) -> dict[str, Paper]:
    """Four papers, two topics, a public and a private summary by alice."""
    bn = add_paper(
        "Batch Normalization: Accelerating Deep Network Training by Reducing Internal "
        "Covariate Shift",
        authors=["Sergey Ioffe", "Christian Szegedy"],
        venue="ICML",
        year=2015,
        abstract="Training deep neural networks is complicated by the fact that the "
        "distribution of each layer's inputs changes during training. We normalize layer "
        "inputs for each training mini-batch.",
    )
    gan = add_paper(
        "Generative Adversarial Networks",
        authors=["Ian Goodfellow", "Yoshua Bengio"],
        venue="NeurIPS",
        year=2014,
        abstract="We propose a framework for estimating generative models via an adversarial "
        "process, training a generator and a discriminator in a minimax game.",
    )
    lottery = add_paper(
        "The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks",
        authors=["Jonathan Frankle", "Michael Carbin"],
        venue="ICLR",
        year=2019,
        abstract="Neural network pruning techniques can reduce the parameter counts of "
        "trained networks by over 90%.",
    )
    resnet = add_paper(
        "Deep Residual Learning for Image Recognition",
        authors=["Kaiming He", "Xiangyu Zhang"],
        venue="CVPR",
        year=2016,
        abstract="We present a residual learning framework to ease the training of networks "
        "that are substantially deeper than those used previously.",
    )
    gans = create_topic("GANs", "Generative adversarial networks and their training.")
    tag_paper(gan, gans)
    norm = create_topic("Normalization", "Normalizing activations to stabilise training.")
    tag_paper(bn, norm)
    rewind = (
        "After pruning, they **rewind** the weights and the learning rate schedule to an "
        "early iteration, then retrain the sparse subnetwork."
    )
    add_summary(lottery, alice, rewind)
    secret = "My secret note: zanzibar shortcut identity mapping."
    add_summary(resnet, alice, secret, Visibility.PRIVATE)
    return {"bn": bn, "gan": gan, "lottery": lottery, "resnet": resnet}


_WORDS = "the of and a to in we for is that with on by this our as are from network training "
VOCABULARY = (_WORDS + "model data layer deep neural gradient optimisation loss results").split()


def prose(characters: int, seed: int = 1) -> str:
    """Realistic-looking filler: common words, full stops, no rare word."""
    rng = random.Random(seed)
    words, size = [], 0
    while size < characters:
        word = rng.choice(VOCABULARY)
        words.append(word + ("." if rng.random() < 0.07 else ""))
        size += len(word) + 1
    return " ".join(words)


def titles(results: object) -> list[str]:
    return [hit.paper.title for hit in results.hits]  # type: ignore[attr-defined]


__all__ = ["Topic", "add_paper", "add_summary", "postgresql_only", "prose", "sqlite_only", "titles"]
