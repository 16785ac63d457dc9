"""A Papis document's info file is read with the notes beside it.

The parser sees one file's text; a document's notes are another file of its folder:
the one its ``notes:`` field names, else Papis' own ``notes.tex`` (or ``notes.md``,
``notes.org``, …), else the one notes file in the folder. So the info file is opened as
a container (``containers.reader_for``) that passes it through whole, as the EndNote
export's container does, with its notes after it as Markdown (``parse.NOTES_MARKER``).
The notes file itself is skipped by the folder's import (``is_papis_notes``): it is read
here, with its paper.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from papershelf.importers.containers import Member
from papershelf.importers.papis.parse import NOTES_MARKER, looks_like_papis, split_notes
from papershelf.importers.reading import check_document_size
from papershelf.importers.records import ParseError

_YAML_SUFFIXES = frozenset({".yaml", ".yml"})
_NOTES_SUFFIXES = (".md", ".markdown", ".org", ".tex", ".txt", ".rst")
_HEAD_BYTES = 64 * 1024  # an info file is small; a bigger YAML file is something else
# What Org's #+TITLE becomes: the notes' own title, not part of the summary.
_FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n+", re.DOTALL)


def is_papis_document(path: Path) -> bool:
    if path.suffix.lower() not in _YAML_SUFFIXES or not path.is_file():
        return False
    with path.open("rb") as stream:
        head = stream.read(_HEAD_BYTES + 1)
    if len(head) > _HEAD_BYTES:
        return False
    return looks_like_papis(head.decode("utf-8-sig", "replace"), path.name)


def read_papis(path: Path) -> list[Member]:
    """The info file, then the marker and its notes (none: nothing after the marker)."""
    info = path.read_bytes().decode("utf-8-sig", "replace").replace("\r\n", "\n")
    notes = notes_file(path, info)
    markdown = _as_markdown(notes) if notes is not None else ""
    return [(path.name, f"{info.rstrip(chr(10))}\n{NOTES_MARKER}\n{markdown}")]


def is_papis_notes(path: Path) -> bool:
    """Whether a file is the notes of a Papis document in its folder."""
    if path.suffix.lower() not in _NOTES_SUFFIXES:
        return False
    for info in _info_files(path.parent):
        text = info.read_text(encoding="utf-8-sig", errors="replace")
        if notes_file(info, text) == path:
            return True
    return False


def notes_file(info: Path, text: str) -> Path | None:
    """The notes of the document whose info file this is, if it has any."""
    folder = info.parent
    named = _notes_field(text)
    if named:
        candidate = (folder / named).resolve()
        inside = candidate.is_relative_to(folder.resolve())
        return folder / named if inside and candidate.is_file() else None
    for suffix in _NOTES_SUFFIXES:
        if (folder / f"notes{suffix}").is_file():
            return folder / f"notes{suffix}"
    beside = [c for c in folder.iterdir() if c.suffix.lower() in _NOTES_SUFFIXES and c.is_file()]
    return beside[0] if len(beside) == 1 else None


def _notes_field(text: str) -> str:
    try:
        data = yaml.safe_load(split_notes(text)[0])
    except yaml.YAMLError:
        return ""  # the parser says what is wrong with it
    value = data.get("notes") if isinstance(data, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _info_files(folder: Path) -> list[Path]:
    return [child for child in sorted(folder.iterdir()) if is_papis_document(child)]


def _as_markdown(path: Path) -> str:
    check_document_size(path.stat().st_size, path.name)
    text = path.read_bytes().decode("utf-8-sig", "replace").replace("\r\n", "\n")
    suffix = path.suffix.lower()
    if suffix == ".org":
        from papershelf.importers.org.parse import to_markdown

        return _FRONT_MATTER_RE.sub("", to_markdown(text), count=1)
    if suffix == ".tex":
        from papershelf.importers.latex.document import read_tex

        try:
            return read_tex(text, path.name).markdown
        except ParseError:
            return f"```latex\n{text.strip()}\n```\n"  # kept as written, not lost
    return text
