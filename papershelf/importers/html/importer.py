from __future__ import annotations

from papershelf.importers.html.parse import looks_like_html, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="html",
    description="Web pages saved from a browser (.html with its _files folder of images)",
    extensions=(".html", ".htm", ".xhtml"),
    parse=parse,
    sniff=looks_like_html,
    parse_with_hints=parse,
)
