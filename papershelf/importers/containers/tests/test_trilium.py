"""A Trilium export, read through its !!!meta.json with each note's labels."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList

PAGE = (
    "<html><body><div class='content'><h1>{title}</h1>"
    "<div class='ck-content'>{body}</div></div></body></html>"
)


def _note(title: str, file: str, labels: dict[str, str], position: int) -> dict[str, object]:
    attributes = [{"type": "label", "name": k, "value": v} for k, v in labels.items()]
    return {"title": title, "dataFileName": file, "attributes": attributes,
            "notePosition": position, "type": "text"}  # fmt: skip


def test_a_trilium_export_keeps_what_its_labels_say(tmp_path: Path, alice: User) -> None:
    folder = tmp_path / "Lab notes" / "Papers"
    folder.mkdir(parents=True)
    notes = {
        "Hanahan 2000 — Hallmarks.html": ("Hanahan 2000 — Hallmarks", {"status": "read",
            "doi": "10.1016/S0092-8674(00)81683-9", "tag": "cancer"},
            "<p><strong>Citation:</strong> Hanahan &amp; Weinberg. “The Hallmarks of "
            "Cancer.” <i>Cell</i> 100 (2000): 57–70.</p><p>Six capabilities.</p>"),
        "Hanahan 2011 — Next generation.html": ("Hanahan 2011 — Next generation", {"status":
            "read", "tag": "cancer"}, "<p><strong>Citation:</strong> Hanahan &amp; Weinberg. "
            "“Hallmarks of Cancer: The Next Generation.” <i>Cell</i> 144 (2011): 646–674.</p>"),
        "Vogelstein 2013 — Landscapes.html": ("Vogelstein 2013 — Landscapes", {"status":
            "toread"}, "<p>Cancer genome landscapes. Not started.</p>"),
        "Weinberg — Biology of Cancer.html": ("Weinberg — Biology of Cancer", {"book": ""},
            "<p>Textbook, ch. 2 and 11.</p>"),
    }  # fmt: skip
    for file, (title, _, body) in notes.items():
        (folder / file).write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    (folder / "Old.clone.html").write_text(PAGE.format(title="Old", body=""), encoding="utf-8")
    children = [
        _note(title, file, labels, 10 * i)
        for i, (file, (title, labels, _)) in enumerate(notes.items())
    ]
    tree = {"formatVersion": 2, "appVersion": "0.63.7", "files": [
        {"title": "Lab notes", "dirFileName": "Lab notes", "dataFileName": "Lab notes.html",
         "children": [
            {"title": "Papers", "dirFileName": "Papers", "children": children}]}]}  # fmt: skip
    (tmp_path / "!!!meta.json").write_text(json.dumps(tree), encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("title", "doi")) == {
        ("The Hallmarks of Cancer", "10.1016/s0092-8674(00)81683-9"),
        ("Hallmarks of Cancer: The Next Generation", ""),
    }
    # "Papers" has no text of its own: it shows its children, so it is their reading list.
    [reading_list] = ReadingList.objects.all()
    assert reading_list.title == "Papers"
    assert [i.paper.title for i in reading_list.items.order_by("position") if i.paper] == [
        "The Hallmarks of Cancer",
        "Hallmarks of Cancer: The Next Generation",
    ]
