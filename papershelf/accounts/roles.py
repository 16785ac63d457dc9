"""Who is who: members, moderators, administrators.

A moderator holds the ``moderation.moderate`` permission, normally through the
*Moderators* group (made by a migration; add people to it in Django admin).
Administrators (superusers) hold every
permission, so they moderate too. A banned account is inactive and holds none.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from papershelf.accounts.models import User

MODERATE = "moderation.moderate"
MODERATORS_GROUP = "Moderators"


def is_moderator(user: User | AnonymousUser | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm(MODERATE))
