from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

PREVIEW = {
    "title": "[2303.04137] Diffusion Policy: Visuomotor Policy Learning via Action Diffusion",
    "title_link": "https://arxiv.org/abs/2303.04137",
    "service_name": "arXiv.org",
}


def _export(root: Path) -> None:
    (root / "paper-reading").mkdir()
    (root / "users.json").write_text(
        json.dumps([{"id": "U1", "name": "maya", "profile": {"display_name": "maya.k"}}])
    )
    (root / "channels.json").write_text(
        json.dumps([{"id": "C1", "name": "paper-reading", "created": 1, "members": ["U1"]}])
    )
    messages = [
        {
            "type": "message",
            "user": "U1",
            "text": "big one <https://arxiv.org/abs/2303.04137>",
            "ts": "1678381920.339663",
            "attachments": [PREVIEW],
        },
        {"type": "message", "subtype": "channel_join", "user": "U2", "ts": "1678381999.0"},
    ]
    (root / "paper-reading" / "2023-03-09.json").write_text(json.dumps(messages))


def test_a_slack_export_imports_the_papers_shared_and_skips_its_metadata(
    tmp_path: Path, alice: User
) -> None:
    _export(tmp_path)
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert {outcome.name for outcome in report.files_with("skipped")} == {
        "users.json",
        "channels.json",
    }
    assert list(Paper.objects.values_list("arxiv_id", "title")) == [
        ("2303.04137", "Diffusion Policy: Visuomotor Policy Learning via Action Diffusion")
    ]
