"""Full-text search backends, one per database vendor, chosen by ``connection.vendor``.

Each backend answers the same few questions about a :class:`ParsedQuery` with the
database's own engine; everything vendor-neutral (facets, fusion, permissions) stays in
``services.py``. Adding PostgreSQL means writing ``postgresql.py`` and one registry line.
"""

from __future__ import annotations

from django.db import connection

from papershelf.search.backends.base import KeywordBackend
from papershelf.search.backends.postgresql import PostgresBackend
from papershelf.search.backends.sqlite import SQLiteBackend

BACKENDS: dict[str, type[KeywordBackend]] = {
    "sqlite": SQLiteBackend,
    "postgresql": PostgresBackend,
}


class UnsupportedDatabase(RuntimeError):
    pass


def get_backend() -> KeywordBackend:
    try:
        return BACKENDS[connection.vendor]()
    except KeyError:
        raise UnsupportedDatabase(f"No search backend for {connection.vendor} yet") from None
