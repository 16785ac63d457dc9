"""Provenance: where each imported paper and summary came from, so a re-import updates."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ImportSource(models.Model):
    """One imported document (a file's path, or an uploaded file's name), per user.

    A bibliography imported on a shelf with no accounts yet has no owner: its papers
    belong to the shelf, and the first account to import the same file adopts it.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="import_sources",
    )
    key = models.CharField(max_length=1000, help_text="The file's resolved path or upload name.")
    name = models.CharField(max_length=300, help_text="The file's name, for people.")
    format = models.CharField(max_length=30)
    sha256 = models.CharField(max_length=64)
    reading_list = models.ForeignKey(
        "readinglists.ReadingList", null=True, blank=True, on_delete=models.SET_NULL
    )
    first_imported_at = models.DateTimeField(auto_now_add=True)
    last_imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="unique_import_source"),
            # NULLs are distinct to a unique index: without this, each ownerless re-import
            # of a file could add a source beside the last one instead of updating it.
            models.UniqueConstraint(
                fields=["key"],
                condition=models.Q(owner__isnull=True),
                name="unique_unowned_import_source",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ImportedEntry(models.Model):
    """One part of a source document and what it became."""

    source = models.ForeignKey(ImportSource, on_delete=models.CASCADE, related_name="entries")
    key = models.CharField(max_length=1000, help_text="Stable within the document: an id or title.")
    line = models.PositiveIntegerField(null=True, blank=True)
    paper = models.ForeignKey(
        "papers.Paper", on_delete=models.CASCADE, related_name="imported_entries"
    )
    summary = models.OneToOneField(
        "summaries.Summary",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="provenance",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="unique_imported_entry")
        ]

    def __str__(self) -> str:
        return f"{self.source.name}:{self.line or '?'}"

    @property
    def where(self) -> str:
        return f"{self.source.name}:{self.line}" if self.line else self.source.name
