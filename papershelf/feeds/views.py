"""Atom 1.0 and RSS 2.0 feeds of the latest public summaries (Django's syndication).

Each entry carries the summary as rendered and sanitised HTML: math stays as its TeX
source inside a math element (readable as text), never with its $ or \\( delimiters.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from papershelf.feeds import services
from papershelf.feeds.services import Scope
from papershelf.summaries.models import Summary


class SummariesRss(Feed):  # type: ignore[type-arg]
    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Scope:
        return services.scope_for(kwargs["kind"], str(kwargs.get("key", "")))

    def title(self, scope: Scope) -> str:
        return scope.title

    def link(self, scope: Scope) -> str:
        return scope.link

    def description(self, scope: Scope) -> str:
        return scope.description

    def items(self, scope: Scope) -> list[Summary]:
        return services.latest(scope)

    def item_title(self, summary: Summary) -> str:
        if summary.title:
            return f"{summary.title} — {summary.paper.title}"
        return f"Summary of {summary.paper.title}"

    def item_description(self, summary: Summary) -> str:
        return summary.body_html

    def item_link(self, summary: Summary) -> str:
        return summary.get_absolute_url()

    def item_author_name(self, summary: Summary) -> str:
        return summary.byline()

    def item_pubdate(self, summary: Summary) -> datetime:
        return summary.created_at

    def item_updateddate(self, summary: Summary) -> datetime:
        return summary.updated_at


class SummariesAtom(SummariesRss):
    feed_type = Atom1Feed  # type: ignore[assignment]

    def subtitle(self, scope: Scope) -> str:
        return scope.description
