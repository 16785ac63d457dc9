from __future__ import annotations

from django.db import models

from papershelf.accounts.models import User


class Notification(models.Model):
    """Something that happened for one reader: a reply, an answer, a vote, a new summary.

    ``kind`` is a key of ``notifications.kinds.KINDS`` (a registry, so a new kind needs no
    migration). The summary or question it is about is kept so that what a reader may no
    longer see (a summary made private) drops out of their list.
    """

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=40)
    text = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    summary = models.ForeignKey(
        "summaries.Summary", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    question = models.ForeignKey(
        "discussions.Question", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["recipient", "read"])]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.text}"


class Mute(models.Model):
    """A kind of notification a reader switched off, in the app or by e-mail."""

    class Channel(models.TextChoices):
        APP = "app", "in the app"
        EMAIL = "email", "by e-mail"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="mutes")
    kind = models.CharField(max_length=40)
    channel = models.CharField(max_length=10, choices=Channel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "channel"], name="one_mute_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user} mutes {self.kind} {self.channel}"
