"""Keep the cached unread count (services.unread_badge) in step with the notifications."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from papershelf.notifications.models import Notification
from papershelf.notifications.services import forget_unread


@receiver(post_save, sender=Notification, dispatch_uid="notifications-unread-saved")
@receiver(post_delete, sender=Notification, dispatch_uid="notifications-unread-deleted")
def _forget_unread(sender: type, instance: Notification, **kwargs: object) -> None:
    forget_unread(instance.recipient_id)
