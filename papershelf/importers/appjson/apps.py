"""Where each app keeps the text of a note, as Markdown.

Only the fields a person wrote or chose are kept: names, descriptions, messages,
comments, checklists, labels and the links they attached. Ids, colours, avatars and
reactions say nothing about papers. What the app itself marks as gone (a Trello card or
list archived, a Keep note in the bin) and what bots posted are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from papershelf.importers.appjson.standardnotes import (
    encrypted_backup,
    is_simplenote_export,
    is_standard_notes_backup,
    simplenote_notes,
    standard_notes,
)
from papershelf.importers.appjson.values import Data
from papershelf.importers.appjson.values import dict_of as _dict
from papershelf.importers.appjson.values import dicts_of as _dicts
from papershelf.importers.appjson.values import tags_line as _tags_line
from papershelf.importers.appjson.values import text_of as _text
from papershelf.importers.notes.links import is_not_paper_url
from papershelf.importers.notes.pagetitle import page_own_title
from papershelf.lib.identifiers import classify_url


@dataclass(frozen=True)
class App:
    name: str
    hint: str  # a key the export's first bytes hold, to skip parsing other JSON
    recognises: Callable[[Data], bool]
    notes: Callable[[Data], list[str]]
    chat: bool = False  # messages: one sharing a paper's link shares that paper
    # Why an export of the app cannot be read ("" when it can): an encrypted backup.
    refuses: Callable[[Data], str] | None = None


def link_line(title: str, url: str) -> str:
    """A preview or attachment: "[title](url)", or the address alone. A page's title comes
    as the browser shows it ("Title | Nature", "[astro-ph/0210099] Title"): the page's own
    part is kept."""
    title = page_own_title(_ARXIV_PREFIX_RE.sub("", " ".join(title.split())))
    title = title.replace("[", "(").replace("]", ")")
    return f"[{title}]({url})" if title and title != url else url


def _note(*blocks: str) -> str:
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"


# Trello: a board's cards, with their checklists and comments, in their lists.


def _trello_notes(board: Data) -> list[str]:
    closed_lists = {item.get("id") for item in _dicts(board.get("lists")) if item.get("closed")}
    checklists: dict[str, list[str]] = {}
    for checklist in _dicts(board.get("checklists")):
        items = [
            f"- [{'x' if item.get('state') == 'complete' else ' '}] {_text(item.get('name'))}"
            for item in _dicts(checklist.get("checkItems"))
            if _text(item.get("name"))
        ]
        checklists.setdefault(str(checklist.get("idCard")), []).extend(items)
    comments: dict[str, list[str]] = {}
    for action in _dicts(board.get("actions")):
        data = _dict(action.get("data"))
        card = _dict(data.get("card"))
        if action.get("type") == "commentCard" and _text(data.get("text")):
            comments.setdefault(str(card.get("id")), []).append(_text(data.get("text")))
    notes = []
    for card in _dicts(board.get("cards")):
        if card.get("closed") or card.get("idList") in closed_lists:
            continue  # archived: Trello's way of putting a card away
        key = str(card.get("id"))
        links = [
            link_line(_text(item.get("name")), _text(item.get("url")))
            for item in _dicts(card.get("attachments"))
            if _text(item.get("url")).startswith("http") and not item.get("isUpload")
        ]
        labels = [_text(label.get("name")) for label in _dicts(card.get("labels"))]
        notes.append(
            _note(
                f"# {_text(card.get('name'))}",
                _text(card.get("desc")),
                "\n".join(checklists.get(key, [])),
                "\n\n".join(links),
                "\n\n".join(comments.get(key, [])),
                _tags_line(labels),
            )
        )
    return notes


# Discord (DiscordChatExporter): a channel's messages, replies with the message they answer.


def _discord_notes(channel: Data) -> list[str]:
    messages = [
        message
        for message in _dicts(channel.get("messages"))
        if not (isinstance(message.get("author"), dict) and message["author"].get("isBot"))
        and message.get("type") in ("Default", "Reply", None)
    ]
    threads: dict[str, list[str]] = {}
    order: list[str] = []
    for message in messages:
        reference = _dict(message.get("reference"))
        parent = str(reference.get("messageId") or "")
        key = parent if parent in threads else str(message.get("id"))
        if key not in threads:
            threads[key] = []
            order.append(key)
        threads[key].append(_discord_message(message))
    return [_note(*threads[key]) for key in order]


def _discord_message(message: Data) -> str:
    embeds = [
        link_line(_text(embed.get("title")), _text(embed.get("url")))
        for embed in _dicts(message.get("embeds"))
        if _text(embed.get("url")).startswith("http")
    ]
    return _note(_text(message.get("content")), "\n\n".join(embeds)).strip()


# Hypothes.is: every annotation on one page (the client's export or the search API's rows).

_ARXIV_PREFIX_RE = re.compile(r"^\[[\w./\-]+\]\s+")


def _hypothesis_notes(export: Data) -> list[str]:
    annotations = _dicts(export.get("annotations")) or _dicts(export.get("rows"))
    pages: dict[str, list[Data]] = {}
    for annotation in annotations:
        pages.setdefault(_text(annotation.get("uri")), []).append(annotation)
    notes = []
    for uri, on_page in pages.items():
        if uri.startswith("http") and (is_not_paper_url(uri) or classify_url(uri).kind == "code"):
            continue  # notes on an encyclopaedia article, a repository, a document
        title = _page_title(on_page)
        # The page's or the PDF's own title: what the annotated document calls itself.
        blocks = [
            f"Title: {title}" if title else "",
            f"Link: {uri}" if uri.startswith("http") else "",
        ]
        tags: list[str] = []
        for annotation in on_page:
            quote = _quote(annotation)
            blocks += [
                "> " + quote.replace("\n", "\n> ") if quote else "",
                _text(annotation.get("text")),
            ]
            tags += [t for t in annotation.get("tags") or [] if isinstance(t, str)]
        notes.append(_note(*blocks, _tags_line(tags)))
    return notes


def _page_title(annotations: list[Data]) -> str:
    for annotation in annotations:
        titles = _dict(annotation.get("document")).get("title")
        title = _text(titles[0] if isinstance(titles, list) and titles else titles)
        if title:
            return page_own_title(title)
    return ""


def _quote(annotation: Data) -> str:
    for target in _dicts(annotation.get("target")):
        for selector in _dicts(target.get("selector")):
            if selector.get("type") == "TextQuoteSelector" and _text(selector.get("exact")):
                return _text(selector.get("exact"))
    return ""


# Google Keep (Takeout): one note a file.


def _keep_notes(note: Data) -> list[str]:
    if note.get("isTrashed"):
        return []  # in the bin
    items = [
        f"- [{'x' if item.get('isChecked') else ' '}] {_text(item.get('text'))}"
        for item in _dicts(note.get("listContent"))
        if _text(item.get("text"))
    ]
    links = [
        link_line(_text(item.get("title")), _text(item.get("url")))
        for item in _dicts(note.get("annotations"))
        if _text(item.get("url")).startswith("http")
    ]
    labels = [_text(label.get("name")) for label in _dicts(note.get("labels"))]
    title = _text(note.get("title"))
    return [
        _note(
            f"# {title}" if title else "",
            _text(note.get("textContent")),
            "\n".join(items),
            "\n\n".join(links),
            _tags_line(labels),
        )
    ]


# Telegram Desktop ("Export chat history" as JSON): a chat's messages, replies with theirs.


def _telegram_notes(chat: Data) -> list[str]:
    threads: dict[str, list[str]] = {}
    for message in _dicts(chat.get("messages")):
        if message.get("type") != "message" or message.get("via_bot"):
            continue  # "joined", "pinned", a bot's post
        text = _telegram_text(message.get("text"))
        parent = str(message.get("reply_to_message_id") or "")
        key = parent if parent in threads else str(message.get("id"))
        threads.setdefault(key, []).append(text)
    return [_note(*messages) for messages in threads.values()]


def _telegram_text(text: Any) -> str:
    """A message's text: a string, or a list of strings and entities (links, bold…)."""
    if isinstance(text, str):
        return text
    parts = []
    for part in text if isinstance(text, list) else []:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict):
            parts.append(_telegram_entity(part))
    return "".join(parts)


def _telegram_entity(entity: Data) -> str:
    kind, text = entity.get("type"), str(entity.get("text") or "")
    if kind == "text_link" and _text(entity.get("href")):
        return f"[{text}]({_text(entity.get('href'))})"
    if kind == "bold":
        return f"**{text}**"
    if kind == "italic":
        return f"*{text}*"
    if kind in ("code", "pre"):
        return f"`{text}`"
    return text


# Element's "Export chat" of a Matrix room (JSON): the room's events, threads and
# replies kept with the message they answer; a bot's notices, files and deleted
# messages are none of the people's words.
_REPLY_FALLBACK_RE = re.compile(r"\A(?:> .*\n)+\n?")


def is_element_export(room: Data) -> bool:
    return "room_name" in room and any(
        e.get("type") == "m.room.message" for e in _dicts(room.get("messages"))[:50]
    )


def _element_notes(room: Data) -> list[str]:
    threads: dict[str, list[str]] = {}
    for event in _dicts(room.get("messages")):
        content = _dict(event.get("content"))
        if event.get("type") != "m.room.message" or content.get("msgtype") != "m.text":
            continue  # state events, reactions, a bot's m.notice, files, deleted messages
        text = _REPLY_FALLBACK_RE.sub("", _text(content.get("body")))
        relation = _dict(content.get("m.relates_to"))
        reply = _dict(relation.get("m.in_reply_to"))
        parent = str(relation.get("event_id") or reply.get("event_id") or "")
        key = parent if parent in threads else str(event.get("event_id"))
        threads.setdefault(key, []).append(text)
    return [_note(*messages) for messages in threads.values()]


# Day One (a journal's JSON export): each entry's Markdown, with its tags.
_DAY_ONE_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])")


def _day_one_notes(journal: Data) -> list[str]:
    notes = []
    for entry in _dicts(journal.get("entries")):
        # Day One escapes Markdown's punctuation in plain text ("\(good\)", "\#reading").
        text = _DAY_ONE_ESCAPE_RE.sub(r"\1", _text(entry.get("text")))
        tags = [tag for tag in entry.get("tags") or [] if isinstance(tag, str)]
        notes.append(_note(text, _tags_line(tags)))
    return notes


# Obsidian Canvas (.canvas): its cards of text and links; cards for files are the vault's
# own notes, read as themselves, and groups are only frames around cards.


def _canvas_notes(canvas: Data) -> list[str]:
    notes = []
    for node in _dicts(canvas.get("nodes")):
        if node.get("type") == "text" and _text(node.get("text")):
            notes.append(_note(_text(node.get("text"))))
        elif node.get("type") == "link" and _text(node.get("url")).startswith("http"):
            notes.append(_note(_text(node.get("url"))))
    return notes


READERS: tuple[App, ...] = (
    App("Trello board", '"cards"', lambda d: "cards" in d and "lists" in d, _trello_notes),
    App(
        "Discord chat",
        '"guild"',
        lambda d: "guild" in d and "messages" in d,
        _discord_notes,
        chat=True,
    ),
    App(
        "Hypothes.is annotations",
        '"uri"',
        lambda d: any("uri" in a for a in _dicts(d.get("annotations")) or _dicts(d.get("rows"))),
        _hypothesis_notes,
    ),
    App(
        "Telegram chat",
        '"messages"',
        lambda d: "messages" in d and "type" in d and "guild" not in d and "name" in d,
        _telegram_notes,
        chat=True,
    ),
    App("Element room export", '"room_name"', is_element_export, _element_notes, chat=True),
    App(
        "Day One journal",
        '"entries"',
        lambda d: "entries" in d and any("creationDate" in e for e in _dicts(d.get("entries"))),
        _day_one_notes,
    ),
    App(
        "Obsidian canvas",
        '"nodes"',
        lambda d: isinstance(d.get("nodes"), list) and "edges" in d,
        _canvas_notes,
    ),
    App(
        "Standard Notes backup",
        '"content_type"',
        is_standard_notes_backup,
        standard_notes,
        refuses=encrypted_backup,
    ),
    App("Simplenote export", '"activeNotes"', is_simplenote_export, simplenote_notes),
    App(
        "Google Keep note",
        '"isTrashed"',
        lambda d: ("textContent" in d or "listContent" in d) and "isTrashed" in d,
        _keep_notes,
    ),
)
