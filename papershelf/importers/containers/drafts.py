"""A Drafts export (``DraftsExport.json``, ``.draftsExport``): one note per draft.

Drafts (iOS, macOS) exports the drafts chosen, or its backups, as one JSON array of
objects: ``content`` (the text), ``uuid``, ``tags`` (a list), ``created_at`` and
``modified_at`` (ISO 8601, UTC), ``accessed_at``, ``flagged``, ``languageGrammar``
("Markdown", "Plain Text", …), ``folder`` (0 the inbox, 1 the archive, 10000 the
trash) and, when location was on, ``created_latitude`` and its siblings. Other tools
write the folder by name ("inbox", "archive", "trash") or as ``is_archived`` and
``is_trashed``; all say the same.

A draft has no title field: by Drafts' convention its first line is the title, often
written as a Markdown heading ("# Weil 1949"), often not. Each draft that is not in the
trash becomes a note with that line as its heading, its tags, the day it was started
and whether it was archived or flagged in front matter, and the rest of its text below.
Which draft is on a paper is the notes reader's to decide, as for any folder of notes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames
from papershelf.importers.records import ParseError

_HEAD_BYTES = 64 * 1024  # the first draft's keys, even after a long first draft
_ARRAY_OF_OBJECTS_RE = re.compile(r"^\s*\[\s*\{")
_KEY_RE = re.compile(r'"(?P<key>content|uuid|created_at|languageGrammar)"\s*:')
# Drafts' folder numbers, and the names other tools give them.
_ARCHIVE = frozenset({"1", "archive", "archived"})
_TRASH = frozenset({"10000", "trash", "trashed", "deleted"})
_HEADING_MARK_RE = re.compile(r"^#+\s*")
Draft = dict[str, Any]


def is_drafts_export(path: Path) -> bool:
    """A JSON array of objects with a draft's ``content`` and its ``uuid`` or dates."""
    if not path.is_file():
        return False
    with path.open("rb") as stream:
        head = stream.read(_HEAD_BYTES).decode("utf-8", "replace").lstrip("\ufeff")
    if not _ARRAY_OF_OBJECTS_RE.match(head):
        return False
    keys = {match["key"] for match in _KEY_RE.finditer(head)}
    return "content" in keys and bool(keys & {"uuid", "created_at", "languageGrammar"})


def read_drafts(path: Path) -> list[Member]:
    drafts = _load(path)
    names = MemberNames()
    members: list[Member] = []
    for draft in drafts:
        if not isinstance(draft, dict) or _in(draft, "is_trashed", _TRASH):
            continue  # a draft in the trash was thrown away
        content = draft.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        title, body = split_title(content)
        members.append((names.name_for(title or "Untitled draft"), draft_note(draft, title, body)))
    return members


def _load(path: Path) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ParseError(path.name, None, "not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ParseError(path.name, error.lineno, f"not valid JSON: {error.msg}") from None
    if not isinstance(data, list):
        raise ParseError(path.name, 1, "not a Drafts export: no list of drafts")
    return data


def split_title(content: str) -> tuple[str, str]:
    """The draft's first line as its title (a heading's "#" dropped), and the rest."""
    lines = content.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n").split("\n")
    title = _HEADING_MARK_RE.sub("", lines[0].strip()).strip()
    return title, "\n".join(lines[1:]).strip("\n")


def draft_note(draft: Draft, title: str, body: str) -> str:
    """Front matter (tags, the day it was started, archived, flagged), the title as the
    heading, the rest of the draft below it."""
    front: dict[str, Any] = {}
    tags = draft.get("tags")
    if isinstance(tags, list) and (kept := [str(t).strip() for t in tags if str(t).strip()]):
        front["tags"] = list(dict.fromkeys(kept))
    created = str(draft.get("created_at") or "")[:10]
    if re.match(r"^\d{4}-\d{2}-\d{2}$", created):
        front["created"] = created
    if _in(draft, "is_archived", _ARCHIVE):
        front["archived"] = True
    if draft.get("flagged") is True or str(draft.get("flagged")).casefold() in ("1", "true"):
        front["flagged"] = True
    head = f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n\n"
    text = "\n\n".join(part for part in (f"# {title}" if title else "", body.strip()) if part)
    return (head if front else "") + text + "\n"


def _in(draft: Draft, flag: str, folders: frozenset[str]) -> bool:
    """Whether the draft is in the archive or the trash: by its flag, or its folder."""
    if draft.get(flag) is True:
        return True
    folder = draft.get("folder")
    if isinstance(folder, int | float) and not isinstance(folder, bool):
        folder = int(folder)
    return folder is not None and str(folder).strip().casefold() in folders
