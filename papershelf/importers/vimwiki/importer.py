"""Vimwiki pages, read as notes documents."""

from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.vimwiki.parse import looks_like_vimwiki, parse

FORMAT = Format(
    name="vimwiki",
    description="Vimwiki pages (.wiki files of a Vimwiki folder, its diary included)",
    extensions=(".wiki",),
    parse=parse,
    sniff=looks_like_vimwiki,
    parse_with_hints=parse,
)
