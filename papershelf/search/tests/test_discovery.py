from __future__ import annotations

import numpy as np
import pytest
from django.test import Client

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.readinglists.services import add_paper, create_list
from papershelf.search import discovery
from papershelf.search.discovery import (
    related_papers,
    suggest_topics,
    train_logistic_regression,
)
from papershelf.search.embedding import Embedder
from papershelf.search.models import RejectedSuggestion
from papershelf.search.semantic import process_pending
from papershelf.search.tests.conftest import add_paper as new_paper
from papershelf.topics.services import create_topic, tag_paper

pytestmark = pytest.mark.django_db


def added_by(paper: Paper, user: User) -> Paper:
    """Make ``user`` the paper's contributor: only contributors decide on its suggestions."""
    Paper.objects.filter(pk=paper.pk).update(added_by=user)
    paper.added_by = user
    return paper


@pytest.fixture
def embedded(shelf: dict[str, Paper], embedder: Embedder) -> dict[str, Paper]:
    process_pending()
    return shelf


def test_related_papers_come_with_reasons(embedded: dict[str, Paper], alice: User) -> None:
    tag_paper(embedded["lottery"], embedded["bn"].topics.get())
    reading = create_list(alice, "Training tricks")
    add_paper(reading, embedded["bn"])
    add_paper(reading, embedded["resnet"])
    related = {r.paper.title: r.reasons for r in related_papers(embedded["bn"], alice)}
    assert "shares topic Normalization" in related[embedded["lottery"].title]
    assert "in the same reading list “Training tricks”" in related[embedded["resnet"].title]
    assert any(reason.startswith("similar") for reasons in related.values() for reason in reasons)
    assert embedded["bn"].title not in related


def test_related_papers_hide_reading_lists_the_reader_may_not_see(
    embedded: dict[str, Paper], alice: User, bob: User
) -> None:
    secret = create_list(alice, "Secret plan", visibility="private")
    add_paper(secret, embedded["bn"])
    add_paper(secret, embedded["gan"])
    for related in related_papers(embedded["bn"], bob):
        assert not any("Secret plan" in reason for reason in related.reasons)


def test_a_papers_neighbours_are_searched_once_and_their_summaries_checked_every_visit(
    embedded: dict[str, Paper], alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from papershelf.search import discovery
    from papershelf.summaries.models import Summary

    body = (
        "Normalizing each layer's inputs over the mini-batch reduces internal covariate "
        "shift and accelerates the training of deep networks."
    )
    summary = Summary.objects.create(
        paper=embedded["gan"], author=alice, body=body, visibility="public"
    )
    process_pending()
    searches: list[int] = []
    search = discovery.neighbour_rows

    def counted(*args: object, **kwargs: object) -> object:
        searches.append(1)  # the vector index's search, whichever backend holds it
        return search(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(discovery, "neighbour_rows", counted)

    def reasons() -> list[str]:
        related = related_papers(embedded["bn"], alice)
        return [reason for r in related if r.paper == embedded["gan"] for reason in r.reasons]

    first = reasons()
    assert "similar summary" in first
    Summary.objects.filter(pk=summary.pk).update(visibility="private")
    second = reasons()
    assert len(searches) == 1
    assert "similar summary" not in second


def test_a_paper_without_topics_gets_zero_shot_suggestions(embedded: dict[str, Paper]) -> None:
    paper = new_paper(
        "Wasserstein GAN",
        abstract="We train generative adversarial networks with the earth mover distance "
        "and a critic, which stabilises the training of the generator.",
    )
    process_pending()
    suggestions = suggest_topics(paper)
    assert [s.topic.name for s in suggestions][:1] == ["GANs"]
    assert suggestions[0].reason == "matches the description of GANs"


def test_a_topic_with_enough_papers_learns_from_them(embedded: dict[str, Paper]) -> None:
    topic = create_topic("Pruning", "")  # no description: only its papers can teach it
    for i, words in enumerate(["magnitude pruning of weights", "structured channel pruning",
                               "pruning at initialization", "sparse networks by pruning",
                               "iterative pruning and retraining"]):  # fmt: skip
        tag_paper(new_paper(f"Pruning paper {i}", abstract=f"We study {words}."), topic)
    paper = new_paper("Prune early", abstract="Magnitude pruning removes the small weights.")
    process_pending()
    suggestion = next(s for s in suggest_topics(paper) if s.topic == topic)
    assert suggestion.reason == "like the 5 papers in Pruning"


def test_a_topic_learns_again_after_a_rejection_but_not_for_every_new_paper(
    embedded: dict[str, Paper], alice: User
) -> None:
    topic = create_topic("Pruning", "")
    for i in range(20):
        tag_paper(new_paper(f"Pruning paper {i}", abstract=f"We prune {i} weights."), topic)
    paper = new_paper("Prune early", abstract="Magnitude pruning removes the small weights.")
    process_pending()
    suggest_topics(paper)
    trained = discovery._topic_models[topic.pk].trained
    tag_paper(new_paper("Pruning paper 20", abstract="Pruning again."), topic)  # 5% more
    process_pending()
    suggest_topics(paper)
    assert discovery._topic_models[topic.pk].trained == trained
    discovery.reject_suggestion(new_paper("Not pruning", abstract="Birds."), topic, alice)
    suggest_topics(paper)
    assert discovery._topic_models[topic.pk].trained > trained


def test_a_rejected_suggestion_is_remembered(
    embedded: dict[str, Paper], alice_client: Client, alice: User
) -> None:
    paper = new_paper("Wasserstein GAN", abstract="Generative adversarial networks, critic.")
    added_by(paper, alice)
    process_pending()
    gans = embedded["gan"].topics.get()
    assert gans in [s.topic for s in suggest_topics(paper)]
    response = alice_client.post(f"/papers/{paper.pk}/suggestions/{gans.pk}/reject")
    assert response.status_code == 302
    assert RejectedSuggestion.objects.filter(paper=paper, topic=gans).exists()
    assert gans not in [s.topic for s in suggest_topics(paper)]


def test_accepting_a_suggestion_tags_the_paper(
    embedded: dict[str, Paper], alice_client: Client, alice: User
) -> None:
    gans = embedded["gan"].topics.get()
    paper = added_by(new_paper("Wasserstein GAN"), alice)
    alice_client.post(f"/papers/{paper.pk}/suggestions/{gans.pk}/accept")
    assert list(paper.topics.all()) == [gans]


def test_suggestion_endpoints_want_a_post_from_someone_signed_in(
    embedded: dict[str, Paper], client: Client, alice_client: Client
) -> None:
    paper, gans = embedded["resnet"], embedded["gan"].topics.get()
    assert alice_client.get(f"/papers/{paper.pk}/suggestions/{gans.pk}/accept").status_code == 405
    client.post(f"/papers/{paper.pk}/suggestions/{gans.pk}/accept")
    assert not paper.topics.exists()


def test_the_paper_page_shows_related_papers_and_suggestions(
    embedded: dict[str, Paper], alice_client: Client, alice: User
) -> None:
    paper = new_paper("Wasserstein GAN", abstract="Generative adversarial networks, critic.")
    added_by(paper, alice)
    process_pending()
    html = alice_client.get(paper.get_absolute_url()).content.decode()
    assert "Related papers" in html and embedded["gan"].title in html
    assert "Suggested topics" in html and "/reject" in html


def test_logistic_regression_separates_two_clouds() -> None:
    rng = np.random.default_rng(0)
    positives = rng.normal(1.0, 0.3, (20, 8))
    negatives = rng.normal(-1.0, 0.3, (40, 8))
    w, b = train_logistic_regression(positives, negatives)
    assert (positives @ w + b > 0).all() and (negatives @ w + b < 0).all()
