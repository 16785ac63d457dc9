"""Telling readers what happened: an in-app list, and e-mail after the change commits."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.discussions.models import Question
from papershelf.notifications.kinds import KINDS
from papershelf.notifications.models import Mute, Notification
from papershelf.summaries.models import Summary, Visibility

_UNSUBSCRIBE_SALT = "papershelf.notifications.unsubscribe"


@dataclass(frozen=True)
class Event:
    kind: str
    text: str
    url: str
    summary: Summary | None = None
    question: Question | None = None


def _muted(user: User, kind: str, channel: str) -> bool:
    return Mute.objects.filter(user=user, kind=kind, channel=channel).exists()


def _may_see(user: User, event: Event) -> bool:
    """A private summary's news reaches its author alone, whoever else is involved."""
    summary = event.summary
    return summary is None or summary.visibility != Visibility.PRIVATE or summary.author == user


def notify(recipient: User, event: Event, actor: User | None = None) -> Notification | None:
    """Tell recipient about event in the app and by e-mail, as their settings allow.

    Nobody is told about their own doing, and an inactive (banned) account hears nothing.
    """
    if event.kind not in KINDS:
        raise ValueError(f"unknown notification kind {event.kind!r}")
    if recipient == actor or not recipient.is_active or not _may_see(recipient, event):
        return None
    notification = None
    if not _muted(recipient, event.kind, Mute.Channel.APP):
        notification = Notification.objects.create(
            recipient=recipient,
            kind=event.kind,
            text=event.text[:500],
            url=event.url,
            summary=event.summary,
            question=event.question,
        )
    if recipient.email and not _muted(recipient, event.kind, Mute.Channel.EMAIL):
        transaction.on_commit(lambda: send_email(recipient, event))
    return notification


def send_email(recipient: User, event: Event) -> None:
    """One plain-text e-mail with the link and a one-click way to stop this kind."""
    unsubscribe = settings.SITE_URL + unsubscribe_url(recipient, event.kind)
    body = (
        f"Hello {recipient.username},\n\n{event.text}\n\n{settings.SITE_URL}{event.url}\n\n"
        f"-- \nYou get these e-mails for: {KINDS[event.kind].lower()}.\n"
        f"Stop them: {unsubscribe}\n"
        f"All your notification settings: {settings.SITE_URL}{reverse('notifications-settings')}\n"
    )
    message = EmailMessage(
        subject=f"[{settings.SITE_NAME}] {event.text}"[:200],
        body=body,
        to=[recipient.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>"},
    )
    message.send(fail_silently=True)  # a mail server that is down must not break the page


def unsubscribe_url(user: User, kind: str) -> str:
    token = signing.dumps({"user": user.pk, "kind": kind}, salt=_UNSUBSCRIBE_SALT)
    return reverse("notifications-unsubscribe", args=[token])


def read_unsubscribe_token(token: str) -> tuple[User, str] | None:
    """The account and kind a signed unsubscribe link names, or None for a bad link."""
    try:
        data = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("user"), is_active=True).first()
    if user is None or data.get("kind") not in KINDS:
        return None
    return user, data["kind"]


def set_muted(user: User, kind: str, channel: str, muted: bool) -> None:
    if muted:
        Mute.objects.get_or_create(user=user, kind=kind, channel=channel)
    else:
        Mute.objects.filter(user=user, kind=kind, channel=channel).delete()


def settings_for(user: User) -> list[tuple[str, str, bool, bool]]:
    """(kind, label, in the app, by e-mail) for each kind of notification."""
    mutes = set(Mute.objects.filter(user=user).values_list("kind", "channel"))
    return [
        (
            kind,
            label,
            (kind, Mute.Channel.APP) not in mutes,
            (kind, Mute.Channel.EMAIL) not in mutes,
        )
        for kind, label in KINDS.items()
    ]


def notifications_for(user: User) -> QuerySet[Notification]:
    """The user's notifications, without any about a summary they may no longer see."""
    may_see = (
        Q(summary=None)
        | Q(summary__visibility__in=[Visibility.PUBLIC, Visibility.UNLISTED])
        | Q(summary__author=user)
    )
    return Notification.objects.filter(may_see, recipient=user)


UNREAD_SHOWN = 99  # the header says "99+" beyond this


# The header shows the count on every page, so it is kept in the shared cache. A new,
# read or deleted notification clears the reader's entry at once (signals.py), as do
# mark_all_read and a summary's change of visibility (forget_unread_about); the entry
# lasts UNREAD_SECONDS in any case.
UNREAD_SECONDS = 30


def _unread_key(user_id: int) -> str:
    return f"unread-{user_id}"


def forget_unread(user_id: int) -> None:
    """Clear a reader's cached count now, and again after the commit: a page counting
    meanwhile would cache the old number."""
    cache.delete(_unread_key(user_id))
    transaction.on_commit(lambda: cache.delete(_unread_key(user_id)))


def forget_unread_about(summary: Summary) -> None:
    """Clear the cached counts of everyone told about ``summary`` (its visibility changed)."""
    recipients = set(
        Notification.objects.filter(summary=summary).values_list("recipient_id", flat=True)
    )
    for recipient_id in recipients:
        forget_unread(recipient_id)


def unread_badge(user: User) -> str:
    """The header's unread count: counting stops past 99, so a busy reader's pages stay fast."""
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = notifications_for(user).filter(read=False)[: UNREAD_SHOWN + 1].count()
        cache.set(key, count, UNREAD_SECONDS)
    return f"{UNREAD_SHOWN}+" if count > UNREAD_SHOWN else str(count) if count else ""


def mark_all_read(user: User) -> None:
    Notification.objects.filter(recipient=user, read=False).update(read=True)
    forget_unread(user.pk)  # update() sends no signal
