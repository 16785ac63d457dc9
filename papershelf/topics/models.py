from __future__ import annotations

from django.conf import settings
from django.db import models

from papershelf.links import url


class Topic(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True, help_text="Markdown.")
    description_html = models.TextField(editable=False, default="")
    papers = models.ManyToManyField("papers.Paper", related_name="topics", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return url("topics-detail", self.slug)
