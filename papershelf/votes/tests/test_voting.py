"""Votes on summaries: one per reader, changeable and removable, never on one's own;
paper pages put the best first; a person's reputation sums the votes on their writing.

Personas (papershelf/conftest.py): alice writes the summaries; bob votes; a visitor may
only look; nobody but alice may see her private summary, so there every vote is a 404.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.discussions.services import add_comment
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.votes.models import Vote
from papershelf.votes.services import cast_vote, reputation, score

PASSWORD = "a-long-test-password-1"


def summary_of(paper: Paper, author: User, visibility: str = "public", **kw: bool) -> Summary:
    return create_summary(
        paper, author, SummaryData(f"{author}'s {visibility} note.", "", visibility, **kw)
    )


def vote(client: Client, summary: Summary, value: str) -> int:
    url = summary.get_absolute_url() + "vote"
    return client.post(url, {"value": value}).status_code


def test_a_reader_votes_up_changes_to_down_and_takes_it_back(
    bob_client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice)
    assert vote(bob_client, summary, "1") == 302
    assert score(summary) == 1
    assert vote(bob_client, summary, "1") == 302  # again: still one vote
    assert score(summary) == 1
    assert vote(bob_client, summary, "-1") == 302
    assert score(summary) == -1
    assert vote(bob_client, summary, "0") == 302
    assert score(summary) == 0
    assert Vote.objects.count() == 0


def test_nobody_votes_on_their_own_summary(alice_client: Client, paper: Paper, alice: User) -> None:
    summary = summary_of(paper, alice)
    assert vote(alice_client, summary, "1") == 403
    assert score(summary) == 0


def test_votes_are_post_only_and_need_an_account(client: Client, paper: Paper, alice: User) -> None:
    summary = summary_of(paper, alice)
    assert client.get(summary.get_absolute_url() + "vote").status_code == 405
    response = client.post(summary.get_absolute_url() + "vote", {"value": "1"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert score(summary) == 0


def test_a_private_summary_cannot_be_voted_on_or_even_found(
    bob_client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice, "private")
    url = reverse("votes-summary", kwargs={"pk": summary.pk})
    assert bob_client.post(url, {"value": "1"}).status_code == 404
    token_url = reverse("votes-summary", kwargs={"token": summary.share_token})
    assert bob_client.post(token_url, {"value": "1"}).status_code == 404
    assert score(summary) == 0


def test_an_unlisted_summary_is_voted_on_through_its_link_only(
    bob_client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice, "unlisted")
    by_number = reverse("votes-summary", kwargs={"pk": summary.pk})
    assert bob_client.post(by_number, {"value": "1"}).status_code == 404
    assert vote(bob_client, summary, "1") == 302
    assert score(summary) == 1


def test_a_vote_goes_back_to_the_page_it_came_from_but_never_off_site(
    bob_client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice)
    url = summary.get_absolute_url() + "vote"
    back = paper.get_absolute_url() + f"#summary-{summary.pk}"
    assert bob_client.post(url, {"value": "1", "next": back})["Location"] == back
    evil = bob_client.post(url, {"value": "1", "next": "https://evil.example/"})
    assert evil["Location"] == summary.get_absolute_url()


def test_the_paper_page_shows_the_best_summary_first_and_ties_newest_first(
    client: Client, paper: Paper, alice: User, bob: User
) -> None:
    carol = create_user("carol", PASSWORD)
    dave = create_user("dave", PASSWORD)
    old = summary_of(paper, alice)
    newer = summary_of(paper, bob)
    newest = summary_of(paper, carol)
    cast_vote(dave, old, 1)
    cast_vote(bob, old, 1)
    page = client.get(paper.get_absolute_url()).content.decode()
    positions = [page.index(f'id="summary-{s.pk}"') for s in (old, newest, newer)]
    assert positions == sorted(positions)


def test_the_vote_buttons_show_the_score_and_the_readers_own_vote(
    bob_client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice)
    cast_vote(create_user("carol", PASSWORD), summary, 1)
    cast_vote(User.objects.get(username="bob"), summary, 1)
    page = bob_client.get(summary.get_absolute_url()).content.decode()
    assert '<span class="score" title="Score">2</span>' in page
    assert 'class="vote up chosen"' in page


def test_reputation_sums_votes_on_signed_summaries_and_comments(
    client: Client, paper: Paper, alice: User, bob: User
) -> None:
    carol = create_user("carol", PASSWORD)
    signed = summary_of(paper, alice)
    hidden_name = summary_of(paper, alice, anonymous=True)
    comment = add_comment(summary_of(paper, bob), alice, "A good point about $x$.")
    cast_vote(bob, signed, 1)
    cast_vote(carol, signed, 1)
    cast_vote(bob, hidden_name, 1)  # anonymous: must not unmask alice through her score
    cast_vote(carol, comment, -1)
    assert reputation(alice) == 1
    page = client.get(reverse("accounts-profile", args=["alice"])).content.decode()
    assert '<strong class="reputation">1</strong>' in page


@pytest.mark.parametrize("value", ["2", "up", ""])
def test_a_strange_value_counts_as_taking_the_vote_back(
    bob_client: Client, paper: Paper, alice: User, bob: User, value: str
) -> None:
    summary = summary_of(paper, alice)
    cast_vote(bob, summary, 1)
    assert vote(bob_client, summary, value) == 302
    assert score(summary) == 0
