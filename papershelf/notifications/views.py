from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from papershelf.accounts.models import User
from papershelf.notifications import services
from papershelf.notifications.kinds import KINDS
from papershelf.notifications.models import Mute

PAGE_SIZE = 50


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = services.notifications_for(request.user)  # type: ignore[arg-type]
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@require_POST
@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go to what it is about."""
    notifications = services.notifications_for(request.user)  # type: ignore[arg-type]
    notification = get_object_or_404(notifications, pk=pk)
    notification.read = True
    notification.save(update_fields=["read"])
    return redirect(notification.url)


@require_POST
@login_required
def mark_all_read(request: HttpRequest) -> HttpResponse:
    services.mark_all_read(request.user)  # type: ignore[arg-type]
    return redirect("notifications-list")


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if request.method == "POST":
        for kind in KINDS:
            for channel in Mute.Channel.values:
                on = request.POST.get(f"{kind}-{channel}") == "on"
                services.set_muted(user, kind, channel, muted=not on)
        messages.success(request, "Notification settings saved.")
        return redirect("notifications-settings")
    context = {"kinds": services.settings_for(user), "email": user.email}
    return render(request, "notifications/settings.html", context)


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every e-mail: no login needed, the signature says who; POST to confirm."""
    found = services.read_unsubscribe_token(token)
    if found is None:
        raise Http404("This unsubscribe link is not valid")
    user, kind = found
    done = request.method == "POST"
    if done:
        services.set_muted(user, kind, Mute.Channel.EMAIL, muted=True)
    context = {"kind": KINDS[kind], "done": done, "email": user.email}
    return render(request, "notifications/unsubscribe.html", context)
