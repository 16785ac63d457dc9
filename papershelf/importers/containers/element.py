"""Element's HTML export of a Matrix room ("Export chat" as HTML): the room's messages.

The export is a page of ``mx_Export_EventWrapper`` blocks, each a message (its id, the
sender, its ``mx_EventTile_body``, "In reply to" a message's id) or a room event (a
join, a topic change: ``mx_TextualEvent``). It is written out as the JSON export of the
same room, which the app-json reader reads as a chat (``appjson.apps``): a journal
club's sessions, each paper named where it was chosen.
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from papershelf.importers.containers import Member
from papershelf.importers.html.parse import to_markdown


def looks_like_element_export(head: str) -> bool:
    return "mx_MatrixChat" in head or ("<title>Exported Data</title>" in head and "mx_" in head)


def read_element_html(path: Path) -> list[Member]:
    soup = BeautifulSoup(path.read_bytes().decode("utf-8", "replace"), "html.parser")
    room = soup.select_one(".mx_RoomHeader_nametext") or soup.select_one("[title]")
    messages = [
        message
        for wrapper in soup.select(".mx_Export_EventWrapper")
        if (message := _message(wrapper)) is not None
    ]
    name = room.get_text(" ", strip=True) if isinstance(room, Tag) else path.stem
    data = {"room_name": name or path.stem, "messages": messages}
    return [(f"{path.stem}.json", json.dumps(data, ensure_ascii=False))]


def _message(wrapper: Tag) -> dict[str, object] | None:
    body = wrapper.select_one(".mx_EventTile_body")
    if body is None:
        return None  # a join, a topic change, a file or an image
    html = " ".join(str(body).split())  # the page's own line breaks are no <br>
    anchor = wrapper.select_one(".mx_reply_anchor")
    parent = str(anchor.get("href") or "").lstrip("#") if isinstance(anchor, Tag) else ""
    return room_message(str(wrapper.get("id") or ""), to_markdown(html).strip(), parent)


def room_message(event_id: str, body: str, parent: str = "") -> dict[str, object]:
    """A text message as a Matrix room's JSON export holds it, a reply naming its parent."""
    content: dict[str, object] = {"msgtype": "m.text", "body": body}
    if parent:
        content["m.relates_to"] = {"m.in_reply_to": {"event_id": parent}}
    return {"type": "m.room.message", "event_id": event_id, "content": content}
