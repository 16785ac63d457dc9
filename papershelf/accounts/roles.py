"""Who is who: members, moderators, administrators.

A moderator holds the ``moderation.moderate`` permission, normally through the
*Moderators* group (made by a migration; add people to it in Django admin).
Administrators (superusers) hold every
permission, so they moderate too. A banned account is inactive and holds none.
"""

from __future__ import annotations

import contextlib

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.cache import cache

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


# Whether someone moderates is asked on nearly every page (which summaries they see, who
# may tag), and answering it took two permission queries a request. The answer is kept in
# the shared cache, keyed by the roles' version: any change of a group's members or
# permissions, or of a person's own permissions, moves the version (signals below), so a
# moderator who is removed loses the role at their next request. The key holds the date
# the account was made as well: a primary key can come back after a deletion.
ROLE_SECONDS = 3600
_ROLES_VERSION = "roles-version"


def _roles_version() -> int:
    return int(cache.get_or_set(_ROLES_VERSION, 1, None) or 1)


def roles_changed(**kwargs: object) -> None:
    with contextlib.suppress(ValueError):  # not cached yet: nothing depends on it
        cache.incr(_ROLES_VERSION)


def is_moderator(user: User | AnonymousUser | None) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    memo = getattr(user, "_is_moderator", None)  # asked again in the same request
    if memo is None:
        key = f"moderator-{user.pk}-{user.date_joined.timestamp()}-{_roles_version()}"
        memo = cache.get(key)
        if memo is None:
            memo = user.has_perm(MODERATE)
            cache.set(key, memo, ROLE_SECONDS)
        user._is_moderator = memo  # type: ignore[union-attr,attr-defined]
    return bool(memo)
