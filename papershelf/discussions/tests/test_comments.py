"""Threaded comments on a summary: Markdown with math through the summaries' renderer,
edited with a mark, deleted by their author (a placeholder where replies hang on), and
exactly as visible as the summary they are on.

Personas: alice owns the summaries; bob comments; a visitor reads; admin moderates.
"""

from __future__ import annotations

import pytest
from django.test import Client

from papershelf.accounts.models import User
from papershelf.discussions.models import Comment
from papershelf.discussions.services import add_comment
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary


def summary_of(paper: Paper, author: User, visibility: str = "public") -> Summary:
    return create_summary(paper, author, SummaryData("A note.", "", visibility))


def post_comment(client: Client, summary: Summary, body: str, parent: int | None = None) -> int:
    data = {"body": body, **({"parent": str(parent)} if parent else {})}
    return client.post(summary.get_absolute_url() + "comments", data).status_code


def test_a_comment_renders_markdown_and_math_like_a_summary(
    bob_client: Client, client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice)
    assert post_comment(bob_client, summary, r"Why is $\nabla f = 0$ **enough**?") == 302
    page = client.get(summary.get_absolute_url()).content.decode()
    assert r'<span class="math math-inline">\nabla f = 0</span>' in page
    assert "<strong>enough</strong>" in page
    assert "$" not in Comment.objects.get().body_html


def test_replies_nest_under_the_comment_they_answer(
    bob_client: Client, alice_client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice)
    post_comment(bob_client, summary, "A question.")
    question = Comment.objects.get()
    post_comment(alice_client, summary, "An answer.", parent=question.pk)
    reply = Comment.objects.get(body="An answer.")
    assert reply.parent == question
    page = alice_client.get(summary.get_absolute_url()).content.decode()
    thread = page.split(f'id="comment-{question.pk}"')[1]
    assert f'id="comment-{reply.pk}"' in thread.split("</li>\n</ol>")[0]


def test_a_comment_is_escaped_never_run(
    bob_client: Client, client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice)
    post_comment(bob_client, summary, '<script>alert(1)</script><img src=x onerror="alert(2)">')
    page = client.get(summary.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page  # shown as text, never as an element


def test_the_author_edits_a_comment_and_it_is_marked_edited(
    bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    summary = summary_of(paper, alice)
    comment = add_comment(summary, bob, "Frist.")
    url = f"{summary.get_absolute_url()}comments/{comment.pk}/edit"
    assert bob_client.get(url).status_code == 200
    assert bob_client.post(url, {"body": "First, $x^2$."}).status_code == 302
    comment.refresh_from_db()
    assert comment.body == "First, $x^2$." and comment.edited_at is not None
    assert '<span class="math math-inline">x^2</span>' in comment.body_html
    page = bob_client.get(summary.get_absolute_url()).content.decode()
    assert 'class="edited"' in page


def test_nobody_else_edits_or_deletes_a_comment(
    alice_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    summary = summary_of(paper, alice)
    comment = add_comment(summary, bob, "Mine.")
    base = f"{summary.get_absolute_url()}comments/{comment.pk}/"
    assert alice_client.get(base + "edit").status_code == 404
    assert alice_client.post(base + "edit", {"body": "Defaced"}).status_code == 404
    assert alice_client.post(base + "delete").status_code == 404
    comment.refresh_from_db()
    assert comment.body == "Mine."


def test_deleting_a_comment_without_replies_removes_it(
    bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    summary = summary_of(paper, alice)
    comment = add_comment(summary, bob, "Oops.")
    bob_client.post(f"{summary.get_absolute_url()}comments/{comment.pk}/delete")
    assert not Comment.objects.exists()


def test_a_deleted_comment_with_replies_leaves_a_placeholder_until_they_go(
    bob_client: Client, alice_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    summary = summary_of(paper, alice)
    comment = add_comment(summary, bob, "Something rash.")
    reply = add_comment(summary, alice, "A reply.", parent=comment)
    bob_client.post(f"{summary.get_absolute_url()}comments/{comment.pk}/delete")
    comment.refresh_from_db()
    assert comment.deleted and comment.body == "" and comment.body_html == ""
    page = bob_client.get(summary.get_absolute_url()).content.decode()
    assert "[deleted]" in page and "Something rash." not in page and "A reply." in page
    alice_client.post(f"{summary.get_absolute_url()}comments/{reply.pk}/delete")
    assert not Comment.objects.exists()


def test_a_private_summarys_comments_are_its_owners_alone(
    alice_client: Client, bob_client: Client, client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice, "private")
    assert post_comment(alice_client, summary, "A note to self.") == 302
    comment = Comment.objects.get()
    assert post_comment(bob_client, summary, "Let me in.") == 404
    for reader in (bob_client, client):
        assert reader.get(f"/summaries/{summary.pk}/").status_code == 404
        assert reader.get(f"/s/{summary.share_token}/").status_code == 404
    base = f"/s/{summary.share_token}/comments/{comment.pk}/"
    assert bob_client.post(base + "vote", {"value": "1"}).status_code == 404
    assert Comment.objects.count() == 1


def test_an_unlisted_summarys_thread_is_reached_through_its_link_only(
    bob_client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice, "unlisted")
    assert bob_client.post(f"/summaries/{summary.pk}/comments", {"body": "Hi"}).status_code == 404
    assert post_comment(bob_client, summary, "Found it by the link.") == 302
    page = bob_client.get(summary.get_absolute_url()).content.decode()
    assert "Found it by the link." in page


def test_a_hidden_comment_is_shown_only_to_its_author_and_moderators(
    client: Client,
    alice_client: Client,
    bob_client: Client,
    admin_client_: Client,
    paper: Paper,
    alice: User,
    bob: User,
) -> None:
    summary = summary_of(paper, alice)
    comment = add_comment(summary, bob, "Buy cheap pills.")
    Comment.objects.filter(pk=comment.pk).update(hidden=True)
    url = summary.get_absolute_url()
    for reader in (client, alice_client):
        assert "Buy cheap pills." not in reader.get(url).content.decode()
    for reader in (bob_client, admin_client_):
        page = reader.get(url).content.decode()
        assert "Buy cheap pills." in page and "hidden by a moderator" in page
    reply = alice_client.post(url + "comments", {"body": "No.", "parent": comment.pk})
    assert reply.status_code == 404


@pytest.mark.parametrize("body", ["", "   ", "x" * 20_001])
def test_an_empty_or_huge_comment_is_refused_with_a_message(
    bob_client: Client, paper: Paper, alice: User, body: str
) -> None:
    summary = summary_of(paper, alice)
    response = bob_client.post(summary.get_absolute_url() + "comments", {"body": body}, follow=True)
    assert not Comment.objects.exists()
    assert "A comment needs some text" in response.content.decode()


def test_commenting_needs_an_account_and_a_post(client: Client, paper: Paper, alice: User) -> None:
    summary = summary_of(paper, alice)
    url = summary.get_absolute_url() + "comments"
    assert client.get(url).status_code == 405
    assert "/accounts/login/" in client.post(url, {"body": "Hi"})["Location"]
    assert not Comment.objects.exists()
