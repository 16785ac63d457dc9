"""A comment or answer held for review notifies when a moderator releases it."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from papershelf.discussions.models import Answer, Comment
from papershelf.discussions.services import announce_answer, announce_comment
from papershelf.moderation.signals import released


@receiver(released, sender=Comment, dispatch_uid="discussions-released-comment")
def comment_released(sender: type[Comment], instance: Comment, **kwargs: Any) -> None:
    if not instance.deleted:
        announce_comment(instance)


@receiver(released, sender=Answer, dispatch_uid="discussions-released-answer")
def answer_released(sender: type[Answer], instance: Answer, **kwargs: Any) -> None:
    announce_answer(instance)
