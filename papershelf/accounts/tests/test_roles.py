"""Who moderates is cached across requests, and any change of roles shows at once."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.accounts.roles import moderators_group


def _sees_the_queue(client: Client) -> bool:
    return client.get(reverse("moderation-queue")).status_code == 200


def test_joining_and_leaving_the_moderators_shows_at_the_next_request(
    alice_client: Client, alice: User
) -> None:
    assert not _sees_the_queue(alice_client)  # the answer "no" is now cached
    group = moderators_group()
    group.user_set.add(alice)
    assert _sees_the_queue(alice_client)
    assert "Queue</a>" in alice_client.get("/").content.decode()
    group.user_set.remove(alice)
    assert not _sees_the_queue(alice_client)
    assert "Queue</a>" not in alice_client.get("/").content.decode()


def test_a_permission_taken_from_the_group_is_gone_at_the_next_request(
    alice_client: Client, alice: User
) -> None:
    group = moderators_group()
    group.user_set.add(alice)
    assert _sees_the_queue(alice_client)
    group.permissions.remove(Permission.objects.get(codename="moderate"))
    assert not _sees_the_queue(alice_client)


def test_a_permission_given_to_the_person_directly_counts_at_once(
    alice_client: Client, alice: User
) -> None:
    assert not _sees_the_queue(alice_client)
    alice.user_permissions.add(Permission.objects.get(codename="moderate"))
    assert _sees_the_queue(alice_client)
