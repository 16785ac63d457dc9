"""A paper's row in every listing, rendered in Python.

A listing shows 50 rows; as an ``{% include %}`` each took ~1 ms (some 600 variable
lookups and 7 ``reverse()`` calls), half of the page. The row needs the paper's venue,
author links and topics loaded with it (``services.with_listing_data``).
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from papershelf.links import url
from papershelf.papers.models import Paper

register = template.Library()
AUTHORS_SHOWN = 6


def _authors(paper: Paper) -> SafeString:
    links = list(paper.author_links.all())
    shown = format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        ((url("papers-author", a.author.slug), a.author.name) for a in links[:AUTHORS_SHOWN]),
    )
    return format_html("{} et al.", shown) if len(links) > AUTHORS_SHOWN else shown


@register.simple_tag
def paper_row(paper: Paper) -> SafeString:
    meta = [_authors(paper)]
    venue = paper.venue
    if venue is not None:
        meta.append(format_html('· <a href="{}">{}</a>', url("papers-venue", venue.slug), venue))
    if paper.year:
        meta.append(
            format_html('· <a href="{}">{}</a>', url("papers-year", paper.year), paper.year)
        )
    meta.append(
        format_html_join(
            "",
            '<a class="tag" href="{}">{}</a>',
            ((url("topics-detail", topic.slug), topic.name) for topic in paper.topics.all()),
        )
    )
    return format_html(
        '<li class="paper-row">\n  <a class="paper-title" href="{}">{}</a>\n'
        '  <div class="paper-meta">\n    {}\n  </div>\n</li>',
        paper.get_absolute_url(),
        paper.title,
        format_html_join("\n    ", "{}", ((part,) for part in meta)),
    )
