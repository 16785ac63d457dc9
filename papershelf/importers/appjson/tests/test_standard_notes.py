"""Standard Notes backups and Simplenote exports: notes with their tags, bins left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers import registry
from papershelf.importers.appjson.parse import parse
from papershelf.importers.appjson.standardnotes import lexical_markdown
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.topics.models import Topic

SN_META = {"appData": {"org.standardnotes.sn": {"client_updated_at": "2023-02-01T10:00:00Z"}}}


def _note(uuid: str, title: str, text: str, **content: object) -> dict[str, object]:
    body = {"title": title, "text": text, "references": [], **SN_META, **content}
    return {"uuid": uuid, "content_type": "Note", "content": body, "created_at": "2023-02-01"}


def _tag(uuid: str, title: str, notes: list[str], parent: str = "") -> dict[str, object]:
    references = [{"uuid": note, "content_type": "Note"} for note in notes]
    if parent:
        references.append(
            {"uuid": parent, "content_type": "Tag", "reference_type": "TagToParentTag"}
        )
    return {
        "uuid": uuid,
        "content_type": "Tag",
        "content": {"title": title, "references": references},
    }


def _super(*paragraphs: str) -> str:
    """A Super note's text: the Lexical editor's state as JSON."""
    children = [
        {"type": "paragraph", "children": [{"type": "text", "text": text, "format": 0}]}
        for text in paragraphs
    ]
    children.append(
        {
            "type": "list",
            "listType": "bullet",
            "children": [
                {"type": "listitem", "children": [{"type": "text", "text": "gap", "format": 1}]},
                {
                    "type": "listitem",
                    "children": [
                        {"type": "text", "text": "see ", "format": 0},
                        {
                            "type": "link",
                            "url": "https://doi.org/10.1145/1236457.1236459",
                            "children": [{"type": "text", "text": "Dinur", "format": 0}],
                        },
                    ],
                },
            ],
        }
    )
    return json.dumps({"root": {"type": "root", "children": children}})


HASTAD = (
    "J. Håstad. Some optimal inapproximability results. J. ACM 48(4):798–859, 2001. "
    "doi:10.1145/502090.502098\n\n3-bit PCPs with completeness 1-ε."
)
BACKUP = {
    "version": "004",
    "items": [
        {"uuid": "k1", "content_type": "SN|ItemsKey", "content": {"itemsKey": "…"}},
        _note("n1", "Håstad 2001", HASTAD, noteType="markdown"),
        # The same note saved on two devices: the copy repeats its original.
        _note("n2", "Håstad 2001 (conflict)", HASTAD.replace("1-ε", "1"), conflict_of="n1"),
        _note(
            "n3",
            "ALMSS",
            _super(
                "Arora, Lund, Motwani, Sudan, Szegedy. Proof verification and the hardness "
                "of approximation problems. J. ACM 45(3), 1998."
            ),
            noteType="super",
        ),
        _note(
            "n4",
            "Old draft",
            "S. Khot. On the power of unique 2-prover 1-round games. STOC 2002.",
            trashed=True,
        ),
        _note("n5", "Groceries", "milk, eggs, coffee"),
        _note(
            "n6",
            "Feige 1998",
            "<p>U. Feige. <b>A threshold of ln n for approximating set cover.</b> J. ACM "
            "45(4):634–652, 1998.</p>",
            noteType="rich-text",
        ),
        _tag("t1", "Complexity", []),
        _tag("t2", "PCP", ["n1", "n3"], parent="t1"),
        _tag("t3", "reading.set cover", ["n6"]),
        {"uuid": "c1", "content_type": "SN|Component", "content": {"name": "Markdown Pro"}},
    ],
}
BACKUP_TEXT = json.dumps(BACKUP, indent=2, ensure_ascii=False)


def test_a_standard_notes_backup_gives_its_notes_papers_and_leaves_bins_and_copies_out() -> None:
    document = parse(BACKUP_TEXT, "Standard Notes Backup and Import File.txt")
    papers = [(e.paper.title, e.paper.year) for e in document.entries if e.paper]
    assert papers == [
        ("Some optimal inapproximability results", 2001),
        ("Proof verification and the hardness of approximation problems", 1998),
        ("A threshold of ln n for approximating set cover", 1998),
    ]


def test_nested_tags_give_a_note_its_tag_and_the_tags_above_it() -> None:
    document = parse(BACKUP_TEXT, "Standard Notes Backup and Import File.txt")
    assert document.entry_topics == {
        0: ["Complexity", "PCP"],
        1: ["Complexity", "PCP"],
        2: ["reading", "set cover"],
    }


def test_a_super_notes_editor_state_becomes_markdown() -> None:
    markdown = lexical_markdown(_super("First paragraph."))
    assert markdown == (
        "First paragraph.\n\n- **gap**\n- see [Dinur](https://doi.org/10.1145/1236457.1236459)"
    )


def test_a_backup_in_a_txt_file_is_recognised_by_its_shape() -> None:
    path = Path("Standard Notes Backup and Import File.txt")
    assert registry.detect(path, BACKUP_TEXT).name == "app-json"


def test_an_encrypted_backup_is_refused_with_what_to_do() -> None:
    encrypted = {
        "version": "004",
        "items": [{"uuid": "n1", "content_type": "Note", "content": "004:a1b2:c3d4:…"}],
    }
    with pytest.raises(ParseError) as error:
        parse(json.dumps(encrypted), "backup.txt")
    assert (error.value.path, error.value.line) == ("backup.txt", 1)
    assert "encrypted" in error.value.message


def test_simplenotes_active_notes_are_read_with_their_tags_and_the_trashed_are_not() -> None:
    export = {
        "activeNotes": [
            {
                "id": "a1",
                "content": "Goemans & Williamson 1995\nImproved approximation algorithms for "
                "maximum cut and satisfiability problems using semidefinite programming. "
                "J. ACM 42(6), 1995. doi:10.1145/227683.227684",
                "tags": ["sdp", "maxcut"],
                "creationDate": "2023-01-01T00:00:00Z",
            },
            {"id": "a2", "content": "Call the plumber", "tags": []},
        ],
        "trashedNotes": [
            {"id": "t1", "content": "Khot 2002\nOn the power of unique 2-prover games. "
             "doi:10.1145/509907.510017", "tags": []},
        ],
    }  # fmt: skip
    document = parse(json.dumps(export), "notes.json")
    assert [e.paper.doi for e in document.entries if e.paper] == ["10.1145/227683.227684"]
    assert document.entry_topics == {0: ["sdp", "maxcut"]}


def test_a_standard_notes_backup_imports_its_papers_and_topics(tmp_path: Path, alice: User) -> None:
    (tmp_path / "Standard Notes Backup and Import File.txt").write_text(BACKUP_TEXT)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert Paper.objects.filter(doi="10.1145/502090.502098").count() == 1
    assert not Paper.objects.filter(title__icontains="unique 2-prover").exists()
    assert set(Topic.objects.values_list("name", flat=True)) >= {"Complexity", "PCP"}


def test_a_note_whose_text_opens_with_its_own_heading_is_titled_by_it_not_its_nickname() -> None:
    text = (
        "# Goemans & Williamson 1995\n\n"
        "**Improved approximation algorithms for maximum cut and satisfiability problems "
        "using semidefinite programming**\n"
        "M. X. Goemans, D. P. Williamson — *J. ACM* 42(6):1115–1145, 1995. "
        "doi:10.1145/227683.227684\n\n## Idea\n\n- Relax to unit vectors, round by a hyperplane.\n"
    )
    backup = {"version": "004", "items": [_note("g1", "GW MAX-CUT", text)]}
    document = parse(json.dumps(backup), "Standard Notes Backup and Import File.txt")
    [entry] = document.entries
    assert entry.paper is not None
    assert entry.paper.title.startswith("Improved approximation algorithms for maximum cut")
