"""A Trilium Notes export (HTML or Markdown), read through its ``!!!meta.json``.

Trilium exports a subtree as a folder: each note's content is a file (``.html`` or
``.md``, named by the note's title cut to a length), a note with children has a folder
of the same name, and ``!!!meta.json`` holds the tree (``files``: ``title``,
``dataFileName``, ``dirFileName``, ``children``, ``notePosition``) with each note's
attributes: labels such as ``#author=…``, ``#year=1961``, ``#status=read``, ``#doi=…``,
``#tag=…``, and the app's own (``#template``, ``#book``, ``#dateNote`` for the journal).
A note placed in two spots is exported once, its second place a ``.clone.html`` stub.

Each note becomes Markdown with its labels as front matter, named by its path of titles,
so the notes reader sees what the person recorded: the status, the year, the DOI, the
tags; a template is a template, a journal day is a diary page. Clones and Trilium's own
files (``navigation.html``, ``index.html``, ``style.css``) are left out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import safe_name
from papershelf.importers.records import ParseError

META = "!!!meta.json"
# Labels of Trilium itself, not facts of a paper: how a note shows, where it sits.
_APP_LABELS = frozenset(
    {"iconClass", "viewType", "cssClass", "sorted", "workspace", "calendarRoot", "yearNote"}
    | {"monthNote", "weekNote", "archived", "hidePromotedAttributes", "run", "shareRoot"}
)
_DIARY_LABELS = frozenset({"dateNote", "calendarRoot", "yearNote", "monthNote"})
Note = dict[str, Any]


def is_trilium_export(path: Path) -> bool:
    if path.name != META:
        return False
    with path.open(encoding="utf-8", errors="replace") as head:
        start = head.read(2048)
    return '"formatVersion"' in start and '"files"' in start


def inside_trilium_export(path: Path) -> bool:
    """A note's file of an export whose ``!!!meta.json`` is read instead."""
    return path.name != META and any((folder / META).is_file() for folder in path.parents)


def read_trilium(path: Path) -> list[Member]:
    try:
        meta = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        why = f"not a readable Trilium !!!meta.json ({error})"
        raise ParseError(path.name, None, why) from None
    members: list[Member] = []
    _walk(meta.get("files") or [], path.parent, (), (), members)
    return members


def _walk(
    notes: list[Note],
    folder: Path,
    titles: tuple[str, ...],
    inherited: tuple[str, ...],
    members: list[Member],
) -> None:
    ordered = sorted((n for n in notes if isinstance(n, dict)), key=_position)
    for note in ordered:
        title = str(note.get("title") or "").strip()
        if not title or note.get("isClone"):
            continue  # Trilium's own pages, or a second place of a note exported once
        labels = _labels(note)
        kinds = (*inherited, *_kinds(labels))
        data = note.get("dataFileName")
        file = folder / str(data) if data else None
        if file is not None and file.is_file() and file.suffix.lower() in (".html", ".htm", ".md"):
            name = "/".join(_safe(t) for t in (*titles, title)) + ".md"
            members.append((name, _markdown(title, file, labels, kinds)))
        children = note.get("children") or []
        if children:
            below = folder / str(note.get("dirFileName") or title)
            if not data and not kinds:
                # A note with no text of its own shows its children, in order (Trilium's
                # "book" view): the page that orders them, so a reading list.
                name = "/".join(_safe(t) for t in (*titles, title)) + ".md"
                members.append((name, _contents(title, children)))
            _walk(children, below, (*titles, title), kinds, members)


def _contents(title: str, children: list[Note]) -> str:
    """ "# Reading list", then "## <child>" over links to its notes, or a link to each."""
    lines = [f"# {title}", ""]
    here = _safe(title)  # the children's notes are in the folder named after this one
    for child in sorted((c for c in children if isinstance(c, dict)), key=_position):
        name = _safe(str(child.get("title") or ""))
        grandchildren = [c for c in child.get("children") or [] if isinstance(c, dict)]
        if not name or child.get("isClone"):
            continue
        if grandchildren:
            lines += [f"## {child.get('title')}", ""]
            lines += [
                f"- [{g.get('title')}](<{here}/{name}/{_safe(str(g.get('title') or ''))}.md>)"
                for g in sorted(grandchildren, key=_position)
                if g.get("title") and not g.get("isClone")
            ]
            lines.append("")
        else:
            lines.append(f"- [{child.get('title')}](<{here}/{name}.md>)")
    return "\n".join(lines).rstrip() + "\n"


def _position(note: Note) -> float:
    position = note.get("notePosition")
    return float(position) if isinstance(position, int | float) else 0.0


def _labels(note: Note) -> dict[str, list[str]]:
    labels: dict[str, list[str]] = {}
    for attribute in note.get("attributes") or []:
        if isinstance(attribute, dict) and attribute.get("type") == "label":
            name = str(attribute.get("name") or "")
            if name and not name.startswith("label:") and name not in _APP_LABELS:
                labels.setdefault(name, []).append(str(attribute.get("value") or ""))
    return labels


def _kinds(labels: dict[str, list[str]]) -> tuple[str, ...]:
    """What the app's labels say a note is: a template, a book, a journal day."""
    kinds = []
    if "template" in labels:
        kinds.append("template")
    if "book" in labels:
        kinds.append("book")
    if _DIARY_LABELS & labels.keys():
        kinds.append("daily note")
    return tuple(kinds)


def _markdown(title: str, file: Path, labels: dict[str, list[str]], kinds: tuple[str, ...]) -> str:
    from papershelf.importers.html.parse import to_markdown

    text = file.read_text(encoding="utf-8", errors="replace")
    body = to_markdown(text) if file.suffix.lower() != ".md" else text
    front: dict[str, Any] = {}
    for name, values in labels.items():
        if name in ("template", "book", "dateNote"):
            continue
        key = "tags" if name in ("tag", "tags") else name
        kept = [v for v in values if v]
        if kept:
            front[key] = kept if key == "tags" or len(kept) > 1 else kept[0]
    if kinds:
        front["type"] = kinds[0]
    heading = "" if _opens_with(body, title) else f"# {title}\n\n"
    header = f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n\n"
    return (header if front else "") + heading + body.strip() + "\n"


def _opens_with(body: str, title: str) -> bool:
    first = next((line for line in body.splitlines() if line.strip()), "")
    return first.lstrip("# ").strip() == title


def _safe(name: str) -> str:
    return safe_name(name, "note")
