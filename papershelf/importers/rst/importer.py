"""reStructuredText pages (a Sphinx notes site), read as notes documents."""

from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.rst.parse import looks_like_rst, parse

FORMAT = Format(
    name="rst",
    description="reStructuredText pages (.rst files of a Sphinx or docutils notes site)",
    extensions=(".rst", ".rest"),
    parse=parse,
    sniff=looks_like_rst,
    parse_with_hints=parse,
)
