"""New summaries reach their followers however they were made (the web, the CLI, imports),
once they may be read."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from papershelf.follows.services import announce_summary
from papershelf.moderation.signals import released
from papershelf.summaries.models import Summary
from papershelf.summaries.signals import summary_created


@receiver(summary_created, sender=Summary, dispatch_uid="follows-announce-summary")
def announce_new_summary(sender: type[Summary], instance: Summary, **kwargs: Any) -> None:
    # Only at creation (a summary made public later is not news to its followers), and
    # after screening: one held for review is announced when a moderator releases it.
    announce_summary(instance)


@receiver(released, sender=Summary, dispatch_uid="follows-announce-released-summary")
def announce_released_summary(sender: type[Summary], instance: Summary, **kwargs: Any) -> None:
    # Held for review at creation, it was news nobody could read; now they can.
    announce_summary(instance)
