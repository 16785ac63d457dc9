"""Shortened text for cards, lists and search results: always rendered, never source."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from papershelf.lib.excerpt import CARD_SKIPS, excerpt_html
from papershelf.lib.snippets import typeset_snippet

register = template.Library()


@register.filter
def card_excerpt(html: str, limit: int = 400) -> SafeString:
    """The start of cached rendered HTML, headings and images left out, formulas whole."""
    return mark_safe(excerpt_html(html or "", limit, CARD_SKIPS))  # noqa: S308  (sanitised)


@register.filter
def math_snippet(html: str) -> SafeString:
    """A search snippet with its bare TeX wrapped for KaTeX, half formulas left out."""
    return mark_safe(typeset_snippet(html or ""))  # noqa: S308  (sanitised by typeset_snippet)
