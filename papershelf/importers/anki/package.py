"""An Anki package (``.apkg``, ``.colpkg``): a deck exported with its collection.

The package is a zip holding the collection as SQLite — ``collection.anki21`` (or
``collection.anki2``, which newer Anki leaves as a stub asking for a newer version,
when the other is there) — and its media. A note's fields are one column joined by
``\\x1f``, its note type (``mid``) names them in ``col.models`` and its cards' deck in
``col.decks``. The notes are written out as Anki's own "Notes in Plain Text" export
(tab-separated, HTML fields, the note type, deck and tags columns named in the header),
which the ``anki`` format reads: a card is about a paper only when it states one.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from papershelf.importers.containers import Member
from papershelf.importers.records import ParseError

_COLLECTIONS = ("collection.anki21", "collection.anki2")
_MAX_COLLECTION_BYTES = 512 * 1024**2


def read_anki_package(path: Path) -> list[Member]:
    try:
        with zipfile.ZipFile(path) as package, tempfile.TemporaryDirectory() as folder:
            name = next((n for n in _COLLECTIONS if n in package.namelist()), None)
            if name is None:
                raise ParseError(path.name, None, "an Anki package with no collection in it")
            if package.getinfo(name).file_size > _MAX_COLLECTION_BYTES:
                raise ParseError(path.name, None, "the Anki collection is too large to read")
            database = Path(folder) / name
            database.write_bytes(package.read(name))
            rows = _notes(database, path.name)
    except zipfile.BadZipFile:
        raise ParseError(path.name, None, "not a readable Anki package (a zip)") from None
    return [(f"{path.stem}.txt", _plain_text(rows))] if rows else []


def _notes(database: Path, name: str) -> list[list[str]]:
    """Each note as the plain-text export's row: note type, deck, tags, then fields."""
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            models_text, decks_text = connection.execute("SELECT models, decks FROM col").fetchone()
            models: dict[str, Any] = json.loads(models_text or "{}")
            decks: dict[str, Any] = json.loads(decks_text or "{}")
            deck_of = dict(
                connection.execute("SELECT nid, MIN(did) FROM cards GROUP BY nid").fetchall()
            )
            notes = connection.execute(
                "SELECT id, mid, tags, flds FROM notes ORDER BY id"
            ).fetchall()
    except (sqlite3.DatabaseError, json.JSONDecodeError, TypeError) as error:
        raise ParseError(name, None, f"not a readable Anki collection ({error})") from None
    rows = []
    for note_id, model_id, tags, fields in notes:
        model = models.get(str(model_id)) or {}
        deck = (decks.get(str(deck_of.get(note_id))) or {}).get("name", "")
        values = str(fields or "").split("\x1f")
        if not any(value.strip() for value in values):
            continue
        rows.append([str(model.get("name") or ""), str(deck), str(tags or "").strip(), *values])
    return rows


def _plain_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n#tags column:3\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()
