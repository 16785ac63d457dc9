"""One venue however it is written: the alias table applied to new names and to the shelf.

"NIPS", "NeurIPS 2020" and "Advances in Neural Information Processing Systems 33" are
NeurIPS on add, edit and import (``canonical_venue_name``); ``merge_duplicate_venues``
brings the venues already on the shelf into line after the table grows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count

from papershelf.lib.venues import venue_keys
from papershelf.papers.models import Paper, Venue, VenueAlias
from papershelf.papers.signals import papers_changed
from papershelf.slugs import unique_slug


def _tidy(name: str) -> str:
    return " ".join(name.split())


def _matching_key(name: str, aliases: dict[str, str]) -> str | None:
    return next((key for key in venue_keys(name) if key in aliases), None)


def _pick(name: str, aliases: dict[str, str]) -> str:
    key = _matching_key(name, aliases)
    return name if key is None else aliases[key]


def canonical_venue_name(name: str) -> str:
    """The name the shelf gives this venue: the alias table's, else the name as written."""
    name = _tidy(name)
    keys = venue_keys(name)
    if not keys:
        return name
    aliases = dict(VenueAlias.objects.filter(key__in=keys).values_list("key", "canonical"))
    return _pick(name, aliases)


@dataclass(frozen=True)
class VenueMerge:
    """A venue of the shelf that the alias table names otherwise."""

    name: str
    into: str
    papers: int
    renamed: bool  # no venue of that name yet: this one takes it


@transaction.atomic
def merge_duplicate_venues(
    *, dry_run: bool = False, only: Iterable[VenueAlias] | None = None
) -> list[VenueMerge]:
    """Move each venue's papers to the venue the alias table names for it.

    "NIPS" and "Advances in Neural Information Processing Systems" join "NeurIPS"; where
    the shelf has no "NeurIPS" yet, the first of them is renamed to it. With ``only``,
    just the venues those aliases name.
    """
    aliases = dict(VenueAlias.objects.values_list("key", "canonical"))
    chosen = None if only is None else {alias.key for alias in only}
    names = {name.casefold() for name in Venue.objects.values_list("name", flat=True)}
    merges: list[VenueMerge] = []
    for venue in Venue.objects.annotate(count=Count("papers")).order_by("pk"):
        key = _matching_key(venue.name, aliases)
        if key is None or aliases[key] == venue.name:
            continue
        if chosen is not None and key not in chosen:
            continue
        name = aliases[key]
        renamed = name.casefold() not in names or name.casefold() == venue.name.casefold()
        names.add(name.casefold())  # a later venue of the same name joins this one
        merges.append(VenueMerge(venue.name, name, venue.count, renamed))
        if not dry_run:
            _merge_or_rename(venue, name)
    return merges


def _merge_or_rename(venue: Venue, name: str) -> None:
    target = Venue.objects.filter(name__iexact=name).exclude(pk=venue.pk).first()
    if target is None:
        rename_venue(venue, name)
    else:
        merge_venue(venue, into=target)


def merge_venue(venue: Venue, *, into: Venue) -> None:
    """Give ``into`` the venue's papers and delete it."""
    pks = list(venue.papers.values_list("pk", flat=True))
    Paper.objects.filter(pk__in=pks).update(venue=into)
    papers_changed.send(sender=Paper, pks=pks)  # the search index shows the venue's name
    venue.delete()


def rename_venue(venue: Venue, name: str) -> None:
    """Rename a venue, and the aliases that named it, so new papers keep arriving there."""
    old = venue.name
    venue.name = _tidy(name)
    if venue.name.casefold() != old.casefold():
        venue.slug = unique_slug(Venue.objects.exclude(pk=venue.pk), venue.name, 300, "venue")
    venue.save()  # its papers' search documents follow (search.signals)
    follow_rename(old, venue.name)


def follow_rename(old: str, new: str) -> None:
    """Aliases that named a venue by its old name name it by the new one."""
    if old != new:
        VenueAlias.objects.filter(canonical__iexact=old).update(canonical=new)
