"""The discussion blocks a summary page and a paper page show, one line in each template."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Count, Q

from papershelf.discussions import services
from papershelf.discussions.forms import CommentForm
from papershelf.discussions.services import CommentNode
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.votes.models import Vote
from papershelf.votes.services import my_votes

register = template.Library()


def _walk(nodes: list[CommentNode]) -> list[CommentNode]:
    return [found for node in nodes for found in (node, *_walk(node.replies))]


def _attach_votes(nodes: list[CommentNode], user: Any, base: str) -> None:
    """Every comment's score and the reader's own vote, in two queries for the thread."""
    comments = [node.comment for node in _walk(nodes)]
    pks = [comment.pk for comment in comments]
    scores: dict[int, int] = {}
    for comment_id, value in Vote.objects.filter(comment__in=pks).values_list("comment", "value"):
        scores[comment_id] = scores.get(comment_id, 0) + value
    mine = my_votes(user, "comment", pks)
    for comment in comments:
        comment.score = scores.get(comment.pk, 0)  # type: ignore[attr-defined]
        comment.my_vote = mine.get(comment.pk, 0)  # type: ignore[attr-defined]
        comment.vote_url = f"{base}comments/{comment.pk}/vote"  # type: ignore[attr-defined]


@register.inclusion_tag("discussions/_thread.html", takes_context=True)
def comment_thread(context: dict[str, Any], summary: Summary) -> dict[str, Any]:
    user = context["request"].user
    nodes = services.thread(summary, user)
    base = summary.get_absolute_url()
    _attach_votes(nodes, user, base)
    return {
        "summary": summary,
        "base": base,
        "nodes": nodes,
        "count": services.comment_count(summary, user),
        "form": CommentForm(),
        "user": user,
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("discussions/_questions.html", takes_context=True)
def paper_questions(context: dict[str, Any], paper: Paper) -> dict[str, Any]:
    user = context["request"].user
    return {
        "paper": paper,
        # Hidden answers are not counted: the count must not tell that they exist.
        "questions": services.questions_of(paper, user).annotate(
            answer_count=Count("answers", filter=Q(answers__hidden=False))
        ),
        "user": user,
        "request": context["request"],
    }
