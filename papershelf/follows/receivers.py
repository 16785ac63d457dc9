"""New summaries reach their followers however they were made (the web, the CLI, imports)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from papershelf.follows.services import announce_summary
from papershelf.summaries.models import Summary


@receiver(post_save, sender=Summary, dispatch_uid="follows-announce-summary")
def announce_new_summary(
    sender: type[Summary], instance: Summary, created: bool, **kwargs: Any
) -> None:
    # Only at creation: a summary made public later is not news to its followers.
    if created and not kwargs.get("raw"):
        announce_summary(instance)
