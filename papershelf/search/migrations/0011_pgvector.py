"""Vectors in the database on PostgreSQL: pgvector's ``vector(384)`` with an HNSW index.

On SQLite nothing in the database changes: the column stays a blob of float32 bytes and
the usearch file in the data directory indexes it (vectors.py). On PostgreSQL the blob
column becomes a ``vector(384)`` (existing rows converted) and an HNSW index (cosine)
answers nearest-neighbour queries.

Kept here rather than imported: a migration must not change when the code does.
"""

from django.db import migrations

import papershelf.search.fields

DIMENSIONS = 384
TABLE = "search_embedding"
HNSW_INDEX = "search_embedding_vector_hnsw"
_BATCH = 2000


def _is_postgresql(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


def _convert(schema_editor, new_type, to_new):
    """Swap the ``vector`` column for one of ``new_type``, converting every row in Python."""
    connection = schema_editor.connection
    schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN vector_new {new_type}")
    last = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, vector FROM {TABLE} WHERE id > %s ORDER BY id LIMIT %s",
                [last, _BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                break
            cursor.executemany(
                f"UPDATE {TABLE} SET vector_new = %s::{new_type} WHERE id = %s",
                [(to_new(value), pk) for pk, value in rows],
            )
        last = rows[-1][0]
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN vector")
    schema_editor.execute(f"ALTER TABLE {TABLE} RENAME COLUMN vector_new TO vector")
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET NOT NULL")


def _as_vector_text(value):
    import numpy as np
    from pgvector import Vector

    return Vector(np.frombuffer(bytes(value), dtype=np.float32)).to_text()


def _as_float32_bytes(value):
    from pgvector import Vector

    return Vector.from_text(value).to_numpy().tobytes()


def blobs_to_vectors(apps, schema_editor):
    if not _is_postgresql(schema_editor):
        return
    _convert(schema_editor, f"vector({DIMENSIONS})", _as_vector_text)
    # m and ef_construction as the usearch graph on SQLite (CONNECTIVITY, EXPANSION_ADD).
    schema_editor.execute(
        f"CREATE INDEX {HNSW_INDEX} ON {TABLE} USING hnsw (vector vector_cosine_ops) "
        "WITH (m = 16, ef_construction = 128)"
    )


def vectors_to_blobs(apps, schema_editor):
    if not _is_postgresql(schema_editor):
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {HNSW_INDEX}")
    _convert(schema_editor, "bytea", _as_float32_bytes)


class Migration(migrations.Migration):
    dependencies = [("search", "0010_postgresql_extensions")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="embedding",
                    name="vector",
                    field=papershelf.search.fields.EmbeddingVectorField(dimensions=DIMENSIONS),
                ),
            ],
            database_operations=[
                migrations.RunPython(blobs_to_vectors, vectors_to_blobs),
            ],
        ),
    ]
