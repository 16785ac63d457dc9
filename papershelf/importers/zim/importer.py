"""Zim desktop wiki pages, read as notes documents."""

from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.zim.parse import looks_like_zim, parse

FORMAT = Format(
    name="zim",
    description="Zim desktop wiki pages (.txt files with a 'Content-Type: text/x-zim-wiki' header)",
    extensions=(".txt",),
    parse=parse,
    sniff=looks_like_zim,
    parse_with_hints=parse,
)
