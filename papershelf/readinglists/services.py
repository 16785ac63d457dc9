"""Ordered reading lists with nested section headings."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.http import Http404

from papershelf.accounts.models import User
from papershelf.lib.markdown import render_markdown
from papershelf.lib.tokens import new_share_token
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ListVisibility, ReadingList, ReadingListItem


@dataclass
class TocEntry:
    heading: str
    depth: int
    anchor: str
    papers: int


def visible_lists(user: User | None) -> QuerySet[ReadingList]:
    shown = Q(visibility__in=[ListVisibility.PUBLIC, ListVisibility.UNLISTED])
    if user is not None and user.is_authenticated:
        shown |= Q(owner=user)
    return ReadingList.objects.filter(shown).select_related("owner")


def listed_lists(user: User | None) -> QuerySet[ReadingList]:
    shown = Q(visibility=ListVisibility.PUBLIC)
    if user is not None and user.is_authenticated:
        shown |= Q(owner=user)
    return ReadingList.objects.filter(shown).select_related("owner")


def _is_owner(reading_list: ReadingList, user: User | None) -> bool:
    return bool(user is not None and user.is_authenticated and reading_list.owner_id == user.pk)


def get_list_for_user(pk: int, user: User | None) -> ReadingList:
    """A list by its number: public ones, and the owner's own.

    An unlisted list answers 404 here to everyone else: numbers can be counted, so
    "anyone with the link" means its token address (``get_shared_list``).
    """
    reading_list = ReadingList.objects.filter(pk=pk).select_related("owner").first()
    if reading_list is None or not (
        reading_list.visibility == ListVisibility.PUBLIC or _is_owner(reading_list, user)
    ):
        raise Http404("No such reading list")
    return reading_list


def get_shared_list(token: str, user: User | None) -> ReadingList:
    """A list by its share token: anyone with the link, unless it has become private."""
    reading_list = ReadingList.objects.filter(share_token=token).select_related("owner").first()
    if reading_list is None or (
        reading_list.visibility == ListVisibility.PRIVATE and not _is_owner(reading_list, user)
    ):
        raise Http404("No such reading list")
    return reading_list


def get_own_list(pk: int, user: User) -> ReadingList:
    reading_list = ReadingList.objects.filter(pk=pk, owner=user).first()
    if reading_list is None:
        raise Http404("No such reading list")
    return reading_list


def create_list(
    owner: User, title: str, description: str = "", visibility: str = ListVisibility.PUBLIC
) -> ReadingList:
    return ReadingList.objects.create(
        owner=owner,
        title=title,
        description=description,
        description_html=render_markdown(description),
        visibility=visibility,
    )


def update_list(
    reading_list: ReadingList, title: str, description: str, visibility: str
) -> ReadingList:
    reading_list.title = title
    reading_list.description = description
    reading_list.description_html = render_markdown(description)
    if visibility == ListVisibility.UNLISTED != reading_list.visibility:
        # A link shared before it was made private (or public) stays dead when it is
        # unlisted again: each spell of being unlisted has its own link.
        reading_list.share_token = new_share_token()
    reading_list.visibility = visibility
    reading_list.save()
    return reading_list


def _next_position(reading_list: ReadingList) -> int:
    last = reading_list.items.aggregate(p=Max("position"))["p"]
    return 0 if last is None else last + 1


def render_note(note: str) -> str:
    """A list item's note as safe HTML; notes are Markdown with math, like summaries."""
    return render_markdown(note) if note.strip() else ""


def add_paper(reading_list: ReadingList, paper: Paper, note: str = "") -> ReadingListItem:
    return ReadingListItem.objects.create(
        reading_list=reading_list,
        paper=paper,
        note=note,
        note_html=render_note(note),
        position=_next_position(reading_list),
    )


def add_heading(reading_list: ReadingList, heading: str, depth: int = 1) -> ReadingListItem:
    return ReadingListItem.objects.create(
        reading_list=reading_list,
        heading=heading.strip(),
        depth=max(1, min(depth, 6)),
        position=_next_position(reading_list),
    )


@transaction.atomic
def move_item(item: ReadingListItem, offset: int) -> None:
    """Move an item up (negative) or down (positive), renumbering the list densely."""
    items = list(item.reading_list.items.order_by("position"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    _renumber(items)


def _renumber(items: list[ReadingListItem]) -> None:
    for position, each in enumerate(items):
        each.position = position
    ReadingListItem.objects.bulk_update(items, ["position"])


def update_item(item: ReadingListItem, note: str = "", heading: str = "", depth: int = 1) -> None:
    if item.is_heading:
        item.heading = heading.strip() or item.heading
        item.depth = max(1, min(depth, 6))
    else:
        item.note = note
        item.note_html = render_note(note)
    item.save()


@transaction.atomic
def remove_item(item: ReadingListItem) -> None:
    reading_list = item.reading_list
    item.delete()
    _renumber(list(reading_list.items.order_by("position")))


def heading_anchor(item: ReadingListItem) -> str:
    return f"section-{item.pk}"


def table_of_contents(items: list[ReadingListItem]) -> list[TocEntry]:
    """One entry per heading, with how many papers stand under it before the next heading."""
    toc: list[TocEntry] = []
    for item in items:
        if item.is_heading:
            toc.append(TocEntry(item.heading, item.depth, heading_anchor(item), 0))
        elif toc:
            toc[-1].papers += 1
    return toc


def lists_containing(paper: Paper, user: User | None) -> QuerySet[ReadingList]:
    return listed_lists(user).filter(items__paper=paper).distinct()
