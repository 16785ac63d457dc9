"""Votes on summaries, comments and answers; scores, reputation, and the home page's tabs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from papershelf.accounts.models import User
from papershelf.discussions.models import Answer, Comment
from papershelf.notifications.services import Event, notify
from papershelf.summaries.models import Summary
from papershelf.votes.models import SummaryReads, Vote

Target = Summary | Comment | Answer

POPULAR_DAYS = 30  # the Popular tab counts reads in this many recent days


def _target_field(target: Target) -> str:
    return {Summary: "summary", Comment: "comment", Answer: "answer"}[type(target)]


@transaction.atomic
def cast_vote(voter: User, target: Target, value: int) -> Vote | None:
    """Vote +1 or -1 on a summary, comment or answer; 0 takes the vote back.

    One vote per reader per thing: voting again changes it. Nobody votes on their own
    writing (PermissionDenied). The caller has already checked that the voter may see it.
    """
    if value not in (1, -1, 0):
        raise ValueError("a vote is +1, -1 or 0")
    if target.author_id == voter.pk:
        raise PermissionDenied("You cannot vote on your own writing.")
    field = _target_field(target)
    existing = Vote.objects.filter(voter=voter, **{field: target}).first()
    if value == 0:
        if existing is not None:
            existing.delete()
        return None
    if existing is not None:
        if existing.value != value:
            existing.value = value
            existing.save(update_fields=["value"])
        return existing
    vote = Vote.objects.create(voter=voter, value=value, **{field: target})
    if isinstance(target, Summary):
        _tell_the_author(target, value)
    return vote


def _tell_the_author(summary: Summary, value: int) -> None:
    # Votes are anonymous: the author learns the direction, never who voted.
    direction = "an up-vote" if value > 0 else "a down-vote"
    text = f"Your summary of “{summary.paper.title}” got {direction}"
    notify(summary.author, Event("vote", text, summary.get_absolute_url(), summary=summary))


def _score_of(field: str) -> Subquery:
    # A subquery, not Sum() over a join: other annotations on the same query (topic
    # counts, authors) would multiply a joined sum.
    votes = (
        Vote.objects.filter(**{field: OuterRef("pk")})
        .values(field)
        .annotate(total=Sum("value"))
        .values("total")
    )
    return Subquery(votes, output_field=IntegerField())


def with_scores(queryset: QuerySet[Summary]) -> QuerySet[Summary]:
    return queryset.annotate(score=Coalesce(_score_of("summary"), Value(0)))


def with_comment_scores(queryset: QuerySet[Comment]) -> QuerySet[Comment]:
    return queryset.annotate(score=Coalesce(_score_of("comment"), Value(0)))


def score(target: Target) -> int:
    total = Vote.objects.filter(**{_target_field(target): target}).aggregate(s=Sum("value"))["s"]
    return int(total or 0)


def my_votes(user: User | None, field: str, pks: list[int]) -> dict[int, int]:
    """{target pk: +1 or -1} for what the user voted on among pks, to show their choice."""
    if user is None or not user.is_authenticated or not pks:
        return {}
    votes = Vote.objects.filter(voter=user, **{f"{field}__in": pks})
    return {getattr(vote, f"{field}_id"): vote.value for vote in votes}


def reputation(user: User) -> int:
    """Votes on the user's signed summaries, comments and answers.

    Anonymous summaries do not count: a visible change after a vote would unmask them.
    """
    on_summaries = Vote.objects.filter(summary__author=user, summary__anonymous=False)
    on_comments = Vote.objects.filter(comment__author=user)
    on_answers = Vote.objects.filter(answer__author=user)
    return sum(
        int(q.aggregate(s=Sum("value"))["s"] or 0) for q in (on_summaries, on_comments, on_answers)
    )


# --- Reads and the home page's tabs -----------------------------------------------------


def record_read(summary: Summary) -> None:
    today = timezone.localdate()
    counter = SummaryReads.objects.filter(summary=summary, day=today)
    if counter.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            SummaryReads.objects.create(summary=summary, day=today, count=1)
    except IntegrityError:  # another reader made today's counter first
        counter.update(count=F("count") + 1)


def recent(summaries: QuerySet[Summary]) -> QuerySet[Summary]:
    return with_scores(summaries).order_by("-created_at")


def best(summaries: QuerySet[Summary]) -> QuerySet[Summary]:
    return with_scores(summaries).order_by("-score", "-created_at")


def popular(summaries: QuerySet[Summary], days: int = POPULAR_DAYS) -> QuerySet[Summary]:
    since = timezone.localdate() - timedelta(days=days)
    reads = (
        SummaryReads.objects.filter(summary=OuterRef("pk"), day__gt=since)
        .values("summary")
        .annotate(total=Sum("count"))
        .values("total")
    )
    counted = with_scores(summaries).annotate(
        reads=Coalesce(Subquery(reads, output_field=IntegerField()), Value(0))
    )
    return counted.filter(reads__gt=0).order_by("-reads", "-created_at")


RANKINGS: dict[str, Callable[[QuerySet[Summary]], QuerySet[Summary]]] = {
    "recent": recent,
    "best": best,
    "popular": popular,
}
RANKING_TABS = [("recent", "Recent"), ("best", "Best"), ("popular", "Popular")]
