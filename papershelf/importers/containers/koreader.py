"""KOReader's JSON highlight export: one document's annotations, or all documents'.

The notes of each document are written as the Markdown export's converter writes them
(``notes.koreader``): the facts the PDF's metadata states, highlights as quotes, the
person's notes as paragraphs. Which document is a paper is the notes reader's to decide.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames
from papershelf.importers.notes.koreader import document_as_notes, is_koreader_json, read_json
from papershelf.importers.records import ParseError

_HEAD_BYTES = 4096
# Both exports name these keys early: a document's, or the list of them.
_MARKERS = ('"entries"', '"documents"', '"number_of_pages"')


def is_koreader_export(path: Path) -> bool:
    if not path.is_file():
        return False
    with path.open("rb") as stream:
        head = stream.read(_HEAD_BYTES).decode("utf-8", "replace")
    if not any(marker in head for marker in _MARKERS):
        return False
    try:
        return is_koreader_json(_load(path))
    except ParseError:
        return False


def read_koreader(path: Path) -> list[Member]:
    names = MemberNames()
    return [
        (names.name_for(document.title or "Untitled"), "".join(document_as_notes(document)))
        for document in read_json(_load(path))
    ]


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ParseError(path.name, None, "not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ParseError(path.name, error.lineno, f"not valid JSON: {error.msg}") from None
