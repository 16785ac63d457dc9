"""A Slack export's day file becomes Markdown, then a notes document like any other.

A standard workspace export holds one folder per channel with a ``YYYY-MM-DD.json`` file
per day: a JSON array of messages (``type``, ``user``, ``text``, ``ts``, ``thread_ts``,
``attachments``…). Each message becomes a list item, its thread's replies nested under
it, and a link preview of a paper a ``[title](url)`` line; the notes reader then finds
the papers as in any other notes document. ``users.json``, ``channels.json`` and the
export's other bookkeeping files name no paper: they come back empty, with a warning.
"""

from __future__ import annotations

import json
import re
from typing import Any

from papershelf.importers.jsontext import decoded, load
from papershelf.importers.notes.converted import parse_each
from papershelf.importers.records import ImportWarning, ParsedDocument, ParseError
from papershelf.importers.slack.mrkdwn import convert_mrkdwn
from papershelf.lib.identifiers import classify_url

FORMAT = "slack"
METADATA_WARNING = "Slack export metadata (users/channels), not notes"

Message = dict[str, Any]

# Bookkeeping, not conversation: who joined, a topic changed, a bot or integration posted.
_DROPPED_SUBTYPES = frozenset(
    {
        "channel_join", "channel_leave", "group_join", "group_leave", "channel_topic",
        "channel_purpose", "channel_name", "channel_archive", "channel_unarchive",
        "group_topic", "group_purpose", "group_name", "bot_message", "bot_add",
        "bot_remove", "pinned_item", "unpinned_item", "reminder_add", "tombstone",
    }
)  # fmt: skip
# Keys only the export's metadata files have: users.json, channels.json, dms.json, canvases.
_METADATA_KEYS = frozenset(
    {"profile", "real_name", "members", "creator", "is_channel", "is_general", "is_im"}
)
_BULLET_RE = re.compile(r"^\s*(?:[•◦▪‣]|-|\d+[.)])\s+")
_ARXIV_TITLE_PREFIX_RE = re.compile(r"^\[[^\]]+\]\s+")
_NOT_PAPER_LINKS = frozenset({"code", "pdf", "web"})


def parse(text: str, path: str) -> ParsedDocument:
    data = load(text, path)
    if _is_metadata(data):
        document = ParsedDocument(path=path, format=FORMAT)
        document.warnings.append(ImportWarning(path, None, METADATA_WARNING))
        return document
    if not _is_day_file(data):
        raise ParseError(path, 1, "expected a Slack export day file (a list of messages)")
    notes = ["\n".join(thread) + "\n" for thread in _threads(data)]
    return parse_each(notes, path, FORMAT, "names no paper (no message links one)", chat=True)


def looks_like_slack(text: str) -> bool:
    """A day file (messages with a ``ts``) or one of the export's metadata files."""
    head = text.lstrip("\ufeff \t\n")[:5000]
    if not head.startswith(("[", "{")) or not re.search(r'"(ts|logs|id)"', head):
        return False
    try:
        data = decoded(text)
    except json.JSONDecodeError:
        return False
    return _is_day_file(data) or _is_metadata(data)


def to_markdown(messages: list[Message]) -> str:
    """Messages in time order, one list item each, thread replies nested under their parent."""
    text = "\n".join(line for thread in _threads(messages) for line in thread)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _threads(messages: list[Message]) -> list[list[str]]:
    """Each top-level message with its replies, in time order, as Markdown lines."""
    kept = sorted((m for m in messages if _is_conversation(m)), key=lambda m: float(m["ts"]))
    names = _display_names(messages)
    tops = {m["ts"] for m in kept if not _is_reply(m)}
    replies: dict[str, list[Message]] = {}
    for message in kept:
        if _is_reply(message) and message["thread_ts"] in tops:
            replies.setdefault(message["thread_ts"], []).append(message)
    threads: list[list[str]] = []
    for message in kept:
        if _is_reply(message) and message["thread_ts"] in tops:
            continue  # written under its parent
        lines = _message_lines(message, names)
        for reply in replies.get(message["ts"], []):
            lines += _message_lines(reply, names)
        threads.append(lines)
    return threads


def _is_day_file(data: Any) -> bool:
    if not isinstance(data, list) or not data:
        return False
    if not all(isinstance(item, dict) and "ts" in item for item in data):
        return False
    return any(item.get("type") == "message" for item in data)


def _is_metadata(data: Any) -> bool:
    if isinstance(data, dict):
        return "logs" in data  # integration_logs.json
    if not isinstance(data, list) or not data:
        return False
    return all(
        isinstance(item, dict) and "id" in item and _METADATA_KEYS & item.keys() for item in data
    )


def _is_conversation(message: Message) -> bool:
    if message.get("type") != "message" or not isinstance(message.get("ts"), str):
        return False
    if message.get("subtype") in _DROPPED_SUBTYPES:
        return False
    return not (message.get("bot_id") and not message.get("user"))


def _is_reply(message: Message) -> bool:
    return bool(message.get("thread_ts")) and message["thread_ts"] != message["ts"]


def _display_names(messages: list[Message]) -> dict[str, str]:
    """User ids to names, from the profile Slack copies into each message it exports."""
    names: dict[str, str] = {}
    for message in messages:
        profile = message.get("user_profile") if isinstance(message, dict) else None
        if isinstance(profile, dict) and isinstance(message.get("user"), str):
            name = profile.get("display_name") or profile.get("real_name") or ""
            if name:
                names[message["user"]] = name
    return names


def _message_lines(message: Message, names: dict[str, str]) -> list[str]:
    """A message as paragraphs (its bullets a list), then its papers' link previews."""
    text = convert_mrkdwn(str(message.get("text") or ""), names)
    lines: list[str] = []
    for line in text.strip("\n").split("\n"):
        item = _BULLET_RE.match(line)
        if item and lines and lines[-1] and not _BULLET_RE.match(lines[-1]):
            lines.append("")  # a list after a line of text starts a list of its own
        lines.append(_bullet(line) if item else line.strip())
    for link in _attachment_links(message):
        lines += ["", link]  # a preview on a line of its own: the paper the message shares
    return [*lines, ""]


def _bullet(line: str) -> str:
    """Slack's ``•`` bullets as Markdown items; a numbered line keeps its number."""
    stripped = line.strip()
    if re.match(r"\d+[.)]\s", stripped):
        return re.sub(r"^(\d+)\)", r"\1.", stripped)
    return "- " + _BULLET_RE.sub("", stripped)


def _attachment_links(message: Message) -> list[str]:
    """Link previews of papers (arXiv, DOI…) as ``[title](url)``; other previews say nothing."""
    links = []
    for attachment in message.get("attachments") or []:
        if not isinstance(attachment, dict) or not attachment.get("title"):
            continue
        url = attachment.get("title_link") or attachment.get("original_url") or ""
        if not isinstance(url, str) or classify_url(url).kind in _NOT_PAPER_LINKS:
            continue
        # arXiv's preview puts the id before the title: "[2303.04137] Diffusion Policy…"
        title = _ARXIV_TITLE_PREFIX_RE.sub("", str(attachment["title"])).strip()
        links.append(f"[{title}]({url})")
    return links
