"""A Zulip organisation's export: each channel's topics, one note per topic.

"Export organization" writes a folder ``zulip-export-<id>/``: ``realm.json`` holds the
organisation's tables as JSON lists (channels in ``zerver_stream``, people in
``zerver_userprofile``, and ``zerver_recipient`` saying whether a message went to a
channel, type 2, or to people, types 1 and 3), and ``messages-000001.json`` … hold
``zerver_message`` rows: ``subject`` is the topic (as renamed last), ``content`` Zulip's
Markdown, ``date_sent`` seconds since 1970.

A reading group keeps one topic per paper ("wk5: Gludovatz 2014 — cryogenic
toughness"), so each topic becomes a note named by its channel and topic, its messages
in order. Direct messages are private conversations, not
the group's notes: they are left out. The rest of the export (avatars, emoji, audit log,
analytics) is bookkeeping; the folder's other files are skipped as such.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import safe_name
from papershelf.importers.records import ParseError

_MESSAGES_RE = re.compile(r"^messages-\d+\.json$")
_CHANNEL = 2  # zerver_recipient.type of a channel ("stream"); 1 is a person, 3 a group chat
# Zulip's Markdown: "@**Ana Ruiz**" mentions, "#**channel>topic**" links, quote fences.
_MENTION_RE = re.compile(r"@_?\*\*(?P<name>[^*|]+)(?:\|\d+)?\*\*")
_CHANNEL_LINK_RE = re.compile(r"#\*\*(?P<where>[^*]+)\*\*")
_QUOTE_FENCE_RE = re.compile(r"^(?P<fence>```+|~~~+)\s*quote\s*\n(?P<body>.*?)^(?P=fence)\s*$",
                             re.MULTILINE | re.DOTALL)  # fmt: skip
Row = dict[str, Any]


def is_zulip_messages(path: Path) -> bool:
    """``messages-000001.json`` beside the ``realm.json`` of the same export."""
    return bool(_MESSAGES_RE.match(path.name)) and (path.parent / "realm.json").is_file()


def is_zulip_export_file(path: Path) -> bool:
    """A file of a Zulip export other than its messages: the realm's tables, records of
    uploads, avatars and emoji, the audit log, analytics."""
    for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
        if (folder / "realm.json").is_file() and any(folder.glob("messages-*.json")):
            return not is_zulip_messages(path)
    return False


def read_zulip(path: Path) -> list[Member]:
    realm = _load(path.parent / "realm.json")
    messages = _rows(_load(path), "zerver_message")
    channels = {row.get("id"): str(row.get("name") or "") for row in _rows(realm, "zerver_stream")}
    where = {
        row.get("id"): channels.get(row.get("type_id"), "")
        for row in _rows(realm, "zerver_recipient")
        if row.get("type") == _CHANNEL
    }
    topics: dict[tuple[str, str], list[Row]] = {}
    for message in sorted(messages, key=lambda m: float(m.get("date_sent") or 0)):
        channel = where.get(message.get("recipient"))
        if channel:  # a direct message has no channel: private, left out
            topics.setdefault((channel, str(message.get("subject") or "")), []).append(message)
    return [
        (f"{safe_name(channel)}/{safe_name(topic) or 'no topic'}.md", _note(topic, rows))
        for (channel, topic), rows in topics.items()
    ]


def _note(topic: str, messages: list[Row]) -> str:
    # Who wrote each message is left out: a signature line under a message reads as the
    # next paper's heading or title, and the notes are the group's.
    texts = [_markdown(str(message.get("content") or "")).strip() for message in messages]
    heading = [f"# {topic}"] if topic else []
    return "\n\n".join(heading + [text for text in texts if text]) + "\n"


def _markdown(content: str) -> str:
    content = _MENTION_RE.sub(lambda m: m["name"], content)
    content = _CHANNEL_LINK_RE.sub(lambda m: m["where"].replace(">", " › "), content)
    return _QUOTE_FENCE_RE.sub(
        lambda m: "\n".join("> " + line for line in m["body"].rstrip("\n").split("\n")) + "\n",
        content,
    )


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ParseError(path.name, None, "a Zulip export without its realm.json") from None
    except UnicodeDecodeError:
        raise ParseError(path.name, None, "not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ParseError(path.name, error.lineno, f"not valid JSON: {error.msg}") from None


def _rows(data: Any, table: str) -> list[Row]:
    rows = data.get(table) if isinstance(data, dict) else None
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []
