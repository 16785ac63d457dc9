"""DokuWiki pages, read as notes documents."""

from __future__ import annotations

from papershelf.importers.dokuwiki.parse import looks_like_dokuwiki, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="dokuwiki",
    description="DokuWiki pages (.txt files from a wiki's data/pages folder)",
    extensions=(".txt",),
    parse=parse,
    sniff=looks_like_dokuwiki,
    parse_with_hints=parse,
)
