"""Reading lists with their ordered items and sections."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from papershelf.api.auth import reader
from papershelf.api.pagination import paginate
from papershelf.api.papers import ListParams
from papershelf.api.schemas import ListDetailOut, ListOut, Page, answers
from papershelf.readinglists.models import ReadingList
from papershelf.readinglists.services import get_list_for_user, listed_lists

router = Router(tags=["reading lists"])


def list_out(reading_list: ReadingList) -> dict[str, Any]:
    fields = (name for name in ListOut.model_fields if name != "owner")
    return {name: getattr(reading_list, name) for name in fields} | {
        "owner": reading_list.owner.username
    }


def _items(reading_list: ReadingList) -> list[dict[str, Any]]:
    return [
        {
            "position": item.position,
            "kind": "heading" if item.is_heading else "paper",
            "paper_id": item.paper_id,
            "title": item.heading or (item.paper.title if item.paper else ""),
            "depth": item.depth,
            "note": item.note,
        }
        for item in reading_list.items.select_related("paper").order_by("position")
    ]


@router.get("/lists", response=answers(Page[ListOut]), summary="List reading lists")
def list_lists(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    rows, cursor = paginate(listed_lists(reader(request)), params.cursor, params.limit)
    return {"items": [list_out(rl) for rl in rows], "next_cursor": cursor}


@router.get(
    "/lists/{list_id}",
    response=answers(ListDetailOut),
    summary="One list, in order",
)
def get_list(request: HttpRequest, list_id: int) -> dict[str, Any]:
    reading_list = get_list_for_user(list_id, reader(request))
    return {**list_out(reading_list), "items": _items(reading_list)}
