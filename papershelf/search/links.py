"""Links between summaries: a summary of paper A that links to paper B relates the two.

A link is an arXiv, DOI or OpenReview URL, or a link to a paper's page on this shelf,
written as a Markdown link, an autolink or a bare URL. Every save of a summary stores
the identifiers its text links to (``SummaryLink``), whatever the summary's visibility;
the paper page asks two indexed questions of those rows — what do A's summaries link
to, which summaries link to B — so its cost does not grow with the shelf. Only public
summaries relate papers (the related list is shown to every reader), and that is
checked when asked, not when stored: a summary made private stops counting at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Literal
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http.request import validate_host
from django.urls import Resolver404, resolve
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from papershelf.lib.identifiers import parse_arxiv_id, parse_doi, parse_openreview_id
from papershelf.papers.models import Paper
from papershelf.search.models import SummaryLink
from papershelf.summaries.models import Summary, Visibility

LinkKind = Literal["arxiv", "doi", "openreview", "paper"]
# The Paper field each kind of link names.
KINDS: dict[str, str] = {
    "arxiv": "arxiv_id",
    "doi": "doi",
    "openreview": "openreview_id",
    "paper": "pk",
}
# A summary that links to hundreds of papers is a bibliography: its first ones will do.
MAX_LINKED = 100
MAX_LINK_ROWS = 2000
_VALUE_LENGTH = SummaryLink._meta.get_field("value").max_length or 300
_DOI_HOSTS = {"doi.org", "dx.doi.org"}
_PAPER_PAGES = {"papers-detail", "papers-detail-short"}
_BARE_URL_RE = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\""
_CLOSERS = {")": "(", "]": "["}

# Only the structure matters here (which text is a link, which is code): CommonMark
# with footnotes, whose bodies often hold the references.
_MD = MarkdownIt("commonmark", {"html": False}).enable(["table"]).use(footnote_plugin)


def _trim_bare_url(url: str) -> str:
    # Prose around a bare URL: "(see https://arxiv.org/abs/1706.03762)." — a closing
    # bracket stays only when the URL opened it, as some DOIs do.
    while url and (
        url[-1] in _TRAILING
        or (url[-1] in _CLOSERS and url.count(_CLOSERS[url[-1]]) < url.count(url[-1]))
    ):
        url = url[:-1]
    return url


def _urls_in(tokens: Sequence[Token]) -> Iterator[str]:
    for token in tokens:
        if token.type == "link_open":
            yield str(token.attrGet("href") or "")
        elif token.type == "text":
            # Not linkified by the renderer, but a reader still sees (and copies) a URL.
            yield from (_trim_bare_url(m.group(0)) for m in _BARE_URL_RE.finditer(token.content))
        if token.children:
            yield from _urls_in(token.children)


def _is_this_shelf(host: str) -> bool:
    # "*" lets any host in; a link to another site's /papers/12/ is not to this shelf.
    named = [allowed for allowed in settings.ALLOWED_HOSTS if allowed != "*"]
    return validate_host(host, named)


def _paper_on_this_shelf(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return str(match.kwargs["pk"]) if match.url_name in _PAPER_PAGES else None


def identify_link(url: str) -> tuple[LinkKind, str] | None:
    """The paper a URL names, as (kind, normalised identifier), or None."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"", "http", "https"}:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return _as_link("paper", _paper_on_this_shelf(parts.path)) if url.startswith("/") else None
    if host == "openreview.net":
        return _as_link("openreview", parse_openreview_id(url))
    if (
        host == "arxiv.org"
        or host.endswith(".arxiv.org")
        or (host in _DOI_HOSTS and "10.48550" in url)
    ):
        arxiv = parse_arxiv_id(url)
        return _as_link("arxiv", arxiv[0] if arxiv else None)
    # Any host: publishers put the DOI in their URLs (dl.acm.org/doi/10.1145/…), and a
    # DOI that is no paper on this shelf simply links to nothing.
    doi = parse_doi(parts.path)
    if doi:
        return _as_link("doi", doi)
    if _is_this_shelf(host):
        return _as_link("paper", _paper_on_this_shelf(parts.path))
    return None


def _as_link(kind: LinkKind, value: str | None) -> tuple[LinkKind, str] | None:
    return (kind, value) if value and len(value) <= _VALUE_LENGTH else None


def links_in_markdown(text: str) -> set[tuple[LinkKind, str]]:
    """Every paper a Markdown text links to; code spans and blocks are not links."""
    found = set()
    for url in _urls_in(_MD.parse(text)):
        link = identify_link(url)
        if link is not None:
            found.add(link)
    return found


@transaction.atomic
def store_links(summary: Summary) -> None:
    """Make the summary's link rows match its text: write only what changed."""
    wanted = links_in_markdown(summary.body)
    rows = SummaryLink.objects.filter(summary=summary)
    existing = {(kind, value): pk for pk, kind, value in rows.values_list("pk", "kind", "value")}
    gone = [pk for link, pk in existing.items() if link not in wanted]
    if gone:
        SummaryLink.objects.filter(pk__in=gone).delete()
    SummaryLink.objects.bulk_create(
        SummaryLink(summary=summary, kind=kind, value=value)
        for kind, value in sorted(wanted)
        if (kind, value) not in existing
    )


def papers_linked_from(paper: Paper) -> list[int]:
    """Papers that public summaries of ``paper`` link to (not ``paper`` itself)."""
    links = SummaryLink.objects.filter(
        summary__paper=paper, summary__visibility=Visibility.PUBLIC, summary__hidden=False
    )
    by_field: dict[str, list[object]] = {}
    for kind, value in links.values_list("kind", "value").distinct()[:MAX_LINKED]:
        field = KINDS.get(kind)
        if field == "pk" and value.isdigit():
            by_field.setdefault(field, []).append(int(value))
        elif field and field != "pk":
            by_field.setdefault(field, []).append(value)
    if not by_field:
        return []
    wanted = Q()
    for field, values in by_field.items():
        wanted |= Q(**{f"{field}__in": values})
    papers = Paper.objects.filter(wanted).exclude(pk=paper.pk).order_by("pk")
    return list(papers.values_list("pk", flat=True)[:MAX_LINKED])


def papers_linking_to(paper: Paper) -> list[int]:
    """Papers with a public summary that links to ``paper`` (by any of its identifiers)."""
    names = Q(kind="paper", value=str(paper.pk))
    for kind, field in KINDS.items():
        if kind != "paper" and getattr(paper, field):
            names |= Q(kind=kind, value=getattr(paper, field))
    links = SummaryLink.objects.filter(names).exclude(summary__paper=paper)
    rows = links.values_list("summary__paper_id", "summary__visibility", "summary__hidden")
    # Visibility is checked here, not in SQL: given a filter on it, SQLite walks every
    # public summary instead of looking the identifiers up in their index.
    found = dict.fromkeys(
        pk
        for pk, visibility, hidden in rows[:MAX_LINK_ROWS]
        if visibility == Visibility.PUBLIC and not hidden
    )
    return list(found)[:MAX_LINKED]
