"""Summaries and their revisions: exactly what the pages show to the same reader."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from papershelf.api.auth import WriteToken, reader, writer
from papershelf.api.pagination import paginate
from papershelf.api.problems import ApiProblem, refuse_past_limit
from papershelf.api.schemas import (
    NO_CONTENT,
    Page,
    RevisionOut,
    SummaryIn,
    SummaryOut,
    SummaryUpdate,
    answers,
)
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import (
    SummaryData,
    create_summary,
    delete_summary,
    existing_summary,
    get_own_summary,
    get_summary_for_user,
    listed_summaries,
    update_summary,
)

router = Router(tags=["summaries"])


class SummaryFilters(Schema):
    paper: int | None = None
    cursor: str | None = None
    limit: int = 50


def summary_out(summary: Summary) -> dict[str, Any]:
    return {
        **{name: getattr(summary, name) for name in SummaryOut.model_fields if name != "author"},
        "author": summary.byline(),
    }


@router.get("/summaries", response=answers(Page[SummaryOut]), summary="List summaries")
def list_summaries(request: HttpRequest, filters: Query[SummaryFilters]) -> dict[str, Any]:
    summaries = listed_summaries(reader(request))
    if filters.paper is not None:
        summaries = summaries.filter(paper_id=filters.paper)
    rows, cursor = paginate(summaries, filters.cursor, filters.limit)
    return {"items": [summary_out(s) for s in rows], "next_cursor": cursor}


@router.get(
    "/summaries/{summary_id}",
    response=answers(SummaryOut),
    summary="One summary",
)
def get_summary(request: HttpRequest, summary_id: int) -> dict[str, Any]:
    return summary_out(get_summary_for_user(summary_id, reader(request)))


@router.get(
    "/summaries/{summary_id}/revisions",
    response=answers(list[RevisionOut]),
    summary="A summary's revisions, newest first",
)
def list_revisions(request: HttpRequest, summary_id: int) -> list[Any]:
    summary = get_summary_for_user(summary_id, reader(request))
    return list(summary.revisions.order_by("-number"))


@router.post(
    "/summaries",
    response=answers(SummaryOut, 201),
    auth=WriteToken(),
    summary="Write a summary",
)
def add_summary(request: HttpRequest, data: SummaryIn) -> Status:
    user = writer(request)
    refuse_past_limit(request, "post")
    paper = get_object_or_404(Paper, pk=data.paper_id)
    if existing_summary(paper, user) is not None:
        raise ApiProblem(409, "You have a summary of this paper already; update it instead.")
    fields = data.dict(exclude={"paper_id"})
    return Status(201, summary_out(create_summary(paper, user, SummaryData(**fields))))


@router.put(
    "/summaries/{summary_id}",
    response=answers(SummaryOut),
    auth=WriteToken(),
    summary="Change a summary (a new revision)",
)
def change_summary(request: HttpRequest, summary_id: int, data: SummaryUpdate) -> dict[str, Any]:
    user = writer(request)
    summary = get_own_summary(summary_id, user)
    fields = data.dict(exclude={"message"})
    return summary_out(update_summary(summary, SummaryData(**fields), user, data.message))


@router.delete(
    "/summaries/{summary_id}",
    response=answers(None, NO_CONTENT),
    auth=WriteToken(),
    summary="Delete a summary, with its revisions",
)
def remove_summary(request: HttpRequest, summary_id: int) -> Status:
    delete_summary(get_own_summary(summary_id, writer(request)))
    return Status(NO_CONTENT, None)
