"""Blocks the search app adds to pages: topic suggestions, related papers, result rows.

Template tags rather than context from the papers view: the search app owns these
blocks, and the paper page needs one line for each.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from papershelf.lib.snippets import typeset_snippet
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList
from papershelf.search.discovery import related_papers as find_related
from papershelf.search.discovery import suggest_topics
from papershelf.search.services import Hit
from papershelf.topics.services import can_change_paper_topics

register = template.Library()


@register.inclusion_tag("search/_suggestions.html", takes_context=True)
def topic_suggestions(context: dict[str, Any], paper: Paper) -> dict[str, Any]:
    user = context["request"].user
    # Only those who may change the paper's topics decide on suggestions for it (the
    # paper page has already asked).
    may = context.get("can_tag")
    may = can_change_paper_topics(user, paper) if may is None else may
    return {
        "paper": paper,
        "suggestions": suggest_topics(paper) if may else [],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("search/_related.html", takes_context=True)
def related_papers(
    context: dict[str, Any], paper: Paper, lists: Iterable[ReadingList] | None = None
) -> dict[str, Any]:
    """``lists``: the reading lists the reader may see that hold the paper, when the page
    has them already."""
    return {"paper": paper, "related": find_related(paper, context["request"].user, lists=lists)}


_BADGES = {"meaning": "similar passage", "summaries": "summary"}


@register.simple_tag
def search_hit(hit: Hit) -> SafeString:
    """One result, built in Python: a page of twenty through the template language cost
    more than the search behind it."""
    paper = hit.paper
    address = paper.get_absolute_url()
    # The title's <mark>s come from the index's highlighter over escaped text.
    title = mark_safe(hit.title_html) if hit.title_html else paper.title  # noqa: S308
    meta = [format_html("<span>{}</span>", part) for part in
            (", ".join(paper.authors), paper.venue, paper.year) if part]  # fmt: skip
    topics = format_html_join("", ' <span class="tag">{}</span>', ((t,) for t in paper.topics))
    snippet = ""
    if hit.snippet_html:
        snippet = format_html(
            '<p class="snippet"><span class="badge">{}</span> {}</p>',
            _BADGES.get(hit.matched_in, hit.matched_in),
            mark_safe(typeset_snippet(hit.snippet_html)),  # noqa: S308  (sanitised there)
        )
    return format_html(
        '<li class="paper-row search-hit" data-url="{}">\n'
        '<a class="paper-title" href="{}">{}</a>\n'
        '<div class="paper-meta dotted">{}{}</div>\n{}</li>',
        address, address, title, mark_safe("".join(meta)), topics, snippet,  # noqa: S308
    )  # fmt: skip
