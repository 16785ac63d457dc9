"""Typst notes, lecture notes and theses, read as notes documents."""

from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.typst.parse import looks_like_typst, parse

FORMAT = Format(
    name="typst",
    description="Typst notes, lecture notes and theses (.typ)",
    extensions=(".typ",),
    parse=parse,
    sniff=looks_like_typst,
    parse_with_hints=parse,
)
