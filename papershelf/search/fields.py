"""A vector column that holds float32 bytes in Python on every database.

On PostgreSQL the column is pgvector's ``vector(n)``, so the database itself can index
and search it (HNSW, see ``vectors.PgVectorIndex``); elsewhere it stays a blob. Code
that reads or writes ``Embedding.vector`` sees the same bytes either way, and so does
anything that copies rows from one database to the other.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from pgvector import Vector


def _is_postgresql(connection: BaseDatabaseWrapper) -> bool:
    return connection.vendor == "postgresql"


class EmbeddingVectorField(models.BinaryField):
    """float32 bytes (``ndarray.tobytes()``); pgvector's ``vector(dimensions)`` on PostgreSQL."""

    def __init__(self, *args: Any, dimensions: int, **kwargs: Any) -> None:
        self.dimensions = dimensions
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, {**kwargs, "dimensions": self.dimensions}

    def db_type(self, connection: BaseDatabaseWrapper) -> str | None:
        if _is_postgresql(connection):
            return f"vector({self.dimensions})"
        return super().db_type(connection)

    def get_db_prep_value(
        self, value: Any, connection: BaseDatabaseWrapper, prepared: bool = False
    ) -> Any:
        if value is None or not _is_postgresql(connection):
            return super().get_db_prep_value(value, connection, prepared)
        # pgvector's text form: each float32 written as the double it is, so the
        # database reads back exactly the float it was given.
        return Vector(np.frombuffer(bytes(value), dtype=np.float32)).to_text()

    def from_db_value(self, value: Any, expression: Any, connection: BaseDatabaseWrapper) -> Any:
        if value is None or not _is_postgresql(connection):
            return value
        if isinstance(value, str):
            value = Vector.from_text(value)
        if isinstance(value, Vector):
            return value.to_numpy().tobytes()
        # A connection with pgvector's psycopg loaders registered hands over an array.
        return np.asarray(value, dtype=np.float32).tobytes()
