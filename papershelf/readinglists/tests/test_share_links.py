"""Unlisted reading lists are opened by an unguessable link, never by counting ids."""

from __future__ import annotations

import re

from django.test import Client

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.readinglists.services import add_paper, create_list, update_list


def test_the_numeric_url_of_an_unlisted_list_answers_404_to_bob_and_a_visitor(
    bob_client: Client, client: Client, alice: User
) -> None:
    unlisted = create_list(alice, "By link only", visibility="unlisted")

    assert bob_client.get(f"/lists/{unlisted.pk}/").status_code == 404
    assert client.get(f"/lists/{unlisted.pk}/").status_code == 404


def test_the_token_url_of_an_unlisted_list_answers_200_to_anyone(
    bob_client: Client, client: Client, alice: User
) -> None:
    unlisted = create_list(alice, "By link only", visibility="unlisted")

    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", unlisted.share_token)
    assert unlisted.get_absolute_url() == f"/l/{unlisted.share_token}/"
    for viewer in (bob_client, client):
        response = viewer.get(f"/l/{unlisted.share_token}/")
        assert response.status_code == 200
        assert "By link only" in response.content.decode()


def test_the_owner_opens_the_numeric_url_and_sees_the_share_link(
    alice_client: Client, alice: User
) -> None:
    unlisted = create_list(alice, "By link only", visibility="unlisted")

    page = alice_client.get(f"/lists/{unlisted.pk}/").content.decode()

    assert f"http://testserver/l/{unlisted.share_token}/" in page


def test_a_public_list_keeps_its_numeric_url(client: Client, alice: User) -> None:
    public = create_list(alice, "Open")

    assert public.get_absolute_url() == f"/lists/{public.pk}/"
    assert client.get(f"/lists/{public.pk}/").status_code == 200


def test_a_wrong_token_answers_404(client: Client, alice: User) -> None:
    create_list(alice, "By link only", visibility="unlisted")
    assert client.get("/l/" + "A" * 22 + "/").status_code == 404


def test_the_token_url_of_a_private_list_answers_404_to_others(
    bob_client: Client, alice_client: Client, alice: User
) -> None:
    private = create_list(alice, "Mine", visibility="private")

    assert bob_client.get(f"/l/{private.share_token}/").status_code == 404
    assert alice_client.get(f"/l/{private.share_token}/").status_code == 200


def test_a_link_shared_before_making_it_private_stays_dead_when_unlisted_again(
    client: Client, alice: User
) -> None:
    reading_list = create_list(alice, "By link only", visibility="unlisted")
    old_link = reading_list.get_absolute_url()

    update_list(reading_list, reading_list.title, "", "private")
    update_list(reading_list, reading_list.title, "", "unlisted")

    assert client.get(old_link).status_code == 404
    assert client.get(reading_list.get_absolute_url()).status_code == 200


def test_the_owners_pages_link_the_unlisted_list_by_its_token_only(
    alice_client: Client, alice: User, paper: Paper
) -> None:
    unlisted = create_list(alice, "By link only", visibility="unlisted")
    add_paper(unlisted, paper)

    for url in ["/lists/", paper.get_absolute_url(), "/users/alice/"]:
        page = alice_client.get(url).content.decode()
        assert f'href="/l/{unlisted.share_token}/"' in page, url
        assert f'href="/lists/{unlisted.pk}/"' not in page, url
