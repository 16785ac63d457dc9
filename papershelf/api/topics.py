"""Topics: made by any member, edited by their maker and staff, put on a paper by its
contributors and staff — the rules of the topic and paper pages, through their services.
No page deletes a topic, so neither does the API.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status

from papershelf.api.auth import WriteToken, writer
from papershelf.api.papers import ListParams, counted
from papershelf.api.problems import ApiProblem
from papershelf.api.schemas import NO_CONTENT, Page, TopicIn, TopicOut, TopicUpdate, answers
from papershelf.topics import services
from papershelf.topics.forms import TopicForm
from papershelf.topics.models import Topic

router = Router(tags=["topics"])


def topic_out(topic: Topic) -> dict[str, Any]:
    row = Topic.objects.annotate(papers_count=Count("papers")).get(pk=topic.pk)
    fields = ("id", "name", "slug", "description")
    return {name: getattr(row, name) for name in fields} | {"papers": row.papers_count}


def _checked(fields: dict[str, str], topic: Topic | None) -> dict[str, Any]:
    """The fields as the topic form cleans them: a name or slug another topic has is
    refused here exactly as on the page."""
    form = TopicForm(fields, topic=topic)
    if not form.is_valid():
        problems = (
            f"{field}: {' '.join(str(e) for e in errors)}" for field, errors in form.errors.items()
        )
        raise ApiProblem(400, "; ".join(problems))
    return form.cleaned_data


def _editable_topic(request: HttpRequest, topic_id: int) -> Topic:
    topic = get_object_or_404(Topic, pk=topic_id)
    if not services.can_edit_topic(writer(request), topic):
        raise Http404("No such topic")  # not 403, as on the page
    return topic


@router.get("/topics", response=answers(Page[TopicOut]), summary="List topics")
def list_topics(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    return counted(request, Topic.objects.all(), params)


@router.post(
    "/topics",
    response=answers(TopicOut, 201),
    auth=WriteToken(),
    summary="Make a topic",
)
def add_topic(request: HttpRequest, data: TopicIn) -> Status:
    clean = _checked(data.dict(), None)
    topic = services.create_topic(
        clean["name"], clean["description"], clean["slug"], created_by=writer(request)
    )
    return Status(201, topic_out(topic))


@router.patch(
    "/topics/{topic_id}",
    response=answers(TopicOut),
    auth=WriteToken(),
    summary="Change a topic's name, slug or description (its maker and staff)",
)
def change_topic(request: HttpRequest, topic_id: int, data: TopicUpdate) -> dict[str, Any]:
    topic = _editable_topic(request, topic_id)
    given = data.dict(exclude_none=True)
    current = {"name": topic.name, "slug": topic.slug, "description": topic.description}
    clean = _checked(current | given, topic)
    services.update_topic(topic, clean["name"], clean["description"], clean["slug"])
    return topic_out(topic)


@router.put(
    "/papers/{paper_id}/topics/{topic_id}",
    response=answers(None, NO_CONTENT),
    auth=WriteToken(),
    summary="File a paper under a topic (the paper's contributors and staff)",
)
def tag_paper(request: HttpRequest, paper_id: int, topic_id: int) -> Status:
    paper = services.get_paper_for_topic_change(paper_id, writer(request))
    services.tag_paper(paper, get_object_or_404(Topic, pk=topic_id))
    return Status(NO_CONTENT, None)


@router.delete(
    "/papers/{paper_id}/topics/{topic_id}",
    response=answers(None, NO_CONTENT),
    auth=WriteToken(),
    summary="Take a paper out of a topic (the paper's contributors and staff)",
)
def untag_paper(request: HttpRequest, paper_id: int, topic_id: int) -> Status:
    paper = services.get_paper_for_topic_change(paper_id, writer(request))
    services.untag_paper(paper, get_object_or_404(Topic, pk=topic_id))
    return Status(NO_CONTENT, None)
