"""Reading lists with their ordered items and sections.

Writes go through the services the list pages use, with the same rule: a list is its
owner's alone to change, and anyone else's answers 404 whatever its visibility.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status

from papershelf.api.auth import WriteToken, reader, writer
from papershelf.api.pagination import paginate
from papershelf.api.papers import ListParams
from papershelf.api.schemas import (
    NO_CONTENT,
    ListDetailOut,
    ListIn,
    ListItemIn,
    ListItemOut,
    ListItemUpdate,
    ListOrderIn,
    ListOut,
    ListUpdate,
    Page,
    SectionIn,
    SectionUpdate,
    answers,
)
from papershelf.papers.models import Paper
from papershelf.readinglists import services
from papershelf.readinglists.models import ReadingList, ReadingListItem

router = Router(tags=["reading lists"])


def list_out(reading_list: ReadingList) -> dict[str, Any]:
    fields = (name for name in ListOut.model_fields if name != "owner")
    return {name: getattr(reading_list, name) for name in fields} | {
        "owner": reading_list.owner.username
    }


def item_out(item: ReadingListItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "position": item.position,
        "kind": "heading" if item.is_heading else "paper",
        "paper_id": item.paper_id,
        "title": item.heading or (item.paper.title if item.paper else ""),
        "depth": item.depth,
        "note": item.note,
    }


def _detail(reading_list: ReadingList) -> dict[str, Any]:
    items = reading_list.items.select_related("paper").order_by("position")
    return {**list_out(reading_list), "items": [item_out(item) for item in items]}


@router.get("/lists", response=answers(Page[ListOut]), summary="List reading lists")
def list_lists(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    rows, cursor = paginate(services.listed_lists(reader(request)), params.cursor, params.limit)
    return {"items": [list_out(rl) for rl in rows], "next_cursor": cursor}


@router.get(
    "/lists/{list_id}",
    response=answers(ListDetailOut),
    summary="One list, in order",
)
def get_list(request: HttpRequest, list_id: int) -> dict[str, Any]:
    return _detail(services.get_list_for_user(list_id, reader(request)))


@router.post(
    "/lists",
    response=answers(ListDetailOut, 201),
    auth=WriteToken(),
    summary="Make a reading list",
)
def add_list(request: HttpRequest, data: ListIn) -> Status:
    made = services.create_list(writer(request), data.title, data.description, data.visibility)
    return Status(201, _detail(made))


@router.patch(
    "/lists/{list_id}",
    response=answers(ListDetailOut),
    auth=WriteToken(),
    summary="Change a list's title, description or visibility",
)
def change_list(request: HttpRequest, list_id: int, data: ListUpdate) -> dict[str, Any]:
    reading_list = services.get_own_list(list_id, writer(request))
    services.update_list(
        reading_list,
        data.title if data.title is not None else reading_list.title,
        data.description if data.description is not None else reading_list.description,
        data.visibility or reading_list.visibility,
    )
    return _detail(reading_list)


@router.delete(
    "/lists/{list_id}",
    response=answers(None, NO_CONTENT),
    auth=WriteToken(),
    summary="Delete a list",
)
def delete_list(request: HttpRequest, list_id: int) -> Status:
    services.get_own_list(list_id, writer(request)).delete()  # as the page does
    return Status(NO_CONTENT, None)


def _item_of(reading_list: ReadingList, item_id: int, heading: bool) -> ReadingListItem:
    """A paper (or with ``heading``, a section) of this list; any other id answers 404."""
    item = reading_list.items.select_related("paper").filter(pk=item_id).first()
    if item is None or item.is_heading != heading:
        raise Http404("No such item")
    return item


def _own_item(request: HttpRequest, list_id: int, item_id: int, heading: bool) -> ReadingListItem:
    return _item_of(services.get_own_list(list_id, writer(request)), item_id, heading)


@router.post(
    "/lists/{list_id}/items",
    response=answers(ListItemOut, 201),
    auth=WriteToken(),
    summary="Add a paper, at the end of the list or of a section",
)
def add_list_item(request: HttpRequest, list_id: int, data: ListItemIn) -> Status:
    reading_list = services.get_own_list(list_id, writer(request))
    paper = get_object_or_404(Paper, pk=data.paper_id)
    section = None
    if data.section_id is not None:
        section = _item_of(reading_list, data.section_id, heading=True)
    return Status(201, item_out(services.add_paper(reading_list, paper, data.note, section)))


@router.patch(
    "/lists/{list_id}/items/{item_id}",
    response=answers(ListItemOut),
    auth=WriteToken(),
    summary="Change the note on a paper in a list",
)
def change_list_item(
    request: HttpRequest, list_id: int, item_id: int, data: ListItemUpdate
) -> dict[str, Any]:
    item = _own_item(request, list_id, item_id, heading=False)
    services.update_item(item, note=data.note)
    return item_out(item)


@router.delete(
    "/lists/{list_id}/items/{item_id}",
    response=answers(None, NO_CONTENT),
    auth=WriteToken(),
    summary="Take a paper out of a list",
)
def remove_list_item(request: HttpRequest, list_id: int, item_id: int) -> Status:
    services.remove_item(_own_item(request, list_id, item_id, heading=False))
    return Status(NO_CONTENT, None)


@router.post(
    "/lists/{list_id}/sections",
    response=answers(ListItemOut, 201),
    auth=WriteToken(),
    summary="Add a section heading at the end of a list",
)
def add_list_section(request: HttpRequest, list_id: int, data: SectionIn) -> Status:
    reading_list = services.get_own_list(list_id, writer(request))
    return Status(201, item_out(services.add_heading(reading_list, data.heading, data.depth)))


@router.patch(
    "/lists/{list_id}/sections/{section_id}",
    response=answers(ListItemOut),
    auth=WriteToken(),
    summary="Rename a section, or change its depth",
)
def change_list_section(
    request: HttpRequest, list_id: int, section_id: int, data: SectionUpdate
) -> dict[str, Any]:
    section = _own_item(request, list_id, section_id, heading=True)
    services.update_item(
        section, heading=data.heading or section.heading, depth=data.depth or section.depth
    )
    return item_out(section)


@router.delete(
    "/lists/{list_id}/sections/{section_id}",
    response=answers(None, NO_CONTENT),
    auth=WriteToken(),
    summary="Delete a section heading (its papers stay, under the section before)",
)
def remove_list_section(request: HttpRequest, list_id: int, section_id: int) -> Status:
    services.remove_item(_own_item(request, list_id, section_id, heading=True))
    return Status(NO_CONTENT, None)


@router.put(
    "/lists/{list_id}/order",
    response=answers(ListDetailOut),
    auth=WriteToken(),
    summary="Reorder a list's papers and sections",
)
def reorder_list(request: HttpRequest, list_id: int, data: ListOrderIn) -> dict[str, Any]:
    reading_list = services.get_own_list(list_id, writer(request))
    services.reorder_items(reading_list, data.items)
    return _detail(reading_list)
