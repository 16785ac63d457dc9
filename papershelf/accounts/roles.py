"""Who is who: members, moderators, administrators.

A moderator holds the ``moderation.moderate`` permission, normally through the
*Moderators* group (made by a migration; add people to it in Django admin).
Administrators (superusers) hold every
permission, so they moderate too. A banned account is inactive and holds none.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, Group, Permission

from papershelf.accounts.models import User

MODERATE = "moderation.moderate"
MODERATORS_GROUP = "Moderators"


def moderators_group() -> Group:
    """The Moderators group with its permission: made by a migration, and again here for
    a database flushed since (a browser test's live server empties every table)."""
    group, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    app_label, codename = MODERATE.split(".")
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    group.permissions.add(permission)
    return group


def is_moderator(user: User | AnonymousUser | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm(MODERATE))
