"""Element's exports of a Matrix room: the JSON of its events, and the HTML page."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.appjson.parse import parse
from papershelf.importers.containers import reader_for, readers
from papershelf.importers.containers.element import read_element_html
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper


def _event(event_id: str, body: str, **content: object) -> dict[str, object]:
    return {
        "type": "m.room.message",
        "event_id": event_id,
        "sender": "@marta:matrix.org",
        "content": {"msgtype": "m.text", "body": body, **content},
    }


ROOM = {
    "room_name": "Microbiome Journal Club",
    "topic": "Fortnightly journal club",
    "messages": [
        {"type": "m.room.member", "content": {"membership": "join"}, "event_id": "$j"},
        _event(
            "$a",
            "Rota: **Thu 3 Nov**, Jonas on ANCOM-BC: Lin & Peddada 2020, *Analysis of "
            "compositions of microbiomes with bias correction*, Nat Commun 11:3514. "
            "https://doi.org/10.1038/s41467-020-17041-7",
        ),
        _event("$b", "Could we do the enterotypes paper? https://doi.org/10.1038/nature09944"),
        _event(
            "$c",
            "> <@priya:matrix.org> Could we do the enterotypes paper?\n\n"
            "maybe next term? the autumn slots are full",
            **{"m.relates_to": {"m.in_reply_to": {"event_id": "$b"}}},
        ),
        {"type": "m.room.message", "event_id": "$d", "content": {"msgtype": "m.notice",
         "body": "Zotero bot added: Qin et al. 2010 https://doi.org/10.1038/nature08821"}},
    ],
}  # fmt: skip


def test_a_rooms_sessions_are_papers_and_a_suggestion_put_off_in_its_reply_is_not() -> None:
    document = parse(json.dumps(ROOM), "export.json")
    dois = [entry.paper.doi for entry in document.entries if entry.paper]
    assert dois == ["10.1038/s41467-020-17041-7"]


HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8" />
<title>Exported Data</title></head><body><section id="matrixchat">
<div class="mx_MatrixChat_wrapper"><div class="mx_MatrixChat"><main class="mx_RoomView">
<div class="mx_RoomHeader_nametext">Microbiome Journal Club</div><ol>
<div class="mx_Export_EventWrapper" id="$x1"><li class="mx_EventTile">
<div class="mx_EventTile_line">
<div class="mx_MTextBody mx_EventTile_content"><span class="mx_EventTile_body markdown-body">
<strong>Thu 6 Oct</strong>: Callahan et al. 2016, <em>DADA2: High-resolution sample inference
from Illumina amplicon data</em>, Nat Methods 13:581–583.
<a href="https://doi.org/10.1038/nmeth.3869">https://doi.org/10.1038/nmeth.3869</a></span>
</div></div></li></div>
<div class="mx_Export_EventWrapper" id="$x2"><li class="mx_EventTile mx_EventTile_info">
<div class="mx_TextualEvent">Hannah Lee joined the room</div></li></div>
</ol></main></div></div></section></body></html>"""


def test_the_html_export_opens_into_the_rooms_json_and_imports_its_sessions(
    tmp_path: Path, alice: User
) -> None:
    page = tmp_path / "messages.html"
    page.write_text(HTML, encoding="utf-8")
    assert reader_for(page, readers()) is read_element_html
    [(name, text)] = read_element_html(page)
    room = json.loads(text)
    assert (name, room["room_name"], len(room["messages"])) == (
        "messages.json",
        "Microbiome Journal Club",
        1,
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(Paper.objects.values_list("doi", flat=True)) == ["10.1038/nmeth.3869"]
