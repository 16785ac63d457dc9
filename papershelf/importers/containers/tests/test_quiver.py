"""Quiver libraries (.qvlibrary): one note per .qvnote, named after its notebook.

The fixture is a small library laid out as Quiver writes it — Apple's pretty-printed
JSON with escaped slashes, notebooks flat on disk but nested in the library's
meta.json, the built-in Inbox and Trash — with a paper note whose name is a nickname.
"""

# ruff: noqa: E501 -- a cell holds a paragraph on one line, as Quiver writes it

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.quiver import read_quiver
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

PAPERS = "6A1C2F55-1B2E-4C1D-9F10-0A1B2C3D4E5F"
GROUP = "7B2D3A66-2C3F-4D2E-8A21-1B2C3D4E5F60"


def _write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Apple's JSON writer: "key" : value, and every slash escaped.
    text = json.dumps(data, indent=2, ensure_ascii=False, separators=(",", " : "))
    path.write_text(text.replace("/", "\\/"), encoding="utf-8")


def _note(notebook: Path, uuid: str, title: str, tags: list[str], cells: list[dict]) -> None:
    folder = notebook / f"{uuid}.qvnote"
    _write(
        folder / "meta.json", {"created_at": 1700000000, "tags": tags, "title": title, "uuid": uuid}
    )
    _write(folder / "content.json", {"title": title, "cells": cells})


def _library(root: Path) -> Path:
    library = root / "Quiver.qvlibrary"
    _write(
        library / "meta.json",
        {"children": [{"uuid": PAPERS, "children": [{"uuid": GROUP}]}], "uuid": "Notebooks"},
    )
    for uuid, name in (
        (PAPERS, "Papers"),
        (GROUP, "Reading group"),
        ("Inbox", "Inbox"),
        ("Trash", "Trash"),
    ):
        _write(library / f"{uuid}.qvnotebook" / "meta.json", {"name": name, "uuid": uuid})
    _note(
        library / f"{PAPERS}.qvnotebook",
        "A1",
        "RSA78",
        ["public-key"],
        [
            {
                "type": "text",
                "data": "<div><b>A Method for Obtaining Digital Signatures and Public-Key Cryptosystems</b></div><div>R. L. Rivest, A. Shamir, L. Adleman. Communications of the ACM 21(2), 1978.</div>",
            },
            {
                "type": "markdown",
                "data": "DOI: [10.1145/359340.359342](https://doi.org/10.1145/359340.359342)\n\nTrapdoor permutation, so the same key pair signs and encrypts.",
            },
            {"type": "latex", "data": "c \\equiv m^e \\pmod{n}"},
            {"type": "code", "language": "python", "data": "pow(m, e, n)"},
        ],
    )
    _note(
        library / f"{GROUP}.qvnotebook",
        "B1",
        "RG 2023-10-04 · Diffie–Hellman",
        ["key-exchange"],
        [
            {
                "type": "markdown",
                "data": "# New Directions in Cryptography\nWhitfield Diffie, Martin E. Hellman. IEEE Transactions on Information Theory, 1976.\nDOI: 10.1109/TIT.1976.1055638\n\nPresenter: Anna.",
            }
        ],
    )
    _note(library / "Inbox.qvnotebook", "C1", "Untitled Note", [], [{"type": "text", "data": ""}])
    _note(
        library / "Trash.qvnotebook",
        "D1",
        "Merkle puzzles (dup?)",
        [],
        [
            {
                "type": "markdown",
                "data": "Secure communications over insecure channels. doi:10.1145/359460.359473",
            }
        ],
    )
    return library


def test_each_note_becomes_markdown_in_its_notebooks_folder_and_the_trash_is_left_out(
    tmp_path: Path,
) -> None:
    members = dict(read_quiver(_library(tmp_path)))
    assert sorted(members) == [
        "Papers/RSA78.md",
        "Papers/Reading group/RG 2023-10-04 · Diffie–Hellman.md",
    ]
    rsa = members["Papers/RSA78.md"]
    assert rsa.startswith("---\ntags:\n- public-key\n---\n# RSA78\n")
    assert "**A Method for Obtaining Digital Signatures and Public-Key Cryptosystems**" in rsa
    assert "https://doi.org/10.1145/359340.359342" in rsa  # the escaped slashes read back
    assert "$$\nc \\equiv m^e \\pmod{n}\n$$" in rsa and "```python\npow(m, e, n)\n```" in rsa


def test_a_note_that_titles_itself_in_its_first_cell_keeps_that_heading_alone(
    tmp_path: Path,
) -> None:
    members = dict(read_quiver(_library(tmp_path)))
    note = members["Papers/Reading group/RG 2023-10-04 · Diffie–Hellman.md"]
    assert "# RG 2023" not in note and "# New Directions in Cryptography" in note


def test_one_notebook_folder_reads_alone(tmp_path: Path) -> None:
    notebook = _library(tmp_path) / f"{PAPERS}.qvnotebook"
    assert [name for name, _ in read_quiver(notebook)] == ["Papers/RSA78.md"]


def test_a_broken_meta_file_names_itself(tmp_path: Path) -> None:
    library = _library(tmp_path)
    (library / "meta.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(ParseError, match="not readable JSON") as error:
        read_quiver(library)
    assert error.value.path.endswith("Quiver.qvlibrary/meta.json")


def test_a_folder_holding_a_library_imports_its_paper_notes(tmp_path: Path, alice: User) -> None:
    _library(tmp_path)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.1145/359340.359342",
        "10.1109/tit.1976.1055638",
    }
    assert (
        Paper.objects.get(doi="10.1109/tit.1976.1055638").title == "New Directions in Cryptography"
    )
