from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from papershelf.accounts.models import User
from papershelf.follows import services
from papershelf.moderation.decorators import rate_limited
from papershelf.papers.models import Paper
from papershelf.readinglists.services import get_list_for_user
from papershelf.topics.models import Topic


def _target(request: HttpRequest, kind: str, pk: int) -> Model:
    """What may be followed, as the user may see it; anything else is 404."""
    if kind == "paper":
        return get_object_or_404(Paper, pk=pk)
    if kind == "topic":
        return get_object_or_404(Topic, pk=pk)
    if kind == "list":
        reading_list = get_list_for_user(pk, request.user)  # type: ignore[arg-type]
        services.check_followable(reading_list)
        return reading_list
    if kind == "user":
        return get_object_or_404(User, pk=pk, is_active=True)
    raise Http404("Nothing to follow here")


@require_POST
@login_required
@rate_limited("follow")
def follow_toggle(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Follow, or with ``unfollow`` in the form stop following, one thing."""
    target = _target(request, kind, pk)
    if request.POST.get("unfollow"):
        services.unfollow(request.user, target)  # type: ignore[arg-type]
    else:
        services.follow(request.user, target)  # type: ignore[arg-type]
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    return redirect("follows-feed")


@login_required
def feed(request: HttpRequest) -> HttpResponse:
    context = {
        "items": services.feed_for(request.user),  # type: ignore[arg-type]
        "following": services.following(request.user),  # type: ignore[arg-type]
    }
    return render(request, "follows/feed.html", context)
