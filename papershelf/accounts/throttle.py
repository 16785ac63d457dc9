"""Login throttling with django-axes: who is asking, and what a locked-out person sees."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str | None:
    """The address to count failures against.

    Behind a proxy (PAPERSHELF_BEHIND_PROXY) every request comes from the proxy, so the
    address is the last one it appended to X-Forwarded-For: earlier ones are whatever
    the client chose to send. Without a proxy the header is ignored for the same reason.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR")


def locked_out(
    request: HttpRequest, original_response: object = None, credentials: object = None
) -> HttpResponse:
    """The page for a login refused after too many failures: what happened, how long."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "accounts/locked_out.html", context, status=429)
