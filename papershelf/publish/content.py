"""What a published site holds: public content only, narrowed by topic, list or person.

Papers are public. Summaries are the public ones no moderator has hidden; reading lists
the public ones. Unlisted things are never published: a static site has no share links,
so publishing one would list it for everyone. With ``--user``, a personal site: that
person's signed public summaries and public lists, and the papers they concern.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from papershelf.accounts.models import User
from papershelf.exports.selection import find_topic
from papershelf.papers.models import Author, Paper, Venue
from papershelf.papers.services import with_listing_data
from papershelf.readinglists.models import ListVisibility, ReadingList, ReadingListItem
from papershelf.summaries.models import Summary
from papershelf.summaries.services import listed_summaries
from papershelf.topics.models import Topic


class PublishError(ValueError):
    """A selection that cannot be published (an unknown topic, a list that is not public)."""


@dataclass
class Choice:
    topics: list[str] = field(default_factory=list)  # names or slugs
    list_ids: list[int] = field(default_factory=list)
    user: User | None = None


@dataclass
class Content:
    """Everything the site shows, fetched once; pages only arrange it."""

    papers: list[Paper]
    summaries: dict[int, list[Summary]]  # by paper id, oldest first
    topics: list[Topic]
    lists: list[ReadingList]
    items: dict[int, list[ReadingListItem]]  # by list id, in order
    authors: list[Author]
    venues: list[Venue]

    @property
    def all_summaries(self) -> list[Summary]:
        return [summary for group in self.summaries.values() for summary in group]

    def papers_of_topic(self, topic: Topic) -> list[Paper]:
        return [paper for paper in self.papers if topic in paper.topics.all()]


def select_content(choice: Choice) -> Content:
    lists = _lists(choice)
    items = _items_of(lists)
    papers = _papers(choice, items)
    ids = {paper.pk for paper in papers}
    summaries = _summaries(choice, ids)
    if choice.user is not None:
        # A personal site: the papers this person wrote about or put in their lists.
        listed = {item.paper_id for group in items.values() for item in group}
        papers = [paper for paper in papers if paper.pk in summaries or paper.pk in listed]
    topics = _topics(choice, papers)
    authors = {link.author.pk: link.author for p in papers for link in p.author_links.all()}
    venues = {paper.venue.pk: paper.venue for paper in papers if paper.venue is not None}
    return Content(
        papers=papers,
        summaries=summaries,
        topics=topics,
        lists=lists,
        items=items,
        authors=sorted(authors.values(), key=lambda author: (author.name.lower(), author.pk)),
        venues=sorted(venues.values(), key=lambda venue: venue.name.lower()),
    )


def _lists(choice: Choice) -> list[ReadingList]:
    public = ReadingList.objects.filter(visibility=ListVisibility.PUBLIC).select_related("owner")
    if choice.list_ids:
        found = public.in_bulk(choice.list_ids)
        for pk in choice.list_ids:
            if pk not in found:
                raise PublishError(f"no public reading list #{pk}; only public lists are published")
        return [found[pk] for pk in dict.fromkeys(choice.list_ids)]
    if choice.topics:
        return []
    if choice.user is not None:
        public = public.filter(owner=choice.user)
    return list(public.order_by("title", "pk"))


def _items_of(lists: list[ReadingList]) -> dict[int, list[ReadingListItem]]:
    items: dict[int, list[ReadingListItem]] = defaultdict(list)
    rows = ReadingListItem.objects.filter(reading_list__in=lists).order_by("position", "pk")
    for item in rows:
        items[item.reading_list_id].append(item)
    return {reading_list.pk: items[reading_list.pk] for reading_list in lists}


def _papers(choice: Choice, items: dict[int, list[ReadingListItem]]) -> list[Paper]:
    papers = with_listing_data(Paper.objects.all()).order_by("-year", "title", "pk")
    if choice.topics or choice.list_ids:
        topics = [_topic(name) for name in choice.topics]
        listed = {item.paper_id for group in items.values() for item in group if item.paper_id}
        of_topics = set(
            Paper.objects.filter(topics__in=topics).values_list("pk", flat=True)
        ) if topics else set()  # fmt: skip
        papers = papers.filter(pk__in=of_topics | listed)
    return list(papers)


def _topic(name: str) -> Topic:
    try:
        return find_topic(name)
    except Exception as exc:  # Http404: a name nobody gave a topic
        raise PublishError(f"no topic {name!r}") from exc


def _summaries(choice: Choice, paper_ids: set[int]) -> dict[int, list[Summary]]:
    # As a visitor who is signed out sees them: public, and not hidden by a moderator.
    summaries = listed_summaries(None).filter(paper_id__in=paper_ids)
    if choice.user is not None:
        # An anonymous summary on its author's own site would give the name away.
        summaries = summaries.filter(author=choice.user, anonymous=False)
    by_paper: dict[int, list[Summary]] = defaultdict(list)
    rows = summaries.prefetch_related("attachments").order_by("created_at", "pk")
    for summary in rows:
        by_paper[summary.paper_id].append(summary)
    return dict(by_paper)


def _topics(choice: Choice, papers: list[Paper]) -> list[Topic]:
    present = {topic.pk: topic for paper in papers for topic in paper.topics.all()}
    if choice.topics:
        wanted = {_topic(name).pk for name in choice.topics}
        present = {pk: topic for pk, topic in present.items() if pk in wanted}
    return sorted(present.values(), key=lambda topic: topic.name.lower())
