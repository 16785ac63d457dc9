"""“For you”: papers near the ones a reader summarised or listed, each with its reason.

alice summarised the lottery-ticket paper (public) and ResNet (private); bob starts
with nothing of his own; a visitor is sent to log in.
"""

from __future__ import annotations

import numpy as np
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from papershelf.accounts.models import User
from papershelf.papers.identity import merge_papers
from papershelf.papers.models import Paper
from papershelf.readinglists.services import add_paper as add_to_list
from papershelf.readinglists.services import create_list
from papershelf.search.embedding import DIMENSIONS, Embedder
from papershelf.search.models import DismissedRecommendation, Embedding, EmbeddingKind
from papershelf.search.recommendations import recommend
from papershelf.search.semantic import process_pending
from papershelf.search.tests.conftest import add_paper, add_summary

pytestmark = pytest.mark.django_db

PRUNING = (
    "Rethinking the Value of Network Pruning",
    "Network pruning removes redundant weights from an over-parameterized network; "
    "fine-tuning a pruned model gives comparable or worse performance than training "
    "the sparse model from scratch.",
)
WGAN = (
    "Wasserstein GAN",
    "We train generative adversarial networks with the earth mover distance and a "
    "critic, which stabilises the training of the generator.",
)


@pytest.fixture
def embedded(shelf: dict[str, Paper], embedder: Embedder) -> dict[str, Paper]:
    """The shelf, a pruning paper and WGAN, all with vectors."""
    shelf["pruning"] = add_paper(PRUNING[0], abstract=PRUNING[1], venue="ICLR", year=2019)
    shelf["wgan"] = add_paper(WGAN[0], abstract=WGAN[1], authors=["Martin Arjovsky"])
    process_pending()
    return shelf


def titles_for(user: User) -> list[str]:
    return [r.paper.title for r in recommend(user).recommendations]


def test_it_recommends_papers_near_the_ones_you_summarised(
    embedded: dict[str, Paper], alice: User
) -> None:
    first = recommend(alice).recommendations[0]
    assert first.paper == embedded["pruning"]
    lottery = embedded["lottery"].title
    assert first.reasons[0] == f"similar to “{lottery}” which you summarised"


def test_papers_in_your_own_lists_count_and_name_the_list(
    embedded: dict[str, Paper], bob: User
) -> None:
    generative = create_list(bob, "Generative models", visibility="private")
    add_to_list(generative, embedded["gan"])
    first = recommend(bob).recommendations[0]
    assert first.paper == embedded["wgan"]
    gan = embedded["gan"].title
    assert first.reasons[0] == f"similar to “{gan}” in your list “Generative models”"


def test_it_never_recommends_what_you_wrote_about_or_keep(
    embedded: dict[str, Paper], alice: User
) -> None:
    reading = create_list(alice, "To read")
    add_to_list(reading, embedded["pruning"])
    titles = titles_for(alice)
    for mine in ("lottery", "resnet", "pruning"):
        assert embedded[mine].title not in titles


def test_other_readers_summaries_and_lists_do_not_shape_yours(
    embedded: dict[str, Paper], alice: User, bob: User
) -> None:
    add_to_list(create_list(alice, "Generative models"), embedded["gan"])
    result = recommend(bob)
    assert result.positives == 0 and result.recommendations == []


def test_a_new_reader_is_told_how_to_get_recommendations(
    embedded: dict[str, Paper], bob_client: Client
) -> None:
    page = bob_client.get("/for-you/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "write a summary" in html and "Build a reading list" in html
    assert 'href="/lists/new"' in html


def test_papers_not_indexed_yet_say_so_instead_of_showing_nothing(
    shelf: dict[str, Paper], alice_client: Client
) -> None:
    html = alice_client.get("/for-you/").content.decode()
    assert "waiting to be indexed" in html


def test_the_page_lists_recommendations_with_reasons_and_a_dismiss_button(
    embedded: dict[str, Paper], alice_client: Client
) -> None:
    html = alice_client.get("/for-you/").content.decode()
    pruning = embedded["pruning"]
    assert pruning.title in html and "which you summarised" in html
    assert f'action="/for-you/{pruning.pk}/dismiss"' in html
    assert "csrfmiddlewaretoken" in html


def test_the_json_twin_has_the_same_recommendations_and_reasons(
    embedded: dict[str, Paper], alice: User, alice_client: Client
) -> None:
    data = alice_client.get("/for-you.json").json()
    assert data["ok"] is True and data["positives"] == 2 and data["learned"] is False
    assert [r["title"] for r in data["results"]] == titles_for(alice)
    first = data["results"][0]
    assert set(first) == {
        "id", "title", "url", "authors", "year", "venue", "score", "similarity", "reasons",
        "because",
    }  # fmt: skip
    assert first["url"].startswith("http://testserver/papers/")
    assert first["because"][0] == {
        "id": embedded["lottery"].pk,
        "title": embedded["lottery"].title,
        "via": "summary",
        "list": None,
    }


def test_the_json_twin_honours_a_limit(embedded: dict[str, Paper], alice_client: Client) -> None:
    assert len(alice_client.get("/for-you.json", {"limit": "1"}).json()["results"]) == 1


def test_visitors_are_sent_to_log_in_and_json_clients_get_the_error_shape(
    embedded: dict[str, Paper], client: Client
) -> None:
    page = client.get("/for-you/")
    assert page.status_code == 302 and "/login" in page["Location"]
    response = client.get("/for-you.json")
    assert response.status_code == 401
    assert response.json() == {"ok": False, "error": "Log in to see this.", "status": 401}


def test_the_nav_has_a_for_you_link_only_for_signed_in_readers(
    embedded: dict[str, Paper], client: Client, alice_client: Client
) -> None:
    assert 'href="/for-you/"' in alice_client.get("/").content.decode()
    assert 'href="/for-you/"' not in client.get("/").content.decode()


def test_a_dismissed_paper_is_remembered_and_not_recommended_again(
    embedded: dict[str, Paper], alice: User, alice_client: Client
) -> None:
    pruning = embedded["pruning"]
    response = alice_client.post(f"/for-you/{pruning.pk}/dismiss")
    assert response.status_code == 302 and response["Location"] == "/for-you/"
    assert DismissedRecommendation.objects.filter(user=alice, paper=pruning).exists()
    assert pruning.title not in titles_for(alice)
    alice_client.post(f"/for-you/{pruning.pk}/dismiss")  # twice is still once
    assert DismissedRecommendation.objects.count() == 1
    assert recommend(alice).dismissed == 1


def test_dismissing_wants_a_signed_in_post_with_csrf_and_a_real_paper(
    embedded: dict[str, Paper], alice: User, client: Client, alice_client: Client
) -> None:
    url = f"/for-you/{embedded['pruning'].pk}/dismiss"
    assert alice_client.get(url).status_code == 405
    assert client.post(url).status_code == 302  # to the login page
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    assert strict.post(url).status_code == 403
    assert alice_client.post("/for-you/999999/dismiss").status_code == 404
    assert not DismissedRecommendation.objects.exists()


def test_a_dismissal_follows_a_merged_paper(embedded: dict[str, Paper], alice: User) -> None:
    copy = add_paper("Rethinking the value of network pruning (copy)")
    DismissedRecommendation.objects.create(user=alice, paper=copy)
    merge_papers(embedded["pruning"], copy)
    assert DismissedRecommendation.objects.get().paper == embedded["pruning"]


def test_with_enough_examples_it_learns_from_what_you_dismiss(
    embedded: dict[str, Paper], bob: User
) -> None:
    mine = create_list(bob, "Sparse networks")
    for i, words in enumerate(["magnitude pruning of weights", "structured channel pruning",
                               "pruning at initialization", "sparse networks by pruning",
                               "iterative pruning and retraining"]):  # fmt: skip
        add_to_list(mine, add_paper(f"Pruning paper {i}", abstract=f"We study {words}."))
    add_to_list(mine, embedded["gan"])
    dcgan = add_paper(
        "Unsupervised Representation Learning with Deep Convolutional GANs",
        abstract="Convolutional generative adversarial networks learn image representations.",
    )
    process_pending()
    before = {r.paper.pk: r.score for r in recommend(bob).recommendations}
    DismissedRecommendation.objects.create(user=bob, paper=dcgan)
    after = recommend(bob)
    scores = {r.paper.pk: r.score for r in after.recommendations}
    assert after.learned
    # GANs are now half welcome (one kept, one dismissed); pruning still is.
    assert scores[embedded["wgan"].pk] < before[embedded["wgan"].pk]
    assert scores[embedded["pruning"].pk] > scores[embedded["wgan"].pk]


def _unit_vectors(count: int, seed: int) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(count, DIMENSIONS)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _with_vectors(papers: list[Paper], vectors: np.ndarray) -> None:
    Embedding.objects.bulk_create(
        Embedding(paper=paper, kind=EmbeddingKind.PAPER, text=paper.title, text_hash=str(paper.pk),
                  model_id="test", vector=vector.tobytes())
        for paper, vector in zip(papers, vectors, strict=True)
    )  # fmt: skip


def _queries(client: Client, url: str) -> int:
    client.get(url)  # the header's counts come from the cache once asked
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # The vector index looks for new rows at most once a second, whoever asks: that
    # depends on the clock, not on the page.
    syncs = [q for q in queries.captured_queries if '"search_embedding"."id" >' in q["sql"]]
    return len(queries) - len(syncs)


def test_the_page_asks_as_many_queries_for_a_busy_reader_on_a_big_shelf(
    bob: User, bob_client: Client
) -> None:
    # Synthetic vectors: clusters around a few centres, so every paper has neighbours.
    centres = _unit_vectors(8, seed=1)
    papers = [add_paper(f"Synthetic paper {i}") for i in range(400)]
    noise = _unit_vectors(400, seed=2) * 0.3
    vectors = centres[np.arange(400) % 8] + noise
    _with_vectors(papers, vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
    reading = create_list(bob, "Mine")
    add_to_list(reading, papers[0])
    add_summary(papers[1], bob, "One of mine.")
    DismissedRecommendation.objects.create(user=bob, paper=papers[2])
    few = _queries(bob_client, "/for-you/")
    for paper in papers[3:60]:
        add_to_list(reading, paper)
    for paper in papers[60:120]:
        add_summary(paper, bob, "Also mine.")
    for paper in papers[120:140]:
        DismissedRecommendation.objects.create(user=bob, paper=paper)
    assert recommend(bob).learned
    assert _queries(bob_client, "/for-you/") == few + 1  # the classifier's candidate vectors
