"""A Quiver library (``.qvlibrary``) or notebook (``.qvnotebook``): one note per .qvnote.

Quiver (macOS) keeps each note as a folder ``<UUID>.qvnote`` holding ``meta.json``
(title, tags, dates) and ``content.json``: a title and a list of cells, each
``{"type", "data"}`` — ``text`` (HTML), ``markdown``, ``code`` (with its ``language``),
``latex`` and ``diagram``. Notebooks are folders ``<UUID>.qvnotebook`` named by their
own ``meta.json``; the library's ``meta.json`` nests them. The Trash notebook holds
what the writer deleted and is left out. Each note becomes Markdown in a folder named
after its notebook, its tags its topics, so a library reads as a folder of notes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames, markdown_note, safe_name
from papershelf.importers.html.parse import to_markdown as html_to_markdown
from papershelf.importers.records import ParseError

_TRASH = "Trash"
_MAX_NOTEBOOK_DEPTH = 32


def read_quiver(path: Path) -> list[Member]:
    """A .qvlibrary, a .qvnotebook or a .qvnote folder (or its meta.json)."""
    folder = path if path.is_dir() else path.parent
    suffix = folder.suffix.lower()
    if suffix == ".qvnote":
        note = _note(folder)
        return [(MemberNames().name_for(note[0]), note[1])] if note else []
    if suffix == ".qvnotebook":
        return _notebook_members(folder, (safe_name(_name_of(folder), folder.stem),))
    members: list[Member] = []
    for notebook, parents in _notebooks(folder):
        members += _notebook_members(notebook, parents)
    return members


def _notebooks(library: Path) -> list[tuple[Path, tuple[str, ...]]]:
    """Each notebook with the names of the notebooks it sits in, itself last, in the
    library's order (its meta.json's tree), then any the tree leaves out."""
    by_uuid = {_uuid_of(nb): nb for nb in sorted(library.glob("*.qvnotebook")) if nb.is_dir()}
    ordered: list[tuple[Path, tuple[str, ...]]] = []

    def walk(nodes: Any, parents: tuple[str, ...]) -> None:
        if len(parents) > _MAX_NOTEBOOK_DEPTH or not isinstance(nodes, list):
            return
        for node in nodes:
            uuid = node.get("uuid") if isinstance(node, dict) else None
            notebook = by_uuid.pop(uuid, None) if isinstance(uuid, str) else None
            if notebook is None:
                continue
            path = (*parents, safe_name(_name_of(notebook), notebook.stem))
            ordered.append((notebook, path))
            walk(node.get("children"), path)

    walk(_json(library / "meta.json").get("children"), ())
    ordered += [(nb, (safe_name(_name_of(nb), nb.stem),)) for nb in by_uuid.values()]
    return [(nb, parents) for nb, parents in ordered if _uuid_of(nb) != _TRASH]


def _notebook_members(notebook: Path, parents: tuple[str, ...]) -> list[Member]:
    names = MemberNames()
    members: list[Member] = []
    notes = [n for n in (_note(folder) for folder in sorted(notebook.glob("*.qvnote"))) if n]
    for title, text, _ in sorted(notes, key=lambda note: note[2]):
        members.append(("/".join([*parents, names.name_for(title)]), text))
    return members


def _note(folder: Path) -> tuple[str, str, float] | None:
    """(title, Markdown, when it was made) for a note, or None when it holds nothing."""
    meta = _json(folder / "meta.json")
    content = _json(folder / "content.json")
    title = str(content.get("title") or meta.get("title") or "").strip() or "Untitled"
    cells = content.get("cells")
    body = (
        "\n\n".join(_cell(cell) for cell in cells if isinstance(cell, dict))
        if isinstance(cells, list)
        else ""
    )
    if not body.strip():
        return None
    tags = [str(tag) for tag in meta.get("tags") or [] if str(tag).strip()]
    created = meta.get("created_at")
    when = float(created) if isinstance(created, int | float) else 0.0
    # A note whose first cell opens with a heading titles itself there ("# New Directions
    # in Cryptography" in the note "Diffie–Hellman 1976"): the note's name is a label.
    heading = "" if body.lstrip().startswith("# ") else title
    return title, markdown_note(heading, body, tags), when


def _cell(cell: dict[str, Any]) -> str:
    data = str(cell.get("data") or "").strip()
    kind = cell.get("type")
    if not data:
        return ""
    if kind == "text":
        return html_to_markdown(data)
    if kind == "code":
        return f"```{cell.get('language') or ''}\n{data}\n```"
    if kind == "latex":
        return f"$$\n{data}\n$$"
    if kind == "diagram":
        return f"```\n{data}\n```"
    return data  # markdown, and any cell type Quiver adds later: its text as written


def _name_of(notebook: Path) -> str:
    return str(_json(notebook / "meta.json").get("name") or notebook.stem)


def _uuid_of(notebook: Path) -> str:
    return str(_json(notebook / "meta.json").get("uuid") or notebook.stem)


def _json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_bytes().decode("utf-8", errors="replace"))
    except json.JSONDecodeError as error:
        raise ParseError(path.as_posix(), error.lineno, f"not readable JSON: {error.msg}") from None
    return data if isinstance(data, dict) else {}
