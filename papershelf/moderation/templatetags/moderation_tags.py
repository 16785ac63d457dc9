"""On a post's page: why it is hidden (for its author and moderators), and "Report"."""

from __future__ import annotations

from typing import Any

from django import template

from papershelf.accounts.roles import is_moderator
from papershelf.moderation.registry import kind_of
from papershelf.moderation.services import review_note

register = template.Library()


@register.inclusion_tag("moderation/_controls.html", takes_context=True)
def moderation_controls(context: dict[str, Any], obj: Any) -> dict[str, Any]:
    user = context["request"].user
    own = user.is_authenticated and obj.author_id == user.pk
    return {
        "obj": obj,
        "kind": kind_of(obj).name,
        "note": review_note(obj) if own or is_moderator(user) else "",
        "can_report": user.is_authenticated and not own,
        "can_moderate": is_moderator(user),
        "csrf_token": context.get("csrf_token"),
    }
