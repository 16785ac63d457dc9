from __future__ import annotations

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """Our own user model from day one, so profile fields never need a painful swap."""

    def __str__(self) -> str:
        return self.username
