"""A Ghost blog's JSON export: each published post, or newsletter issue sent by email
only, as a Markdown note.

Ghost (Settings → Migration → Export content) writes one object, ``{"db": [{"meta":
…, "data": {"posts": […], "tags": […], "posts_tags": […], "users": […],
"posts_authors": […], …}}]}``. A post's body is its ``html`` when the export holds
it; otherwise the editor's own document, turned into HTML here the way Ghost renders
it: ``lexical`` (Ghost 5: a Lexical editor state whose cards — bookmark, image, HTML,
Markdown, callout, toggle … — are nodes of their own) or ``mobiledoc`` (older Ghost:
sections of markers, markups and atoms, cards by index). Both become Markdown through
the HTML reader's converter. A bookmark card is often the only link to the paper a
post is about: it becomes "[title](url)", where the HTML Ghost renders would make one
link of its title, description, icons and thumbnail.

Left out: pages, drafts and scheduled posts, and the sample post a new site starts
with ("Coming soon", by the built-in Ghost user or still in Ghost's words). Tags linked
through ``posts_tags`` become the note's "Tags:" line, but for Ghost's internal
``#hash`` tags.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup, Tag

from papershelf.importers.appjson.apps import link_line
from papershelf.importers.appjson.values import Data
from papershelf.importers.appjson.values import dict_of as _dict
from papershelf.importers.appjson.values import dicts_of as _dicts
from papershelf.importers.appjson.values import tags_line as _tags_line
from papershelf.importers.appjson.values import text_of as _text
from papershelf.importers.html.parse import to_markdown

# "sent": an issue sent by email only, never on the site; a newsletter's post all the same.
_READ_STATUSES = frozenset({"published", "sent"})
_SAMPLE_POST_SLUG = "coming-soon"
_GHOST_USER_SLUG = "ghost"  # the built-in author of a new site's sample content
# Setting a site up hands the sample post to its owner: then only its text tells it,
# "This is <site>, a brand new site by <owner> that's just getting started."
_SAMPLE_TEXT_RE = re.compile(r"\bbrand[ -]new site\b.{0,80}\bjust getting started\b", re.S)
# Lexical's text format bits Ghost renders as tags: bold, italic, strikethrough, code.
_TEXT_MARKS = ((1, "strong"), (2, "em"), (4, "s"), (16, "code"))
_BLOCK_TAGS = {"paragraph": "p", "quote": "blockquote", "aside": "blockquote"}

# A piece of a post's body: ("html", …) runs are converted together, ("md", …) kept.
Block = tuple[str, str]


def is_ghost_export(data: Data) -> bool:
    """A Ghost export: a database (under ``db`` or alone) with posts in Ghost's shape."""
    for database in _databases(data):
        posts = database.get("posts")
        if isinstance(posts, list) and (
            "posts_tags" in database
            or any(key in post for post in _dicts(posts)[:50] for key in ("mobiledoc", "lexical"))
        ):
            return True
    return False


def ghost_notes(data: Data) -> list[str]:
    notes: list[str] = []
    for database in _databases(data):
        tags = _tags_of_posts(database)
        sample_authors = _ghost_user_posts(database)
        for post in _dicts(database.get("posts")):
            key = str(post.get("id"))
            if not _is_read(post):
                continue
            note = _note(post, tags.get(key, []))
            if not (_is_sample(post) and (key in sample_authors or _SAMPLE_TEXT_RE.search(note))):
                notes.append(note)
    return notes


def _databases(data: Data) -> Iterator[Data]:
    if isinstance(data.get("db"), list):
        for entry in _dicts(data["db"]):
            yield _dict(entry.get("data"))
    elif isinstance(data.get("meta"), dict):
        yield _dict(data.get("data"))


def _is_read(post: Data) -> bool:
    # Ghost 5 says ``type``; before it, a page was a post with ``page`` set.
    kind = post.get("type") or ("page" if post.get("page") else "post")
    return kind == "post" and post.get("status") in _READ_STATUSES


def _is_sample(post: Data) -> bool:
    return post.get("slug") == _SAMPLE_POST_SLUG


def _ghost_user_posts(database: Data) -> set[str]:
    """The posts written by the built-in Ghost user, or by nobody the export names."""
    ghost_users = {
        str(user.get("id"))
        for user in _dicts(database.get("users"))
        if user.get("slug") == _GHOST_USER_SLUG
    }
    authors: dict[str, set[str]] = {}
    for link in _dicts(database.get("posts_authors")):
        authors.setdefault(str(link.get("post_id")), set()).add(str(link.get("author_id")))
    posts = set()
    for post in _dicts(database.get("posts")):
        key = str(post.get("id"))
        written_by = authors.get(key) or {str(post.get("author_id"))} - {"None"}
        if not written_by or written_by <= ghost_users:
            posts.add(key)
    return posts


def _tags_of_posts(database: Data) -> dict[str, list[str]]:
    names = {
        str(tag.get("id")): _text(tag.get("name"))
        for tag in _dicts(database.get("tags"))
        # "#newsletter" and the like: Ghost's internal tags, for themes, not topics.
        if tag.get("visibility") != "internal" and not _text(tag.get("name")).startswith("#")
    }
    links = sorted(_dicts(database.get("posts_tags")), key=_sort_order)
    tags: dict[str, list[str]] = {}
    for link in links:
        name = names.get(str(link.get("tag_id")))
        if name:
            tags.setdefault(str(link.get("post_id")), []).append(name)
    return tags


def _sort_order(link: Data) -> int:
    order = link.get("sort_order")
    return order if isinstance(order, int) else 0


def _note(post: Data, tags: list[str]) -> str:
    title = " ".join(_text(post.get("title")).split())
    blocks = [
        f"# {title}" if title else "",
        _tags_line(tags),
        _text(post.get("custom_excerpt")),
        _body(post),
    ]
    return "\n\n".join(block for block in blocks if block) + "\n"


def _body(post: Data) -> str:
    if _text(post.get("html")):
        return _markdown([("html", _text(post.get("html")))])
    lexical = _json_of(post.get("lexical"))
    if lexical:
        return _markdown(_lexical_blocks(lexical))
    mobiledoc = _json_of(post.get("mobiledoc"))
    if mobiledoc:
        return _markdown(_mobiledoc_blocks(mobiledoc))
    # Ghost before 1.0 kept the Markdown itself; a last resort, the plain text.
    return _text(post.get("markdown")) or _text(post.get("plaintext"))


def _json_of(value: Any) -> Data:
    if isinstance(value, str) and value.strip():
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return {}
    return _dict(value)


def _markdown(blocks: list[Block]) -> str:
    """Runs of HTML converted at once (a list split in two would number twice), the
    Markdown of cards and bookmark links between them kept as they are."""
    parts: list[str] = []
    run: list[str] = []
    for kind, text in [*blocks, ("md", "")]:
        if kind == "html":
            run.append(text)
            continue
        if run:
            parts.append(to_markdown(_bookmarks_as_links("".join(run))).strip())
            run = []
        parts.append(text.strip())
    return "\n\n".join(part for part in parts if part)


def _bookmarks_as_links(page: str) -> str:
    """Ghost's rendered bookmark cards (``kg-bookmark-card``) as one link each."""
    if "kg-bookmark" not in page:
        return page
    soup = BeautifulSoup(page, "html.parser")
    for card in soup.find_all(class_="kg-bookmark-card"):
        if not isinstance(card, Tag):
            continue
        link = card.find("a", href=True)
        title = card.find(class_="kg-bookmark-title")
        caption = card.find("figcaption")
        url = str(link["href"]) if isinstance(link, Tag) else ""
        card.replace_with(
            BeautifulSoup(
                _bookmark_html(
                    url,
                    title.get_text(" ", strip=True) if isinstance(title, Tag) else "",
                    caption.decode_contents() if isinstance(caption, Tag) else "",
                ),
                "html.parser",
            )
        )
    return str(soup)


def _bookmark_html(url: str, title: str, caption: str) -> str:
    line = link_line(title, url) if url else title
    if not line:
        return ""
    anchor = (
        f'<a href="{html.escape(url)}">{html.escape(line[1 : line.rindex("](")])}</a>'
        if line.startswith("[")
        else html.escape(line)
    )
    return f"<p>{anchor}</p>" + (f"<p>{caption}</p>" if caption.strip() else "")


# Cards: the same payloads in Lexical's nodes and Mobiledoc's cards.


def _card(kind: str, card: Data) -> list[Block]:
    if kind == "bookmark":
        metadata = _dict(card.get("metadata"))
        title = _text(metadata.get("title")) or _text(card.get("title"))
        return [("html", _bookmark_html(_text(card.get("url")), title, _caption(card)))]
    if kind in ("markdown", "card-markdown"):
        return [("md", _text(card.get("markdown")))]
    if kind == "html":
        return [("html", _text(card.get("html")))]
    if kind == "image":
        return [("html", _image(card))]
    if kind == "gallery":
        return [("html", "".join(_image(image) for image in _dicts(card.get("images"))))]
    if kind == "embed":
        title = _text(_dict(card.get("metadata")).get("title"))
        return [("html", _bookmark_html(_text(card.get("url")), title, _caption(card)))]
    if kind in ("code", "codeblock"):
        return [("html", f"<pre><code>{html.escape(_text(card.get('code')))}</code></pre>")]
    if kind == "callout":
        return [("html", f"<blockquote>{_text(card.get('calloutText'))}</blockquote>")]
    if kind == "toggle":
        return [("html", f"<p>{_text(card.get('heading'))}</p>{_text(card.get('content'))}")]
    if kind == "file":
        return [("html", _anchor(_text(card.get("src")), _text(card.get("fileTitle"))))]
    if kind == "button":
        return [("html", _anchor(_text(card.get("buttonUrl")), _text(card.get("buttonText"))))]
    if kind in ("hr", "horizontalrule"):
        return [("html", "<hr>")]
    return []  # a signup form, a paywall, audio, video: nothing a reader wrote


def _caption(card: Data) -> str:
    return _text(card.get("caption"))


def _image(card: Data) -> str:
    src, alt = html.escape(_text(card.get("src"))), html.escape(_text(card.get("alt")))
    image = f'<img src="{src}" alt="{alt}">' if src else ""
    if image and _text(card.get("href")):
        image = f'<a href="{html.escape(_text(card.get("href")))}">{image}</a>'
    caption = _caption(card)
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>" if caption else image


def _anchor(url: str, text: str) -> str:
    if not url:
        return f"<p>{html.escape(text)}</p>" if text else ""
    return f'<p><a href="{html.escape(url)}">{html.escape(text or url)}</a></p>'


# Lexical (Ghost 5): root.children, rich text nodes and decorator nodes (cards).


def _lexical_blocks(state: Data) -> list[Block]:
    blocks: list[Block] = []
    for node in _dicts(_dict(state.get("root")).get("children")):
        kind = str(node.get("type") or "")
        if "children" in node:
            blocks.append(("html", _lexical_html(node)))
        else:
            blocks.extend(_card(kind, node))
    return blocks


def _lexical_html(node: Data) -> str:
    kind = str(node.get("type") or "").removeprefix("extended-")
    inner = "".join(_lexical_html(child) for child in _dicts(node.get("children")))
    if kind == "text":
        return _marked(html.escape(str(node.get("text") or "")), node.get("format"))
    if kind == "linebreak":
        return "<br>"
    if kind == "tab":
        return " "
    if kind in ("link", "autolink"):
        return f'<a href="{html.escape(_text(node.get("url")))}">{inner}</a>'
    if kind == "heading":
        tag = str(node.get("tag") or "h2")
        tag = tag if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else "h2"
        return f"<{tag}>{inner}</{tag}>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        return f"<{tag}>{inner}</{tag}>"
    if kind == "listitem":
        return f"<li>{inner}</li>"
    if kind in _BLOCK_TAGS:
        return f"<{_BLOCK_TAGS[kind]}>{inner}</{_BLOCK_TAGS[kind]}>"
    if "children" not in node:  # a card inside a list or quote: rare, kept as text
        return "".join(text for kind_, text in _card(kind, node) if kind_ == "html")
    return inner


def _marked(text: str, format_bits: Any) -> str:
    bits = format_bits if isinstance(format_bits, int) else 0
    for bit, tag in _TEXT_MARKS:
        if bits & bit and text.strip():
            text = f"<{tag}>{text}</{tag}>"
    return text


# Mobiledoc (Ghost 1–4): sections of markers; a marker opens markups, holds its text
# (or an atom's), then closes some of the markups open.

_MARKUP_SECTION, _IMAGE_SECTION, _LIST_SECTION, _CARD_SECTION = 1, 2, 3, 10
_MARKUP_TAGS = frozenset({"a", "b", "code", "em", "i", "s", "strong", "sub", "sup", "u"})
_SECTION_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside"})


def _mobiledoc_blocks(doc: Data) -> list[Block]:
    cards = [card for card in doc.get("cards") or [] if isinstance(card, list)]
    blocks: list[Block] = []
    for section in doc.get("sections") or []:
        if not isinstance(section, list) or not section:
            continue
        kind = section[0]
        if kind == _MARKUP_SECTION and len(section) >= 3:
            tag = str(section[1]).lower()
            tag = "blockquote" if tag == "aside" else tag if tag in _SECTION_TAGS else "p"
            blocks.append(("html", f"<{tag}>{_markers_html(section[2], doc)}</{tag}>"))
        elif kind == _LIST_SECTION and len(section) >= 3:
            tag = "ol" if section[1] == "ol" else "ul"
            items = "".join(f"<li>{_markers_html(item, doc)}</li>" for item in section[2])
            blocks.append(("html", f"<{tag}>{items}</{tag}>"))
        elif kind == _IMAGE_SECTION and len(section) >= 2:
            blocks.append(("html", _image({"src": section[1]})))
        elif kind == _CARD_SECTION and len(section) >= 2:
            blocks.extend(_mobiledoc_card(section[1], cards))
    return blocks


def _mobiledoc_card(index: Any, cards: list[list[Any]]) -> list[Block]:
    if not isinstance(index, int) or not 0 <= index < len(cards) or len(cards[index]) < 2:
        return []
    name, payload = cards[index][:2]
    return _card(str(name), _dict(payload))


def _markers_html(markers: Any, doc: Data) -> str:
    markups = [m for m in doc.get("markups") or [] if isinstance(m, list) and m]
    atoms = [a for a in doc.get("atoms") or [] if isinstance(a, list) and len(a) >= 2]
    parts: list[str] = []
    open_tags: list[str] = []
    for marker in markers if isinstance(markers, list) else []:
        if not isinstance(marker, list) or len(marker) < 4:
            continue
        kind, opened, closed, value = marker[:4]
        for index in opened if isinstance(opened, list) else []:
            if isinstance(index, int) and 0 <= index < len(markups):
                tag, attributes = _markup(markups[index])
                parts.append(f"<{tag}{attributes}>")
                open_tags.append(tag)
        if kind == 0:
            parts.append(html.escape(str(value)))
        elif isinstance(value, int) and 0 <= value < len(atoms):
            name, text = atoms[value][:2]
            parts.append("<br>" if name == "soft-return" else html.escape(str(text)))
        for _ in range(closed if isinstance(closed, int) else 0):
            if open_tags:
                parts.append(f"</{open_tags.pop()}>")
    parts.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(parts)


def _markup(markup: list[Any]) -> tuple[str, str]:
    tag = str(markup[0]).lower()
    if tag not in _MARKUP_TAGS:
        return "span", ""
    pairs = markup[1] if len(markup) > 1 and isinstance(markup[1], list) else []
    href = next((str(pairs[i + 1]) for i in range(0, len(pairs) - 1, 2) if pairs[i] == "href"), "")
    return tag, f' href="{html.escape(href)}"' if tag == "a" and href else ""
