"""Sign-up modes (open, invite, closed), e-mail confirmation, invitations, password reset."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.fixtures import Settings

from papershelf.accounts.models import Invite, User
from papershelf.accounts.services import create_invite
from papershelf.conftest import PASSWORD


def _form(username: str = "carol") -> dict[str, str]:
    return {
        "username": username,
        "email": f"{username}@example.org",
        "password1": "correct-horse-battery",
        "password2": "correct-horse-battery",
    }


def test_an_unconfirmed_account_cannot_log_in_and_is_sent_a_new_link(
    client: Client, db: None
) -> None:
    client.post(reverse("accounts-signup"), _form())
    mail.outbox.clear()
    response = client.post(
        reverse("accounts-login"), {"username": "carol", "password": "correct-horse-battery"}
    )
    assert "Confirm your e-mail address first" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1


def test_a_confirmation_link_never_wakes_an_account_an_administrator_switched_off(
    client: Client, alice: User
) -> None:
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from papershelf.accounts.services import confirm_email, email_confirmation_tokens

    alice.is_active = False
    alice.save()
    token = email_confirmation_tokens.make_token(alice)
    assert confirm_email(urlsafe_base64_encode(force_bytes(alice.pk)), token) is None
    alice.refresh_from_db()
    assert not alice.is_active


def test_invite_only_sign_up_needs_a_link(
    client: Client, settings: Settings, moderator: User
) -> None:
    settings.SIGNUP = "invite"
    page = client.get(reverse("accounts-signup"))
    assert "by invitation" in page.content.decode()
    assert client.post(reverse("accounts-signup"), _form()).status_code == 404

    invite = create_invite(moderator, "for carol")
    response = client.post(invite.get_absolute_url(), _form())
    assert response.status_code == 302
    carol = User.objects.get(username="carol")
    assert carol.is_active  # the invitation vouches for her: no e-mail round trip
    invite.refresh_from_db()
    assert invite.used_by == carol

    again = Client().post(invite.get_absolute_url(), _form("dave"))
    assert again.status_code == 404
    assert not User.objects.filter(username="dave").exists()


def test_an_expired_invitation_is_refused(
    client: Client, settings: Settings, moderator: User
) -> None:
    settings.SIGNUP = "invite"
    invite = create_invite(moderator)
    Invite.objects.filter(pk=invite.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(invite.get_absolute_url()).status_code == 404


def test_moderators_make_invitations_and_members_cannot(
    moderator_client: Client, bob_client: Client
) -> None:
    url = reverse("accounts-invites")
    assert bob_client.post(url, {"note": "x"}).status_code == 404
    response = moderator_client.post(url, {"note": "for my student"})
    assert response.status_code == 302
    invite = Invite.objects.get()
    page = moderator_client.get(url).content.decode()
    assert invite.get_absolute_url() in page and "for my student" in page


def test_a_closed_shelf_takes_no_sign_ups_even_with_an_invitation(
    client: Client, settings: Settings, moderator: User
) -> None:
    invite = create_invite(moderator)
    settings.SIGNUP = "closed"
    assert client.post(reverse("accounts-signup"), _form()).status_code == 404
    assert client.post(invite.get_absolute_url(), _form()).status_code == 404


def test_a_password_is_reset_by_an_emailed_link_that_works_once(
    client: Client, alice: User
) -> None:
    response = client.post(reverse("accounts-password-reset"), {"email": "alice@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    link = next(line for line in message.body.splitlines() if "/accounts/reset/" in line)
    path = link.strip().removeprefix("http://testserver")
    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-password-2", "new_password2": "a-new-long-password-2"},
    )
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a-new-long-password-2")
    assert "does not work" in Client().get(path, follow=True).content.decode()


def test_passwords_are_hashed_with_argon2_in_production_settings() -> None:
    import papershelf.settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_session_and_csrf_cookies_are_httponly_and_samesite(client: Client, alice: User) -> None:
    response = client.post(reverse("accounts-login"), {"username": "alice", "password": PASSWORD})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
