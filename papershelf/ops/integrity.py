"""The database's own integrity check, for `papershelf doctor` and the kill -9 fault runs.

SQLite checks its file with ``PRAGMA quick_check`` (every page and row, without
comparing indexes to their tables, which is what makes ``integrity_check`` slow on a
large shelf). PostgreSQL's equivalent is the ``amcheck`` extension: every B-tree index
checked against its table (``bt_index_check`` with ``heapallindexed``) and every table's
pages (``verify_heapam``). amcheck takes a superuser to install; without it, every table
is read through once, which still finds a page the server cannot read.

Plain DB-API cursors, so the fault harness can run the same check from outside Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# User tables and their indexes: not the catalogue, not TOAST, not temporary ones.
_RELATIONS = """
    SELECT c.oid::regclass::text FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = %s AND c.relpersistence = 'p'
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
    ORDER BY 1
"""
_BTREE_INDEXES = """
    SELECT c.oid::regclass::text FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am a ON a.oid = c.relam
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE a.amname = 'btree' AND i.indisready AND i.indisvalid AND c.relpersistence = 'p'
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
    ORDER BY 1
"""


@dataclass
class IntegrityReport:
    method: str  # what was checked, in a few words
    problems: list[str] = field(default_factory=list)
    advice: str = ""  # how to check more deeply, when a deeper check was not possible

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(cursor: Any, vendor: str) -> IntegrityReport:
    """Run the database's own check through ``cursor`` (autocommit, so one failure is one)."""
    if vendor == "sqlite":
        cursor.execute("PRAGMA quick_check")
        found = [str(row[0]) for row in cursor.fetchall()]
        return IntegrityReport("SQLite quick_check", [] if found == ["ok"] else found)
    if vendor == "postgresql":
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")
        if cursor.fetchone():
            return _amcheck(cursor)
        return _read_every_table(cursor)
    return IntegrityReport(f"no check for {vendor}")


def _names(cursor: Any, sql: str, *params: str) -> list[str]:
    cursor.execute(sql, params)
    return [str(row[0]) for row in cursor.fetchall()]


def _amcheck(cursor: Any) -> IntegrityReport:
    report = IntegrityReport("PostgreSQL amcheck (indexes and tables)")
    for index in _names(cursor, _BTREE_INDEXES):
        try:
            cursor.execute("SELECT bt_index_check(%s::regclass, true)", [index])
        except Exception as exc:  # whatever the server says is the finding
            report.problems.append(f"index {index}: {_first_line(exc)}")
    for table in _names(cursor, _RELATIONS, "r"):
        cursor.execute("SELECT blkno, offnum, msg FROM verify_heapam(%s::regclass)", [table])
        report.problems += [f"table {table} page {b} item {o}: {m}" for b, o, m in cursor]
    return report


def _read_every_table(cursor: Any) -> IntegrityReport:
    report = IntegrityReport(
        "every table read through",
        advice="for a check of every index and page, a superuser runs "
        "`CREATE EXTENSION amcheck;` in this database",
    )
    for table in _names(cursor, _RELATIONS, "r"):
        try:
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - a name from pg_class
            cursor.fetchall()
        except Exception as exc:  # whatever the server says is the finding
            report.problems.append(f"table {table}: {_first_line(exc)}")
    return report


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
