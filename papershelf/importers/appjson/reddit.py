"""A Reddit thread or listing saved as JSON: the post, then each comment, as notes.

Reddit answers any page's address with ``.json`` appended: a thread
(``/r/…/comments/<id>/.json``) as two Listings — the post (kind ``t3``: ``title``,
``selftext`` in Markdown, ``url`` for a link post) and its comments (``t1``: ``body``,
``replies`` a Listing or ``""``) — and a subreddit's page or a user's saved items as one
Listing of posts and comments. People save threads where a reading group posts its list
("papers we read this term, with my takes") and where others answer with what they read.

Each post and each comment is a note of its own, read apart (a comment that names a paper
with its link shares it, as in a chat). Reddit's JSON escapes ``&``, ``<`` and ``>`` in
the Markdown as HTML entities, undone here. Left out: deleted and removed comments,
AutoModerator's and other moderators' stickied notices, and ``more`` stubs (comments the
save did not fetch).
"""

from __future__ import annotations

import html
import re

from papershelf.importers.appjson.values import Data
from papershelf.importers.appjson.values import dict_of as _dict
from papershelf.importers.appjson.values import dicts_of as _dicts
from papershelf.importers.appjson.values import text_of as _text

_KINDS = frozenset({"t1", "t3"})  # a comment, a post
_GONE = frozenset({"[deleted]", "[removed]"})
_BOTS = frozenset({"automoderator"})
# "[R] Title", "[D] …", "[P] …": r/MachineLearning's and others' post tags.
_POST_TAG_RE = re.compile(r"^\s*\[[A-Za-z]{1,12}\]\s*")
_MAX_DEPTH = 200  # replies nest one Listing per level; a saved thread is far shallower


def _listings(data: Data | list[Data]) -> list[Data]:
    found = data if isinstance(data, list) else [data]
    return [item for item in found if isinstance(item, dict) and item.get("kind") == "Listing"]


def is_reddit_export(data: Data | list[Data]) -> bool:
    """A Listing (or a thread's two) whose children are Reddit posts or comments."""
    listings = _listings(data)
    if not listings or (isinstance(data, list) and len(listings) != len(data)):
        return False
    children = [
        c for listing in listings for c in _dicts(_dict(listing.get("data")).get("children"))
    ]
    return bool(children) and any(c.get("kind") in _KINDS for c in children)


def reddit_notes(data: Data | list[Data]) -> list[str]:
    notes: list[str] = []
    for listing in _listings(data):
        _collect(listing, notes, 0)
    return notes


def _collect(listing: Data, notes: list[str], depth: int) -> None:
    if depth > _MAX_DEPTH:
        return
    for child in _dicts(_dict(listing.get("data")).get("children")):
        item = _dict(child.get("data"))
        if child.get("kind") == "t3":
            notes.append(_post(item))
        elif child.get("kind") == "t1":
            if not _left_out(item):
                notes.append(_markdown(_text(item.get("body"))))
            replies = item.get("replies")
            if isinstance(replies, dict):
                _collect(replies, notes, depth + 1)


def _left_out(comment: Data) -> bool:
    author = _text(comment.get("author")).casefold()
    body = _text(comment.get("body")).strip()
    notice = comment.get("distinguished") == "moderator" and bool(comment.get("stickied"))
    return body in _GONE or author in _BOTS or notice or not body


def _post(post: Data) -> str:
    title = _POST_TAG_RE.sub("", html.unescape(_text(post.get("title"))))
    url = _text(post.get("url"))
    blocks = [f"# {title}"] if title.strip() else []
    if url.startswith("http") and not post.get("is_self"):
        blocks.append(url)  # a link post: the page (a paper's) it shares
    selftext = _text(post.get("selftext")).strip()
    if selftext not in _GONE:
        blocks.append(_markdown(selftext))
    return "\n\n".join(block for block in blocks if block)


def _markdown(text: str) -> str:
    return html.unescape(text).strip()
