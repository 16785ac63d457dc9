"""Cursor pagination: stable under inserts, by ascending id; the cursor is opaque."""

from __future__ import annotations

import base64
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from papershelf.api.problems import ApiProblem

M = TypeVar("M", bound=Model)
MAX_LIMIT = 200


def _decode(cursor: str) -> int:
    try:
        return int(base64.urlsafe_b64decode(cursor.encode() + b"==").decode())
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiProblem(400, "The cursor is not one this API gave out.") from exc


def _encode(pk: int) -> str:
    return base64.urlsafe_b64encode(str(pk).encode()).decode().rstrip("=")


def paginate(queryset: QuerySet[M], cursor: str | None, limit: int) -> tuple[list[M], str | None]:
    """One page after ``cursor`` and the cursor of the next page (None at the end)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ApiProblem(400, f"limit must be between 1 and {MAX_LIMIT}.")
    if cursor:
        queryset = queryset.filter(pk__gt=_decode(cursor))
    rows = list(queryset.order_by("pk")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, _encode(rows[-1].pk) if more and rows else None


def page(items: list[Any], next_cursor: str | None) -> dict[str, Any]:
    return {"items": items, "next_cursor": next_cursor}
