"""The indexing outbox, and the drift it exists to repair, queued once.

Papers with no search document (a process died between an import's commit and its
indexing) and documents holding more of a field than the index now keeps are marked
dirty; ``serve`` and ``reindex`` rebuild them when they next start.
"""

from django.db import migrations, models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length
from django.utils import timezone

# Kept here rather than imported: a migration must not change when the code does.
MAX_FIELD_CHARS = 1_000_000


def queue_drift(apps, schema_editor):
    Paper = apps.get_model("papers", "Paper")
    SearchDocument = apps.get_model("search", "SearchDocument")
    DirtyPaper = apps.get_model("search", "DirtyPaper")
    missing = Paper.objects.filter(~Exists(SearchDocument.objects.filter(paper=OuterRef("pk"))))
    too_long = Q()
    for field in ("abstract", "summaries", "authors", "topics"):
        too_long |= Q(**{f"{field}_length__gt": MAX_FIELD_CHARS})
    lengths = {f"{f}_length": Length(f) for f in ("abstract", "summaries", "authors", "topics")}
    oversized = SearchDocument.objects.annotate(**lengths).filter(too_long)
    ids = {*missing.values_list("pk", flat=True), *oversized.values_list("paper_id", flat=True)}
    now = timezone.now()
    DirtyPaper.objects.bulk_create(
        [DirtyPaper(paper_id=pk, marked_at=now) for pk in sorted(ids)], batch_size=500
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_typeahead_index"),
        ("papers", "0002_titlekey_paperconflict"),  # pinned: a later one would be "applied before"
    ]

    operations = [
        migrations.CreateModel(
            name="DirtyPaper",
            fields=[
                ("paper_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("marked_at", models.DateTimeField()),
            ],
        ),
        migrations.RunPython(queue_drift, migrations.RunPython.noop),
    ]
