"""A Follow / Following button with the thing's feeds: a plain form, so it works without
JavaScript, and one line in each page that shows it."""

from __future__ import annotations

from typing import Any

from django import template

from papershelf.accounts.models import User
from papershelf.feeds.services import feed_urls
from papershelf.follows import services
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ListVisibility, ReadingList
from papershelf.topics.models import Topic

register = template.Library()


def _kind_and_feeds(target: Any) -> tuple[str, dict[str, str]]:
    if isinstance(target, Paper):
        return "paper", feed_urls("paper", target.pk)
    if isinstance(target, Topic):
        return "topic", feed_urls("topic", target.slug)
    if isinstance(target, User):
        return "user", feed_urls("user", target.username)
    if isinstance(target, ReadingList):
        public = target.visibility == ListVisibility.PUBLIC
        return "list", feed_urls("list", target.pk) if public else {}
    raise TypeError(f"cannot follow {type(target).__name__}")


@register.inclusion_tag("follows/_button.html", takes_context=True)
def follow_button(context: dict[str, Any], target: Any) -> dict[str, Any]:
    request = context["request"]
    user = request.user
    kind, feeds = _kind_and_feeds(target)
    following, followers = services.follow_state(user, target)
    return {
        "kind": kind,
        "target": target,
        "feeds": feeds,
        # Only public lists may be followed; one's own account needs no following.
        "show": user.is_authenticated and target != user and (kind != "list" or bool(feeds)),
        "following": following,
        "followers": followers,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
