"""Read a Zotero data directory's ``zotero.sqlite`` as the Web API's item JSON.

Zotero 5–7 keep each item's fields as rows — ``items`` (``itemTypeID``, ``key``,
``libraryID``), ``itemData`` (``fieldID``, ``valueID``) into ``itemDataValues`` and
``fieldsCombined`` — its creators in ``itemCreators`` (in ``orderIndex`` order) with
``creators`` and ``creatorTypes``, notes in ``itemNotes`` (``parentItemID`` for a
child note), tags in ``itemTags`` (``type`` 1: automatic) with ``tags``, the trash in
``deletedItems`` and collections in ``collections``/``collectionItems``. ``libraries``
says whose each item is: the person's own (``user``) and their groups' are read, a
feed's unread items (``feed``) are not. Older versions name the tables without
``Combined``; both are read. The database is opened read-only (``mendeley.database``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from papershelf.importers.mendeley.database import open_read_only, table_columns

# What makes a SQLite file a Zotero library.
LIBRARY_TABLES = frozenset({"items", "itemData", "itemDataValues", "itemNotes", "itemCreators"})
_READ_LIBRARIES = ("user", "group")


def is_zotero_database(columns: dict[str, Any]) -> bool:
    return not (LIBRARY_TABLES - columns.keys())


def read_zotero(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The library's items (as the Web API writes their ``data``) and collections."""
    with open_read_only(path) as connection:
        connection.row_factory = sqlite3.Row
        columns = table_columns(connection)
        items = _items(connection, columns)
        _add_fields(connection, columns, items)
        _add_creators(connection, columns, items)
        _add_notes(connection, items)
        _add_tags(connection, columns, items)
        collections = _collections(connection, columns, items)
        for item_id in _ids(connection, "SELECT itemID FROM deletedItems", columns, "deletedItems"):
            if item_id in items:
                items[item_id]["deleted"] = True
    return list(items.values()), collections


def _items(connection: sqlite3.Connection, columns: dict[str, Any]) -> dict[int, dict[str, Any]]:
    types = "itemTypesCombined" if "itemTypesCombined" in columns else "itemTypes"
    mine, kinds = "", tuple[str, ...]()
    if "libraries" in columns and "type" in columns["libraries"]:
        mine = " WHERE i.libraryID IN (SELECT libraryID FROM libraries WHERE type IN (?, ?))"
        kinds = _READ_LIBRARIES
    rows = connection.execute(
        f"SELECT i.itemID, i.key, t.typeName FROM items i "  # noqa: S608 -- our own names
        f"JOIN {types} t ON t.itemTypeID = i.itemTypeID{mine} ORDER BY i.itemID",
        kinds,
    )
    return {
        row["itemID"]: {
            "key": row["key"],
            "itemType": row["typeName"],
            "tags": [],
            "collections": [],
        }
        for row in rows
    }


def _add_fields(
    connection: sqlite3.Connection, columns: dict[str, Any], items: dict[int, dict[str, Any]]
) -> None:
    fields = "fieldsCombined" if "fieldsCombined" in columns else "fields"
    rows = connection.execute(
        f"SELECT d.itemID, f.fieldName, v.value FROM itemData d "  # noqa: S608
        f"JOIN {fields} f ON f.fieldID = d.fieldID "
        "JOIN itemDataValues v ON v.valueID = d.valueID"
    )
    for row in rows:
        if row["itemID"] in items and row["fieldName"] not in ("key", "itemType"):
            items[row["itemID"]][row["fieldName"]] = row["value"]


def _add_creators(
    connection: sqlite3.Connection, columns: dict[str, Any], items: dict[int, dict[str, Any]]
) -> None:
    if not {"creators", "creatorTypes"} <= columns.keys():
        return
    rows = connection.execute(
        "SELECT ic.itemID, c.firstName, c.lastName, c.fieldMode, t.creatorType "
        "FROM itemCreators ic JOIN creators c ON c.creatorID = ic.creatorID "
        "JOIN creatorTypes t ON t.creatorTypeID = ic.creatorTypeID "
        "ORDER BY ic.itemID, ic.orderIndex"
    )
    for row in rows:
        if row["itemID"] not in items:
            continue
        person: dict[str, Any] = {"creatorType": row["creatorType"]}
        if row["fieldMode"] == 1:  # one field: an organisation's name
            person["name"] = row["lastName"] or ""
        else:
            person.update(firstName=row["firstName"] or "", lastName=row["lastName"] or "")
        items[row["itemID"]].setdefault("creators", []).append(person)


def _add_notes(connection: sqlite3.Connection, items: dict[int, dict[str, Any]]) -> None:
    rows = connection.execute("SELECT itemID, parentItemID, note FROM itemNotes")
    for row in rows:
        item = items.get(row["itemID"])
        if item is None:
            continue
        item["note"] = row["note"] or ""
        parent = items.get(row["parentItemID"]) if row["parentItemID"] is not None else None
        if parent is not None:
            item["parentItem"] = parent["key"]
        elif row["parentItemID"] is not None:
            item["parentItem"] = "?"  # a child of an item not read (a feed's): no standalone


def _add_tags(
    connection: sqlite3.Connection, columns: dict[str, Any], items: dict[int, dict[str, Any]]
) -> None:
    if "tags" not in columns or "itemTags" not in columns:
        return
    # Zotero 5 moved a tag's type from the tag to its use on an item.
    kind = "it.type" if "type" in columns["itemTags"] else "t.type"
    rows = connection.execute(
        f"SELECT it.itemID, t.name, {kind} AS type FROM itemTags it "  # noqa: S608
        "JOIN tags t ON t.tagID = it.tagID"
    )
    for row in rows:
        if row["itemID"] in items and (row["name"] or "").strip():
            items[row["itemID"]]["tags"].append({"tag": row["name"], "type": row["type"] or 0})


def _collections(
    connection: sqlite3.Connection, columns: dict[str, Any], items: dict[int, dict[str, Any]]
) -> list[dict[str, Any]]:
    if "collections" not in columns or "collectionItems" not in columns:
        return []
    keys = {}
    found = []
    for row in connection.execute(
        "SELECT collectionID, collectionName, parentCollectionID, key FROM collections"
    ):
        keys[row["collectionID"]] = row["key"]
        found.append((row["key"], row["collectionName"], row["parentCollectionID"]))
    collections = [
        {"key": key, "name": name, "parentCollection": keys.get(parent) or False}
        for key, name, parent in found
    ]
    for row in connection.execute("SELECT collectionID, itemID FROM collectionItems"):
        if row["itemID"] in items and row["collectionID"] in keys:
            items[row["itemID"]]["collections"].append(keys[row["collectionID"]])
    return collections


def _ids(
    connection: sqlite3.Connection, query: str, columns: dict[str, Any], table: str
) -> list[int]:
    return [row[0] for row in connection.execute(query)] if table in columns else []
