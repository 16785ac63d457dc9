"""Where each published thing lives in the site, and links that work from any folder.

Every link is relative ("../papers/3-resnet.html"), so the site works opened from disk
(file://) and under any prefix on a static host. A link to something the site does not
hold is no link at all: a page never points at a file that does not exist.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.utils.text import slugify

from papershelf.papers.models import Author, Paper, Venue
from papershelf.readinglists.models import ReadingList
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic

ASSETS = "assets"
MEDIA = "media"


def paper_path(paper: Paper) -> str:
    return f"papers/{paper.pk}-{slugify(paper.title)[:60] or 'paper'}.html"


def list_path(reading_list: ReadingList) -> str:
    return f"lists/{reading_list.pk}-{slugify(reading_list.title)[:60] or 'list'}.html"


def year_path(year: int) -> str:
    return f"years/{year}.html"


def path_of(thing: object) -> str:
    if isinstance(thing, Paper):
        return paper_path(thing)
    if isinstance(thing, Author):
        return f"authors/{thing.slug}.html"
    if isinstance(thing, Venue):
        return f"venues/{thing.slug}.html"
    if isinstance(thing, Topic):
        return f"topics/{thing.slug}.html"
    if isinstance(thing, ReadingList):
        return list_path(thing)
    if isinstance(thing, int):
        return year_path(thing)
    raise TypeError(f"nothing of type {type(thing).__name__} is published")


def relative_root(path: str) -> str:
    """The way from the page at ``path`` back to the site's root folder."""
    return "../" * (len(PurePosixPath(path).parts) - 1)


@dataclass
class SiteMap:
    """The paths the site holds, and the media files it must copy to make them work."""

    pages: set[str] = field(default_factory=set)
    papers: dict[int, str] = field(default_factory=dict)  # paper id -> its page
    media: dict[str, Path] = field(default_factory=dict)  # site path -> file in MEDIA_ROOT
    missing_images: int = 0

    def holds(self, thing: object) -> bool:
        return path_of(thing) in self.pages

    def media_path(self, name: str) -> str | None:
        """The site path of an uploaded file (``figures/…``, ``attachments/…``), if it exists."""
        source = Path(settings.MEDIA_ROOT) / name
        if not name or ".." in PurePosixPath(name).parts or not source.is_file():
            return None
        path = f"{MEDIA}/{name}"
        self.media[path] = source
        return path

    def rewrite_summary(self, summary: Summary) -> str:
        """The summary's rendered HTML with its links pointing inside the site (root-relative)."""
        attachments = {}
        for attachment in summary.attachments.all():
            path = self.media_path(attachment.file.name)
            if path:
                attachments[attachment.url()] = path
                attachments[attachment.name] = attachments[unquote(attachment.name)] = path
        return self.rewrite_html(summary.body_html, attachments)

    def rewrite_html(self, body: str, known: dict[str, str] | None = None) -> str:
        """Links as ``{root}``-relative paths: the template prefixes the page's own root."""
        known = known or {}

        def image(match: re.Match[str]) -> str:
            tag = match.group(0)
            src = _attribute(tag, "src")
            target = self._resolve(src, known)
            if target is None:
                # An image the shelf never stored (a path into the notes' old site).
                self.missing_images += 1
                alt = _attribute(tag, "alt") or PurePosixPath(urlsplit(src).path).name
                return f'<span class="missing-image">[image: {html.escape(alt)}]</span>'
            return _set_attribute(tag, "src", target)

        def anchor(match: re.Match[str]) -> str:
            tag = match.group(0)
            href = _attribute(tag, "href")
            target = self._resolve(href, known)
            if target is None:
                return _ANCHOR_HREF.sub("", tag)
            return _set_attribute(tag, "href", target)

        body = _IMG.sub(image, body)
        return _ANCHOR.sub(anchor, body)

    def _resolve(self, url: str, known: dict[str, str]) -> str | None:
        if url.startswith("#") or _SCHEME.match(url):
            return url
        if url.startswith("//"):
            return "https:" + url  # protocol-relative means nothing on file://
        if url in known or unquote(url) in known:
            return ROOT + (known.get(url) or known[unquote(url)])
        match = _PAPER_URL.match(url)
        if match:
            path = self.papers.get(int(match.group(1)))
            return ROOT + path if path else None
        return None


# Written before every path in a page and replaced by that page's way back to the root
# ("", "../"): a relative URL, so it survives the sanitiser that excerpts go through.
ROOT = "__papershelf_root__/"

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_PAPER_URL = re.compile(r"^/papers/(\d+)/")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ANCHOR = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_ANCHOR_HREF = re.compile(r'\s+href="[^"]*"', re.IGNORECASE)


def _attribute(tag: str, name: str) -> str:
    # The HTML is the sanitiser's output: attributes are double-quoted and escaped.
    match = re.search(rf'\s{name}="([^"]*)"', tag, re.IGNORECASE)
    return html.unescape(match.group(1)) if match else ""


def _set_attribute(tag: str, name: str, value: str) -> str:
    escaped = html.escape(value, quote=True)
    return re.sub(
        rf'(\s{name}=")[^"]*(")', lambda m: m.group(1) + escaped + m.group(2), tag, count=1
    )
