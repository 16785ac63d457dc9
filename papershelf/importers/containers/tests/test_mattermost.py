"""A Mattermost bulk export: a chat per channel, its bots and direct messages left out."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.containers import reader_for, readers
from papershelf.importers.containers.mattermost import read_mattermost_export
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

LINES = [
    {"type": "version", "version": 1, "info": {"generator": "mattermost-server"}},
    {"type": "bot", "bot": {"username": "arxivbot"}},
    {"type": "post", "post": {"channel": "journal-club", "user": "dk", "type": "",
     "create_at": 2,
     "message": "**JC Thu 1 Feb** — Eisenstein et al. 2005, *Detection of the Baryon Acoustic Peak "
                "in the Large-Scale Correlation Function of SDSS Luminous Red Galaxies*, ApJ 633 "
                "— https://arxiv.org/abs/astro-ph/0501171",
     "replies": [{"user": "hm", "message": "Very clear, thanks.", "create_at": 3}]}},
    {"type": "post", "post": {"channel": "journal-club", "user": "arxivbot", "type": "",
     "create_at": 1,
     "message": "New today: https://arxiv.org/abs/2401.00001"}},
    {"type": "post", "post": {"channel": "journal-club", "user": "dk",
     "type": "system_join_channel",
     "create_at": 0, "message": "dk joined the channel."}},
    {"type": "direct_post", "direct_post": {"message": "https://arxiv.org/abs/2002.00001"}},
]  # fmt: skip


def test_a_channels_posts_and_replies_become_its_chat_in_time_order(tmp_path: Path) -> None:
    path = tmp_path / "import.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in LINES) + "\n", encoding="utf-8")
    assert reader_for(path, readers()) is read_mattermost_export
    [(name, text)] = read_mattermost_export(path)
    room = json.loads(text)
    assert name == "journal-club.json" and room["room_name"] == "journal-club"
    assert [m["content"]["body"] for m in room["messages"]][1] == "Very clear, thanks."


def test_the_sessions_papers_come_in_and_a_bots_listing_does_not(
    tmp_path: Path, alice: User
) -> None:
    text = "\n".join(json.dumps(line) for line in LINES) + "\n"
    (tmp_path / "import.jsonl").write_text(text, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(Paper.objects.values_list("arxiv_id", flat=True)) == ["astro-ph/0501171"]
