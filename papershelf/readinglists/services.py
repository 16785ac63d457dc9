"""Ordered reading lists with nested section headings."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Q, QuerySet
from django.http import Http404

from papershelf.accounts.models import User
from papershelf.lib.markdown import render_markdown
from papershelf.lib.tokens import new_share_token
from papershelf.papers.models import Paper, PaperAuthor
from papershelf.readinglists.models import ListVisibility, ReadingList, ReadingListItem


@dataclass
class TocEntry:
    heading: str
    depth: int
    anchor: str
    papers: int


@dataclass
class SectionChoice:
    pk: int
    label: str  # the heading, indented by its depth (a menu's options take no padding)


@dataclass
class ListChoice:
    """One of a person's lists as the paper page offers it: its sections in order."""

    reading_list: ReadingList
    sections: list[SectionChoice]


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


def own_lists_with_sections(user: User) -> list[ListChoice]:
    """The lists a paper can be added to, by title, each with its headings in list order."""
    lists = list(ReadingList.objects.filter(owner=user).order_by("title", "pk"))
    sections: dict[int, list[SectionChoice]] = {each.pk: [] for each in lists}
    headings = ReadingListItem.objects.filter(reading_list__owner=user, paper__isnull=True)
    for heading in headings.order_by("position"):
        label = "\u2003" * (heading.depth - 1) + heading.heading
        sections[heading.reading_list_id].append(SectionChoice(heading.pk, label))
    return [ListChoice(each, sections[each.pk]) for each in lists]


def get_own_section(reading_list: ReadingList, pk: int) -> ReadingListItem:
    """A heading of ``reading_list``: one of another list, or a paper, is a ValidationError."""
    section = reading_list.items.filter(pk=pk, paper__isnull=True).first()
    if section is None:
        raise ValidationError("That section is not in this reading list.")
    return section


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


def _end_of_section(section: ReadingListItem) -> int:
    """Where a paper added to ``section`` goes: after its own papers, before the next
    heading of any depth (the table of contents counts a section's papers the same way)."""
    following = section.reading_list.items.filter(
        paper__isnull=True, position__gt=section.position
    ).order_by("position")
    next_heading = following.first()
    return _next_position(section.reading_list) if next_heading is None else next_heading.position


@transaction.atomic
def add_paper(
    reading_list: ReadingList,
    paper: Paper,
    note: str = "",
    section: ReadingListItem | None = None,
) -> ReadingListItem:
    """Add a paper at the end of the list, or at the end of one of its sections."""
    if section is None:
        position = _next_position(reading_list)
    else:
        if section.reading_list_id != reading_list.pk or not section.is_heading:
            raise ValidationError("The section must be a heading of the same list.")
        position = _end_of_section(section)
        reading_list.items.filter(position__gte=position).update(position=F("position") + 1)
    return ReadingListItem.objects.create(
        reading_list=reading_list,
        paper=paper,
        note=note,
        note_html=render_note(note),
        position=position,
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


@transaction.atomic
def reorder_items(reading_list: ReadingList, item_ids: list[int]) -> None:
    """Put papers and section headings in the order given, which names each item once.

    A whole new order rather than moves one at a time: a script reorders in one request,
    and an order that leaves an item out (or names another list's) changes nothing.
    """
    items = {item.pk: item for item in reading_list.items.select_for_update()}
    if len(item_ids) != len(items) or set(item_ids) != set(items):
        raise ValidationError("The new order must name every item of the list exactly once.")
    _renumber([items[pk] for pk in item_ids])


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


def items_to_show(reading_list: ReadingList) -> list[ReadingListItem]:
    """The list's items as its page shows them, each paper with ``author_names``.

    The names come as plain rows rather than prefetched author objects: a curriculum of
    300 papers has ~3,000 authors, and building a model object for each took most of
    the page's time.
    """
    items = list(reading_list.items.select_related("paper__venue").defer("paper__abstract"))
    names: dict[int, list[str]] = {}
    rows = PaperAuthor.objects.filter(paper_id__in=reading_list.items.values("paper_id"))
    for paper_id, name in rows.order_by("paper_id", "position").values_list(
        "paper_id", "author__name"
    ):
        names.setdefault(paper_id, []).append(name)
    for item in items:
        if item.paper is not None:
            item.paper.author_names = names.get(item.paper.pk, [])  # type: ignore[attr-defined]
    return items


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
