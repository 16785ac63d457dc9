"""Password logins that can say *why* an inactive account is refused."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from papershelf.accounts.models import User


class AccountBackend(ModelBackend):
    """Django's ModelBackend, except that an inactive account (banned, or its e-mail not
    yet confirmed) may still prove its password; the login form then refuses it with the
    reason (``LoginForm.confirm_login_allowed``) instead of "wrong password". Requests
    carrying such an account's session are anonymous, as with ModelBackend."""

    def user_can_authenticate(self, user: Any) -> bool:
        return True

    def get_user(self, user_id: Any) -> User | None:
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None  # type: ignore[return-value]
