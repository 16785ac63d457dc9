"""A Zulip organisation export: one note per channel topic, direct messages left out."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.containers.zulip import read_zulip
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

PEOPLE = [{"id": 3, "full_name": "Ines Alvarez"}, {"id": 4, "full_name": "Kofi Mensah"}]


def _export(folder: Path, messages: list[tuple[int, str, str]]) -> Path:
    """A realm with channels 10 "phonology-jc" and 11 "random" and a direct chat (30)."""
    root = folder / "zulip-export-abc123"
    root.mkdir()
    realm = {
        "zerver_stream": [{"id": 10, "name": "phonology-jc"}, {"id": 11, "name": "random"}],
        "zerver_recipient": [
            {"id": 20, "type": 2, "type_id": 10},
            {"id": 21, "type": 2, "type_id": 11},
            {"id": 30, "type": 1, "type_id": 3},
        ],
        "zerver_userprofile": PEOPLE,
    }
    (root / "realm.json").write_text(json.dumps(realm), encoding="utf-8")
    rows = [
        {"id": i, "recipient": recipient, "subject": topic, "content": content, "sender": 3,
         "date_sent": 1_700_000_000 + i * 60}
        for i, (recipient, topic, content) in enumerate(messages)
    ]  # fmt: skip
    path = root / "messages-000001.json"
    path.write_text(json.dumps({"zerver_message": rows, "zerver_usermessage": []}), "utf-8")
    (root / "realm_audit_log.json").write_text("[]", encoding="utf-8")
    return path


def test_each_channel_topic_is_a_note_in_order_and_direct_messages_are_left_out(
    tmp_path: Path,
) -> None:
    path = _export(
        tmp_path,
        [
            (20, "s1: Hayes 1989", "Hayes — Compensatory Lengthening in Moraic Phonology, "
             "Linguistic Inquiry 20 (1989) 253–306."),
            (30, "", "can you send me the PDF? @**Kofi Mensah**"),
            (20, "s1: Hayes 1989", "```quote\nmoras, not segments, are what is kept\n```\nAgreed."),
        ],
    )  # fmt: skip
    members = dict(read_zulip(path))
    assert list(members) == ["phonology-jc/s1  Hayes 1989.md"]
    note = members["phonology-jc/s1  Hayes 1989.md"]
    assert note.startswith("# s1: Hayes 1989\n\nHayes — Compensatory")
    assert "> moras, not segments, are what is kept\n" in note and "PDF" not in note


def test_a_zulip_export_imports_the_papers_its_topics_present_and_skips_its_bookkeeping(
    tmp_path: Path, alice: User
) -> None:
    _export(
        tmp_path,
        [
            (20, "s1: Hayes 1989", "Hayes — Compensatory Lengthening in Moraic Phonology, "
             "Linguistic Inquiry 20 (1989) 253–306."),
            (20, "s2: Prince & Smolensky", "Prince & Smolensky, Optimality Theory: Constraint "
             "Interaction in Generative Grammar — https://doi.org/10.1002/9780470759400"),
            (20, "s2: Prince & Smolensky", "Ranking arguments were the hard part."),
            (21, "lunch", "tacos on friday?"),
        ],
    )  # fmt: skip
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    titles = set(Paper.objects.values_list("title", flat=True))
    assert titles == {
        "Compensatory Lengthening in Moraic Phonology",
        "Optimality Theory: Constraint Interaction in Generative Grammar",
    }
