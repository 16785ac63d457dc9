"""Boostnote's legacy storage: folders named in boostnote.json, a CSON file per note."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.containers import reader_for, readers
from papershelf.importers.containers.boostnote import read_boostnote_note, read_cson
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

NOTE = """createdAt: "2020-01-27T10:11:52.603Z"
updatedAt: "2021-05-04T15:26:39.881Z"
type: "MARKDOWN_NOTE"
folder: "1651e2b378a77fdfb5ac"
title: "Sim2real"
tags: [
  "paper"
  "sim2real"
]
content: '''
  # Sim2real: domain randomization vs dynamics randomization

  Two papers I keep mixing up, so one note for both.

  ## 1. Tobin et al., IROS 2017
  **Domain Randomization for Transferring Deep Neural Networks from Simulation to the Real World**
  Josh Tobin, Rachel Fong, Alex Ray — arXiv:1703.06907

  - randomize rendering, $\\\\sigma$ of textures

  ## 2. Peng et al., ICRA 2018
  **Sim-to-Real Transfer of Robotic Control with Dynamics Randomization**
  Xue Bin Peng, Marcin Andrychowicz — arXiv:1710.06537

  ## My take
  Dynamics: the sim's visuals hardly matter for a proprioceptive policy.
'''
isStarred: false
isTrashed: false
"""


def _storage(root: Path) -> Path:
    (root / "notes").mkdir(parents=True)
    folders = {"folders": [{"key": "1651e2b378a77fdfb5ac", "name": "Papers"}], "version": "1.0"}
    (root / "boostnote.json").write_text(json.dumps(folders), encoding="utf-8")
    note = root / "notes" / "00d792bc-e3c0-41e4-9286-acf5cb8d89dd.cson"
    note.write_text(NOTE, encoding="utf-8")
    trashed = NOTE.replace("isTrashed: false", "isTrashed: true").replace("Sim2real", "Old")
    (root / "notes" / "11d792bc-e3c0-41e4-9286-acf5cb8d89dd.cson").write_text(trashed, "utf-8")
    return note


def test_a_note_reads_its_fields_block_and_list_with_backslashes_undoubled() -> None:
    fields = read_cson(NOTE)
    assert (fields["title"], fields["tags"], fields["isTrashed"]) == (
        "Sim2real",
        ["paper", "sim2real"],
        False,
    )
    content = str(fields["content"])
    assert content.startswith("# Sim2real") and "$\\sigma$" in content


def test_a_note_is_filed_under_its_folder_and_a_trashed_one_is_left_out(tmp_path: Path) -> None:
    note = _storage(tmp_path)
    assert reader_for(note, readers()) is read_boostnote_note
    [(name, text)] = read_boostnote_note(note)
    assert name == "Papers/Sim2real.md" and text.count("# Sim2real") == 1
    assert read_boostnote_note(note.with_name("11d792bc-e3c0-41e4-9286-acf5cb8d89dd.cson")) == []


def test_each_section_named_by_who_and_where_takes_the_bold_title_under_it(
    tmp_path: Path, alice: User
) -> None:
    _storage(tmp_path)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("title", flat=True)) == {
        "Domain Randomization for Transferring Deep Neural Networks from Simulation to the Real"
        " World",
        "Sim-to-Real Transfer of Robotic Control with Dynamics Randomization",
    }
