"""Fill the index with the papers that were on the shelf before search existed."""

from django.db import migrations


def index_existing(apps, schema_editor):
    from papershelf.search.indexing import refresh_all_documents

    refresh_all_documents()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_fulltext_index"),
        ("papers", "0002_titlekey_paperconflict"),  # pinned: a later one would be "applied before"
        ("summaries", "__latest__"),
        ("topics", "__latest__"),
    ]

    operations = [migrations.RunPython(index_existing, migrations.RunPython.noop)]
