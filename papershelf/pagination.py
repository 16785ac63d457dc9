"""Pages of a listing whose count stays cheap however big the shelf grows."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_SIZE = 50
# Counting every row of a large listing costs a scan of it; past this many the page says
# "of 200+" and counts no further (nobody pages through 10,000 papers one page at a time).
COUNT_CAP = 10_000


class CappedPaginator(Paginator):  # type: ignore[type-arg]
    """Django's Paginator, but it counts at most ``COUNT_CAP`` rows."""

    cap = COUNT_CAP

    @cached_property
    def count(self) -> int:
        rows: Any = self.object_list
        if hasattr(rows, "count") and hasattr(rows, "query"):
            # COUNT(*) over a LIMITed subquery: reads at most cap + 1 rows.
            return min(int(rows[: self.cap + 1].count()), self.cap + 1)
        return len(rows)

    @property
    def capped(self) -> bool:
        return bool(self.count > self.cap)


def paginate(request: HttpRequest, items: Any, per_page: int = PAGE_SIZE) -> Page:  # type: ignore[type-arg]
    """The page of ``items`` that ``?page=`` asks for (the last one past the end)."""
    return CappedPaginator(items, per_page).get_page(request.GET.get("page"))
