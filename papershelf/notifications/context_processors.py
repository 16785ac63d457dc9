from __future__ import annotations

from functools import cache

from django.http import HttpRequest


def unread(request: HttpRequest) -> dict[str, object]:
    """The unread count in the header: counted lazily, only when a template shows it."""
    from papershelf.notifications.services import unread_badge

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # Counted once however often the page shows it (the header shows it twice).
    return {"unread_notifications": cache(lambda: unread_badge(user))}  # type: ignore[arg-type]
