"""Following a paper, a topic, a reading list or a person: a personal feed of their new
public summaries and discussions, and a notification for each new public summary.
Private and unlisted things are never followed, fed or announced."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.discussions.services import add_comment, ask_question
from papershelf.follows.models import Follow
from papershelf.follows.services import follow
from papershelf.notifications.models import Notification
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.services import add_paper, create_list
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.topics.services import create_topic, tag_paper

PASSWORD = "a-long-test-password-1"


def summary_of(
    paper: Paper, author: User, body: str, visibility: str = "public", anonymous: bool = False
) -> Summary:
    return create_summary(paper, author, SummaryData(body, "", visibility, anonymous))


def toggle(client: Client, kind: str, pk: int, unfollow: bool = False) -> int:
    data = {"unfollow": "1"} if unfollow else {}
    return client.post(reverse("follows-toggle", args=[kind, pk]), data).status_code


def test_following_and_unfollowing_a_topic_from_its_page(alice_client: Client, alice: User) -> None:
    topic = create_topic("Generative models")
    page = alice_client.get(topic.get_absolute_url()).content.decode()
    assert "Follow · 0" in page
    assert toggle(alice_client, "topic", topic.pk) == 302
    assert toggle(alice_client, "topic", topic.pk) == 302  # twice is still once
    assert Follow.objects.filter(follower=alice, topic=topic).count() == 1
    assert "Following · 1" in alice_client.get(topic.get_absolute_url()).content.decode()
    toggle(alice_client, "topic", topic.pk, unfollow=True)
    assert not Follow.objects.exists()


def test_a_new_summary_in_a_followed_topic_reaches_the_feed_and_the_notifications(
    bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    topic = create_topic("Sequence models")
    tag_paper(paper, topic)
    follow(bob, topic)
    summary_of(paper, alice, "Attention, summarised.")
    feed = bob_client.get(reverse("follows-feed")).content.decode()
    assert "New summary by alice" in feed and paper.title in feed
    (notification,) = Notification.objects.filter(recipient=bob)
    assert notification.kind == "new_summary"
    assert notification.text == "alice summarised “Attention Is All You Need”"


def test_private_and_unlisted_summaries_reach_no_feed_and_no_follower(
    bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    follow(bob, paper)
    follow(bob, alice)
    summary_of(paper, alice, "Secret.", "private")
    summary_of(paper, create_user("carol", PASSWORD), "By link only.", "unlisted")
    feed = bob_client.get(reverse("follows-feed")).content.decode()
    assert "New summary" not in feed
    assert not Notification.objects.exists()


def test_following_a_person_does_not_unmask_their_anonymous_summaries(
    bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    follow(bob, alice)
    summary_of(paper, alice, "Anonymously.", anonymous=True)
    assert "New summary" not in bob_client.get(reverse("follows-feed")).content.decode()
    assert not Notification.objects.exists()


def test_a_followed_public_reading_list_feeds_summaries_of_its_papers(
    bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    reading_list = create_list(alice, "Transformers")
    add_paper(reading_list, paper)
    assert toggle(bob_client, "list", reading_list.pk) == 302
    summary_of(paper, create_user("carol", PASSWORD), "Carol's take.")
    assert "New summary by carol" in bob_client.get(reverse("follows-feed")).content.decode()


def test_a_private_or_unlisted_reading_list_cannot_be_followed(
    bob_client: Client, alice_client: Client, alice: User
) -> None:
    for visibility in ("private", "unlisted"):
        reading_list = create_list(alice, f"A {visibility} list", visibility=visibility)
        assert toggle(bob_client, "list", reading_list.pk) == 404
        assert toggle(alice_client, "list", reading_list.pk) == 404
    assert not Follow.objects.exists()


def test_questions_and_comments_on_followed_papers_are_in_the_feed(
    bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    follow(bob, paper)
    summary = summary_of(paper, alice, "A summary.")
    ask_question(paper, alice, "What is a head?", "In multi-head attention.")
    add_comment(summary, alice, "An afterthought.")
    other = create_paper(PaperData(title="Unfollowed paper"), added_by=alice)
    ask_question(other, alice, "Not for bob", "No.")
    feed = bob_client.get(reverse("follows-feed")).content.decode()
    assert "What is a head?" in feed
    assert "alice commented on a summary" in feed
    assert "Not for bob" not in feed


def test_following_needs_an_account_a_post_and_something_real(
    client: Client, alice_client: Client, alice: User
) -> None:
    assert client.post(reverse("follows-toggle", args=["user", alice.pk])).status_code == 302
    assert alice_client.get(reverse("follows-toggle", args=["paper", 1])).status_code == 405
    assert toggle(alice_client, "paper", 999) == 404
    assert toggle(alice_client, "planet", 1) == 404
    assert not Follow.objects.exists()


def test_nobody_follows_themselves(alice_client: Client, alice: User) -> None:
    toggle(alice_client, "user", alice.pk)
    assert not Follow.objects.exists()


def test_a_profile_has_a_follow_button_and_feeds(bob_client: Client, alice: User) -> None:
    page = bob_client.get(reverse("accounts-profile", args=["alice"])).content.decode()
    assert "Follow · 0" in page
    assert reverse("feeds-user-atom", args=["alice"]) in page
