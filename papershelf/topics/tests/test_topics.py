"""Topics: a named, described group of papers; a paper's contributors file it under them
(who may: test_paper_topic_permissions)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.topics.models import Topic
from papershelf.topics.services import create_topic


@pytest.fixture
def topic(alice: User) -> Topic:
    return create_topic("Sequence models", "From RNNs to *attention*.", created_by=alice)


def test_a_topic_is_created_with_a_slug_and_a_markdown_description(alice_client: Client) -> None:
    response = alice_client.post(
        reverse("topics-new"),
        {"name": "  Generative models ", "slug": "", "description": "Models of $p(x)$, *sampled*."},
    )

    topic = Topic.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/topics/generative-models/"
    assert topic.name == "Generative models"
    assert '<span class="math math-inline">p(x)</span>' in topic.description_html
    assert "<em>sampled</em>" in topic.description_html
    assert topic.created_by is not None and topic.created_by.username == "alice"


def test_a_topic_may_choose_its_own_slug(alice_client: Client) -> None:
    alice_client.post(reverse("topics-new"), {"name": "Computer vision", "slug": "cv"})
    assert Topic.objects.get().get_absolute_url() == "/topics/cv/"


@pytest.mark.parametrize(
    ("name", "slug", "field"),
    [("sequence MODELS", "", "name"), ("Sequences", "sequence-models", "slug")],
)
def test_a_topic_name_or_slug_cannot_be_taken_twice(
    alice_client: Client, topic: Topic, name: str, slug: str, field: str
) -> None:
    response = alice_client.post(reverse("topics-new"), {"name": name, "slug": slug})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert Topic.objects.count() == 1


def test_the_topic_page_shows_its_description_and_papers(
    client: Client, topic: Topic, paper: Paper
) -> None:
    topic.papers.add(paper)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "<em>attention</em>" in page
    assert "Attention Is All You Need" in page
    assert paper.get_absolute_url() in page


def test_the_topics_page_counts_papers(client: Client, topic: Topic, paper: Paper) -> None:
    topic.papers.add(paper)
    page = client.get(reverse("topics-list")).content.decode()
    assert "Sequence models" in page
    assert "1 paper<" in page


def test_the_person_who_added_a_paper_tags_it_from_its_page(
    alice_client: Client, topic: Topic, paper: Paper
) -> None:
    page = alice_client.get(paper.get_absolute_url()).content.decode()
    assert f'<option value="{topic.pk}">Sequence models</option>' in page

    response = alice_client.post(reverse("papers-tag", args=[paper.pk]), {"topic": topic.pk})

    assert response.status_code == 302
    assert list(topic.papers.all()) == [paper]
    page = alice_client.get(topic.get_absolute_url()).content.decode()
    assert "Attention Is All You Need" in page


def test_a_tag_can_be_taken_off_again(alice_client: Client, topic: Topic, paper: Paper) -> None:
    topic.papers.add(paper)
    alice_client.post(reverse("papers-tag", args=[paper.pk]), {"topic": topic.pk, "remove": "1"})
    assert not topic.papers.exists()


def test_tagging_needs_a_post(alice_client: Client, topic: Topic, paper: Paper) -> None:
    response = alice_client.get(reverse("papers-tag", args=[paper.pk]), {"topic": topic.pk})
    assert response.status_code == 405
    assert not topic.papers.exists()


def test_a_visitor_cannot_tag_a_paper(client: Client, topic: Topic, paper: Paper) -> None:
    response = client.post(reverse("papers-tag", args=[paper.pk]), {"topic": topic.pk})
    assert response["Location"].startswith(reverse("accounts-login"))
    assert not topic.papers.exists()


@pytest.mark.parametrize("value", ["", "999", "not-a-number"])
def test_tagging_with_an_unknown_topic_is_404(
    alice_client: Client, paper: Paper, value: str
) -> None:
    response = alice_client.post(reverse("papers-tag", args=[paper.pk]), {"topic": value})
    assert response.status_code == 404


def test_the_creator_can_edit_a_topic(alice_client: Client, topic: Topic) -> None:
    response = alice_client.post(
        reverse("topics-edit", args=[topic.slug]),
        {"name": "Sequence models", "slug": "sequences", "description": "**Updated**"},
    )
    topic.refresh_from_db()
    assert response["Location"] == "/topics/sequences/"
    assert "<strong>Updated</strong>" in topic.description_html


def test_another_user_cannot_edit_a_topic(bob_client: Client, topic: Topic) -> None:
    url = reverse("topics-edit", args=[topic.slug])
    assert bob_client.get(url).status_code == 404
    response = bob_client.post(url, {"name": "Spam", "slug": "", "description": "spam"})
    assert response.status_code == 404
    topic.refresh_from_db()
    assert (topic.name, topic.description) == ("Sequence models", "From RNNs to *attention*.")
    assert url not in bob_client.get(topic.get_absolute_url()).content.decode()


def test_an_administrator_can_edit_any_topic(admin_client_: Client, topic: Topic) -> None:
    admin_client_.post(
        reverse("topics-edit", args=[topic.slug]),
        {"name": "Sequence modelling", "slug": "", "description": ""},
    )
    topic.refresh_from_db()
    assert topic.name == "Sequence modelling"
    assert topic.slug == "sequence-models"  # an empty slug keeps the old address


def test_a_visitor_is_sent_to_log_in_to_create_a_topic(client: Client, db: None) -> None:
    response = client.post(reverse("topics-new"), {"name": "Spam"})
    assert response["Location"].startswith(reverse("accounts-login"))
    assert not Topic.objects.exists()
