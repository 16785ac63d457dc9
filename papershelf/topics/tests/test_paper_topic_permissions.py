"""Who may change a paper's topics: its contributors (whoever added the paper or wrote a
summary of it) and staff. Anyone else's attempt answers 404 and changes nothing; the
same holds for accepting and rejecting topic suggestions, which count for that paper only.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.search.models import RejectedSuggestion
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.topics.models import Topic
from papershelf.topics.services import create_topic


@pytest.fixture
def topic(alice: User) -> Topic:
    return create_topic("Sequence models", created_by=alice)


@pytest.fixture
def tagged(paper: Paper, topic: Topic) -> Paper:
    """alice's paper, filed under Sequence models."""
    topic.papers.add(paper)
    return paper


def remove(client: Client, paper: Paper, topic: Topic) -> int:
    url = reverse("papers-tag", args=[paper.pk])
    return client.post(url, {"topic": topic.pk, "remove": "1"}).status_code


def test_the_forbidden_topic_removal_answers_404_and_changed_nothing(
    bob_client: Client, tagged: Paper, topic: Topic
) -> None:
    assert remove(bob_client, tagged, topic) == 404
    assert list(tagged.topics.all()) == [topic]


def test_someone_who_contributed_nothing_cannot_add_a_topic_either(
    bob_client: Client, paper: Paper, topic: Topic
) -> None:
    response = bob_client.post(reverse("papers-tag", args=[paper.pk]), {"topic": topic.pk})
    assert response.status_code == 404
    assert not paper.topics.exists()


def test_the_person_who_added_the_paper_may_remove_its_topic(
    alice_client: Client, tagged: Paper, topic: Topic
) -> None:
    assert remove(alice_client, tagged, topic) == 302
    assert not tagged.topics.exists()


def test_whoever_wrote_a_summary_of_the_paper_may_change_its_topics(
    bob_client: Client, bob: User, tagged: Paper, topic: Topic
) -> None:
    create_summary(tagged, bob, SummaryData("My reading of it."))
    assert remove(bob_client, tagged, topic) == 302
    assert not tagged.topics.exists()


def test_staff_may_change_any_papers_topics(
    admin_client_: Client, tagged: Paper, topic: Topic
) -> None:
    assert remove(admin_client_, tagged, topic) == 302
    assert not tagged.topics.exists()


def test_the_paper_page_offers_topic_controls_only_to_those_who_may_use_them(
    alice_client: Client, bob_client: Client, tagged: Paper, topic: Topic
) -> None:
    create_topic("Vision")
    tag_url = reverse("papers-tag", args=[tagged.pk])

    assert tag_url in alice_client.get(tagged.get_absolute_url()).content.decode()
    bobs_view = bob_client.get(tagged.get_absolute_url()).content.decode()
    assert "Sequence models" in bobs_view
    assert tag_url not in bobs_view


@pytest.mark.parametrize("action", ["accept", "reject"])
def test_deciding_on_a_suggestion_for_someone_elses_paper_answers_404_and_changes_nothing(
    bob_client: Client, paper: Paper, topic: Topic, action: str
) -> None:
    response = bob_client.post(f"/papers/{paper.pk}/suggestions/{topic.pk}/{action}")

    assert response.status_code == 404
    assert not paper.topics.exists()
    assert not RejectedSuggestion.objects.exists()


def test_a_rejected_suggestion_counts_for_that_paper_only(
    alice_client: Client, alice: User, paper: Paper, topic: Topic
) -> None:
    other = create_paper(PaperData(title="Sequence to Sequence Learning"), added_by=alice)

    response = alice_client.post(f"/papers/{paper.pk}/suggestions/{topic.pk}/reject")

    assert response.status_code == 302
    rejected = RejectedSuggestion.objects.values_list("paper_id", "topic_id")
    assert list(rejected) == [(paper.pk, topic.pk)]
    assert other.pk not in [paper_id for paper_id, _ in rejected]
