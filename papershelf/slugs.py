"""Slugs that are unique within a table: "deep-learning", then "deep-learning-2"."""

from __future__ import annotations

from django.db.models import Model, QuerySet
from django.utils.text import slugify

_SUFFIX_ROOM = 6  # "-99999"


def unique_slug(rows: QuerySet[Model], text: str, max_length: int, fallback: str) -> str:
    base = slugify(text)[: max_length - _SUFFIX_ROOM] or fallback
    slug, n = base, 1
    while rows.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
