"""SQLite indexes that hold every column a search reads from a few hundred rows.

A search reads the year and venue of its best 300 papers (facets) and the paper, kind
and summary of its 300 nearest vectors. Each is a random row of a table of long text
(documents) or of vectors and passages (embeddings): at 1,000,000 papers that is 300
reads from disk per search. These indexes are small enough to stay in memory and answer
both reads alone. PostgreSQL reads the same rows from its own buffers: SQLite only.
"""

from django.db import migrations

INDEXES = [
    "CREATE INDEX IF NOT EXISTS search_doc_facets "
    "ON search_searchdocument (paper_id, year, venue)",
    "CREATE INDEX IF NOT EXISTS search_embedding_keys "
    "ON search_embedding (id, paper_id, kind, summary_id)",
]


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in INDEXES:
            schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS search_doc_facets")
        schema_editor.execute("DROP INDEX IF EXISTS search_embedding_keys")


class Migration(migrations.Migration):
    dependencies = [("search", "0012_postgresql_full_text")]

    operations = [migrations.RunPython(install, uninstall)]
