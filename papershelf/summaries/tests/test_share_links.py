"""Unlisted means "anyone with the link", and the link is an unguessable token: counting
summary numbers finds nothing, the token address opens the summary."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary, update_summary


def summary_of(paper: Paper, author: User, visibility: str) -> Summary:
    return create_summary(paper, author, SummaryData(f"A {visibility} note.", "", visibility))


def test_every_summary_gets_a_22_character_url_safe_token(alice: User, paper: Paper) -> None:
    first, second = summary_of(paper, alice, "unlisted"), summary_of(paper, alice, "public")

    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", first.share_token)
    assert first.share_token != second.share_token


def test_the_numeric_url_of_an_unlisted_summary_answers_404_to_bob_and_a_visitor(
    bob_client: Client, client: Client, alice: User, paper: Paper
) -> None:
    summary = summary_of(paper, alice, "unlisted")

    assert bob_client.get(f"/summaries/{summary.pk}/").status_code == 404
    assert client.get(f"/summaries/{summary.pk}/").status_code == 404


def test_the_token_url_of_an_unlisted_summary_answers_200_to_anyone(
    bob_client: Client, client: Client, alice: User, paper: Paper
) -> None:
    summary = summary_of(paper, alice, "unlisted")

    assert summary.get_absolute_url() == f"/s/{summary.share_token}/"
    for viewer in (bob_client, client):
        response = viewer.get(f"/s/{summary.share_token}/")
        assert response.status_code == 200
        assert "A unlisted note." in response.content.decode()


def test_the_author_still_opens_the_numeric_url_and_sees_the_share_link(
    alice_client: Client, alice: User, paper: Paper
) -> None:
    summary = summary_of(paper, alice, "unlisted")

    page = alice_client.get(f"/summaries/{summary.pk}/").content.decode()

    assert f"http://testserver/s/{summary.share_token}/" in page


def test_others_do_not_see_the_share_link_box(
    bob_client: Client, alice: User, paper: Paper
) -> None:
    summary = summary_of(paper, alice, "unlisted")
    assert "Share link" not in bob_client.get(summary.get_absolute_url()).content.decode()


def test_a_public_summary_keeps_its_numeric_url(client: Client, alice: User, paper: Paper) -> None:
    summary = summary_of(paper, alice, "public")

    assert summary.get_absolute_url() == f"/summaries/{summary.pk}/"
    assert client.get(f"/summaries/{summary.pk}/").status_code == 200


@pytest.mark.parametrize("token", ["nope", "A" * 22])
def test_a_wrong_token_answers_404(client: Client, alice: User, paper: Paper, token: str) -> None:
    summary_of(paper, alice, "unlisted")
    assert client.get(f"/s/{token}/").status_code == 404


def test_the_token_url_of_a_private_summary_answers_404_to_others(
    bob_client: Client, alice_client: Client, alice: User, paper: Paper
) -> None:
    summary = summary_of(paper, alice, "private")

    assert bob_client.get(f"/s/{summary.share_token}/").status_code == 404
    assert alice_client.get(f"/s/{summary.share_token}/").status_code == 200


def test_a_link_shared_before_making_it_private_stays_dead_when_unlisted_again(
    client: Client, alice: User, paper: Paper
) -> None:
    summary = summary_of(paper, alice, "unlisted")
    old_link = summary.get_absolute_url()

    update_summary(summary, SummaryData(summary.body, "", "private"), alice)
    update_summary(summary, SummaryData(summary.body, "", "unlisted"), alice)

    assert client.get(old_link).status_code == 404
    assert client.get(summary.get_absolute_url()).status_code == 200


def test_editing_an_unlisted_summary_keeps_its_link(
    client: Client, alice: User, paper: Paper
) -> None:
    summary = summary_of(paper, alice, "unlisted")
    link = summary.get_absolute_url()

    update_summary(summary, SummaryData("Better words.", "", "unlisted"), alice)

    assert client.get(link).status_code == 200


def test_the_authors_pages_link_the_unlisted_summary_by_its_token_only(
    alice_client: Client, alice: User, paper: Paper
) -> None:
    summary = summary_of(paper, alice, "unlisted")

    for url in ["/", paper.get_absolute_url(), "/users/alice/"]:
        page = alice_client.get(url).content.decode()
        assert f'href="/summaries/{summary.pk}/"' not in page, url
    assert f'href="/s/{summary.share_token}/"' in alice_client.get("/users/alice/").content.decode()
