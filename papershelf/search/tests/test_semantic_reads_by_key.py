"""Semantic search reads the neighbours' rows by key, whatever SQLite's statistics say.

The vector index answers keys; their rows (paper, passage text, summary) come from the
database. SQLite once planned that read as a scan of every embedding when its last
ANALYZE had seen a small table (90 ms at 100,000 vectors). The answer must not change:
the same papers, the same best passage, and nothing from a summary that is not public.

Personas as in papershelf/conftest.py: alice wrote a public and a private summary.
"""

from __future__ import annotations

import numpy as np
import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.search.embedding import MODEL_ID, Embedder
from papershelf.search.models import Embedding
from papershelf.search.semantic import (
    SemanticHit,
    nearest_papers,
    passage_texts,
    process_pending,
)
from papershelf.search.tests.conftest import add_paper, add_summary, sqlite_only
from papershelf.search.vectors import get_index
from papershelf.summaries.models import Summary, Visibility

pytestmark = pytest.mark.django_db

QUERIES = [
    "normalize activations within a mini-batch",
    "rewind the learning rate after pruning",
    "a generator and a discriminator play a game",
    "very deep networks with shortcut connections",
]


@pytest.fixture
def embedded(shelf: dict[str, Paper], alice: User, embedder: Embedder) -> dict[str, Paper]:
    """The shelf with a second public note, which alice later hides from everyone."""
    hidden = add_summary(shelf["gan"], alice, "The discriminator is a learned loss function.")
    process_pending()
    # Made private behind the indexer's back: its vectors are still in the index.
    Summary.objects.filter(pk=hidden.pk).update(visibility=Visibility.PRIVATE)
    return shelf


def _many_more_vectors(count: int = 600) -> None:
    """Vectors near the real ones for papers nobody searches for: a table the
    statistics no longer describe."""
    rng = np.random.default_rng(1)
    real = np.stack([np.frombuffer(bytes(v), dtype=np.float32)
                     for v in Embedding.objects.values_list("vector", flat=True)])  # fmt: skip
    papers = [add_paper(f"Filler paper {i}") for i in range(count // 100)]
    rows = []
    for i in range(count):
        noise = np.asarray(rng.normal(0, 0.05, real.shape[1]), dtype=np.float32)
        vector = (real[i % len(real)] + noise) / np.linalg.norm(real[i % len(real)] + noise)
        rows.append(Embedding(paper=papers[i % len(papers)], kind="paper", text="filler",
                              text_hash=f"filler {i}", model_id=MODEL_ID,
                              vector=vector.astype(np.float32).tobytes()))  # fmt: skip
    Embedding.objects.bulk_create(rows)
    get_index().sync()


def _reference(vector: np.ndarray, count: int) -> list[SemanticHit]:
    """The answer as the ORM gives it: rows of the keys whose summary (if any) is public."""
    similarity = {n.key: n.similarity for n in get_index().search(vector, count * 3)}
    public = Q(summary__isnull=True) | Q(summary__visibility=Visibility.PUBLIC,
                                         summary__hidden=False)  # fmt: skip
    rows = Embedding.objects.filter(public, pk__in=similarity)
    best: dict[int, SemanticHit] = {}
    for row in rows:
        hit = SemanticHit(row.paper_id, similarity[row.pk], row.kind, row.pk)
        if row.paper_id not in best or hit.similarity > best[row.paper_id].similarity:
            best[row.paper_id] = hit
    return sorted(best.values(), key=lambda h: -h.similarity)[:count]


def test_it_finds_the_same_papers_and_passages_as_a_plain_query(
    embedded: dict[str, Paper], embedder: Embedder
) -> None:
    _many_more_vectors()
    for query in QUERIES:
        vector = embedder.embed_one(query)
        assert nearest_papers(vector, 20) == _reference(vector, 20)


def test_it_never_shows_a_passage_of_a_summary_that_is_not_public(
    embedded: dict[str, Paper], embedder: Embedder
) -> None:
    hits = [
        hit
        for query in ("the discriminator is a learned loss", "zanzibar shortcut identity mapping")
        for hit in nearest_papers(embedder.embed_one(query), 20)
    ]
    shown = list(passage_texts([hit.key for hit in hits]).values())
    assert shown
    assert not any("learned loss" in text or "zanzibar" in text for text in shown)


@sqlite_only
def test_it_reads_rows_by_key_when_the_statistics_are_stale(
    embedded: dict[str, Paper], embedder: Embedder
) -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the statistics of a table of a dozen rows…
    _many_more_vectors()  # …now fifty times as big
    with CaptureQueriesContext(connection) as queries:
        assert nearest_papers(embedder.embed_one(QUERIES[0]), 100)
    plans = []
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            if "search_embedding" in query["sql"]:
                cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                plans += [row[3] for row in cursor.fetchall()]
    assert "SEARCH e USING COVERING INDEX search_embedding_keys (id=?)" in plans
    # The only scan is of the list of keys itself (json_each, a virtual table).
    assert not [step for step in plans if step.startswith("SCAN") and "VIRTUAL TABLE" not in step]
