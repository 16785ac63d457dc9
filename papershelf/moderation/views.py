from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from papershelf.accounts.models import User
from papershelf.moderation import services
from papershelf.moderation.decorators import moderator_required
from papershelf.moderation.forms import ReasonForm
from papershelf.moderation.models import AuditEntry, Ban
from papershelf.moderation.registry import get_for_user

LOG_PAGE = 100


def _back_to(obj: Any) -> HttpResponse:
    url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None
    return redirect(url or "home")


@login_required
def report(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    obj = get_for_user(kind, pk, request.user)  # type: ignore[arg-type]
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report(obj, request.user, form.cleaned_data["reason"])  # type: ignore[arg-type]
        messages.success(request, "Thank you: a moderator will look at it.")
        return _back_to(obj)
    return render(request, "moderation/report.html", {"form": form, "obj": obj, "kind": kind})


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    bans = Ban.objects.select_related("user", "moderator").order_by("-created_at")[:50]
    context = {"items": services.queue(), "bans": bans, "signup_mode": settings.SIGNUP}
    return render(request, "moderation/queue.html", context)


def _reason(request: HttpRequest, default: str) -> str:
    return request.POST.get("reason", "").strip()[:500] or default


@require_POST
@moderator_required
def hide(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    obj = get_for_user(kind, pk, request.user)  # type: ignore[arg-type]
    services.hide(obj, request.user, _reason(request, "hidden"))  # type: ignore[arg-type]
    messages.success(request, f"Hidden: {obj}.")
    return redirect("moderation-queue")


@require_POST
@moderator_required
def restore(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    obj = get_for_user(kind, pk, request.user)  # type: ignore[arg-type]
    services.restore(obj, request.user, _reason(request, "nothing wrong with it"))  # type: ignore[arg-type]
    messages.success(request, f"Shown again: {obj}.")
    return redirect("moderation-queue")


@require_POST
@moderator_required
def ban(request: HttpRequest, username: str) -> HttpResponse:
    person = get_object_or_404(User, username=username, is_active=True)
    try:
        services.ban(person, request.user, _reason(request, "no reason given"))  # type: ignore[arg-type]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{person} is banned and their posts are hidden.")
    return redirect("moderation-queue")


@require_POST
@moderator_required
def unban(request: HttpRequest, username: str) -> HttpResponse:
    banned = get_object_or_404(Ban, user__username=username)
    services.unban(banned.user, request.user, _reason(request, "ban lifted"))  # type: ignore[arg-type]
    messages.success(request, f"{banned.user} may log in again; their posts are shown again.")
    return redirect("moderation-queue")


@moderator_required
def log(request: HttpRequest) -> HttpResponse:
    entries = AuditEntry.objects.select_related("moderator", "target_user")
    page = Paginator(entries, LOG_PAGE).get_page(request.GET.get("page"))
    return render(request, "moderation/log.html", {"page": page})
