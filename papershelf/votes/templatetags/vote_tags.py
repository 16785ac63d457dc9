"""Up/down buttons: plain forms that post a vote, so they work without JavaScript."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from papershelf.lib.excerpt import CARD_SKIPS, excerpt_html
from papershelf.votes import services
from papershelf.votes.services import Target

register = template.Library()


@register.inclusion_tag("votes/_buttons.html", takes_context=True)
def vote_buttons(context: dict[str, Any], target: Target, action: str) -> dict[str, Any]:
    """Score and buttons for target; action is the address its votes are posted to."""
    request = context["request"]
    user = request.user
    field = services._target_field(target)
    mine = getattr(target, "my_vote", None)  # set by a page that looked up many at once
    if mine is None:
        mine = services.my_votes(user, field, [target.pk]).get(target.pk, 0)
    score = getattr(target, "score", None)
    return {
        "score": services.score(target) if score is None else score,
        "mine": mine,
        "action": action,
        "next": f"{request.get_full_path()}#{field}-{target.pk}",
        "can_vote": user.is_authenticated and target.author_id != user.pk,
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def excerpt(html: str, limit: int = 400) -> SafeString:
    """The start of a summary's rendered HTML for a card: closed tags, whole formulas."""
    return mark_safe(excerpt_html(html, limit, CARD_SKIPS))  # noqa: S308  (sanitised by excerpt_html)
