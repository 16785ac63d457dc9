"""A second, small full-text index of titles and authors as typed, for type-ahead.

The main index stems words ("learning" is stored as "learn"), so a prefix typed
half-way ("learnin") found nothing. The triggers are recreated to feed both indexes.
"""

from django.db import migrations


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from papershelf.search.backends import sqlite

        for statement in [*sqlite.drop_triggers_sql(), *sqlite.install_sql()]:
            schema_editor.execute(statement)
        titles = sqlite.TITLES
        schema_editor.execute(f"INSERT INTO {titles}({titles}) VALUES ('rebuild')")


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from papershelf.search.backends import sqlite

        for statement in sqlite.drop_triggers_sql():
            schema_editor.execute(statement)
        schema_editor.execute(f"DROP TABLE IF EXISTS {sqlite.TITLES}")
        # The triggers as they were, feeding the main index alone.
        table, documents = sqlite.TABLE, sqlite.DOCUMENTS
        delete_old, insert_new = sqlite._sync_statements(table, sqlite.COLUMNS)
        for name, event, body in [
            ("ai", "INSERT", insert_new),
            ("ad", "DELETE", delete_old),
            ("au", "UPDATE", f"{delete_old} {insert_new}"),
        ]:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_{name} AFTER {event} ON {documents} BEGIN {body} END"
            )


class Migration(migrations.Migration):
    dependencies = [("search", "0006_paper_year_index")]

    operations = [migrations.RunPython(install, uninstall)]
