from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from papershelf.pagination import paginate
from papershelf.papers.models import NEWEST_FIRST
from papershelf.papers.services import as_rows
from papershelf.topics import services
from papershelf.topics.forms import TopicForm
from papershelf.topics.models import Topic


def topic_list(request: HttpRequest) -> HttpResponse:
    return render(request, "topics/list.html", {"topics": services.topics_with_counts()})


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    page = paginate(request, as_rows(topic.papers.order_by(*NEWEST_FIRST)))
    can_edit = services.can_edit_topic(request.user, topic)  # type: ignore[arg-type]
    context = {"topic": topic, "page": page, "can_edit": can_edit}
    return render(request, "topics/detail.html", context)


@login_required
def topic_new(request: HttpRequest) -> HttpResponse:
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        topic = services.create_topic(
            data["name"],
            data["description"],
            data["slug"],
            created_by=request.user,  # type: ignore[arg-type]
        )
        messages.success(request, f"Topic “{topic.name}” created.")
        return redirect(topic)
    return render(request, "topics/form.html", {"form": form, "topic": None})


@login_required
def topic_edit(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    if not services.can_edit_topic(request.user, topic):  # type: ignore[arg-type]
        raise Http404("No such topic")
    initial = {"name": topic.name, "slug": topic.slug, "description": topic.description}
    form = TopicForm(request.POST or None, initial=initial, topic=topic)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_topic(topic, data["name"], data["description"], data["slug"])
        messages.success(request, "Topic saved.")
        return redirect(topic)
    return render(request, "topics/form.html", {"form": form, "topic": topic})
