"""The database's own full-text index over SearchDocument (SQLite FTS5 for now).

Vendor-specific, so it runs through the backend's install/uninstall SQL and does
nothing on a database whose backend creates its index elsewhere.
"""

from django.db import migrations


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from papershelf.search.backends import sqlite

        for statement in sqlite.install_sql():
            schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from papershelf.search.backends import sqlite

        for statement in sqlite.uninstall_sql():
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
