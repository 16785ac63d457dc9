"""Spam-shaped posts and a new account's first posts wait for a moderator."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from papershelf.accounts.models import User
from papershelf.discussions.services import add_comment
from papershelf.follows.services import follow
from papershelf.moderation.models import AuditEntry
from papershelf.moderation.services import hide, restore
from papershelf.papers.models import Paper
from papershelf.summaries.services import SummaryData, create_summary, update_summary

SPAM = "\n".join(f"Great deals at https://pills{i}.example.com" for i in range(30))


def test_a_spam_shaped_summary_is_held_with_the_reason_in_the_queue(
    paper: Paper, bob_client: Client, moderator_client: Client, client: Client
) -> None:
    response = bob_client.post(
        reverse("summaries-new", args=[paper.pk]), {"body": SPAM, "visibility": "public"}
    )
    assert response.status_code == 302
    summary = User.objects.get(username="bob").summaries.get()
    assert summary.hidden
    assert client.get(summary.get_absolute_url()).status_code == 404
    own = bob_client.get(summary.get_absolute_url()).content.decode()
    assert "Held for review" in own and "30 links (more than 20)" in own

    queue = moderator_client.get(reverse("moderation-queue")).content.decode()
    assert "held" in queue and "30 links (more than 20)" in queue
    assert AuditEntry.objects.get().action == "hold"


def test_releasing_a_held_post_publishes_it(
    paper: Paper, bob: User, moderator_client: Client, client: Client
) -> None:
    summary = create_summary(paper, bob, SummaryData(body=SPAM))
    moderator_client.post(reverse("moderation-restore", args=["summary", summary.pk]))
    assert client.get(summary.get_absolute_url()).status_code == 200


def test_a_private_summary_is_never_held_until_it_is_shared(paper: Paper, bob: User) -> None:
    summary = create_summary(paper, bob, SummaryData(body=SPAM, visibility="private"))
    assert not summary.hidden
    update_summary(summary, SummaryData(body=SPAM, visibility="public"), bob)
    assert summary.hidden


def test_moderators_posts_are_not_held(paper: Paper, moderator: User) -> None:
    assert not create_summary(paper, moderator, SummaryData(body=SPAM)).hidden


def test_a_new_accounts_first_posts_are_held_when_the_setting_says_so(
    paper: Paper, bob: User, moderator: User, settings: Settings
) -> None:
    settings.HOLD_FIRST_POSTS = 1
    first = create_summary(paper, bob, SummaryData(body="An honest first summary."))
    assert first.hidden
    restore(first, moderator, "fine")
    settings.ONE_SUMMARY_PER_USER = False
    second = create_summary(paper, bob, SummaryData(body="A second one."))
    assert not second.hidden


def test_first_posts_are_published_at_once_by_default(paper: Paper, bob: User) -> None:
    assert not create_summary(paper, bob, SummaryData(body="Straight out.")).hidden


def test_a_held_comment_notifies_the_summarys_author_only_when_released(
    paper: Paper,
    alice: User,
    bob: User,
    moderator: User,
    settings: Settings,
    django_capture_on_commit_callbacks: Any,
) -> None:
    summary = create_summary(paper, alice, SummaryData(body="Alice's notes."))
    settings.HOLD_FIRST_POSTS = 1
    comment = add_comment(summary, bob, "A first comment from a new account.")
    assert comment.hidden and not alice.notifications.filter(kind="reply").exists()
    with django_capture_on_commit_callbacks(execute=True):
        restore(comment, moderator, "fine")
    assert alice.notifications.filter(kind="reply").count() == 1


def test_a_held_summary_reaches_its_followers_when_released(
    paper: Paper, alice: User, bob: User, moderator: User, django_capture_on_commit_callbacks: Any
) -> None:
    follow(alice, paper)
    summary = create_summary(paper, bob, SummaryData(body=SPAM))
    assert summary.hidden, list(alice.notifications.values_list("kind", "text"))
    assert not alice.notifications.filter(kind="new_summary").exists()
    with django_capture_on_commit_callbacks(execute=True):
        restore(summary, moderator, "a false alarm")
    assert alice.notifications.filter(kind="new_summary").count() == 1


def test_a_reported_post_shown_again_does_not_notify_twice(
    paper: Paper, alice: User, bob: User, moderator: User, django_capture_on_commit_callbacks: Any
) -> None:
    summary = create_summary(paper, alice, SummaryData(body="Alice's notes."))
    comment = add_comment(summary, bob, "Nice summary.")
    hide(comment, moderator, "checking")
    with django_capture_on_commit_callbacks(execute=True):
        restore(comment, moderator, "fine after all")
    assert alice.notifications.filter(kind="reply").count() == 1
