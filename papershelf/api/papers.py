"""Papers, authors, venues and topics: public, like their pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from papershelf.api.auth import WriteToken, reader, writer
from papershelf.api.pagination import paginate
from papershelf.api.schemas import NamedCount, Page, PaperIn, PaperOut, answers
from papershelf.lib.identifiers import identify
from papershelf.papers.models import Author, Paper, Venue
from papershelf.papers.services import PaperData, create_paper, with_listing_data

router = Router(tags=["papers"])


class PaperFilters(Schema):
    year: int | None = None
    venue: str | None = None  # slug or name
    topic: str | None = None  # slug or name
    author: str | None = None  # slug or name
    identifier: str | None = None  # arXiv id, DOI or OpenReview id, in any usual spelling
    updated_since: datetime | None = None
    cursor: str | None = None
    limit: int = 50


def paper_out(paper: Paper) -> dict[str, Any]:
    return {
        **{name: getattr(paper, name) for name in PaperOut.model_fields if hasattr(paper, name)},
        "authors": [link.author.name for link in paper.author_links.all()],
        "venue": paper.venue.name if paper.venue else None,
        "topics": [topic.name for topic in paper.topics.all()],
        "page": paper.get_absolute_url(),
    }


def _by_name(field: str, value: str) -> Q:
    return Q(**{f"{field}__slug": value}) | Q(**{f"{field}__name__iexact": value})


def filter_papers(papers: QuerySet[Paper], filters: PaperFilters) -> QuerySet[Paper]:
    if filters.year is not None:
        papers = papers.filter(year=filters.year)
    if filters.venue:
        papers = papers.filter(_by_name("venue", filters.venue))
    if filters.topic:
        papers = papers.filter(_by_name("topics", filters.topic))
    if filters.author:
        papers = papers.filter(_by_name("authors", filters.author))
    if filters.identifier:
        found = identify(filters.identifier)
        field = {"arxiv": "arxiv_id", "doi": "doi", "openreview": "openreview_id"}
        if found is None or found.kind not in field:
            return papers.none()
        papers = papers.filter(**{field[found.kind]: found.value})
    if filters.updated_since is not None:
        papers = papers.filter(updated_at__gte=filters.updated_since)
    return papers.distinct()


@router.get("/papers", response=answers(Page[PaperOut]), summary="List papers")
def list_papers(request: HttpRequest, filters: Query[PaperFilters]) -> dict[str, Any]:
    reader(request)  # a wrong token is refused even where everything is public
    papers = filter_papers(with_listing_data(Paper.objects.all()), filters)
    rows, cursor = paginate(papers, filters.cursor, filters.limit)
    return {"items": [paper_out(p) for p in rows], "next_cursor": cursor}


@router.get("/papers/{paper_id}", response=answers(PaperOut), summary="One paper")
def get_paper(request: HttpRequest, paper_id: int) -> dict[str, Any]:
    reader(request)
    return paper_out(get_object_or_404(with_listing_data(Paper.objects.all()), pk=paper_id))


@router.post(
    "/papers",
    response=answers(PaperOut, 201),
    auth=WriteToken(),
    summary="Add a paper",
)
def add_paper(request: HttpRequest, data: PaperIn) -> Status:
    paper = create_paper(PaperData(**data.dict()), added_by=writer(request))
    return Status(201, paper_out(with_listing_data(Paper.objects.all()).get(pk=paper.pk)))


class ListParams(Schema):
    cursor: str | None = None
    limit: int = 50


def counted(request: HttpRequest, queryset: QuerySet[Any], params: ListParams) -> dict[str, Any]:
    reader(request)
    rows, cursor = paginate(
        queryset.annotate(papers_count=Count("papers")), params.cursor, params.limit
    )
    items = [{**vars(row), "papers": row.papers_count} for row in rows]
    return {"items": items, "next_cursor": cursor}


@router.get("/authors", response=answers(Page[NamedCount]), summary="List authors")
def list_authors(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    return counted(request, Author.objects.all(), params)


@router.get("/venues", response=answers(Page[NamedCount]), summary="List venues")
def list_venues(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    return counted(request, Venue.objects.all(), params)
