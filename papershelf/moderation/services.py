"""Reporting, holding, hiding, restoring and banning; every action goes in the audit log.

Works on any registered kind (``registry.py``): a model with ``author`` and ``hidden``.
Views, the admin and other apps call these functions; nothing else sets ``hidden``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from papershelf.accounts.models import User
from papershelf.accounts.roles import is_moderator
from papershelf.lib.spam import spam_reasons
from papershelf.moderation.models import Action, AuditEntry, Ban, Report
from papershelf.moderation.registry import kind_of, kinds
from papershelf.moderation.signals import released

NEW_ACCOUNT = "first posts of a new account are reviewed"


def _describe(obj: Model) -> str:
    return f"{kind_of(obj).name} {obj.pk} “{str(obj)[:200]}”"


def _log(
    moderator: User | None, action: str, reason: str, obj: Model | None = None,
    user: User | None = None,
) -> AuditEntry:  # fmt: skip
    return AuditEntry.objects.create(
        moderator=moderator,
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=obj.pk if obj is not None else None,
        target_user=user if user is not None else getattr(obj, "author", None),
        target=_describe(obj) if obj is not None else f"user {user}",
        reason=reason,
    )


def _reports_on(obj: Model) -> QuerySet[Report]:
    content_type = ContentType.objects.get_for_model(obj)
    return Report.objects.filter(content_type=content_type, object_id=obj.pk)


def _set_hidden(obj: Any, hidden: bool) -> None:
    obj.hidden = hidden
    # Saved one by one, not by update(): the search index withdraws hidden text on save.
    obj.save(update_fields=["hidden"])


def report(obj: Model, reporter: User, reason: str) -> Report:
    """A reader reports something they can see; one open report per reader and thing."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("Say what is wrong with it.")
    existing = _reports_on(obj).filter(reporter=reporter, resolved_at=None).first()
    if existing is not None:
        return existing
    content_type = ContentType.objects.get_for_model(obj)
    return Report.objects.create(
        content_type=content_type, object_id=obj.pk, reporter=reporter, reason=reason[:500]
    )


@transaction.atomic
def hold(obj: Model, reason: str) -> Report:
    """Keep a post from everyone but its author and moderators until a moderator decides."""
    _set_hidden(obj, True)
    _log(None, Action.HOLD, reason, obj)
    content_type = ContentType.objects.get_for_model(obj)
    return Report.objects.create(content_type=content_type, object_id=obj.pk, reason=reason)


def _published_posts(user: User) -> int:
    """Posts of the user that everyone can read: the measure of a "new" account."""
    return sum(kind.visible(None).filter(author=user).count() for kind in kinds())


def reasons_to_hold(obj: Any, text: str, *, new: bool) -> list[str]:
    """Why the shelf's rules hold this post: spam-shaped text from an account with few
    published posts, or a new account's first posts (``new``: it is being published now,
    not edited). Moderators are never held."""
    author = obj.author
    if is_moderator(author):
        return []
    published = _published_posts(author) - (0 if obj.hidden else 1)  # not counting obj
    reasons = []
    if settings.SPAM_CHECK and published < settings.SPAM_TRUSTED_AFTER:
        reasons += spam_reasons(text, settings.SPAM_MAX_LINKS, settings.SPAM_MAX_REPEATS)
    if new and published < settings.HOLD_FIRST_POSTS:
        reasons.append(f"{NEW_ACCOUNT} ({published} of {settings.HOLD_FIRST_POSTS} so far)")
    return reasons


def screen_post(obj: Any, text: str, *, new: bool) -> Report | None:
    """Hold a post the rules flag; call after creating (``new``) or editing one."""
    if obj.hidden:
        return None
    reasons = reasons_to_hold(obj, text, new=new)
    return hold(obj, "Held: " + "; ".join(reasons)) if reasons else None


def _resolve(obj: Model, moderator: User, resolution: str) -> None:
    _reports_on(obj).filter(resolved_at=None).update(
        resolved_at=timezone.now(), resolved_by=moderator, resolution=resolution
    )


@transaction.atomic
def hide(obj: Model, moderator: User, reason: str) -> None:
    _set_hidden(obj, True)
    _resolve(obj, moderator, Action.HIDE)
    _log(moderator, Action.HIDE, reason, obj)


@transaction.atomic
def restore(obj: Model, moderator: User, reason: str) -> None:
    """Show it again (or release it from review) and close its reports."""
    held = _reports_on(obj).filter(resolved_at=None, reporter=None).exists()
    _set_hidden(obj, False)
    _resolve(obj, moderator, Action.RESTORE)
    _log(moderator, Action.RESTORE, reason, obj)
    if held:  # never seen before: what its creation would have announced is due now
        transaction.on_commit(lambda: released.send(sender=type(obj), instance=obj))


def check_may_ban(user: User, moderator: User) -> None:
    if user.pk == moderator.pk:
        raise ValidationError("You cannot ban yourself.")
    if user.is_superuser or (is_moderator(user) and not moderator.is_superuser):
        raise ValidationError("Only an administrator can ban a moderator; nobody bans one.")


@transaction.atomic
def ban(user: User, moderator: User, reason: str) -> Ban:
    """Block the account (no login, no posting, its sessions end) and hide its content."""
    check_may_ban(user, moderator)
    hidden: list[list[object]] = []
    for kind in kinds():
        for obj in kind.model._default_manager.filter(author=user, hidden=False):
            _set_hidden(obj, True)
            _resolve(obj, moderator, Action.HIDE)
            hidden.append([kind.name, obj.pk])
    user.is_active = False
    user.save(update_fields=["is_active"])
    banned, _ = Ban.objects.update_or_create(
        user=user, defaults={"moderator": moderator, "reason": reason, "hidden_items": hidden}
    )
    _log(moderator, Action.BAN, f"{reason} ({len(hidden)} posts hidden)", user=user)
    return banned


@transaction.atomic
def unban(user: User, moderator: User, reason: str) -> None:
    """Let the account in again and show what the ban hid (not what was hidden apart)."""
    banned = Ban.objects.filter(user=user).first()
    if banned is None:
        raise ValidationError(f"{user} is not banned.")
    by_kind: dict[str, list[int]] = defaultdict(list)
    for name, pk in banned.hidden_items:
        by_kind[name].append(pk)
    for kind in kinds():
        for obj in kind.model._default_manager.filter(pk__in=by_kind[kind.name], hidden=True):
            _set_hidden(obj, False)
    banned.delete()
    user.is_active = True
    user.save(update_fields=["is_active"])
    _log(moderator, Action.UNBAN, reason, user=user)


@dataclass
class QueueItem:
    kind: str
    obj: Any
    reports: list[Report] = field(default_factory=list)

    @property
    def held(self) -> bool:
        return any(r.held for r in self.reports)


def queue() -> list[QueueItem]:
    """Open reports and held posts, one item per thing, oldest first."""
    items: dict[tuple[int, int], QueueItem] = {}
    open_reports = Report.objects.filter(resolved_at=None).select_related("reporter")
    for report_ in open_reports.prefetch_related("content_object"):
        key = (report_.content_type_id, report_.object_id)
        if report_.content_object is None:
            continue  # deleted since it was reported
        if key not in items:
            items[key] = QueueItem(kind_of(report_.content_object).name, report_.content_object)
        items[key].reports.append(report_)
    return list(items.values())


def review_note(obj: Any) -> str:
    """What its author (and moderators) read on a hidden post: held, or hidden, and why."""
    if not obj.hidden:
        return ""
    held = _reports_on(obj).filter(resolved_at=None, reporter=None).first()
    if held is not None:
        return f"Held for review by a moderator before others can see it. {held.reason}."
    return "Hidden by a moderator: only you and the moderators can see it."
