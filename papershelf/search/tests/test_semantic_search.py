from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from django.conf import settings

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, update_paper
from papershelf.search.embedding import Embedder
from papershelf.search.models import Embedding, EmbeddingKind, PendingEmbedding
from papershelf.search.semantic import (
    paper_vector,
    pending_count,
    process_pending,
    split_passages,
)
from papershelf.search.services import search
from papershelf.search.tests.conftest import add_summary, postgresql_only, sqlite_only, titles
from papershelf.search.vectors import get_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def embedded(shelf: dict[str, Paper], embedder: Embedder) -> dict[str, Paper]:
    process_pending()
    return shelf


def test_saving_only_queues_papers_for_the_background(shelf: dict[str, Paper]) -> None:
    assert pending_count() == 4
    assert Embedding.objects.count() == 0


def test_it_embeds_papers_and_passages_of_public_summaries_only(
    embedded: dict[str, Paper],
) -> None:
    assert PendingEmbedding.objects.count() == 0
    assert Embedding.objects.filter(kind=EmbeddingKind.PAPER).count() == 4
    passages = Embedding.objects.filter(kind=EmbeddingKind.PASSAGE)
    assert [p.paper_id for p in passages] == [embedded["lottery"].pk]  # not the private one
    assert not Embedding.objects.filter(text__contains="zanzibar").exists()


def test_it_finds_a_paper_by_meaning_without_its_words(embedded: dict[str, Paper]) -> None:
    results = search("normalize activations within a mini-batch", mode="semantic")
    assert titles(results)[0] == embedded["bn"].title
    assert results.hits[0].found_by == ["semantic"]


def test_hybrid_finds_a_paper_described_only_in_a_summary(embedded: dict[str, Paper]) -> None:
    results = search("rewind learning rate after pruning")
    assert titles(results)[0] == embedded["lottery"].title
    assert set(results.hits[0].found_by) == {"keyword", "semantic"}


def test_semantic_results_obey_field_filters(embedded: dict[str, Paper]) -> None:
    results = search("generative model of images year:2016..2020", mode="semantic")
    assert embedded["gan"].title not in titles(results)
    assert (
        titles(search("deep networks -residual", mode="semantic")).count(embedded["resnet"].title)
        == 0
    )


def test_it_reembeds_only_what_changed(embedded: dict[str, Paper], alice: User) -> None:
    before = dict(Embedding.objects.values_list("paper_id", "pk").filter(kind="paper"))
    paper = embedded["gan"]
    update_paper(paper, PaperData(title=paper.title, abstract="A new abstract about games."))
    add_summary(embedded["bn"], alice, "A second public note about whitening.")
    assert process_pending() == 2
    after = dict(Embedding.objects.values_list("paper_id", "pk").filter(kind="paper"))
    assert after[paper.pk] != before[paper.pk]
    assert after[embedded["bn"].pk] == before[embedded["bn"].pk]
    assert after[embedded["resnet"].pk] == before[embedded["resnet"].pk]


@sqlite_only
def test_the_vector_index_is_saved_and_reloaded(embedded: dict[str, Paper]) -> None:
    from papershelf.search.vectors import VectorIndex

    index = get_index()
    assert isinstance(index, VectorIndex)
    index.save()
    assert index.path.exists()
    fresh = VectorIndex(index.path)
    fresh.sync()
    assert len(fresh) == Embedding.objects.count()


@postgresql_only
def test_on_postgresql_the_vectors_and_their_index_are_in_the_database(
    embedded: dict[str, Paper],
) -> None:
    index = get_index()
    index.save()  # nothing to write: no file appears in the data directory
    assert not (Path(settings.HOME) / "search" / "vectors.usearch").exists()
    assert len(index) == Embedding.objects.count()
    stored = Embedding.objects.get(paper=embedded["bn"], kind=EmbeddingKind.PAPER)
    vector = paper_vector(embedded["bn"].pk)
    assert vector is not None
    nearest = index.search(vector, 3)
    assert nearest[0].key == stored.pk
    assert nearest[0].similarity == pytest.approx(1.0, abs=1e-5)
    assert [n.key for n in index.search(vector, 3, exact=True)] == [n.key for n in nearest]
    assert [n.key for n in index.search_many(np.stack([vector, vector]), 3)[1]] == [
        n.key for n in nearest
    ]


@postgresql_only
@pytest.mark.parametrize("walk_on", [True, False], ids=["iterative walk", "exact re-read"])
def test_on_postgresql_dead_copies_of_a_vector_never_hide_its_live_neighbours(
    embedded: dict[str, Paper], walk_on: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import transaction

    from papershelf.search import postgresql_vectors

    # Without the walk going on, only the re-read can find the live rows.
    monkeypatch.setattr(postgresql_vectors, "_walks_on", lambda alias: walk_on)
    stored = Embedding.objects.get(paper=embedded["bn"], kind=EmbeddingKind.PAPER)
    copies = [
        Embedding(paper=stored.paper, kind=stored.kind, text=stored.text,
                  text_hash=stored.text_hash, model_id=stored.model_id, vector=stored.vector)
        for _ in range(postgresql_vectors.EF_SEARCH * 2)
    ]  # fmt: skip
    try:
        with transaction.atomic():  # rolled back: dead rows whose index entries remain
            Embedding.objects.bulk_create(copies)
            raise RuntimeError
    except RuntimeError:
        pass
    vector = paper_vector(embedded["bn"].pk)
    assert vector is not None
    nearest = [n.key for n in get_index().search(vector, 3)]
    assert nearest == [n.key for n in get_index().search(vector, 3, exact=True)]
    assert nearest[0] == stored.pk
    assert len(nearest) == 3


def test_it_resumes_an_interrupted_run(shelf: dict[str, Paper], embedder: Embedder) -> None:
    assert process_pending(limit=2, batch=1) == 2
    assert PendingEmbedding.objects.count() == 2
    assert process_pending() == 2


def test_it_cuts_summaries_into_passages_of_whole_sentences() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(60))
    passages = split_passages(text, words=20)
    assert all(p.endswith(".") for p in passages)
    assert all(len(p.split()) <= 20 for p in passages)
    assert " ".join(passages) == text


def test_nonsense_finds_nothing_and_offers_the_nearest_titles(embedded: dict[str, Paper]) -> None:
    for mode in ("semantic", "hybrid", "keyword"):
        results = search("zzzqqq", mode=mode)
        assert results.hits == [], mode
        assert len(results.suggestions) >= 1, mode  # "nearest titles", not results


def test_an_unrelated_question_is_no_semantic_result(embedded: dict[str, Paper]) -> None:
    assert titles(search("how long to bake sourdough bread", mode="semantic")) == []


def test_a_tie_in_the_fusion_goes_to_the_paper_both_rankings_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from papershelf.search import services
    from papershelf.search.services import _fuse

    # 7 is keyword's first and semantic's third; 8 semantic's first, 9 keyword's second.
    fused = _fuse([7, 9], [8, 5, 7], {8: 0.9, 5: 0.5, 7: 0.4})
    assert fused[0] == 7
    # Keyword counts a little more: its first place leads semantic's first place.
    assert _fuse([1, 2], [3, 4], {3: 0.8, 4: 0.7})[0] == 1
    # Rank against equal rank at equal weights, found by one ranking each: never decided
    # by list order, but by the similarity the semantic ranking measured.
    monkeypatch.setattr(services, "KEYWORD_WEIGHT", services.SEMANTIC_WEIGHT)
    assert _fuse([1, 2], [3, 4], {3: 0.8, 4: 0.7}) == [3, 1, 4, 2]
