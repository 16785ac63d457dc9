"""Outlines exported as OPML, read as notes documents."""

from __future__ import annotations

from papershelf.importers.opml.parse import looks_like_an_outline, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="opml",
    description="outlines exported as OPML (.opml from WorkFlowy, Logseq, Dynalist), Bike"
    " outlines (.bike) or indented plain text (.txt)",
    extensions=(".opml", ".bike", ".txt"),
    parse=parse,
    sniff=looks_like_an_outline,
    parse_with_hints=parse,
)
