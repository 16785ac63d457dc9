"""Who sees which summary: private is the author's alone, unlisted is by link only,
anonymous hides the author's name; nobody changes another person's summary."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary


def summary_of(paper: Paper, author: User, visibility: str, anonymous: bool = False) -> Summary:
    body = f"A {visibility} note."
    return create_summary(paper, author, SummaryData(body, "", visibility, anonymous))


CHANGES = {"body": "Defaced", "title": "", "visibility": "public", "message": ""}


def routes(summary: Summary) -> list[tuple[str, str]]:
    """(method, url) for everything one can do with a summary besides reading it."""
    pk = summary.pk
    return [
        ("get", reverse("summaries-edit", args=[pk])),
        ("post", reverse("summaries-edit", args=[pk])),
        ("get", reverse("summaries-history", args=[pk])),
        ("get", reverse("summaries-revision", args=[pk, 1])),
        ("post", reverse("summaries-restore", args=[pk, 1])),
        ("post", reverse("summaries-delete", args=[pk])),
    ]


def assert_unchanged(summary: Summary) -> None:
    before = (summary.body, summary.visibility)
    summary.refresh_from_db()
    assert (summary.body, summary.visibility) == before
    assert summary.revisions.count() == 1


@pytest.mark.parametrize("visibility", ["public", "unlisted", "private"])
def test_the_author_can_open_every_page_of_their_summary(
    alice_client: Client, paper: Paper, alice: User, visibility: str
) -> None:
    summary = summary_of(paper, alice, visibility)
    pages = [
        summary.get_absolute_url(),
        reverse("summaries-edit", args=[summary.pk]),
        reverse("summaries-history", args=[summary.pk]),
        reverse("summaries-revision", args=[summary.pk, 1]),
    ]
    for url in pages:
        assert alice_client.get(url).status_code == 200, url


def test_a_private_summary_is_404_for_another_user_everywhere(
    bob_client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice, "private")

    assert bob_client.get(summary.get_absolute_url()).status_code == 404
    for method, url in routes(summary):
        data = CHANGES if method == "post" else None
        assert getattr(bob_client, method)(url, data).status_code == 404, url
    assert_unchanged(summary)


def test_a_private_summary_is_404_for_a_visitor_who_must_log_in_to_change_anything(
    client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice, "private")

    assert client.get(summary.get_absolute_url()).status_code == 404
    for method, url in routes(summary):
        data = CHANGES if method == "post" else None
        response = getattr(client, method)(url, data)
        # The same answer as for a summary that does not exist: nothing is revealed.
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts-login")), url
    assert_unchanged(summary)


@pytest.mark.parametrize("visibility", ["public", "unlisted"])
def test_another_user_can_read_but_not_change_a_shared_summary(
    bob_client: Client, paper: Paper, alice: User, visibility: str
) -> None:
    summary = summary_of(paper, alice, visibility)

    page = bob_client.get(summary.get_absolute_url()).content.decode()
    assert f"A {visibility} note." in page
    assert reverse("summaries-edit", args=[summary.pk]) not in page
    for method, url in routes(summary):
        data = CHANGES if method == "post" else None
        assert getattr(bob_client, method)(url, data).status_code == 404, url
    assert_unchanged(summary)


def test_a_private_summary_is_listed_nowhere_for_others(
    bob_client: Client, client: Client, paper: Paper, alice: User
) -> None:
    summary_of(paper, alice, "private")
    for viewer in (bob_client, client):
        for url in [paper.get_absolute_url(), reverse("home"), "/users/alice/"]:
            assert "A private note." not in viewer.get(url).content.decode(), url


def test_an_unlisted_summary_opens_by_link_but_is_listed_nowhere_for_others(
    bob_client: Client, client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice, "unlisted")
    for viewer in (bob_client, client):
        assert viewer.get(summary.get_absolute_url()).status_code == 200
        for url in [paper.get_absolute_url(), reverse("home"), "/users/alice/"]:
            page = viewer.get(url).content.decode()
            assert "A unlisted note." not in page, url
            assert summary.get_absolute_url() not in page, url


def test_the_author_sees_their_unlisted_and_private_summaries_listed(
    alice_client: Client, paper: Paper, alice: User
) -> None:
    summary_of(paper, alice, "private")
    profile = alice_client.get("/users/alice/").content.decode()
    paper_page = alice_client.get(paper.get_absolute_url()).content.decode()
    assert "A private note." in paper_page
    assert '<span class="badge">private</span>' in profile


def test_an_anonymous_summary_shows_anonymous_instead_of_the_author(
    bob_client: Client, client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice, "public", anonymous=True)
    for viewer in (bob_client, client):
        for url in [summary.get_absolute_url(), paper.get_absolute_url(), reverse("home")]:
            page = viewer.get(url).content.decode()
            assert "Anonymous" in page, url
            assert "by alice" not in page, url
            assert "/users/alice/" not in page, url


def test_an_anonymous_summary_is_not_on_the_authors_public_profile(
    bob_client: Client, client: Client, alice_client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice, "public", anonymous=True)
    for viewer in (bob_client, client):
        page = viewer.get("/users/alice/").content.decode()
        assert summary.get_absolute_url() not in page
        assert "No public summaries yet." in page
    assert summary.get_absolute_url() in alice_client.get("/users/alice/").content.decode()


def test_deleting_needs_a_post(alice_client: Client, summary: Summary) -> None:
    response = alice_client.get(reverse("summaries-delete", args=[summary.pk]))
    assert response.status_code == 405
    assert Summary.objects.filter(pk=summary.pk).exists()


def test_the_author_can_delete_their_summary_with_its_history(
    alice_client: Client, summary: Summary, paper: Paper
) -> None:
    response = alice_client.post(reverse("summaries-delete", args=[summary.pk]))
    assert response.status_code == 302
    assert response["Location"] == paper.get_absolute_url()
    assert not Summary.objects.exists()
    assert alice_client.get(summary.get_absolute_url()).status_code == 404
