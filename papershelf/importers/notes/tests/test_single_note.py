"""A file that is the notes on one paper becomes one entry."""

from __future__ import annotations

from papershelf.importers.notes.parse import parse


def test_a_note_titled_by_its_front_matter_is_one_entry_with_the_whole_text() -> None:
    text = (
        "---\ntitle: Deep Residual Learning for Image Recognition\ntags: [vision]\n---\n\n"
        "Residual blocks learn $F(x) = H(x) - x$ ([[Batch Normalization]]).\n\n"
        "## Why it works\n\nIdentity shortcuts.\n"
    )
    document = parse(text, "ResNet.md")
    [entry] = document.entries
    assert entry.paper is not None
    assert entry.paper.title == "Deep Residual Learning for Image Recognition"
    assert entry.summary is not None and "## Why it works" in entry.summary.markdown
    assert "[[Batch Normalization]]" in entry.summary.markdown


def test_a_note_named_by_its_file_takes_the_first_paper_link() -> None:
    text = "Notes from the reading group.\n\nPaper: https://arxiv.org/abs/1607.06450v1\n"
    document = parse(text, "vault/Layer Normalization for Recurrent Networks.md")
    [entry] = document.entries
    assert entry.paper is not None and entry.paper.arxiv_id == "1607.06450"
    assert entry.paper.title == "Layer Normalization for Recurrent Networks"


def test_a_note_with_no_title_to_go_by_names_no_paper_and_says_why() -> None:
    document = parse("Some thoughts on things.\n", "misc.md")
    assert document.entries == []
    assert "found no papers" in document.warnings[0].message
