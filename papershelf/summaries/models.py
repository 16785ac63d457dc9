from __future__ import annotations

from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.urls import reverse

from papershelf.lib.tokens import new_share_token


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public — listed for everyone"
    UNLISTED = "unlisted", "Unlisted — anyone with the link"
    PRIVATE = "private", "Private — only me"


class Summary(models.Model):
    paper = models.ForeignKey("papers.Paper", on_delete=models.CASCADE, related_name="summaries")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="summaries"
    )
    title = models.CharField(max_length=300, blank=True)
    body = models.TextField(help_text="Markdown with $math$, code, tables and images.")
    # Rendered once on save: a page view never pays for Markdown + sanitising.
    body_html = models.TextField(editable=False, default="")
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC, db_index=True
    )
    anonymous = models.BooleanField(default=False, help_text="Hide my name from other readers.")
    # Hidden by a moderator, or held for review (papershelf.moderation says which): shown
    # to nobody but its author and moderators, whatever its visibility.
    hidden = models.BooleanField(default=False, db_index=True)
    # Every summary has one, so switching to unlisted always has a link to share.
    share_token = models.CharField(
        max_length=32, unique=True, default=new_share_token, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "summaries"

    def __str__(self) -> str:
        return self.title or f"Summary of {self.paper}"

    def get_absolute_url(self) -> str:
        """The address to link: an unlisted summary only ever by its unguessable token."""
        if self.visibility == Visibility.UNLISTED:
            return reverse("summaries-shared", args=[self.share_token])
        return reverse("summaries-detail", args=[self.pk])

    def byline(self) -> str:
        return "Anonymous" if self.anonymous else self.author.username


class Revision(models.Model):
    """A saved state of a summary. Every save adds one; nothing is ever overwritten."""

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["summary", "number"], name="unique_revision_number")
        ]

    def __str__(self) -> str:
        return f"{self.summary} r{self.number}"


class Attachment(models.Model):
    """An image a summary refers to by a relative path (from an export folder or zip).

    Stored under the SHA-256 of its bytes (``attachments/<sha256>.png``), never under the
    name it came with, and served only through the summary's own address, which applies
    the summary's visibility (``Attachment.url``); there is no public media URL for it.
    """

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(max_length=500, help_text="The path exactly as the Markdown has it.")
    file = models.ImageField(upload_to="attachments/")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["summary", "name"], name="unique_attachment_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def filename(self) -> str:
        return PurePosixPath(self.file.name).name

    def url(self) -> str:
        return f"{self.summary.get_absolute_url()}files/{self.filename}"
