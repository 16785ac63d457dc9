"""Every reading list gets an unguessable share token: unlisted ones are then reached by
/l/<token>/ only, and a list switched to unlisted later already has one."""

from django.db import migrations, models

import papershelf.lib.tokens


def give_every_list_a_token(apps, schema_editor):  # type: ignore[no-untyped-def]
    ReadingList = apps.get_model("readinglists", "ReadingList")
    for reading_list in ReadingList.objects.only("pk").iterator():
        reading_list.share_token = papershelf.lib.tokens.new_share_token()
        reading_list.save(update_fields=["share_token"])


class Migration(migrations.Migration):
    dependencies = [
        ("readinglists", "0001_initial"),
    ]

    operations = [
        # Nullable first: a callable default on AddField gives every existing row one value.
        migrations.AddField(
            model_name="readinglist",
            name="share_token",
            field=models.CharField(editable=False, max_length=32, null=True),
        ),
        migrations.RunPython(give_every_list_a_token, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="readinglist",
            name="share_token",
            field=models.CharField(
                default=papershelf.lib.tokens.new_share_token,
                editable=False,
                max_length=32,
                unique=True,
            ),
        ),
    ]
