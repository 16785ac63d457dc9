"""The PostgreSQL extensions search needs: pgvector (``vector``) and ``unaccent``.

Nothing happens on SQLite. ``unaccent`` ships with PostgreSQL (contrib) and any owner
of the database may create it; ``vector`` takes a superuser, so a role that may not
create it gets a message that says what to ask for instead of a traceback.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, migrations

EXTENSIONS = ("vector", "unaccent")
HELP = (
    "Papershelf on PostgreSQL needs the {extension!r} extension in database {name!r}, and "
    "this role could not create it. Ask the database's administrator to run "
    "`CREATE EXTENSION {extension};` in that database (pgvector: a superuser, or a managed "
    "service's admin role; Debian and Ubuntu package it as postgresql-<version>-pgvector), "
    "then migrate again. See 'PostgreSQL' in README.md. The server said: {error}"
)


def create_extensions(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    for extension in EXTENSIONS:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = %s", [extension])
            if cursor.fetchone():
                continue  # an administrator created it already: no privilege needed
            try:
                cursor.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")
            except DatabaseError as exc:
                name = connection.settings_dict["NAME"]
                message = HELP.format(extension=extension, name=name, error=str(exc).strip())
                raise ImproperlyConfigured(message) from exc


class Migration(migrations.Migration):
    dependencies = [("search", "0009_keyword_outbox")]

    # Left in place when unapplied: other database objects may use them by then.
    operations = [migrations.RunPython(create_extensions, migrations.RunPython.noop)]
