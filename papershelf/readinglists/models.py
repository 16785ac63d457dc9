from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from papershelf.lib.tokens import new_share_token


class ListVisibility(models.TextChoices):
    PUBLIC = "public", "Public"
    UNLISTED = "unlisted", "Unlisted — anyone with the link"
    PRIVATE = "private", "Private — only me"


class ReadingList(models.Model):
    """An ordered path through papers: a curriculum, a reading group, a bookmark page."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_lists"
    )
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True, help_text="Markdown.")
    description_html = models.TextField(editable=False, default="")
    visibility = models.CharField(
        max_length=10, choices=ListVisibility.choices, default=ListVisibility.PUBLIC
    )
    # Every list has one, so switching to unlisted always has a link to share.
    share_token = models.CharField(
        max_length=32, unique=True, default=new_share_token, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The address to link: an unlisted list only ever by its unguessable token."""
        if self.visibility == ListVisibility.UNLISTED:
            return reverse("readinglists-shared", args=[self.share_token])
        return reverse("readinglists-detail", args=[self.pk])


class ReadingListItem(models.Model):
    """Either a paper or a section heading; headings nest by ``depth`` (1 = top)."""

    reading_list = models.ForeignKey(ReadingList, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    paper = models.ForeignKey(
        "papers.Paper",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reading_list_items",
    )
    heading = models.CharField(max_length=300, blank=True)
    depth = models.PositiveSmallIntegerField(default=1)
    note = models.TextField(blank=True)  # Markdown: a section's notes (a lesson's), a paper's
    note_html = models.TextField(blank=True, editable=False)  # rendered and sanitised

    class Meta:
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(paper__isnull=False) & models.Q(heading=""))
                | (models.Q(paper__isnull=True) & ~models.Q(heading="")),
                name="item_is_paper_or_heading",
            ),
        ]

    def __str__(self) -> str:
        return self.heading or str(self.paper)

    @property
    def is_heading(self) -> bool:
        return self.paper_id is None
