from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from papershelf.accounts.models import Invite, User


def create_user(username: str, password: str, email: str = "", *, admin: bool = False) -> User:
    """Create an account; the password must pass Django's validators (hashed, never stored)."""
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(f"the username {username!r} is taken")
    user = User(username=username, email=email, is_staff=admin, is_superuser=admin)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


# --- Sign-up modes (PAPERSHELF_SIGNUP): open with e-mail confirmation, invite, closed ----


class _EmailConfirmationTokens(PasswordResetTokenGenerator):
    """Like password-reset tokens (signed, expiring after PASSWORD_RESET_TIMEOUT), but
    never valid as one, and spent once the account is active."""

    key_salt = "papershelf.accounts.confirm_email"

    def _make_hash_value(self, user: User, timestamp: int) -> str:  # type: ignore[override]
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


email_confirmation_tokens = _EmailConfirmationTokens()


def signup_mode() -> str:
    """open, invite or closed (PAPERSHELF_SIGNUP; PAPERSHELF_ALLOW_SIGNUP=0 also closes it)."""
    return str(settings.SIGNUP) if settings.ALLOW_SIGNUP else "closed"


def sign_up(username: str, password: str, email: str, invite: Invite | None = None) -> User:
    """A new member. Open sign-up: inactive until the e-mail link is followed. With an
    invite: active at once, and the invite is spent (a second use is refused)."""
    with transaction.atomic():
        user = create_user(username, password, email)
        if invite is not None:
            spent = Invite.objects.filter(
                pk=invite.pk, used_at=None, expires_at__gt=timezone.now()
            ).update(used_by=user, used_at=timezone.now())
            if not spent:
                raise ValidationError("This invitation has been used or has expired.")
        else:
            user.is_active, user.awaiting_confirmation = False, True
            user.save(update_fields=["is_active", "awaiting_confirmation"])
    return user


def send_confirmation(user: User, base_url: str) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = email_confirmation_tokens.make_token(user)
    path = reverse("accounts-confirm-email", args=[uid, token])
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    body = render_to_string(
        "accounts/confirm_email.txt",
        {"user": user, "url": base_url + path, "hours": hours, "site_name": settings.SITE_NAME},
    )
    send_mail(f"Confirm your e-mail for {settings.SITE_NAME}", body, None, [user.email])


def confirm_email(uidb64: str, token: str) -> User | None:
    """The account the link names, now active; None for a wrong, used or expired link."""
    try:
        user = User.objects.get(pk=int(urlsafe_base64_decode(uidb64)))
    except (ValueError, User.DoesNotExist):
        return None
    # Only an account waiting for it: a link must never undo a ban or a deactivation.
    if not user.awaiting_confirmation or not email_confirmation_tokens.check_token(user, token):
        return None
    user.is_active, user.awaiting_confirmation = True, False
    user.save(update_fields=["is_active", "awaiting_confirmation"])
    return user


def create_invite(created_by: User, note: str = "") -> Invite:
    expires = timezone.now() + timedelta(days=settings.INVITE_DAYS)
    return Invite.objects.create(created_by=created_by, note=note, expires_at=expires)


def usable_invite(token: str) -> Invite:
    invite = Invite.objects.filter(token=token).first()
    if invite is None or not invite.usable:
        raise Http404("This invitation does not exist, has been used or has expired.")
    return invite
