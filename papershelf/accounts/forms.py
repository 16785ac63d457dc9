from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm

from papershelf.accounts.models import User
from papershelf.accounts.services import send_confirmation


class SignupForm(UserCreationForm):  # type: ignore[type-arg]
    email = forms.EmailField(help_text="For confirming the account and resetting the password.")

    class Meta:
        model = User
        fields = ("username", "email")


class LoginForm(AuthenticationForm):
    """Says why a right password is still refused: a ban, or an unconfirmed e-mail."""

    def confirm_login_allowed(self, user: User) -> None:  # type: ignore[override]
        if user.is_active:
            return
        ban = getattr(user, "ban", None)
        if ban is not None:
            raise forms.ValidationError(
                f"This account has been banned by a moderator ({ban.reason}), so it cannot "
                "log in. Ask the shelf's administrator if you think this is a mistake.",
                code="banned",
            )
        if user.awaiting_confirmation:
            # The password is right, so a fresh link costs nothing and helps if the first
            # one expired or was lost.
            if self.request is not None:
                send_confirmation(user, self.request.build_absolute_uri("/").rstrip("/"))
            raise forms.ValidationError(
                f"Confirm your e-mail address first: we have sent a new link to {user.email}.",
                code="unconfirmed",
            )
        raise forms.ValidationError("This account is inactive.", code="inactive")


class InviteForm(forms.Form):
    note = forms.CharField(max_length=200, required=False, label="Who is it for? (optional)")
