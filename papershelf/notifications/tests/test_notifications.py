"""Notifications: in the app with an unread count in the header, and by e-mail (Django's
locmem backend in tests) after the change commits, each kind switchable per person, with
a signed unsubscribe link; nothing about a private summary reaches anyone but its owner.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.discussions.services import add_comment, answer_question, ask_question
from papershelf.notifications.models import Mute, Notification
from papershelf.notifications.services import unsubscribe_url
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary, update_summary
from papershelf.votes.services import cast_vote

Capture = Callable[..., AbstractContextManager[Any]]


def summary_of(paper: Paper, author: User, visibility: str = "public") -> Summary:
    return create_summary(paper, author, SummaryData("A note.", "", visibility))


def test_a_reply_is_in_the_app_and_in_the_mail_after_commit(
    alice_client: Client,
    paper: Paper,
    alice: User,
    bob: User,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    summary = summary_of(paper, bob)
    comment = add_comment(summary, alice, "Is $x$ right?")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        add_comment(summary, bob, "Yes.", parent=comment)
    assert callbacks  # e-mail waits for the commit
    assert [n.text for n in alice.notifications.all()] == [
        "bob replied to your comment on “Attention Is All You Need”"
    ]
    (message,) = mail.outbox
    assert message.to == ["alice@example.org"]
    assert "bob replied to your comment" in message.subject
    assert f"#comment-{comment.pk + 1}" in message.body
    assert "/notifications/unsubscribe/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    page = alice_client.get("/").content.decode()
    assert '<span class="unread-count">1</span>' in page


def test_nothing_is_mailed_when_the_change_rolls_back(
    paper: Paper, alice: User, bob: User, django_capture_on_commit_callbacks: Capture
) -> None:
    summary = summary_of(paper, bob)
    with django_capture_on_commit_callbacks(execute=False):
        add_comment(summary, alice, "Nice.")
    assert mail.outbox == []


def test_answers_votes_and_comments_each_notify_the_right_person(
    paper: Paper, alice: User, bob: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        question = ask_question(paper, alice, "Why?", "Because?")
        answer_question(question, bob, "That is why.")
        cast_vote(alice, summary_of(paper, bob), 1)
        add_comment(summary_of(paper, alice), bob, "Good.")
    kinds = sorted(Notification.objects.values_list("recipient__username", "kind"))
    assert kinds == [("alice", "answer"), ("alice", "reply"), ("bob", "vote")]
    assert len(mail.outbox) == 3


def test_nobody_is_told_about_their_own_doing(paper: Paper, alice: User) -> None:
    summary = summary_of(paper, alice)
    comment = add_comment(summary, alice, "Note to self.")
    add_comment(summary, alice, "Another.", parent=comment)
    assert not Notification.objects.exists()


def test_opening_a_notification_marks_it_read_and_goes_to_it(
    alice_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    summary = summary_of(paper, alice)
    comment = add_comment(summary, bob, "Hello.")
    notification = Notification.objects.get()
    assert (
        alice_client.get(reverse("notifications-open", args=[notification.pk])).status_code == 405
    )
    response = alice_client.post(reverse("notifications-open", args=[notification.pk]))
    assert response["Location"] == f"{summary.get_absolute_url()}#comment-{comment.pk}"
    notification.refresh_from_db()
    assert notification.read


def test_someone_elses_notification_is_a_404(
    bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    add_comment(summary_of(paper, alice), bob, "Hello.")
    notification = Notification.objects.get()
    assert bob_client.post(reverse("notifications-open", args=[notification.pk])).status_code == 404
    notification.refresh_from_db()
    assert not notification.read


def test_mark_all_read_clears_the_count(
    alice_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    add_comment(summary_of(paper, alice), bob, "One.")
    alice_client.post(reverse("notifications-read"))
    assert "unread-count" not in alice_client.get("/").content.decode()


def test_a_kind_switched_off_in_settings_is_neither_listed_nor_mailed(
    alice_client: Client,
    paper: Paper,
    alice: User,
    bob: User,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    page = alice_client.get(reverse("notifications-settings")).content.decode()
    assert 'name="reply-email"' in page
    on = {
        f"{kind}-{channel}": "on"
        for kind in ("answer", "vote", "new_summary")
        for channel in ("app", "email")
    }
    alice_client.post(reverse("notifications-settings"), on)
    assert set(Mute.objects.values_list("kind", "channel")) == {
        ("reply", "app"),
        ("reply", "email"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        add_comment(summary_of(paper, alice), bob, "Hello.")
    assert not Notification.objects.exists() and mail.outbox == []


def test_the_signed_unsubscribe_link_stops_that_kind_of_mail_without_logging_in(
    client: Client, alice: User, bob: User
) -> None:
    url = unsubscribe_url(alice, "vote")
    assert client.get(url).status_code == 200  # asks first; a GET changes nothing
    assert not Mute.objects.exists()
    assert client.post(url).status_code == 200
    assert list(Mute.objects.values_list("user__username", "kind", "channel")) == [
        ("alice", "vote", "email")
    ]


@pytest.mark.parametrize(
    "tamper", [lambda t: t[:-2] + "xx", lambda t: "bob" + t, lambda t: "nonsense"]
)
def test_a_forged_unsubscribe_link_is_a_404(
    client: Client, alice: User, tamper: Callable[[str], str]
) -> None:
    token = unsubscribe_url(alice, "vote").rstrip("/").split("/")[-1]
    assert (
        client.post(reverse("notifications-unsubscribe", args=[tamper(token)])).status_code == 404
    )
    assert not Mute.objects.exists()


def test_news_of_a_summary_made_private_disappears_from_other_peoples_lists(
    bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    summary = summary_of(paper, alice)
    comment = add_comment(summary, bob, "Hi.")
    add_comment(summary, alice, "Hello back.", parent=comment)
    assert "alice replied" in bob_client.get(reverse("notifications-list")).content.decode()
    update_summary(summary, SummaryData("A note.", "", "private"), alice)
    page = bob_client.get(reverse("notifications-list")).content.decode()
    assert "alice replied" not in page
    assert "unread-count" not in page


def test_a_user_without_an_e_mail_address_gets_no_mail(
    paper: Paper, alice: User, bob: User, django_capture_on_commit_callbacks: Capture
) -> None:
    User.objects.filter(pk=alice.pk).update(email="")
    alice.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        add_comment(summary_of(paper, alice), bob, "Hi.")
    assert Notification.objects.count() == 1 and mail.outbox == []


def test_the_notification_pages_need_an_account(client: Client, db: None) -> None:
    for name in ("notifications-list", "notifications-settings"):
        assert "/accounts/login/" in client.get(reverse(name))["Location"]


def test_the_header_counts_unread_notifications_up_to_99_and_then_says_99_plus(
    alice_client: Client, alice: User
) -> None:
    Notification.objects.bulk_create(
        Notification(recipient=alice, kind="reply", text=f"Reply {i}") for i in range(100)
    )
    assert '<span class="unread-count">99+</span>' in alice_client.get("/").content.decode()
    Notification.objects.filter(text="Reply 0").delete()
    assert '<span class="unread-count">99</span>' in alice_client.get("/").content.decode()
