"""Signing up, logging in and out, and a person's public profile."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from papershelf.accounts.models import User
from papershelf.conftest import PASSWORD
from papershelf.papers.models import Paper
from papershelf.summaries.services import SummaryData, create_summary


def signup_form(username: str = "carol") -> dict[str, str]:
    return {
        "username": username,
        "email": "carol@example.org",
        "password1": "correct-horse-battery",
        "password2": "correct-horse-battery",
    }


def test_signing_up_sends_a_link_and_the_account_works_once_it_is_followed(
    client: Client, db: None
) -> None:
    from django.core import mail

    response = client.post(reverse("accounts-signup"), signup_form())

    assert response.status_code == 200
    assert "Check your e-mail" in response.content.decode()
    user = User.objects.get(username="carol")
    assert user.check_password("correct-horse-battery")
    assert not user.is_staff and not user.is_active
    (message,) = mail.outbox
    assert message.to == ["carol@example.org"]
    link = next(line for line in message.body.splitlines() if "/accounts/confirm/" in line)

    response = client.get(link.strip())
    assert response.status_code == 302
    page = client.get(reverse("home")).content.decode()
    assert reverse("accounts-profile", args=["carol"]) in page
    assert "Log out" in page
    assert client.get(link.strip()).status_code == 400  # spent


def test_signing_up_with_a_weak_or_mismatched_password_shows_form_errors(
    client: Client, db: None
) -> None:
    weak = client.post(reverse("accounts-signup"), {**signup_form(), "password1": "12345678"})
    assert weak.status_code == 200
    assert weak.context["form"].errors["password2"]
    assert not User.objects.exists()


def test_a_username_cannot_be_taken_twice(client: Client, alice: User) -> None:
    response = client.post(reverse("accounts-signup"), signup_form("alice"))
    assert response.context["form"].errors["username"]
    assert User.objects.count() == 1


def test_sign_up_can_be_closed(client: Client, settings: Settings, db: None) -> None:
    settings.ALLOW_SIGNUP = False
    assert client.get(reverse("accounts-signup")).status_code == 404
    assert client.post(reverse("accounts-signup"), signup_form()).status_code == 404
    assert not User.objects.exists()
    assert reverse("accounts-signup") not in client.get(reverse("home")).content.decode()


def test_logging_in_and_out(client: Client, alice: User) -> None:
    response = client.post(reverse("accounts-login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session

    assert client.get(reverse("accounts-logout")).status_code == 405  # a link cannot log you out
    assert "_auth_user_id" in client.session

    response = client.post(reverse("accounts-logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_logging_in_with_a_wrong_password_fails(client: Client, alice: User) -> None:
    response = client.post(reverse("accounts-login"), {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_logging_in_returns_to_the_page_one_came_from(client: Client, alice: User) -> None:
    response = client.post(
        reverse("accounts-login") + "?next=/topics/",
        {"username": "alice", "password": PASSWORD, "next": "/topics/"},
    )
    assert response["Location"] == "/topics/"


def test_logging_in_never_sends_one_to_another_site(client: Client, alice: User) -> None:
    response = client.post(
        reverse("accounts-login"),
        {"username": "alice", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("home")


def test_a_profile_shows_the_persons_public_summaries(
    client: Client, alice: User, paper: Paper
) -> None:
    summary = create_summary(paper, alice, SummaryData(body="Public words."))
    page = client.get(reverse("accounts-profile", args=["alice"])).content.decode()
    assert summary.get_absolute_url() in page
    assert "Attention Is All You Need" in page


def test_a_profile_of_nobody_is_404(client: Client, db: None) -> None:
    assert client.get(reverse("accounts-profile", args=["nobody"])).status_code == 404


def test_a_deactivated_persons_profile_is_404(client: Client, alice: User) -> None:
    alice.is_active = False
    alice.save()
    assert client.get(reverse("accounts-profile", args=["alice"])).status_code == 404
