"""A Roam Research graph exported as JSON: one note per page, its attributes as facts."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.appjson.roam import is_roam_export, roam_notes
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper


def _block(text: str, *children: dict, uid: str = "") -> dict:
    block: dict = {"string": text, "uid": uid or f"b{abs(hash(text)) % 10**8:08d}"[:9]}
    if children:
        block["children"] = list(children)
    return block


GRAPH = [
    {
        "title": "InstructGPT",
        "uid": "pg1instr0",
        "create-time": 1707583312045,
        "children": [
            _block("Title:: Training language models to follow instructions with human feedback"),
            _block("Author:: [[Long Ouyang]], [[Jeff Wu]]"),
            _block("arXiv:: https://arxiv.org/abs/2203.02155"),
            _block("Status:: #read"),
            _block("Tags:: #[[RLHF]] #alignment"),
            _block("Notes", _block("reward model from rankings, then PPO", uid="noteppo01")),
        ],
    },
    {
        "title": "Constitutional AI",
        "uid": "pg2const0",
        "create-time": 1707583312046,
        "children": [
            _block("Title:: Constitutional AI: Harmlessness from AI Feedback"),
            _block("arXiv:: https://arxiv.org/abs/2212.08073"),
            _block("Status:: #toread"),
        ],
    },
    {
        "title": "February 9th, 2024",
        "uid": "02-09-2024",
        "children": [_block("Read [[InstructGPT]] — see ((noteppo01))")],
    },
    {"title": "roam/templates", "uid": "tmpl00001", "children": [_block("Title:: ")]},
    {"title": "RLHF", "uid": "tag000001"},
]


def test_a_graph_is_recognised_by_its_pages_not_a_suffix() -> None:
    assert is_roam_export(GRAPH)
    assert not is_roam_export([{"type": "article-journal", "title": "A CSL item"}])


def test_each_page_is_a_note_with_its_attributes_and_nested_blocks() -> None:
    notes = roam_notes(GRAPH)
    assert len(notes) == 2  # no daily page beside paper pages, no template, no tag page
    assert notes[0].startswith("# InstructGPT\n")
    assert "- Author:: Long Ouyang, Jeff Wu" in notes[0]
    assert "- Tags:: RLHF #alignment" in notes[0]
    assert "  - reward model from rankings, then PPO" in notes[0]


def test_the_read_page_is_a_paper_and_the_one_marked_to_read_is_not(
    tmp_path: Path, alice: User
) -> None:
    export = tmp_path / "Roam-Export-1707583312045"
    export.mkdir()
    (export / "graph.json").write_text(json.dumps(GRAPH), encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(Paper.objects.values_list("title", "arxiv_id")) == [
        ("Training language models to follow instructions with human feedback", "2203.02155")
    ]
