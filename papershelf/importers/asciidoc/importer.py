"""AsciiDoc notes and books, read as notes documents."""

from __future__ import annotations

from papershelf.importers.asciidoc.parse import looks_like_asciidoc, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="asciidoc",
    description="AsciiDoc notes and books (.adoc, .asciidoc, .asc)",
    extensions=(".adoc", ".asciidoc", ".asc"),
    parse=parse,
    sniff=looks_like_asciidoc,
    parse_with_hints=parse,
)
