from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from papershelf.jobs.publishing import start_publish
from papershelf.publish.forms import PublishForm


@require_http_methods(["GET", "POST"])
@login_required
def publish_start(request: HttpRequest) -> HttpResponse:
    """?topic=slug or ?list=ID fill the form in (the topic and list pages link here)."""
    initial = {"topics": request.GET.get("topic", ""), "reading_list": request.GET.get("list")}
    form = PublishForm(request.user, request.POST or None, initial=initial)  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        job = start_publish(request.user, form.job_params(), form.job_title())  # type: ignore[arg-type]
        return redirect(job)
    return render(request, "publish/start.html", {"form": form})
