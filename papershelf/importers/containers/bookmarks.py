"""A bookmarks export opened into one note per bookmark.

Every browser (Chrome, Firefox, Safari, Edge) and bookmark manager (Raindrop.io,
Pinboard, Diigo, linkding) exports the Netscape bookmark file: ``<!DOCTYPE
NETSCAPE-Bookmark-file-1>``, folders as ``<DT><H3>`` over a nested ``<DL>``, a bookmark
as ``<DT><A HREF … TAGS="a,b">page title</A>`` with the person's note in a ``<DD>``
after it. Pocket's old ``ril_export.html`` is its cousin: ``<h1>Unread</h1>`` and
``<h1>Read Archive</h1>`` over lists of the same links.

The file is no valid HTML (``<DT>`` and ``<DD>`` never close), so it is read as a
stream of tags, not as a tree. A bookmark is a saved page, not a paper read: the note
says what the person made of it, a "read" tag or Pocket's archive that it was read, a
to-read folder or tag that it waits; a bare bookmark waits too. Each note keeps the
folder path as its folder (topics, as for a folder of notes) and the tags as topics.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from papershelf.importers.appjson.apps import link_line
from papershelf.importers.appjson.values import tags_line
from papershelf.importers.containers import Member
from papershelf.importers.notes.links import is_paper_url
from papershelf.importers.notes.status import READ, TO_READ, status_key
from papershelf.importers.records import ParseError

MAX_NOTES = 20_000  # a whole browser profile's bookmarks: far more than papers
_NETSCAPE_RE = re.compile(r"^\s*<!DOCTYPE\s+NETSCAPE-Bookmark-file-1\s*>", re.IGNORECASE)
_POCKET_RE = re.compile(r"<title>\s*Pocket Export\s*</title>", re.IGNORECASE)
_TOKEN_RE = re.compile(
    r"<(?P<open>DL|UL)\b[^>]*>|</(?P<close>DL|UL)\s*>"
    r"|<H(?P<level>[1-6])\b[^>]*>(?P<heading>.*?)</H[1-6]\s*>"
    r"|<A\b(?P<attrs>[^>]*)>(?P<title>.*?)</A\s*>"
    r"|<DD\b[^>]*>(?P<note>.*?)(?=<DT\b|<DL\b|</DL\s*>|<DD\b|$)",
    re.IGNORECASE | re.DOTALL,
)
_ATTR_RE = re.compile(r"([\w-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))")
_TAG_RE = re.compile(r"<[^>]+>")
_BREAK_RE = re.compile(r"<br\s*/?>|</p\s*>", re.IGNORECASE)
_UNSAFE_RE = re.compile(r"[^\w\- ]+")
# Tags that say where a bookmark stands, not what it is about.
_READ_TAGS = frozenset(READ | {"archived", "archive"})


def looks_like_bookmarks(head: str) -> bool:
    return bool(_NETSCAPE_RE.match(head) or _POCKET_RE.search(head[:2000]))


@dataclass
class Bookmark:
    title: str
    url: str
    folders: list[str]
    tags: list[str]
    note: str = ""
    to_read: bool = False  # Pinboard's TOREAD="1"


def read_bookmarks_file(path: Path) -> list[Member]:
    """One note per bookmark of a paper. A page that is none (a book's shop page, a
    course, software, a dashboard) is left out, as the Hypothes.is reader leaves notes
    on such pages: named by a labelled title it would pass for a paper, and named by
    its page title alone it would be judged by a title that says little."""
    return _paper_members(parse_bookmarks(_text(path)))


def _json(path: Path) -> Any:
    try:
        return json.loads(_text(path))
    except json.JSONDecodeError as error:
        raise ParseError(path.name, error.lineno, f"not readable JSON: {error.msg}") from None


def _text(path: Path) -> str:
    from papershelf.importers.reading import read_document  # reading opens containers

    return read_document(path, str(path), path.name).text


def _paper_members(bookmarks: list[Bookmark], *, noted: bool = True) -> list[Member]:
    """``noted``: the tool keeps a note with each bookmark, so one without is not read.
    A browser keeps none: there the folders and tags alone say what waits."""
    papers = [b for b in bookmarks if is_paper_url(b.url)]
    return [_member(number, b, noted=noted) for number, b in enumerate(papers, start=1)]


def looks_like_pinboard_json(head: str) -> bool:
    """Pinboard's JSON export: a list of {href, description, extended, toread, tags}."""
    text = head.lstrip("\ufeff \t\r\n")
    return text.startswith("[") and all(f'"{key}"' in text for key in ("href", "extended"))


def read_pinboard_json(path: Path) -> list[Member]:
    """One note per bookmark of a paper: "extended" is the person's note on it."""
    posts = _json(path)
    bookmarks = []
    for post in posts[:MAX_NOTES] if isinstance(posts, list) else []:
        if not isinstance(post, dict) or not str(post.get("href", "")).startswith("http"):
            continue
        tags = str(post.get("tags") or "").split()
        title = " ".join(html.unescape(str(post.get("description") or "")).split())
        note = html.unescape(str(post.get("extended") or "")).strip()
        to_read = str(post.get("toread")).casefold() == "yes"
        bookmarks.append(Bookmark(title or post["href"], post["href"], [], tags, note, to_read))
    return _paper_members(bookmarks)


def looks_like_wallabag_json(head: str) -> bool:
    """wallabag's JSON export: a list of entries with "is_archived" and "reading_time"."""
    text = head.lstrip("\ufeff \t\r\n")
    return text.startswith("[") and '"is_archived"' in text and '"reading_time"' in text


def read_wallabag_json(path: Path) -> list[Member]:
    """One note per saved paper: archived is read, highlights and their notes its note;
    a page neither archived nor annotated waits in the queue."""
    entries = _json(path)
    bookmarks = []
    for entry in entries[:MAX_NOTES] if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        # The address as saved: a DOI link redirected to the publisher's page keeps its DOI.
        urls = [str(entry.get(key) or "") for key in ("given_url", "origin_url", "url")]
        url = next((u for u in urls if u.startswith("http") and is_paper_url(u)), urls[-1])
        notes = [
            "\n\n".join(filter(None, [f"> {a.get('quote', '')}".strip(" >"), a.get("text", "")]))
            for a in entry.get("annotations") or []
            if isinstance(a, dict)
        ]
        archived = str(entry.get("is_archived")) in ("1", "True", "true")
        tags = [str(t) for t in entry.get("tags") or [] if str(t).strip()]
        title = " ".join(str(entry.get("title") or url).split())
        note = "\n\n".join(n for n in notes if n)
        waiting = not archived and not note
        bookmarks.append(
            Bookmark(title, url, [], [*tags, *(["read"] if archived else [])], note, waiting)
        )
    return _paper_members(bookmarks)


def looks_like_browser_bookmarks(head: str) -> bool:
    """Chrome's (Edge's, Brave's) ``Bookmarks`` file, or a Firefox bookmarks backup."""
    text = head.lstrip("\ufeff \t\r\n")
    chrome = '"roots"' in text and '"bookmark_bar"' in text
    firefox = '"text/x-moz-place-container"' in text and '"placesRoot"' in text
    return text.startswith("{") and (chrome or firefox)


def read_browser_bookmarks(path: Path) -> list[Member]:
    """One note per bookmark of a paper in a browser's JSON bookmarks, folders kept."""
    data = _json(path)
    bookmarks: list[Bookmark] = []
    roots = data.get("roots") if isinstance(data, dict) else None
    if isinstance(roots, dict):  # Chrome: roots.bookmark_bar, other, synced
        for root in roots.values():
            _walk(root, [], bookmarks, name="name", url="url", children="children")
    elif isinstance(data, dict):  # Firefox: placesRoot over menu, toolbar, unfiled, mobile
        _walk(data, [], bookmarks, name="title", url="uri", children="children")
    return _paper_members(bookmarks[:MAX_NOTES], noted=False)


_BROWSER_ROOTS = frozenset(
    {"", "bookmarks bar", "bookmarks toolbar", "other bookmarks", "mobile bookmarks"}
    | {"bookmarks menu", "menu", "toolbar", "unfiled", "mobile", "favorites bar"}
)
_MAX_FOLDER_DEPTH = 64


def _walk(
    node: Any, folders: list[str], found: list[Bookmark], *, name: str, url: str, children: str
) -> None:
    if not isinstance(node, dict) or len(folders) > _MAX_FOLDER_DEPTH:
        return
    address = str(node.get(url) or "")
    title = " ".join(str(node.get(name) or "").split())
    if address.startswith(("http://", "https://")) and "%s" not in address:  # not a search
        tags = [t.strip() for t in str(node.get("tags") or "").split(",") if t.strip()]
        found.append(Bookmark(title or address, address, list(folders), tags))
    inner = node.get(children)
    if isinstance(inner, list):
        # A browser's own roots ("Bookmarks bar", Firefox's "toolbar") are no folders.
        here = (
            folders
            if title.casefold() in _BROWSER_ROOTS or (not folders and not title)
            else [*folders, title]
        )
        for child in inner:
            _walk(child, here, found, name=name, url=url, children=children)


# Read-later services' CSV exports: Pocket (title,url,time_added,tags,status) and
# Instapaper (URL,Title,Selection,Folder,Timestamp). The status or folder ("archive",
# "unread") is the place the item sits, as a bookmark's folder is. Diigo's
# (title,url,tags,description,comments,annotations,created_at) keeps the person's
# description, highlights and sticky notes: what they made of the page.
_READ_LATER_HEADERS = (
    ("title", "url", "time_added", "tags", "status"),
    ("url", "title", "selection", "folder", "timestamp"),
    ("title", "url", "tags", "description", "comments", "annotations"),
)
_NOTE_COLUMNS = ("selection", "description", "annotations", "comments")


def looks_like_read_later_csv(head: str) -> bool:
    first = head.lstrip("\ufeff").split("\n", 1)[0].strip().casefold()
    columns = tuple(c.strip().strip('"') for c in first.split(","))
    return any(columns[: len(known)] == known for known in _READ_LATER_HEADERS)


def read_later_csv(path: Path) -> list[Member]:
    rows = list(csv.DictReader(io.StringIO(_text(path))))
    bookmarks = []
    for row in rows[:MAX_NOTES]:
        cells = {(k or "").strip().casefold(): (v or "").strip() for k, v in row.items()}
        url = cells.get("url", "")
        if not url.startswith(("http://", "https://")):
            continue
        place = cells.get("status") or cells.get("folder") or ""
        tags = [t.strip() for t in re.split(r"[|,]", cells.get("tags", "")) if t.strip()]
        title = cells.get("title") or url
        note = "\n\n".join(cells[c] for c in _NOTE_COLUMNS if cells.get(c))
        bookmarks.append(Bookmark(title, url, [place] if place else [], tags, note))
    return _paper_members(bookmarks)


def parse_bookmarks(text: str) -> list[Bookmark]:
    bookmarks: list[Bookmark] = []
    folders: list[str] = []  # the open folders, outermost first
    pending = ""  # a folder's name, until its list opens
    depth_names: list[str | None] = []  # per open list: the folder it belongs to
    section = ""  # Pocket: the <h1> over the next list
    for match in _TOKEN_RE.finditer(text):
        if match["open"]:
            name = pending or section or None
            depth_names.append(name)
            if name:
                folders.append(name)
            pending, section = "", ""
        elif match["close"]:
            if depth_names and depth_names.pop():
                folders.pop()
        elif match["heading"] is not None:
            name = _plain(match["heading"])
            if match["level"] == "1" and not depth_names:
                section = name if _is_status(name) else ""  # else the file's own title
            else:
                pending = name
        elif match["title"] is not None:
            attrs = _attrs(match["attrs"])
            url = attrs.get("href", "")
            if not url.startswith(("http://", "https://")):
                continue  # javascript: bookmarklets, place: queries, file: links
            tags = [t.strip() for t in re.split(r"[,|]", attrs.get("tags", "")) if t.strip()]
            title = _plain(match["title"]) or url
            to_read = attrs.get("toread") == "1"
            bookmarks.append(Bookmark(title, url, list(folders), tags, to_read=to_read))
            if len(bookmarks) >= MAX_NOTES:
                break
        elif match["note"] is not None and bookmarks:
            note = _plain(_BREAK_RE.sub("\n", match["note"]), keep_lines=True)
            bookmarks[-1].note = "\n\n".join(p for p in (bookmarks[-1].note, note) if p)
    return bookmarks


def _attrs(text: str) -> dict[str, str]:
    return {
        m[1].casefold(): html.unescape(m[2] or m[3] or m[4] or "") for m in _ATTR_RE.finditer(text)
    }


def _plain(fragment: str, *, keep_lines: bool = False) -> str:
    text = html.unescape(_TAG_RE.sub("", fragment))
    if keep_lines:
        return "\n".join(" ".join(line.split()) for line in text.splitlines()).strip()
    return " ".join(text.split())


def _is_status(name: str) -> bool:
    key = status_key(name)
    return key in TO_READ or key in _READ_TAGS or "archive" in key


def status(bookmark: Bookmark, *, noted: bool = True) -> str:
    """ "to read", "read" or "" (the note says): what the export says of the bookmark."""
    keys = [status_key(tag) for tag in bookmark.tags]
    places = [status_key(folder) for folder in bookmark.folders]
    if bookmark.to_read or any(key in TO_READ or "unread" in key for key in keys):
        return "to read"  # "toread", "archived-unread": put away without reading
    if any(key in TO_READ for key in places):
        return "to read"
    if any(key in _READ_TAGS for key in keys) or any("archive" in key for key in places):
        return "read"
    if not noted:
        return ""  # a browser keeps no notes: a paper filed away is the person's
    return "" if bookmark.note else "to read"  # saved, nothing said of it: not read yet


def _member(number: int, bookmark: Bookmark, *, noted: bool = True) -> Member:
    topics = [t for t in bookmark.tags if not _is_status(t) and "unread" not in t.casefold()]
    mark = status(bookmark, noted=noted)
    # Waiting to be read, the note says why to read it (often the site's own blurb).
    note = "" if mark == "to read" else bookmark.note
    named = f"Title: {_own_title(bookmark)}\nLink: {bookmark.url}"
    blocks = (named, f"Status: {mark}" if mark else "", note, tags_line(topics))
    folders = [_safe(name) for name in bookmark.folders if not _is_status(name)]
    name = f"{number:05d} {_safe(bookmark.title)[:60].strip()}.md"
    return "/".join([*folders, name]), "\n\n".join(b for b in blocks if b) + "\n"


def _own_title(bookmark: Bookmark) -> str:
    """The page's own title, as ``link_line`` keeps it ("Title | Nature" → "Title")."""
    line = link_line(bookmark.title, bookmark.url)
    return line[1 : line.rindex("](")] if line.startswith("[") else bookmark.title


def _safe(name: str) -> str:
    return _UNSAFE_RE.sub(" ", name).strip() or "untitled"
