"""Kindle highlights (My Clippings.txt), read as notes documents."""

from __future__ import annotations

from papershelf.importers.kindle.parse import looks_like_clippings, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="kindle",
    description="Kindle highlights and notes (My Clippings.txt)",
    extensions=(".txt",),
    parse=parse,
    sniff=looks_like_clippings,
    parse_with_hints=parse,
)
