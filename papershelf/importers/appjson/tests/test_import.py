"""A Google Keep Takeout folder imports each note once, from its JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

pytestmark = pytest.mark.django_db


def _keep_note(folder: Path, title: str, text: str, trashed: bool = False) -> None:
    note = {"title": title, "textContent": text, "isTrashed": trashed, "labels": []}
    (folder / f"{title}.json").write_text(json.dumps(note))
    body = text.replace("\n", "<br>")
    (folder / f"{title}.html").write_text(
        f"<html><body><div class='title'>{title}</div><div class='content'>{body}</div>"
        "</body></html>"
    )


def test_a_keep_takeout_reads_each_note_from_its_json_and_skips_the_html_copy(
    tmp_path: Path, alice: User
) -> None:
    keep = tmp_path / "Takeout" / "Keep"
    keep.mkdir(parents=True)
    _keep_note(
        keep,
        "51 Peg b",
        "Mayor & Queloz 1995 — A Jupiter-mass companion to a solar-type star (Nature 378, 355)\n"
        "P = 4.23 d, m sin i ≈ 0.47 MJup\nKey idea: RV semi-amplitude ~59 m/s",
    )
    _keep_note(
        keep,
        "Winn review",
        "Transits and Occultations\nhttps://arxiv.org/abs/1001.2010\nBEST intro to transits.",
    )
    _keep_note(keep, "Seager 2003", "dup, delete", trashed=True)
    (tmp_path / "Takeout" / "archive_browser.html").write_text("<html><body>Takeout</body></html>")
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    skipped = {outcome.name: outcome.detail for outcome in report.files_with("skipped")}
    assert "Google Keep note" in skipped["Takeout/Keep/51 Peg b.html"]
    assert "Takeout/archive_browser.html" in skipped
    titles = sorted(Paper.objects.values_list("title", flat=True))
    assert titles[0] == "A Jupiter-mass companion to a solar-type star"
    assert Paper.objects.filter(arxiv_id="1001.2010").count() == 1
    assert Paper.objects.count() == 2
