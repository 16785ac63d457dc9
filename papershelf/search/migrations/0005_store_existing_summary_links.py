"""Store the links of the summaries written before links were stored on save."""

from django.db import migrations

_BATCH = 1000


def store_existing_links(apps, schema_editor):
    from papershelf.search.links import links_in_markdown

    Summary = apps.get_model("summaries", "Summary")
    SummaryLink = apps.get_model("search", "SummaryLink")
    rows = []
    for summary_id, body in Summary.objects.values_list("pk", "body").iterator():
        rows += [
            SummaryLink(summary_id=summary_id, kind=kind, value=value)
            for kind, value in sorted(links_in_markdown(body))
        ]
        if len(rows) >= _BATCH:
            SummaryLink.objects.bulk_create(rows, ignore_conflicts=True)
            rows = []
    SummaryLink.objects.bulk_create(rows, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_links_and_dismissals"),
        ("summaries", "__latest__"),
    ]

    operations = [migrations.RunPython(store_existing_links, migrations.RunPython.noop)]
