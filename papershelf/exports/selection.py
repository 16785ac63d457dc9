"""What an export holds: the papers a reader chose, with what that reader may see of them.

Papers are public; summaries and reading lists follow the pages' rules: public ones and
the reader's own. Unlisted ones are not listed, so they are not exported either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404

from papershelf.accounts.models import User
from papershelf.papers.models import NEWEST_FIRST, Paper
from papershelf.papers.services import with_listing_data
from papershelf.readinglists.models import ReadingList
from papershelf.readinglists.services import get_list_for_user, listed_lists
from papershelf.summaries.models import Summary
from papershelf.summaries.services import listed_summaries
from papershelf.topics.models import Topic

SEARCH_LIMIT = 1000  # a search export takes at most this many of the best matches


@dataclass
class Selection:
    """Which papers: one of paper, list, topic or query, or the whole shelf."""

    viewer: User | None = None
    paper_id: int | None = None
    list_id: int | None = None
    topic: str = ""  # slug or name
    query: str = ""


@dataclass
class Shelf:
    """The papers of a selection in export order, and what goes with them."""

    papers: list[Paper]
    summaries: list[Summary] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    lists: list[ReadingList] = field(default_factory=list)


def select_papers(selection: Selection) -> list[Paper]:
    """The chosen papers, in the order their page shows them; an unknown one is a 404."""
    papers = with_listing_data(Paper.objects.all())
    if selection.paper_id is not None:
        return [_get(papers, selection.paper_id)]
    if selection.list_id is not None:
        reading_list = get_list_for_user(selection.list_id, selection.viewer)
        return _papers_of_list(reading_list, papers)
    if selection.topic:
        topic = find_topic(selection.topic)
        return list(papers.filter(topics=topic).order_by(*NEWEST_FIRST))
    if selection.query:
        return _papers_found(selection, papers)
    return list(papers.order_by(*NEWEST_FIRST, "pk"))


def count_papers(selection: Selection) -> int:
    """How many papers select_papers would return, without fetching them (a few queries).

    Unknown or hidden things are a 404 here too, so a caller may check before it queues.
    """
    if selection.paper_id is not None:
        _get(Paper.objects.all(), selection.paper_id)
        return 1
    if selection.list_id is not None:
        reading_list = get_list_for_user(selection.list_id, selection.viewer)
        return reading_list.items.exclude(paper=None).values("paper_id").distinct().count()
    if selection.topic:
        return find_topic(selection.topic).papers.count()
    if selection.query:
        return _count_found(selection)
    return Paper.objects.count()


def select_shelf(selection: Selection) -> Shelf:
    """Papers with their visible summaries, their topics and the lists that hold them."""
    papers = select_papers(selection)
    ids = [paper.pk for paper in papers]
    summaries = (
        listed_summaries(selection.viewer)
        .filter(paper_id__in=ids)
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )
    topics = Topic.objects.filter(papers__in=ids).distinct().order_by("name")
    return Shelf(papers, list(summaries), list(topics), _lists(selection, ids))


def find_topic(name_or_slug: str) -> Topic:
    topic = (
        Topic.objects.filter(slug=name_or_slug).first()
        or Topic.objects.filter(name__iexact=name_or_slug).first()
    )
    if topic is None:
        raise Http404(f"no topic {name_or_slug!r}")
    return topic


def _get(papers: QuerySet[Paper], pk: int) -> Paper:
    paper = papers.filter(pk=pk).first()
    if paper is None:
        raise Http404(f"no paper #{pk}")
    return paper


def _papers_of_list(reading_list: ReadingList, papers: QuerySet[Paper]) -> list[Paper]:
    order = list(
        reading_list.items.exclude(paper=None)
        .order_by("position")
        .values_list("paper_id", flat=True)
    )
    by_id = papers.in_bulk(order)
    return [by_id[pk] for pk in dict.fromkeys(order) if pk in by_id]


def _papers_found(selection: Selection, papers: QuerySet[Paper]) -> list[Paper]:
    from papershelf.search.services import search

    results = search(
        selection.query, mode="keyword", per_page=SEARCH_LIMIT, with_facets=False,
        user=selection.viewer,
    )  # fmt: skip
    if results.error:
        raise ValueError(results.error)
    order = [hit.paper.pk for hit in results.hits]
    by_id = papers.in_bulk(order)
    return [by_id[pk] for pk in order if pk in by_id]


def _count_found(selection: Selection) -> int:
    from papershelf.search.services import search

    results = search(
        selection.query, mode="keyword", per_page=1, with_facets=False, user=selection.viewer
    )
    if results.error:
        raise ValueError(results.error)
    return min(results.total, SEARCH_LIMIT)


def _lists(selection: Selection, paper_ids: list[int]) -> list[ReadingList]:
    if selection.list_id is not None:
        return [get_list_for_user(selection.list_id, selection.viewer)]
    if selection.paper_id is not None or selection.topic or selection.query:
        return []
    lists = listed_lists(selection.viewer).prefetch_related("items")
    return list(lists.order_by("title", "pk"))
