"""Everything that creates, changes or lists papers. Views, CLI and importers call these."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Prefetch, QuerySet

from papershelf.accounts.models import User
from papershelf.lib.titles import normalise_title
from papershelf.limits import check_abstract
from papershelf.papers.models import NEWEST_FIRST, Author, Paper, PaperAuthor, Venue
from papershelf.papers.venues import canonical_venue_name
from papershelf.slugs import unique_slug


@dataclass
class PaperData:
    """The editable facts of a paper, as a form or an importer supplies them."""

    title: str
    authors: list[str] = field(default_factory=list)
    venue: str = ""
    year: int | None = None
    abstract: str = ""
    arxiv_id: str = ""
    arxiv_version: int | None = None
    doi: str = ""
    bibtex_key: str = ""
    dblp_key: str = ""
    openreview_id: str = ""
    pdf_url: str = ""
    code_url: str = ""
    project_url: str = ""
    url: str = ""
    organisations: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)


_SCALAR_FIELDS = (
    "title", "year", "abstract", "arxiv_id", "arxiv_version", "doi", "bibtex_key", "dblp_key",
    "openreview_id", "pdf_url", "code_url", "project_url", "url", "organisations", "keywords",
)  # fmt: skip


def author_key(name: str) -> str:
    return normalise_title(name)


def get_or_create_author(name: str) -> Author:
    name = " ".join(name.split())
    key = author_key(name)
    author = Author.objects.filter(key=key).first()
    if author is None:
        author = Author.objects.create(
            name=name, key=key, slug=unique_slug(Author.objects.all(), name, 300, "author")
        )
    return author


def get_or_create_venue(name: str) -> Venue | None:
    """The shelf's venue of that name, by the alias table: "NIPS 2017" is NeurIPS."""
    name = canonical_venue_name(name)
    if not name:
        return None
    venue = Venue.objects.filter(name__iexact=name).first()
    if venue is None:
        venue = Venue.objects.create(
            name=name, slug=unique_slug(Venue.objects.all(), name, 300, "venue")
        )
    return venue


def set_authors(paper: Paper, names: Iterable[str]) -> None:
    """Replace the paper's author list, keeping the given order."""
    PaperAuthor.objects.filter(paper=paper).delete()
    links = [
        PaperAuthor(paper=paper, author=get_or_create_author(name), position=i)
        for i, name in enumerate(n for n in names if n.strip())
    ]
    PaperAuthor.objects.bulk_create(links)


_IDENTIFIER_LABELS = {"arxiv_id": "arXiv id", "doi": "DOI", "openreview_id": "OpenReview id"}


def _validate(paper: Paper) -> None:
    """full_clean, with a readable message when an identifier belongs to another paper.

    Without it the unique constraints answer "Constraint “unique_doi” is violated.".
    """
    errors: dict[str, str] = {}
    for name, label in _IDENTIFIER_LABELS.items():
        value = getattr(paper, name)
        if not value:
            continue
        other = Paper.objects.filter(**{name: value}).exclude(pk=paper.pk).first()
        if other is not None:
            errors[name] = f"“{other.title}” on this shelf already has the {label} {value}."
    if errors:
        raise ValidationError(errors)
    check_abstract(paper.abstract)
    paper.full_clean(exclude=["figure", "venue", "added_by"])


@transaction.atomic
def create_paper(data: PaperData, *, added_by: User | None = None) -> Paper:
    paper = Paper(added_by=added_by, venue=get_or_create_venue(data.venue))
    for name in _SCALAR_FIELDS:
        setattr(paper, name, getattr(data, name))
    _validate(paper)
    paper.save()
    set_authors(paper, data.authors)
    return paper


@transaction.atomic
def update_paper(paper: Paper, data: PaperData) -> Paper:
    for name in _SCALAR_FIELDS:
        setattr(paper, name, getattr(data, name))
    paper.venue = get_or_create_venue(data.venue)
    _validate(paper)
    paper.save()
    set_authors(paper, data.authors)
    return paper


def paper_data(paper: Paper) -> PaperData:
    """The inverse of create_paper: a paper's facts, ready to prefill a form."""
    values = {name: getattr(paper, name) for name in _SCALAR_FIELDS}
    return PaperData(
        **values,
        authors=[a.name for a in paper.ordered_authors()],
        venue=paper.venue.name if paper.venue else "",
    )


def can_edit_paper(user: User, paper: Paper) -> bool:
    return bool(user.is_authenticated and (user.is_staff or paper.added_by_id == user.pk))


_views: Counter[int] = Counter()
_views_lock = threading.Lock()
_views_flushed_at = 0.0
_FLUSH_BATCH = 500  # papers an update names (SQLite caps a statement's parameters)


def record_view(paper: Paper) -> None:
    """Count a read of the paper's page, written a few seconds later with others.

    A write per page view would make every reader queue for SQLite's single writer
    behind whoever is saving (issue 10); counts of the last few seconds of a killed
    process are lost, which a "most read" list can afford.
    """
    global _views_flushed_at
    with _views_lock:
        _views[paper.pk] += 1
        due = time.monotonic() - _views_flushed_at >= settings.VIEW_COUNT_FLUSH_SECONDS
        if due:
            _views_flushed_at = time.monotonic()
    if due:
        flush_views()


def flush_views() -> None:
    with _views_lock:
        counts = dict(_views)
        _views.clear()
    # One update per distinct count, not per paper: most papers were read once since the
    # last flush, and under load a statement per paper was a sixth of a page's time.
    by_count: dict[int, list[int]] = {}
    for pk, count in counts.items():
        by_count.setdefault(count, []).append(pk)
    batches = [
        (count, pks[start : start + _FLUSH_BATCH])
        for count, pks in by_count.items()
        for start in range(0, len(pks), _FLUSH_BATCH)
    ]
    # One write transaction for the lot (a single update needs none of its own).
    with transaction.atomic() if len(batches) > 1 else nullcontext():
        for count, pks in batches:
            # F() so concurrent processes never lose each other's counts.
            Paper.objects.filter(pk__in=pks).update(view_count=F("view_count") + count)


def with_listing_data(papers: QuerySet[Paper]) -> QuerySet[Paper]:
    """What a paper list shows, fetched in a fixed number of queries."""
    return papers.select_related("venue").prefetch_related(authors_in_order(), "topics")


def as_rows(papers: QuerySet[Paper]) -> QuerySet[Paper]:
    """Papers for a listing page's rows (``{% paper_row %}``): without their abstracts,
    which the rows never show and which SQLite reads from overflow pages for every row
    it skips to reach a deep page."""
    return with_listing_data(papers).defer("abstract")


def authors_in_order(prefix: str = "") -> Prefetch[str, QuerySet[PaperAuthor], str]:
    """Prefetch a paper's author links with their authors joined in.

    A join rather than a second prefetch: past ~1,000 authors, Django's prefetch
    writes an OR chain deeper than SQLite accepts.
    """
    return Prefetch(f"{prefix}author_links", PaperAuthor.objects.select_related("author"))


def year_counts() -> list[dict[str, int | None]]:
    """Papers per year, newest first; papers without a year last (``year`` None)."""
    return list(Paper.objects.values("year").annotate(count=Count("id")).order_by(NEWEST_FIRST[0]))


def venue_counts() -> QuerySet[Venue]:
    return Venue.objects.annotate(count=Count("papers")).filter(count__gt=0).order_by("name")


def authors_with_papers() -> QuerySet[Author]:
    """Authors of at least one paper, by name: walks the name index, counts nothing."""
    return Author.objects.filter(
        Exists(PaperAuthor.objects.filter(author=OuterRef("pk")))
    ).order_by("name")


def count_papers(authors: Iterable[Author]) -> None:
    """Set ``count`` on each of a page of authors, in one query for the page alone."""
    authors = list(authors)
    counts = dict(
        PaperAuthor.objects.filter(author__in=authors)
        .values_list("author")
        .annotate(n=Count("id"))
        .values_list("author", "n")
    )
    for author in authors:
        author.count = counts.get(author.pk, 0)  # type: ignore[attr-defined]


def most_read(limit: int = 8) -> QuerySet[Paper]:
    # Walks the view_count index from the top (papers_paper_view_count): never the table.
    return as_rows(Paper.objects.filter(view_count__gt=0).order_by("-view_count"))[:limit]
