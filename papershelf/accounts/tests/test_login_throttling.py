"""Guessing passwords: after a few wrong ones, logins to that account or from that address pause.

Personas as in papershelf/conftest.py: alice has an account; admin is staff.
"""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from papershelf.accounts.models import User
from papershelf.conftest import PASSWORD

LOGIN = reverse("accounts-login")


def _log_in(client: Client, username: str, password: str, url: str = LOGIN) -> int:
    return client.post(url, {"username": username, "password": password}).status_code


def _fail(client: Client, username: str, times: int, url: str = LOGIN) -> list[int]:
    return [_log_in(client, username, "wrong-password", url) for _ in range(times)]


def test_wrong_passwords_up_to_the_limit_are_answered_with_the_form(
    client: Client, alice: User, settings: Settings
) -> None:
    assert settings.AXES_FAILURE_LIMIT == 5
    assert _fail(client, "alice", 4) == [200] * 4
    assert _log_in(client, "alice", PASSWORD) == 302  # the right one still works


def test_after_five_wrong_passwords_even_the_right_one_is_refused(
    client: Client, alice: User
) -> None:
    statuses = _fail(client, "alice", 5)
    assert statuses[:4] == [200] * 4
    assert statuses[4] == 429

    response = client.post(LOGIN, {"username": "alice", "password": PASSWORD})

    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed logins" in page
    assert "paused for 15 minutes" in page
    assert "_auth_user_id" not in client.session
    assert "Log out" not in client.get(reverse("home")).content.decode()


def test_the_account_is_locked_from_another_address_too(client: Client, alice: User) -> None:
    _fail(client, "alice", 5)
    elsewhere = Client(REMOTE_ADDR="203.0.113.9")
    assert _log_in(elsewhere, "alice", PASSWORD) == 429


def test_one_address_trying_many_usernames_is_locked_out(
    client: Client, alice: User, bob: User
) -> None:
    for name in ["carol", "dave", "erin", "frank", "grace"]:
        _log_in(client, name, "wrong-password")
    assert _log_in(client, "bob", PASSWORD) == 429
    assert _log_in(Client(REMOTE_ADDR="203.0.113.9"), "bob", PASSWORD) == 302


def test_the_admin_login_is_throttled_too(client: Client, admin_user: User) -> None:
    admin_login = reverse("admin:login")
    statuses = _fail(client, "admin", 5, admin_login)
    assert statuses[-1] == 429
    response = client.post(admin_login, {"username": "admin", "password": PASSWORD})
    assert response.status_code == 429
    assert client.get(reverse("admin:index")).status_code == 302  # still not logged in


def test_the_number_of_tries_comes_from_settings(
    client: Client, alice: User, settings: Settings
) -> None:
    settings.AXES_FAILURE_LIMIT = 2
    assert _fail(client, "alice", 2) == [200, 429]
    assert _log_in(client, "alice", PASSWORD) == 429
