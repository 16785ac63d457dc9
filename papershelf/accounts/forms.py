from __future__ import annotations

from django.contrib.auth.forms import UserCreationForm

from papershelf.accounts.models import User


class SignupForm(UserCreationForm):  # type: ignore[type-arg]
    class Meta:
        model = User
        fields = ("username", "email")
