"""Following papers, topics, reading lists and people, and the feed that makes of them.

Only what anybody may see is followed or fed: public summaries and public reading
lists. A summary that is unlisted, private or anonymous reaches no feed and no follower
(an anonymous one does reach followers of its paper and topics, signed "Anonymous").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

from django.db.models import Count, Model, Q, QuerySet
from django.http import Http404

from papershelf.accounts.models import User
from papershelf.discussions.models import Comment, Question
from papershelf.follows.models import TARGETS, Follow
from papershelf.notifications.services import Event, notify
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ListVisibility, ReadingList, ReadingListItem
from papershelf.summaries.models import Summary, Visibility
from papershelf.summaries.services import listed_summaries
from papershelf.topics.models import Topic

Followable = Paper | Topic | ReadingList | User

FEED_LENGTH = 50


def _field(target: Followable) -> str:
    return {Paper: "paper", Topic: "topic", ReadingList: "reading_list", User: "followed_user"}[
        type(target)
    ]


def check_followable(target: Followable) -> None:
    """Private and unlisted reading lists are nobody's to follow (their owner has them)."""
    if isinstance(target, ReadingList) and target.visibility != ListVisibility.PUBLIC:
        raise Http404("No such reading list")


def follow(user: User, target: Followable) -> None:
    check_followable(target)
    if target == user:
        return
    fields: dict[str, Any] = {"follower": user, _field(target): target}
    Follow.objects.get_or_create(**fields)


def unfollow(user: User, target: Followable) -> None:
    Follow.objects.filter(follower=user, **{_field(target): target}).delete()


def follow_state(user: User | None, target: Followable) -> tuple[bool, int]:
    """Whether the user follows target, and how many do: one query for a follow button."""
    follows = Follow.objects.filter(**{_field(target): target})
    if user is None or not user.is_authenticated:
        return False, follows.count()
    counts = follows.aggregate(n=Count("pk"), mine=Count("pk", filter=Q(follower=user)))
    return bool(counts["mine"]), counts["n"]


def following(user: User) -> dict[str, list[Model]]:
    """What the user follows, by kind, for their feed page."""
    follows = Follow.objects.filter(follower=user).select_related(*TARGETS)
    found: dict[str, list[Model]] = {target: [] for target in TARGETS}
    for item in follows:
        for target in TARGETS:
            if getattr(item, f"{target}_id"):
                found[target].append(getattr(item, target))
    return found


def _followed_papers(user: User) -> list[QuerySet[Any]]:
    """Ids of the papers the user follows, directly and through topics, as subqueries.

    Subqueries of ids rather than joins: OR-ed joins through topics made the database
    pair every paper with every follow (seconds on a large shelf); each IN set is small.
    """
    follows = Follow.objects.filter(follower=user)
    topics = follows.filter(topic__isnull=False).values("topic_id")
    return [
        follows.filter(paper__isnull=False).values("paper_id"),
        Topic.papers.through.objects.filter(topic_id__in=topics).values("paper_id"),
    ]


def _followed_summaries_filter(user: User) -> Q:
    """Summaries that come from what the user follows: papers, topics, public lists, people."""
    follows = Follow.objects.filter(follower=user)
    lists = follows.filter(reading_list__visibility=ListVisibility.PUBLIC).values("reading_list_id")
    listed = ReadingListItem.objects.filter(reading_list_id__in=lists, paper__isnull=False)
    people = follows.filter(followed_user__isnull=False).values("followed_user_id")
    shown = Q(paper_id__in=listed.values("paper_id")) | Q(author_id__in=people, anonymous=False)
    for papers in _followed_papers(user):
        shown |= Q(paper_id__in=papers)
    return shown


def _public(summaries: QuerySet[Summary]) -> QuerySet[Summary]:
    return summaries.filter(visibility=Visibility.PUBLIC)


@dataclass(frozen=True)
class FeedItem:
    when: datetime
    kind: str  # "summary", "question" or "comment"
    item: Summary | Question | Comment


def feed_for(user: User, limit: int = FEED_LENGTH) -> list[FeedItem]:
    """New public summaries, questions and comments from what the user follows, newest first."""
    summaries = _public(listed_summaries(None).filter(_followed_summaries_filter(user))).exclude(
        author=user
    )
    summary_ids = summaries.values("pk")
    # The feed shows titles, names and dates: not the texts, which are most of each row.
    summaries = (
        Summary.objects.filter(pk__in=summary_ids)
        .select_related("paper", "author")
        .defer("body", "body_html", "paper__abstract")
    )
    direct, by_topic = _followed_papers(user)
    questions = (
        Question.objects.filter(Q(paper_id__in=direct) | Q(paper_id__in=by_topic), hidden=False)
        .exclude(author=user)
        .select_related("paper", "author")
        .defer("body", "body_html", "paper__abstract")
    )
    comments = (
        Comment.objects.filter(summary__in=summary_ids, hidden=False, deleted=False)
        .exclude(author=user)
        .select_related("summary__paper", "author")
        .defer(
            "body", "body_html", "summary__body", "summary__body_html", "summary__paper__abstract"
        )
    )
    items = [
        *(FeedItem(s.created_at, "summary", s) for s in summaries.order_by("-created_at")[:limit]),
        *(FeedItem(q.created_at, "question", q) for q in questions.order_by("-created_at")[:limit]),
        *(FeedItem(c.created_at, "comment", c) for c in comments.order_by("-created_at")[:limit]),
    ]
    return list(islice(sorted(items, key=lambda i: i.when, reverse=True), limit))


def announce_summary(summary: Summary) -> None:
    """Tell the followers of a new public summary's paper, topics, lists and author."""
    # Through the summaries' own rule, so a summary held for review is not announced.
    if not listed_summaries(None).filter(pk=summary.pk).exists():
        return
    # Subqueries of ids, not OR-ed joins: joined, every follow met every topic's papers.
    paper = summary.paper_id
    topics = Topic.papers.through.objects.filter(paper_id=paper).values("topic_id")
    lists = ReadingListItem.objects.filter(
        paper_id=paper, reading_list__visibility=ListVisibility.PUBLIC
    ).values("reading_list_id")
    follows = Q(paper_id=paper) | Q(topic_id__in=topics) | Q(reading_list_id__in=lists)
    if not summary.anonymous:
        follows |= Q(followed_user_id=summary.author_id)
    followers = User.objects.filter(pk__in=Follow.objects.filter(follows).values("follower_id"))
    text = f"{summary.byline()} summarised “{summary.paper.title}”"
    event = Event("new_summary", text, summary.get_absolute_url(), summary=summary)
    for follower in followers:
        notify(follower, event, actor=summary.author)
