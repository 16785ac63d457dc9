"""Unlisted summaries by token only, and attachments that are no longer public files.

Every summary gets an unguessable share token (/s/<token>/). Existing attachments are
moved to content-hash names (attachments/<sha256>.<ext>) so no stored name is guessable,
and the summaries that show them are rendered again to point at the summary's own file
address, which applies the summary's visibility.
"""

import hashlib
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models
from django.urls import reverse

import papershelf.lib.tokens
from papershelf.lib.markdown import render_markdown


def give_every_summary_a_token(apps, schema_editor):  # type: ignore[no-untyped-def]
    Summary = apps.get_model("summaries", "Summary")
    for summary in Summary.objects.only("pk").iterator():
        summary.share_token = papershelf.lib.tokens.new_share_token()
        summary.save(update_fields=["share_token"])


def _hashed_name(old_name: str) -> str | None:
    try:
        with default_storage.open(old_name, "rb") as handle:
            content = handle.read()
    except OSError:
        return None  # the file is gone already; the row keeps its name and answers 404
    new_name = f"attachments/{hashlib.sha256(content).hexdigest()}"
    new_name += PurePosixPath(old_name).suffix.lower()
    if not default_storage.exists(new_name):
        new_name = default_storage.save(new_name, ContentFile(content))
    return new_name


def _file_url(summary, filename: str) -> str:  # type: ignore[no-untyped-def]
    # The rule of Summary.get_absolute_url at the time of this migration.
    if summary.visibility == "unlisted":
        return reverse("summaries-shared-file", args=[summary.share_token, filename])
    return reverse("summaries-file", args=[summary.pk, filename])


def move_attachments_to_hash_names(apps, schema_editor):  # type: ignore[no-untyped-def]
    Attachment = apps.get_model("summaries", "Attachment")
    Summary = apps.get_model("summaries", "Summary")
    old_names = []
    for attachment in Attachment.objects.all():
        new_name = _hashed_name(attachment.file.name)
        if new_name is not None and new_name != attachment.file.name:
            old_names.append(attachment.file.name)
            attachment.file.name = new_name
            attachment.save(update_fields=["file"])
    for summary in Summary.objects.filter(attachments__isnull=False).distinct():
        urls = {
            a.name: _file_url(summary, PurePosixPath(a.file.name).name)
            for a in Attachment.objects.filter(summary=summary)
        }
        summary.body_html = render_markdown(
            summary.body,
            image_url=lambda src, urls=urls: urls.get(src, src),
            doc_id=f"s{summary.pk}",
        )
        summary.save(update_fields=["body_html"])
    for name in old_names:
        default_storage.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("summaries", "0002_attachment"),
    ]

    operations = [
        # Nullable first: a callable default on AddField gives every existing row one value.
        migrations.AddField(
            model_name="summary",
            name="share_token",
            field=models.CharField(editable=False, max_length=32, null=True),
        ),
        migrations.RunPython(give_every_summary_a_token, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="summary",
            name="share_token",
            field=models.CharField(
                default=papershelf.lib.tokens.new_share_token,
                editable=False,
                max_length=32,
                unique=True,
            ),
        ),
        migrations.AlterField(
            model_name="attachment",
            name="file",
            field=models.ImageField(upload_to="attachments/"),
        ),
        migrations.RunPython(move_attachments_to_hash_names, migrations.RunPython.noop),
    ]
