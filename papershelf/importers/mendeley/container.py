"""A ``.sqlite`` file is opened by what it holds, as an ``.xml`` file is (see
``endnote.container``). A Zotero data directory's ``zotero.sqlite`` is written out as
the Web API's item JSON for the ``zotero-json`` format (``zotero.database``).

Mendeley Desktop's library passes through to the ``mendeley`` format as one member: its
documents, folders and notes read out of the database (``database``) and written as
JSON, one document a line, so that the format's parser stays pure and each document
has a line of its own for the report and the preview's corrections. What lies beside
it that is Mendeley's own (``Downloaded/``, its PDFs) is no notes of the person's.

Any other ``.sqlite`` (Mendeley's ``online.sqlite`` and ``monitor.sqlite``, another
app's database) passes through as a member that says why it holds no library, so that
the import reports it skipped; a file SQLite cannot read passes through as one that
says so, so that the import names it as failed and goes on with the rest.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from papershelf.importers.endnote.container import notes_beside
from papershelf.importers.mendeley.database import (
    LIBRARY_TABLES,
    UnreadableDatabase,
    open_read_only,
    read_library,
    table_columns,
)
from papershelf.importers.mendeley.importer import MARK
from papershelf.importers.zotero.database import is_zotero_database, read_zotero
from papershelf.importers.zotero.items import snapshot as zotero_snapshot

_ATTACHMENTS = "Downloaded"
_OWN_FILES = {
    "online.sqlite": "Mendeley Desktop's cache of its web catalogue, not the library",
    "monitor.sqlite": "Mendeley Desktop's list of watched folders, not the library",
}


def read_sqlite(path: Path) -> list[tuple[str, str]]:
    try:
        with open_read_only(path) as connection:
            columns = table_columns(connection)
            if is_zotero_database(columns):
                library = None  # read by its own reader, below, once this one is closed
            elif LIBRARY_TABLES - columns.keys():
                return [(path.name, snapshot({"skipped": _not_a_library(path)}))]
            else:
                library = read_library(connection, columns)
        if library is None:
            return [(path.name, zotero_snapshot(*read_zotero(path)))]
    except (UnreadableDatabase, sqlite3.DatabaseError) as error:
        message = f"not a readable SQLite database ({error}); copy it again from its folder"
        return [(path.name, snapshot({"error": message}))]
    library["notes_beside"] = notes_beside(path, attachments=_ATTACHMENTS)
    return [(path.name, snapshot(library))]


def _not_a_library(path: Path) -> str:
    why = _OWN_FILES.get(path.name.casefold(), "no Mendeley Desktop library in it")
    return f"a SQLite database with {why}: nothing to import"


def snapshot(library: dict[str, Any]) -> str:
    """The library as the ``mendeley`` format reads it: a header line, the folders, then
    one document a line (``parse`` counts its lines from ``"documents"``)."""
    documents = library.pop("documents", [])
    header = json.dumps({MARK: 1, **library}, ensure_ascii=False, default=str)
    lines = [header[:-1] + ', "documents": [']
    lines += [
        json.dumps(document, ensure_ascii=False, default=str)
        + ("," if index < len(documents) - 1 else "")
        for index, document in enumerate(documents)
    ]
    return "\n".join([*lines, "]}"]) + "\n"
