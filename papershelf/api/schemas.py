"""What the API reads and writes (pydantic 2, via django-ninja)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Generic, Literal, TypeVar

from ninja import Schema
from ninja.responses import codes_4xx
from pydantic import AfterValidator, Field, StringConstraints

T = TypeVar("T")


def _without_nul(text: str) -> str:
    # PostgreSQL text cannot hold NUL: refused on both databases alike, as bad input.
    if "\x00" in text:
        raise ValueError("must not contain NUL characters")
    return text


Text = Annotated[str, AfterValidator(_without_nul)]
# A title, heading or name: surrounding space trimmed, and something left.
Title = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(_without_nul),
]
Visibility = Literal["public", "unlisted", "private"]


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
    title: Text = Field(min_length=1, max_length=1000)
    authors: list[Text] = Field(default_factory=list, max_length=500)
    venue: Text = Field("", max_length=300)
    year: int | None = Field(None, ge=1000, le=3000)
    abstract: Text = ""
    arxiv_id: Text = Field("", max_length=40)
    doi: Text = Field("", max_length=300)
    openreview_id: Text = Field("", max_length=100)
    url: Text = Field("", max_length=1000)


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
    body: Text = Field(min_length=1)
    title: Text = Field("", max_length=300)
    visibility: Literal["public", "unlisted", "private"] = "public"
    anonymous: bool = False


class SummaryUpdate(Schema):
    body: Text = Field(min_length=1)
    title: Text = Field("", max_length=300)
    visibility: Literal["public", "unlisted", "private"] = "public"
    anonymous: bool = False
    message: Text = Field("", max_length=200)


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
    id: int
    position: int
    kind: Literal["paper", "heading"]
    paper_id: int | None
    title: str
    depth: int
    note: str


class ListDetailOut(ListOut):
    items: list[ListItemOut]


class ListIn(Schema):
    title: Title
    description: Text = Field("", description="Markdown.")
    visibility: Visibility = "public"


class ListUpdate(Schema):
    """Only the fields given change."""

    title: Title | None = None
    description: Text | None = Field(None, description="Markdown.")
    visibility: Visibility | None = None


class ListItemIn(Schema):
    paper_id: int
    note: Text = Field("", description="Markdown.")
    section_id: int | None = Field(
        None, description="A section heading's id: the paper goes at the end of that section "
        "(before the next heading). Without it, at the end of the list.",
    )  # fmt: skip


class ListItemUpdate(Schema):
    note: Text = Field(description="Markdown.")


class SectionIn(Schema):
    heading: Title
    depth: int = Field(1, ge=1, le=6)


class SectionUpdate(Schema):
    """Only the fields given change."""

    heading: Title | None = None
    depth: int | None = Field(None, ge=1, le=6)


class ListOrderIn(Schema):
    items: list[int] = Field(
        max_length=10_000,
        description="Every item id of the list (papers and section headings), each once, "
        "in the new order.",
    )


class TopicIn(Schema):
    name: Text = Field(max_length=200)
    slug: Text = Field("", max_length=200, description="Made from the name if empty.")
    description: Text = Field("", description="Markdown.")


class TopicUpdate(Schema):
    """Only the fields given change."""

    name: Text | None = Field(None, max_length=200)
    slug: Text | None = Field(None, max_length=200)
    description: Text | None = Field(None, description="Markdown.")


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


ExportFormat = Literal["bibtex", "csl", "ris", "markdown"]


class ExportJobIn(Schema):
    """What to export: one of paper, list, topic or query; none of them for the whole shelf."""

    format: ExportFormat
    paper: int | None = None
    list: int | None = None
    topic: Text = Field("", max_length=200, description="A topic's slug or name.")
    query: Text = Field("", max_length=500, description="A search, as on the search page.")


class JobStartedOut(Schema):
    id: int
    kind: str
    status: str
    url: str = Field(description="Poll it (GET) until its status is done or failed.")


class ProgressOut(Schema):
    label: str
    total: int
    done: int
    percent: int


class JobOut(Schema):
    id: int
    kind: str
    title: str
    status: Literal["queued", "running", "done", "failed"]
    message: str = Field(description="Why it failed, or why it is being tried again.")
    progress: ProgressOut | None = Field(description="How far a running job has got.")
    file_url: str | None = Field(
        description="The finished job's file, kept for a week; null before and after."
    )


NO_CONTENT = 204  # what a DELETE (or a PUT that returns nothing) answers


def answers(schema: Any, status: int = 200) -> dict[Any, Any]:
    """An operation's responses: its own, and a Problem for every 4xx.

    ninja's ``codes_4xx`` leaves out 422, which a request that fails its schema answers.
    """
    return {status: schema, codes_4xx | {422}: Problem}
