"""Standard Notes backups and Simplenote exports: each note with its tags, as Markdown.

A Standard Notes backup ("Standard Notes Backup and Import File.txt", decrypted) is one
JSON object: ``{"version": "004", "items": [...]}``. Notes are items of content type
``Note`` (a title, a text, ``trashed``, ``conflict_of``); tags are items of type
``Tag`` whose ``references`` name their notes, and a nested tag names its parent tag
there too (``reference_type: "TagToParentTag"``; older clients wrote "Parent.Child"
titles). The rest (``SN|ItemsKey``, ``SN|Component``, preferences, themes) is the app's.
A trashed note is in the bin and a conflicted copy repeats its original: neither is
read. A note's text is Markdown or plain text, the HTML of a rich-text editor, or for
"Super" notes the JSON of a Lexical editor, whose blocks become Markdown here.

Simplenote's export (``notes.json``) holds ``activeNotes`` and ``trashedNotes``, each
note's content with its title on the first line, and its tags.
"""

from __future__ import annotations

import json
from typing import Any

from papershelf.importers.appjson.values import Data
from papershelf.importers.appjson.values import dict_of as _dict
from papershelf.importers.appjson.values import dicts_of as _dicts
from papershelf.importers.appjson.values import tags_line as _tags_line
from papershelf.importers.appjson.values import text_of as _text
from papershelf.importers.html.parse import looks_like_html, to_markdown

_NESTED_TAG_SEPARATOR = "."  # "research.complexity" from clients before tag folders
# Lexical's text format bits (bold, italic, strikethrough, …, code) that Markdown shows.
_LEXICAL_MARKS = ((1, "**"), (2, "*"), (4, "~~"), (16, "`"))


def is_standard_notes_backup(data: Data) -> bool:
    items = data.get("items")
    return isinstance(items, list) and any(
        isinstance(item, dict) and item.get("content_type") in ("Note", "Tag")
        for item in items[:200]
    )


def encrypted_backup(backup: Data) -> str:
    """Why an encrypted backup cannot be read: its notes' content is ciphertext."""
    notes = [item for item in _dicts(backup.get("items")) if item.get("content_type") == "Note"]
    if notes and all(isinstance(item.get("content"), str) for item in notes):
        return (
            "an encrypted Standard Notes backup: its notes cannot be read; export a "
            "decrypted backup from the app's Backups settings"
        )
    return ""


def standard_notes(backup: Data) -> list[str]:
    items = [item for item in backup.get("items") or [] if isinstance(item, dict)]
    notes = {
        str(item.get("uuid")): item
        for item in items
        if item.get("content_type") == "Note" and _is_readable(item)
    }
    tags = _tags_of_notes([item for item in items if item.get("content_type") == "Tag"])
    return [_note_markdown(note, tags.get(uuid, [])) for uuid, note in notes.items()]


def _is_readable(item: Data) -> bool:
    content = item.get("content")
    if item.get("deleted") or not isinstance(content, dict):
        return False  # deleted, or still encrypted ("004:…")
    app_data = _dict(_dict(content.get("appData")).get("org.standardnotes.sn"))
    if content.get("trashed") or app_data.get("trashed"):
        return False
    # A conflicted copy ("… (conflict)") is the same note saved twice: its original counts.
    return not (content.get("conflict_of") or item.get("duplicate_of"))


def _tags_of_notes(tag_items: list[Data]) -> dict[str, list[str]]:
    """Each note's tags, a nested tag with the tags above it ("Complexity", "PCP")."""
    titles: dict[str, str] = {}
    parents: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for item in tag_items:
        content = _dict(item.get("content"))
        uuid = str(item.get("uuid"))
        if item.get("deleted") or not _text(content.get("title")):
            continue
        titles[uuid] = _text(content.get("title"))
        for reference in _dicts(content.get("references")):
            kind = reference.get("reference_type") or reference.get("content_type")
            if kind in ("TagToParentTag", "SN|Tag", "Tag"):
                parents[uuid] = str(reference.get("uuid"))
            elif reference.get("content_type") == "Note":
                members.setdefault(str(reference.get("uuid")), []).append(uuid)
    tags: dict[str, list[str]] = {}
    for note, tag_ids in members.items():
        names = [name for tag in tag_ids for name in _tag_path(tag, titles, parents)]
        tags[note] = list(dict.fromkeys(names))
    return tags


def _tag_path(tag: str, titles: dict[str, str], parents: dict[str, str]) -> list[str]:
    path: list[str] = []
    seen: set[str] = set()
    while tag in titles and tag not in seen:  # a loop in a damaged backup ends here
        seen.add(tag)
        path[:0] = [part for part in titles[tag].split(_NESTED_TAG_SEPARATOR) if part.strip()]
        tag = parents.get(tag, "")
    return [part.strip() for part in path]


def _note_markdown(item: Data, tags: list[str]) -> str:
    content = _dict(item.get("content"))
    title, text = _text(content.get("title")), _text(content.get("text"))
    if content.get("noteType") == "super" or text.startswith('{"root"'):
        text = lexical_markdown(text)
    elif content.get("noteType") == "rich-text" or looks_like_html(text):
        text = to_markdown(text).strip()
    # A text that opens with its own heading ("# Goemans & Williamson 1995" under the
    # note named "Goemans–Williamson MAX-CUT") titles itself: the list's name is a nickname.
    heading = f"# {title}" if title and not text.lstrip().startswith("# ") else ""
    # Tags under the title: the notes reader looks for a note's fields near its top.
    blocks = [heading, _tags_line(tags), text]
    return "\n\n".join(block for block in blocks if block) + "\n"


def lexical_markdown(state: str) -> str:
    """A Super note's editor state (Lexical's JSON) as Markdown."""
    try:
        root = _dict(json.loads(state).get("root"))
    except (json.JSONDecodeError, AttributeError):
        return state
    return "\n\n".join(block for block in map(_block, _dicts(root.get("children"))) if block)


def _block(node: Data) -> str:
    kind, inner = node.get("type"), _inline(node)
    if kind == "heading":
        level = str(node.get("tag") or "h2")[-1:]
        return f"{'#' * int(level if level.isdigit() else 2)} {inner}"
    if kind == "quote":
        return "> " + inner.replace("\n", "\n> ")
    if kind == "code":
        return f"```\n{inner}\n```"
    if kind == "list":
        marker = "1." if node.get("listType") == "number" else "-"
        items = _dicts(node.get("children"))
        return "\n".join(f"{marker} {_checked(item)}{_inline(item)}" for item in items)
    if kind == "table":
        rows = [
            [_inline(cell) for cell in _dicts(row.get("children"))]
            for row in _dicts(node.get("children"))
        ]
        return _table(rows)
    if kind == "horizontalrule":
        return "---"
    return inner


def _inline(node: Data) -> str:
    parts = []
    for child in _dicts(node.get("children")):
        kind = child.get("type")
        if kind in ("text", "code-highlight"):
            parts.append(_marked(str(child.get("text") or ""), child.get("format")))
        elif kind == "linebreak":
            parts.append("\n")
        elif kind in ("link", "autolink"):
            url, text = _text(child.get("url")), _inline(child)
            parts.append(f"[{text}]({url})" if text and text != url else url)
        elif kind == "list":
            parts.append("\n" + _block(child))  # a nested list under its item
        else:
            parts.append(_block(child) if child.get("children") else "")
    return "".join(parts).strip()


def _marked(text: str, format_bits: Any) -> str:
    bits = format_bits if isinstance(format_bits, int) else 0
    for bit, mark in _LEXICAL_MARKS:
        if bits & bit and text.strip():
            text = f"{mark}{text}{mark}"
    return text


def _checked(item: Data) -> str:
    return "" if item.get("checked") is None else ("[x] " if item.get("checked") else "[ ] ")


def _table(rows: list[list[str]]) -> str:
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join([*row, *[""] * (width - len(row))]) + " |" for row in rows]
    return "\n".join([lines[0], "|" + "---|" * width, *lines[1:]])


def is_simplenote_export(data: Data) -> bool:
    return isinstance(data.get("activeNotes"), list)


def simplenote_notes(export: Data) -> list[str]:
    """Only the active notes: the trashed ones are in the bin."""
    notes = []
    for note in _dicts(export.get("activeNotes")):
        first, _, rest = _text(note.get("content")).partition("\n")
        heading = first if first.startswith("#") or not first.strip() else f"# {first.strip()}"
        tags = [tag for tag in note.get("tags") or [] if isinstance(tag, str)]
        blocks = (heading, _tags_line(tags), rest.strip())
        notes.append("\n\n".join(block for block in blocks if block) + "\n")
    return notes
