"""A Mattermost bulk export (``mmctl export``): a .jsonl of typed lines, a chat per channel.

Each line is ``{"type": …}``: the version, teams, channels, users, bots, and ``post``
lines (``post``: team, channel, user, message, create_at, replies) — direct messages are
``direct_post``. Each channel's posts, in time order, with their replies, are written as
an Element room export (``appjson``'s chat reader): a journal club's sessions are the
papers, a thread that puts a suggestion off names none. System posts (joins, header
changes), bots' posts and direct messages are left out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from papershelf.importers.containers import Member
from papershelf.importers.containers.element import room_message
from papershelf.importers.containers.members import MemberNames


def looks_like_mattermost_export(head: str) -> bool:
    first = _line(head.lstrip("\ufeff").split("\n", 1)[0])
    return first.get("type") == "version" and "mattermost" in json.dumps(first.get("info"))


def read_mattermost_export(path: Path) -> list[Member]:
    lines = [_line(text) for text in path.read_bytes().decode("utf-8", "replace").splitlines()]
    bots = {str(_of(line, "bot").get("username")) for line in lines if line.get("type") == "bot"}
    channels: dict[str, list[dict[str, Any]]] = {}
    for line in lines:
        post = _of(line, "post")
        if line.get("type") != "post" or post.get("type") or str(post.get("user")) in bots:
            continue  # a direct message, a system post, a bot's listing
        channels.setdefault(str(post.get("channel") or ""), []).append(post)
    names = MemberNames()
    members = []
    for channel, posts in channels.items():
        messages: list[dict[str, object]] = []
        for number, post in enumerate(sorted(posts, key=lambda p: p.get("create_at") or 0)):
            root = f"{channel}-{number}"
            messages.append(room_message(root, str(post.get("message") or "")))
            replies = sorted(post.get("replies") or [], key=lambda r: r.get("create_at") or 0)
            messages += [
                room_message(f"{root}-{i}", str(reply.get("message") or ""), root)
                for i, reply in enumerate(replies)
            ]
        room = {"room_name": channel, "messages": messages}
        members.append((names.name_for(channel).removesuffix(".md") + ".json", json.dumps(room)))
    return members


def _line(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def _of(line: dict[str, Any], key: str) -> dict[str, Any]:
    value = line.get(key)
    return value if isinstance(value, dict) else {}
