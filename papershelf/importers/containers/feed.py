"""A blog's posts in one XML file: a WordPress export, a Blogger export, an RSS or Atom feed.

People who blog their paper summaries move the blog, or keep it, as one file: WordPress's
export (Tools → Export: RSS 2.0 with ``wp:`` fields, each post's HTML in
``content:encoded``), Blogger's (Google Takeout: ``feed.atom``, each post an ``<entry>``),
or the feed their static site publishes (``index.xml``, ``feed.xml``, ``atom.xml``).
Each published post becomes a note: its title, its HTML as Markdown, its categories and
tags as tags, named by its date so the notes reader knows it for a post (whose title is
written for readers, not always the paper's). Left out: pages, attachments, menu items
and comments; drafts, private, scheduled and trashed posts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames, markdown_note
from papershelf.importers.html.parse import to_markdown
from papershelf.importers.records import ParseError

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_BLOGGER = "{http://schemas.google.com/blogger/2018}"
_APP_DRAFT = "{http://purl.org/atom/app#}control"
_KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
_HEAD_BYTES = 4096
_FEED_ROOT_RE = re.compile(r"<(?:rss|feed)\b[^>]*>|<rdf:RDF\b[^>]*purl\.org/rss", re.IGNORECASE)
_WP = re.compile(r"^\{http://wordpress\.org/export/[\d.]+/\}")
_DATE_RE = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}")


@dataclass
class _Post:
    title: str
    html: str
    date: str
    tags: list[str] = field(default_factory=list)
    link: str = ""  # the post's own address


def looks_like_feed(head: str) -> bool:
    """An RSS or Atom document (WordPress and Blogger exports are ones)."""
    return bool(_FEED_ROOT_RE.search(head[:_HEAD_BYTES]))


def read_feed(path: Path) -> list[Member]:
    data = path.read_bytes()
    if b"<!DOCTYPE" in data[:_HEAD_BYTES] or b"<!ENTITY" in data:
        raise ParseError(path.name, None, "the feed declares a DOCTYPE or entities; refused")
    try:
        root = ET.fromstring(data)  # noqa: S314  (no DTD, so no entity can expand)
    except ET.ParseError as error:
        line = error.position[0] if error.position else None
        raise ParseError(path.name, line, f"not readable XML: {error}") from None
    posts = _atom_posts(root) if root.tag == f"{_ATOM}feed" else _rss_posts(root)
    names = MemberNames()
    members = []
    published = _site_pages(path)
    for post in posts:
        if _slug(post.link) in published:
            continue  # the site's own page of the post is imported beside its feed
        body = to_markdown(post.html) if post.html.strip() else ""
        if not (post.title.strip() or body.strip()):
            continue
        name = names.name_for(f"{post.date} {post.title}".strip() or "post")
        members.append((name, markdown_note(post.title, body, post.tags)))
    return members


def _text(element: ET.Element | None) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""


def _rss_posts(root: ET.Element) -> list[_Post]:
    posts = []
    for item in root.iter("item"):
        fields = {_WP.sub("wp:", child.tag): child for child in item}
        kind = _text(fields.get("wp:post_type")) or "post"
        status = _text(fields.get("wp:status")) or "publish"
        if kind != "post" or status != "publish":
            continue  # a page, an attachment, a menu item; a draft, private, trashed post
        html = fields.get(_CONTENT) if _CONTENT in fields else fields.get("description")
        date = _text(fields.get("wp:post_date")) or _text(fields.get("pubDate"))
        tags = [_text(c) for c in item.findall("category") if _text(c)]
        title, link = _text(fields.get("title")), _text(fields.get("link"))
        posts.append(_Post(title, _raw(html), _iso_date(date), tags, link))
    return posts


def _atom_posts(root: ET.Element) -> list[_Post]:
    posts = []
    for entry in root.findall(f"{_ATOM}entry"):
        if not _is_published_post(entry):
            continue
        categories = entry.findall(f"{_ATOM}category")
        tags = [
            term
            for c in categories
            if (term := c.get("term", "")) and c.get("scheme") != _KIND_SCHEME and "#" not in term
        ]
        content = entry.find(f"{_ATOM}content")
        if content is None or not (content.text or "").strip():
            content = entry.find(f"{_ATOM}summary")
        date = _text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated"))
        title = _text(entry.find(f"{_ATOM}title"))
        posts.append(_Post(title, _raw(content), _iso_date(date), tags, _atom_link(entry)))
    return posts


def _is_published_post(entry: ET.Element) -> bool:
    """Blogger marks each entry's kind (post, comment, page, settings) and status."""
    kind = _text(entry.find(f"{_BLOGGER}type")).upper()
    status = _text(entry.find(f"{_BLOGGER}status")).upper()
    if (kind and kind != "POST") or (status and status != "LIVE"):
        return False
    for category in entry.findall(f"{_ATOM}category"):
        if category.get("scheme") == _KIND_SCHEME and not category.get("term", "").endswith(
            "#post"
        ):
            return False  # Blogger's older export: a comment, a template, the settings
    control = entry.find(_APP_DRAFT)
    return control is None or "yes" not in "".join(control.itertext()).casefold()


def _atom_link(entry: ET.Element) -> str:
    for link in entry.findall(f"{_ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href", "")
    return ""


# A static site's feed sits in its output (``public/index.xml``, ``gemlog/atom.xml``) a
# level or two below the site's root; its pages are named by the posts' slugs.
_SITE_LEVELS = 2
_MAX_SITE_FILES = 20_000
_PAGE_SUFFIXES = frozenset({".md", ".markdown", ".mdx", ".html", ".htm", ".gmi", ".org", ".rst"})
_DATED_SLUG_RE = re.compile(r"^\d{4}-\d{2}-\d{2}-")


def _site_pages(feed: Path) -> set[str]:
    """The slugs of the pages beside a feed (up to two folders up): a site's own posts."""
    root = feed.parent
    for _ in range(_SITE_LEVELS - 1):
        root = root.parent if root.parent != root else root
    slugs: set[str] = set()
    for count, page in enumerate(root.rglob("*")):
        if count > _MAX_SITE_FILES:
            break
        if page.suffix.lower() in _PAGE_SUFFIXES and page.is_file():
            stem = page.parent.name if page.stem == "index" else page.stem
            slugs |= {stem.casefold(), _DATED_SLUG_RE.sub("", stem).casefold()}
    return slugs


def _slug(link: str) -> str:
    """ "gemini://host/gemlog/2024-03-30-bidirectional-typing.gmi" → its file's stem;
    "https://blog.example/2017/06/12/attention/" → "attention"."""
    parts = [part for part in link.split("?")[0].split("#")[0].split("/")[3:] if part]
    if parts and parts[-1].rsplit(".", 1)[0] == "index":
        parts.pop()
    return parts[-1].rsplit(".", 1)[0].casefold() if parts else "\0"


def _raw(element: ET.Element | None) -> str:
    """An element's content as HTML: text (CDATA or escaped), or XHTML children."""
    if element is None:
        return ""
    if len(element):
        return (element.text or "") + "".join(ET.tostring(child, "unicode") for child in element)
    return element.text or ""


def _iso_date(text: str) -> str:
    """ "2023-04-14 10:00:00", "2023-04-14T10:00:00Z" → "2023-04-14"; an RSS date
    ("Fri, 14 Apr 2023 10:00:00 +0000") the same."""
    found = _DATE_RE.search(text)
    if found:
        return found[0]
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError):
        return ""
