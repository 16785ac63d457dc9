from __future__ import annotations

from django.db import models
from django.db.models import Q

from papershelf.accounts.models import User

# Exactly one thing is voted on; plain foreign keys keep joins and cascades simple.
_TARGETS = ["summary", "comment", "answer"]


def _exactly_one_target() -> Q:
    one = Q()
    for target in _TARGETS:
        others = {f"{other}__isnull": True for other in _TARGETS if other != target}
        one |= Q(**{f"{target}__isnull": False}, **others)
    return one


class Vote(models.Model):
    """One reader's +1 or -1 on a summary, a comment or an answer; never their own."""

    voter = models.ForeignKey(User, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(choices=[(1, "up"), (-1, "down")])
    summary = models.ForeignKey(
        "summaries.Summary", null=True, blank=True, on_delete=models.CASCADE, related_name="votes"
    )
    comment = models.ForeignKey(
        "discussions.Comment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="votes",
    )
    answer = models.ForeignKey(
        "discussions.Answer", null=True, blank=True, on_delete=models.CASCADE, related_name="votes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=_exactly_one_target(), name="vote_has_one_target"),
            models.CheckConstraint(condition=Q(value__in=[1, -1]), name="vote_is_up_or_down"),
            *(
                models.UniqueConstraint(
                    fields=["voter", target],
                    condition=Q(**{f"{target}__isnull": False}),
                    name=f"one_vote_per_{target}",
                )
                for target in _TARGETS
            ),
        ]

    def __str__(self) -> str:
        return f"{self.voter} {self.value:+d}"


class SummaryReads(models.Model):
    """How often a summary was opened on one day: the Popular tab counts a recent window.

    A counter per day, not a row per read, so the table stays small however many read.
    """

    summary = models.ForeignKey("summaries.Summary", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["summary", "day"], name="one_read_counter_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.summary_id} {self.day}: {self.count}"
