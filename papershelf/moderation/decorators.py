"""Cross-cutting checks for views: who may moderate, and how often anyone may post.

``rate_limited("comment")`` on a view counts its POST requests per signed-in user and per
address (django-ratelimit, in the cache) against ``settings.RATE_LIMITS`` and answers
429 with a page that says which limit was reached. GETs (showing the form) are free.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

from papershelf.accounts.roles import is_moderator
from papershelf.accounts.throttle import client_ip

View = Callable[..., HttpResponseBase]

WHAT = {
    "signup": "sign-ups",
    "post": "new summaries",
    "comment": "comments",
    "vote": "votes",
    "follow": "follows",
    "reset": "password-reset e-mails",
}
_PERIOD = {"s": "second", "m": "minute", "h": "hour", "d": "day"}


def _user_key(group: str, request: HttpRequest) -> str:
    # An API request's person is its token's (request.auth), not a session's.
    user = getattr(getattr(request, "auth", None), "user", None) or request.user
    return f"user:{user.pk}"


def _ip_key(group: str, request: HttpRequest) -> str:
    return f"ip:{client_ip(request)}"


def describe_rate(rate: str) -> str:
    """``20/h`` → "20 an hour"; ``5/15m`` → "5 in 15 minutes"."""
    count, period = rate.split("/")
    number, unit = period[:-1], _PERIOD[period[-1]]
    if not number or number == "1":
        return f"{count} a{'n' if unit == 'hour' else ''} {unit}"
    return f"{count} in {number} {unit}s"


def limit_reached(request: HttpRequest, action: str) -> str | None:
    """The rate that this request goes past, counting it; None when it is within both.
    The API asks this too, for its writes, with the token's person as the user."""
    rates = settings.RATE_LIMITS[action]
    reached = None
    signed_in = request.user.is_authenticated or getattr(request, "auth", None) is not None
    for scope, key in (("user", _user_key), ("ip", _ip_key)):
        rate = rates[scope]
        if rate == "off" or (scope == "user" and not signed_in):
            continue
        group = f"papershelf.{action}.{scope}"
        if is_ratelimited(request, group, key=key, rate=rate, method="POST", increment=True):
            who = "per person" if scope == "user" else "from one address"
            reached = reached or f"{describe_rate(rate)} {who}"
    return reached


def rate_limited(action: str) -> Callable[[View], View]:
    """Limit a view's POSTs: ``action`` is a key of settings.RATE_LIMITS."""
    if action not in WHAT:
        raise ValueError(f"no rate limit named {action!r}")

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
            reached = limit_reached(request, action)
            if reached is None:
                return view(request, *args, **kwargs)
            context = {"what": WHAT[action], "limit": reached}
            response = render(request, "moderation/rate_limited.html", context, status=429)
            response["Retry-After"] = "60"
            return response

        return wrapper

    return decorator


def moderator_required(view: View) -> View:
    """Moderators (and administrators) only: others are sent to log in, or get 404."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_moderator(request.user):
            raise Http404("No such page")
        return view(request, *args, **kwargs)

    return wrapper
