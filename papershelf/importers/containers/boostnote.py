"""A Boostnote (legacy) storage: ``boostnote.json`` naming its folders, a note per
``notes/<uuid>.cson``.

A note is CSON: ``key: value`` lines, strings in double quotes (JSON's escapes), longer
text as a ``'''`` block indented under its key (its backslashes doubled), lists in
brackets, one item a line. A Markdown note's ``content`` is the note; a snippet note's
``description`` and each snippet's code are. Notes in the trash (``isTrashed: true``)
are left out, and each note is filed under its folder's name.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames, markdown_note, safe_name

_LINE_RE = re.compile(r"^(?P<key>[A-Za-z]\w*):\s*(?P<value>.*)$")
_BLOCK_RE = re.compile(r"^(?P<indent>\s*)(?:(?P<key>[A-Za-z]\w*):\s*)?'''\s*$")


def is_boostnote_note(path: Path) -> bool:
    return path.suffix.lower() == ".cson" and path.parent.name == "notes"


def read_boostnote_note(path: Path) -> list[Member]:
    note = read_cson(path.read_bytes().decode("utf-8", "replace"))
    if note.get("isTrashed") is True:
        return []
    folders = _folder_names(path.parent.parent / "boostnote.json")
    title = str(note.get("title") or path.stem)
    parts = [str(note.get("content") or note.get("description") or "")]
    parts += [f"```\n{code}\n```" for code in _strings(note.get("snippet_code")) if code.strip()]
    body = "\n\n".join(part for part in parts if part.strip())
    if not body.strip():
        return []
    tags = [tag for tag in _strings(note.get("tags")) if tag.strip()]
    folder = safe_name(folders.get(str(note.get("folder")), ""), "")
    name = MemberNames().name_for(title)
    # A note whose text opens with its own heading titles itself there.
    heading = "" if body.lstrip().startswith("# ") else title
    return [("/".join(filter(None, [folder, name])), markdown_note(heading, body, tags))]


def read_cson(text: str) -> dict[str, object]:
    """The top-level fields of a Boostnote note (the snippets' code under "snippet_code")."""
    fields: dict[str, object] = {}
    snippets: list[str] = []
    lines = text.replace("\r\n", "\n").split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        block = _BLOCK_RE.match(line)
        if block:
            end = next(
                (i for i in range(index + 1, len(lines)) if lines[i].strip() == "'''"), len(lines)
            )
            value = _dedent(lines[index + 1 : end]).replace("\\\\", "\\")
            if block["key"] in ("content", "description") and not block["indent"]:
                fields[block["key"]] = value
            elif block["key"] == "content":
                snippets.append(value)
            index = end + 1
            continue
        match = _LINE_RE.match(line)
        if match and match["value"] == "[":
            end = next(
                (i for i in range(index + 1, len(lines)) if lines[i].strip() == "]"), len(lines)
            )
            if match["key"] == "tags":
                fields["tags"] = [
                    _scalar(item.strip()) for item in lines[index + 1 : end] if item.strip()
                ]
                index = end + 1
                continue
        elif match:
            fields[match["key"]] = _scalar(match["value"])
        index += 1
    fields["snippet_code"] = snippets
    return fields


def _strings(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []


def _closing(lines: list[str], start: int, marker: str) -> int:
    """The line after ``start`` that closes its block or list (or the end)."""
    return next((i for i in range(start + 1, len(lines)) if lines[i].strip() == marker), len(lines))


def _scalar(value: str) -> object:
    if value in ("true", "false"):
        return value == "true"
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value


def _dedent(lines: list[str]) -> str:
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines).strip("\n")


def _folder_names(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    folders = data.get("folders") if isinstance(data, dict) else None
    return {
        str(folder.get("key")): str(folder.get("name") or "")
        for folder in folders or []
        if isinstance(folder, dict)
    }
