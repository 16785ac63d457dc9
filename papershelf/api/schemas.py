"""What the API reads and writes (pydantic 2, via django-ninja)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, Literal, TypeVar

from ninja import Schema
from ninja.responses import codes_4xx
from pydantic import Field

T = TypeVar("T")


class Problem(Schema):
    """RFC 9457 problem details: every failure has this shape."""

    type: str
    title: str
    status: int
    detail: str
    instance: str


class Page(Schema, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(None, description="Pass as ?cursor= for the next page.")


class PaperOut(Schema):
    id: int
    title: str
    authors: list[str]
    venue: str | None
    year: int | None
    abstract: str
    arxiv_id: str
    arxiv_version: int | None
    doi: str
    openreview_id: str
    bibtex_key: str
    dblp_key: str
    pdf_url: str
    code_url: str
    project_url: str
    url: str
    topics: list[str]
    page: str
    updated_at: datetime


class PaperIn(Schema):
    title: str = Field(min_length=1, max_length=1000)
    authors: list[str] = Field(default_factory=list, max_length=500)
    venue: str = Field("", max_length=300)
    year: int | None = Field(None, ge=1000, le=3000)
    abstract: str = ""
    arxiv_id: str = Field("", max_length=40)
    doi: str = Field("", max_length=300)
    openreview_id: str = Field("", max_length=100)
    url: str = Field("", max_length=1000)


class NamedCount(Schema):
    id: int
    name: str
    slug: str
    papers: int


class TopicOut(NamedCount):
    description: str


class SummaryOut(Schema):
    id: int
    paper_id: int
    title: str
    body: str
    body_html: str
    visibility: str
    author: str
    created_at: datetime
    updated_at: datetime


class SummaryIn(Schema):
    paper_id: int
    body: str = Field(min_length=1)
    title: str = Field("", max_length=300)
    visibility: Literal["public", "unlisted", "private"] = "public"
    anonymous: bool = False


class SummaryUpdate(Schema):
    body: str = Field(min_length=1)
    title: str = Field("", max_length=300)
    visibility: Literal["public", "unlisted", "private"] = "public"
    anonymous: bool = False
    message: str = Field("", max_length=200)


class RevisionOut(Schema):
    number: int
    title: str
    body: str
    message: str
    created_at: datetime


class ListOut(Schema):
    id: int
    title: str
    description: str
    visibility: str
    owner: str
    updated_at: datetime


class ListItemOut(Schema):
    position: int
    kind: Literal["paper", "heading"]
    paper_id: int | None
    title: str
    depth: int
    note: str


class ListDetailOut(ListOut):
    items: list[ListItemOut]


class FacetOut(Schema):
    value: str
    count: int
    query: str


class SearchHitOut(Schema):
    id: int
    title: str
    authors: list[str]
    year: int | None
    venue: str | None
    topics: list[str]
    score: float
    found_by: list[str]
    matched_in: str
    snippet_html: str


class SearchOut(Schema):
    query: str
    mode: str
    total: int
    page: int
    has_next: bool
    results: list[SearchHitOut]
    facets: dict[str, list[FacetOut]]


class ImportFileOut(Schema):
    name: str
    status: str
    detail: str


class ImportActionOut(Schema):
    kind: str
    what: str
    where: str
    detail: str


class ImportReportOut(Schema):
    id: str | None = Field(None, description="Confirm the preview with POST /imports/{id}.")
    dry_run: bool
    summary: list[str]
    files: list[ImportFileOut]
    actions: list[ImportActionOut]
    warnings: list[str]


def answers(schema: Any, status: int = 200) -> dict[Any, Any]:
    """An operation's responses: its own, and a Problem for every 4xx."""
    return {status: schema, codes_4xx: Problem}
