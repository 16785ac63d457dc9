from __future__ import annotations

from django.http import HttpRequest

from papershelf.accounts.roles import is_moderator


def roles(request: HttpRequest) -> dict[str, object]:
    """``is_moderator`` for templates: asked only when a template shows it, and through the
    cached answer (roles.py) rather than ``perms``, which queries every permission."""
    user = getattr(request, "user", None)
    return {"is_moderator": lambda: is_moderator(user)}
