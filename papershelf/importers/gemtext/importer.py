"""Gemini capsules' pages (gemtext), read as notes documents."""

from __future__ import annotations

from papershelf.importers.gemtext.parse import looks_like_gemtext, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="gemtext",
    description="Gemini capsules' pages in gemtext (.gmi, .gemini): a gemlog's posts,"
    " its index and reading-list pages",
    extensions=(".gmi", ".gemini"),
    parse=parse,
    sniff=looks_like_gemtext,
    parse_with_hints=parse,
)
