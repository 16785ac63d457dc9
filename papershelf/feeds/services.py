"""What each feed holds: the latest public summaries of the site, a topic, a person,
a public reading list or a paper. Unlisted, private and (on a person's feed) anonymous
summaries never appear; a private or unlisted list has no feed at all (404)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ListVisibility, ReadingList
from papershelf.summaries.models import Summary
from papershelf.summaries.services import listed_summaries
from papershelf.topics.models import Topic

FEED_LENGTH = 30


@dataclass(frozen=True)
class Scope:
    kind: str
    key: str
    title: str
    link: str
    description: str
    summaries: QuerySet[Summary]


def _public() -> QuerySet[Summary]:
    # Listed to nobody in particular: public summaries only, as any visitor sees them.
    return listed_summaries(None)


def scope_for(kind: str, key: str = "") -> Scope:
    if kind == "site":
        return Scope(
            kind, key, "Latest summaries", reverse("home"), "New summaries on this shelf", _public()
        )
    if kind == "topic":
        topic = get_object_or_404(Topic, slug=key)
        summaries = _public().filter(paper__topics=topic)
        return Scope(
            kind,
            key,
            f"Summaries in {topic.name}",
            topic.get_absolute_url(),
            f"New summaries of papers in the topic {topic.name}",
            summaries,
        )
    if kind == "user":
        person = get_object_or_404(User, username=key, is_active=True)
        summaries = _public().filter(author=person, anonymous=False)
        return Scope(
            kind,
            key,
            f"Summaries by {person.username}",
            reverse("accounts-profile", args=[person.username]),
            f"New summaries written by {person.username}",
            summaries,
        )
    if kind == "list":
        reading_list = get_object_or_404(ReadingList, pk=int(key), visibility=ListVisibility.PUBLIC)
        summaries = _public().filter(paper__reading_list_items__reading_list=reading_list)
        return Scope(
            kind,
            key,
            f"Summaries in {reading_list.title}",
            reading_list.get_absolute_url(),
            f"New summaries of papers in the reading list {reading_list.title}",
            summaries,
        )
    if kind == "paper":
        paper = get_object_or_404(Paper, pk=int(key))
        return Scope(
            kind,
            key,
            f"Summaries of {paper.title}",
            paper.get_absolute_url(),
            f"New summaries of “{paper.title}”",
            _public().filter(paper=paper),
        )
    raise Http404("No such feed")


def latest(scope: Scope) -> list[Summary]:
    return list(scope.summaries.distinct().order_by("-created_at")[:FEED_LENGTH])


def feed_urls(kind: str, key: object = "") -> dict[str, str]:
    """The Atom and RSS addresses of a feed, for links on its page."""
    if kind == "site":
        return {f: reverse(f"feeds-site-{f}") for f in ("atom", "rss")}
    return {f: reverse(f"feeds-{kind}-{f}", args=[key]) for f in ("atom", "rss")}
