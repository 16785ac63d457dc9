"""TiddlyWiki tiddlers, read as notes documents."""

from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.tiddlywiki.parse import looks_like_tiddler, parse

FORMAT = Format(
    name="tiddlywiki",
    description="TiddlyWiki tiddlers (.tid files from a Node.js wiki's tiddlers folder)",
    extensions=(".tid",),
    parse=parse,
    sniff=looks_like_tiddler,
    parse_with_hints=parse,
)
