from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils import timezone

from papershelf.lib.tokens import new_share_token


class User(AbstractUser):
    """Our own user model from day one, so profile fields never need a painful swap."""

    # Signed up on an open shelf and not yet through the e-mail link: inactive until then.
    awaiting_confirmation = models.BooleanField(default=False, editable=False)

    def __str__(self) -> str:
        return self.username


class Invite(models.Model):
    """A single-use sign-up link for invite-only shelves, made by a moderator or admin."""

    token = models.CharField(max_length=32, unique=True, default=new_share_token, editable=False)
    created_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invites_made")
    note = models.CharField(max_length=200, blank=True, help_text="Who it is for.")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_by = models.OneToOneField(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="invite"
    )
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invite by {self.created_by} ({self.note or self.token[:6]})"

    def get_absolute_url(self) -> str:
        return reverse("accounts-invited-signup", args=[self.token])

    @property
    def usable(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()
