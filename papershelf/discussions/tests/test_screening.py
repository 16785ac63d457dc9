"""Comments, questions and answers pass the same spam rule and first-posts hold as
summaries: a held post is seen by its author and moderators only, and notifies nobody.

Personas: alice owns the summary and asks; bob posts; maud moderates; a visitor reads.
"""

from __future__ import annotations

from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from papershelf.accounts.models import User
from papershelf.discussions.models import Answer, Comment, Question
from papershelf.discussions.services import add_comment, answer_question, ask_question, edit_post
from papershelf.moderation.models import AuditEntry
from papershelf.notifications.models import Notification
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary

SPAM = "\n".join(f"Great deals at https://pills{i}.example.com" for i in range(30))


def summary_by(author: User, paper: Paper, visibility: str = "public") -> Summary:
    return create_summary(paper, author, SummaryData("A careful note.", "", visibility))


def test_a_spam_shaped_comment_is_held_and_shown_only_to_its_author_and_moderators(
    paper: Paper, alice: User, bob_client: Client, moderator_client: Client, client: Client
) -> None:
    summary = summary_by(alice, paper)
    url = reverse("discussions-comment-new", kwargs={"pk": summary.pk})
    assert bob_client.post(url, {"body": SPAM}).status_code == 302
    comment = Comment.objects.get()
    assert comment.hidden
    assert AuditEntry.objects.get().action == "hold"
    assert "pills0" not in client.get(summary.get_absolute_url()).content.decode()
    assert "pills0" in bob_client.get(summary.get_absolute_url()).content.decode()
    assert "pills0" in moderator_client.get(summary.get_absolute_url()).content.decode()
    assert "30 links" in moderator_client.get(reverse("moderation-queue")).content.decode()


def test_a_held_comment_notifies_nobody(paper: Paper, alice: User, bob: User) -> None:
    add_comment(summary_by(alice, paper), bob, SPAM)
    assert not Notification.objects.exists()
    assert not mail.outbox


def test_a_comment_on_a_private_summary_is_never_held(paper: Paper, alice: User) -> None:
    assert not add_comment(summary_by(alice, paper, "private"), alice, SPAM).hidden


def test_editing_a_comment_into_spam_holds_it(paper: Paper, alice: User, bob: User) -> None:
    comment = add_comment(summary_by(alice, paper), bob, "A fair point about section 3.")
    assert not comment.hidden
    edit_post(comment, SPAM)
    comment.refresh_from_db()
    assert comment.hidden


def test_a_spam_shaped_question_is_held_and_missing_for_visitors(
    paper: Paper, bob: User, bob_client: Client, client: Client
) -> None:
    question = ask_question(paper, bob, "Where to buy?", SPAM)
    assert Question.objects.get().hidden
    address = reverse("discussions-question", args=[paper.pk, question.pk])
    assert client.get(address).status_code == 404
    assert bob_client.get(address).status_code == 200


def test_a_held_answer_is_hidden_from_the_asker_and_notifies_nobody(
    paper: Paper, alice: User, bob: User, alice_client: Client
) -> None:
    question = ask_question(paper, alice, "Why does it converge?", "The proof skips a step.")
    answer_question(question, bob, SPAM)
    assert Answer.objects.get().hidden
    page = alice_client.get(reverse("discussions-question", args=[paper.pk, question.pk]))
    assert "pills0" not in page.content.decode()
    assert not Notification.objects.exists()


def test_a_new_accounts_first_comment_waits_when_the_setting_says_so(
    paper: Paper, alice: User, bob: User, settings: Settings
) -> None:
    summary = summary_by(alice, paper)
    settings.HOLD_FIRST_POSTS = 1
    comment = add_comment(summary, bob, "An honest first comment.")
    assert comment.hidden
    assert "first posts of a new account" in AuditEntry.objects.get(action="hold").reason


def test_moderators_comments_are_not_held(paper: Paper, alice: User, moderator: User) -> None:
    assert not add_comment(summary_by(alice, paper), moderator, SPAM).hidden


def test_editing_comments_counts_against_the_comment_limit(
    paper: Paper, alice: User, bob: User, bob_client: Client, settings: Settings
) -> None:
    settings.RATELIMIT_ENABLE = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": {"user": "1/h", "ip": "off"}}
    cache.clear()
    summary = summary_by(alice, paper)
    comment = add_comment(summary, bob, "A fair point about section 3.")
    url = reverse("discussions-comment-edit", kwargs={"pk": summary.pk, "comment_pk": comment.pk})
    assert bob_client.post(url, {"body": "Edited once."}).status_code == 302
    assert bob_client.post(url, {"body": "Edited twice."}).status_code == 429
    comment.refresh_from_db()
    assert comment.body == "Edited once."
    cache.clear()
