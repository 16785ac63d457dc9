"""Blocks the search app adds to a paper's page: topic suggestions and related papers.

Template tags rather than context from the papers view: the search app owns these
blocks, and the paper page needs one line for each.
"""

from __future__ import annotations

from typing import Any

from django import template

from papershelf.papers.models import Paper
from papershelf.search.discovery import related_papers as find_related
from papershelf.search.discovery import suggest_topics
from papershelf.topics.services import can_change_paper_topics

register = template.Library()


@register.inclusion_tag("search/_suggestions.html", takes_context=True)
def topic_suggestions(context: dict[str, Any], paper: Paper) -> dict[str, Any]:
    user = context["request"].user
    # Only those who may change the paper's topics decide on suggestions for it.
    return {
        "paper": paper,
        "suggestions": suggest_topics(paper) if can_change_paper_topics(user, paper) else [],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("search/_related.html", takes_context=True)
def related_papers(context: dict[str, Any], paper: Paper) -> dict[str, Any]:
    return {"paper": paper, "related": find_related(paper, context["request"].user)}
