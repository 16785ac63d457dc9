"""A Mastodon archive's ``outbox.json``: the person's posts, threads as notes.

"Request your archive" gives ``outbox.json``, an ActivityStreams collection: ``{"type":
"OrderedCollection", "orderedItems": [{"type": "Create", "actor", "published", "object":
{"id", "type": "Note", "inReplyTo", "content": "<p>…</p>", "tag": […]}}, {"type":
"Announce", "object": "https://…"}, …]}``. A ``Create`` is a post of the person's own;
an ``Announce`` is a boost of someone else's, not read. A post's content is HTML:
Mastodon shortens the links it shows ("arxiv.org/abs/2301.0…") but keeps the whole
address in the anchor, which is what the note gets. Threads are as on Twitter (see
``threads``): a reply to the person's own post continues it, one to others is dropped.
The archive's ``likes.json`` and ``bookmarks.json`` are collections of other people's
posts' addresses only: they give no notes.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from papershelf.importers.twitter.threads import Post, thread_notes, threads

Data = dict[str, Any]

_BLOCKS = frozenset({"p", "br", "li", "blockquote", "pre"})


def is_outbox(data: Data) -> bool:
    """An ActivityStreams collection of activities (an outbox, or the archive's likes)."""
    items = data.get("orderedItems")
    return (
        data.get("type") in ("OrderedCollection", "OrderedCollectionPage")
        and isinstance(items, list)
        and "activitystreams" in str(data.get("@context", ""))
    )


def outbox_notes(outbox: Data) -> list[str]:
    posts = [post for item in outbox.get("orderedItems") or [] if (post := _post(item))]
    posts.sort(key=lambda post: post[0])
    return [note for thread in threads([p for _, p in posts]) for note in thread_notes(thread)]


def _post(item: Any) -> tuple[str, Post] | None:
    """A ``Create`` activity's post, with when it was published; None for a boost."""
    if not isinstance(item, dict) or item.get("type") != "Create":
        return None
    note = item.get("object")
    if not isinstance(note, dict) or not isinstance(note.get("content"), str):
        return None
    actor = str(item.get("actor") or note.get("attributedTo") or "")
    parent = note.get("inReplyTo")
    parent = parent if isinstance(parent, str) else ""
    post = Post(
        id=str(note.get("id") or ""),
        text=content_markdown(note["content"]),
        parent=parent,
        # The person's posts live under their actor's address: ".../users/ana/statuses/…".
        answers_self=parent.startswith(actor.rstrip("/") + "/") if parent and actor else None,
    )
    return str(note.get("published") or item.get("published") or ""), post


def content_markdown(content: str) -> str:
    """A post's HTML as text: paragraphs and line breaks kept, each link its whole
    address (or ``[text](url)`` when its text is words), mentions and hashtags as
    their text."""
    reader = _Content()
    reader.feed(content)
    reader.close()
    text = "".join(reader.parts)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class _Content(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._href: str | None = None
        self._anchor: list[str] = []
        self._anchor_class = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a":
            self._href = attributes.get("href") or ""
            self._anchor_class = attributes.get("class") or ""
            self._anchor = []
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS and self.parts:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.parts.append(_anchor_text("".join(self._anchor), self._href, self._anchor_class))
            self._href = None

    def handle_data(self, data: str) -> None:
        (self._anchor if self._href is not None else self.parts).append(data)


def _anchor_text(text: str, href: str, classes: str) -> str:
    text = html.unescape(text).strip()
    if "mention" in classes.split() or "hashtag" in classes.split() or text.startswith(("@", "#")):
        return text  # "@alice", "#NetSci": who and what, not a link to a paper
    shown = re.sub(r"^https?://(www\.)?", "", text).rstrip("…")
    if not text or (href.startswith("http") and shown in href.replace("www.", "")):
        return href  # Mastodon's shortened display of the address itself
    return f"[{text}]({href})"
