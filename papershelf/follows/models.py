from __future__ import annotations

from django.db import models
from django.db.models import Q

from papershelf.accounts.models import User

TARGETS = ["paper", "topic", "reading_list", "followed_user"]


def _exactly_one_target() -> Q:
    one = Q()
    for target in TARGETS:
        others = {f"{other}__isnull": True for other in TARGETS if other != target}
        one |= Q(**{f"{target}__isnull": False}, **others)
    return one


class Follow(models.Model):
    """A reader follows one paper, topic, reading list or person."""

    follower = models.ForeignKey(User, on_delete=models.CASCADE, related_name="follows")
    paper = models.ForeignKey(
        "papers.Paper", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    topic = models.ForeignKey(
        "topics.Topic", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    reading_list = models.ForeignKey(
        "readinglists.ReadingList",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    followed_user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=_exactly_one_target(), name="follow_has_one_target"),
            *(
                models.UniqueConstraint(
                    fields=["follower", target],
                    condition=Q(**{f"{target}__isnull": False}),
                    name=f"one_follow_per_{target}",
                )
                for target in TARGETS
            ),
        ]

    def __str__(self) -> str:
        target = next(getattr(self, t) for t in TARGETS if getattr(self, f"{t}_id"))
        return f"{self.follower} follows {target}"
