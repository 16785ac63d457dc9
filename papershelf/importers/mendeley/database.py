"""Read a Mendeley Desktop database (1.x to 1.19) into plain data, never writing to it.

Mendeley Desktop keeps the library in ``<email>@www.mendeley.com.sqlite`` in its data
folder, beside ``online.sqlite`` and ``monitor.sqlite`` (its web cache and watched
folders: no library) and ``Downloaded/`` (the PDFs). The tables read here, as Zotero's
own Mendeley importer reads them (``mendeleyImport.js``):

* ``Documents``: one row a document, its fields as columns (``type`` "JournalArticle",
  ``title``, ``year``, ``publication``, ``doi``, ``arxivId``, ``pmid``, ``citationKey``,
  ``abstract``, ``note`` — the Notes tab, HTML), and its flags written as the text
  "true" or "false": ``read``, ``favourite``, ``confirmed`` (false: "Needs Review"),
  ``deletionPending`` (deleted, waiting to tell the server).
* ``RemoteDocuments``: its sync state, ``groupId`` (0 or the ``Groups`` row of type
  PersonalGroupType: the person's own library; other ids: a shared group's) and
  ``inTrash``.
* ``DocumentContributors`` (``contribution`` "DocumentAuthor", "DocumentEditor"…,
  ``firstNames``, ``lastName``, in ``id`` order), ``DocumentUrls`` (by ``position``;
  ``url`` may be a BLOB), ``DocumentTags``, ``DocumentKeywords`` (the publisher's),
  ``DocumentFolders`` with ``Folders`` (``parentId`` -1 or 0 at the top).
* ``FileNotes``: sticky notes on a PDF's pages (``page``, ``x``, ``y``, ``note`` as
  plain text, ``color``); ``DocumentNotes`` (``text``, HTML): the notes of versions
  before the Notes tab moved into ``Documents.note``. Highlights (``FileHighlights``)
  hold only rectangles, no text: nothing to read without the PDF.

Booleans are read as Mendeley writes them, or as 1 and 0.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

Row = dict[str, Any]

# What makes a file Mendeley Desktop's library, as Zotero checks it.
LIBRARY_TABLES = frozenset(
    {"Documents", "DocumentContributors", "DocumentFolders", "DocumentTags", "Folders"}
)
_DOCUMENT_COLUMNS = (
    "id", "uuid", "type", "title", "year", "publication", "institution", "doi", "arxivId",
    "pmid", "citationKey", "abstract", "note", "read", "confirmed", "deletionPending",
)  # fmt: skip


class UnreadableDatabase(Exception):
    """The file is no SQLite database, or a damaged one; the message says which."""


@contextmanager
def open_read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """The database, opened so that nothing can change it.

    ``immutable=1`` takes no lock and reads no journal: a copy of a data folder is read
    as it lies, whether Mendeley is running or not. A hot journal beside it (Mendeley was
    writing when the folder was copied) holds what undoes a half-written change: then a
    copy of both is opened, where SQLite rolls that change back, and the file never is.
    """
    journal = path.with_name(path.name + "-journal")
    if journal.is_file() and journal.stat().st_size > 0:
        with tempfile.TemporaryDirectory(prefix="mendeley-") as folder:
            copy = Path(folder) / path.name
            shutil.copyfile(path, copy)
            shutil.copyfile(journal, copy.with_name(journal.name))
            with _connected(f"file:{quote(str(copy))}") as connection:
                yield connection
        return
    with _connected(f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1") as connection:
        yield connection


@contextmanager
def _connected(uri: str) -> Iterator[sqlite3.Connection]:
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise UnreadableDatabase(str(error)) from None
    connection.row_factory = sqlite3.Row
    try:
        yield connection
    except sqlite3.Error as error:
        raise UnreadableDatabase(str(error)) from None
    finally:
        connection.close()


def table_columns(connection: sqlite3.Connection) -> dict[str, set[str]]:
    """Each table's columns; a file that is no database fails here, on its first read."""
    tables = [
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    ]
    return {
        table: {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
        for table in tables
    }


def read_library(connection: sqlite3.Connection, columns: dict[str, set[str]]) -> Row:
    """The library's documents (each with its people, links, tags, folders and notes)
    and its folders, as plain data."""
    documents = {row["id"]: row for row in _documents(connection, columns)}
    for key, rows in _per_document(connection, columns).items():
        for document_id, value in rows:
            if document_id in documents:
                documents[document_id].setdefault(key, []).append(value)
    folders = _rows(connection, "SELECT id, name, parentId FROM Folders ORDER BY id")
    return {"documents": list(documents.values()), "folders": folders}


def _documents(connection: sqlite3.Connection, columns: dict[str, set[str]]) -> list[Row]:
    have = columns["Documents"]
    selected = ", ".join(f"D.{c}" if c in have else f"NULL AS {c}" for c in _DOCUMENT_COLUMNS)
    remote = columns.get("RemoteDocuments", set())
    group = "R.groupId" if "groupId" in remote else "NULL"
    trash = "R.inTrash" if "inTrash" in remote else "D.inTrash" if "inTrash" in have else "NULL"
    personal = _personal_groups(connection, columns)
    join = "LEFT JOIN RemoteDocuments R ON R.documentId = D.id" if remote else ""
    # Built from the column names above and the file's own, never from text in it.
    query = f"SELECT {selected}, {group} AS groupId, {trash} AS inTrash FROM Documents D {join}"  # noqa: S608
    rows = _rows(connection, query + " ORDER BY D.id")
    for row in rows:
        row["personal"] = row.pop("groupId") in personal
    return rows


def _personal_groups(connection: sqlite3.Connection, columns: dict[str, set[str]]) -> set[Any]:
    """The group ids of the person's own library: 0 (as Zotero reads it), the
    PersonalGroupType group, and none (a document never synced)."""
    ids: set[Any] = {0, None}
    if {"id", "groupType"} <= columns.get("Groups", set()):
        query = "SELECT id FROM Groups WHERE groupType = 'PersonalGroupType'"
        ids |= {row["id"] for row in _rows(connection, query)}
    return ids


def _per_document(
    connection: sqlite3.Connection, columns: dict[str, set[str]]
) -> dict[str, list[tuple[Any, Any]]]:
    """(document id, value) pairs for each list a document holds, in Mendeley's order."""
    queries = {
        "contributors": "SELECT documentId, contribution, firstNames, lastName "
        "FROM DocumentContributors ORDER BY id",
        "tags": "SELECT documentId, tag FROM DocumentTags",
        "folders": "SELECT documentId, folderId FROM DocumentFolders",
    }
    optional = {
        "urls": ("DocumentUrls", "SELECT documentId, CAST(url AS TEXT) AS url "
                 "FROM DocumentUrls ORDER BY documentId, position"),
        "keywords": ("DocumentKeywords", "SELECT documentId, keyword FROM DocumentKeywords"),
        "document_notes": ("DocumentNotes", "SELECT documentId, text FROM DocumentNotes"),
        "annotations": ("FileNotes", "SELECT documentId, page, note, color FROM FileNotes "
                        "ORDER BY documentId, page, y, x"),
    }  # fmt: skip
    queries |= {key: query for key, (table, query) in optional.items() if table in columns}
    found: dict[str, list[tuple[Any, Any]]] = {}
    for key, query in queries.items():
        rows = _rows(connection, query)
        found[key] = [(row.pop("documentId"), _value(row)) for row in rows]
    return found


def _value(row: Row) -> Any:
    """A one-column row is its value; a wider one stays a row."""
    return next(iter(row.values())) if len(row) == 1 else row


def _rows(connection: sqlite3.Connection, query: str) -> list[Row]:
    return [dict(row) for row in connection.execute(query)]
