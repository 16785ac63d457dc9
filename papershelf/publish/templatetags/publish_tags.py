"""Links in a published site: relative to the page, and only to pages the site holds."""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from papershelf.publish.paths import ROOT, path_of

register = template.Library()


@register.simple_tag(takes_context=True)
def link(context: template.Context, thing: object, text: object = None, css: str = "") -> str:
    """``<a>`` to a thing's page, or just its name when this site has no page for it."""
    thing = getattr(thing, "paper", thing)  # a PaperView links to its paper
    label = str(thing) if text is None else str(text)
    if thing is None or not context["site"].holds(thing):
        return conditional_escape(label)
    if css:
        return format_html('<a class="{}" href="{}{}">{}</a>', css, ROOT, path_of(thing), label)
    return format_html('<a href="{}{}">{}</a>', ROOT, path_of(thing), label)


@register.simple_tag
def href(thing: object, anchor: str = "") -> str:
    """A page the site is known to hold (checked by the caller), with an optional #anchor."""
    thing = getattr(thing, "paper", thing)
    return f"{ROOT}{path_of(thing)}{'#' + anchor if anchor else ''}"


@register.simple_tag
def page(name: str) -> str:
    """A fixed page or asset of the site: ``{% page "search.html" %}``."""
    return ROOT + name


@register.filter
def rooted(html: str) -> SafeString:
    """HTML the site already rewrote and sanitised (summaries, notes, descriptions)."""
    return SafeString(html)
