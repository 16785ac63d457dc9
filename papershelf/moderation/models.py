"""Reports, bans and the audit log of every moderation action.

What can be moderated is any model with ``author`` and ``hidden`` that is registered in
``moderation/registry.py`` (summaries, comments, questions, answers); these models point
at it through a generic relation, so a new kind needs no migration here.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Report(models.Model):
    """Something a reader reported, or the shelf itself held for review (no reporter).

    Open until a moderator acts on what it points at (hides or restores it).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="reports_made",
    )  # fmt: skip
    reason = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    resolution = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        permissions = [("moderate", "Can moderate: hide, restore, ban, see the queue and log")]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}: {self.reason}"

    @property
    def held(self) -> bool:
        """Held by the shelf's own rules (new account, spam-shaped), not by a reader."""
        return self.reporter_id is None


class Ban(models.Model):
    """A banned account: inactive (no login, no posting), its content hidden."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ban"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    # [kind, pk] of what the ban hid, shown again when it is lifted.
    hidden_items = models.JSONField(default=list, editable=False)

    def __str__(self) -> str:
        return f"{self.user} banned: {self.reason}"


class Action(models.TextChoices):
    HOLD = "hold", "held for review"
    HIDE = "hide", "hid"
    RESTORE = "restore", "restored"
    BAN = "ban", "banned"
    UNBAN = "unban", "lifted the ban on"


class AuditEntry(models.Model):
    """One moderation action: who did what to what, when and why. Never edited."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip  (null: the shelf's own rules held it)
    action = models.CharField(max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.SET_NULL)
    object_id = models.PositiveBigIntegerField(null=True)
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What it was, in words, so the log still reads after the thing is deleted.
    target = models.CharField(max_length=300)
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        who = self.moderator or "the shelf"
        return f"{who} {self.get_action_display()} {self.target}"
