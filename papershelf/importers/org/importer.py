"""Org-mode files, read as notes documents."""

from __future__ import annotations

from papershelf.importers.org.parse import looks_like_org, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="org",
    description="Org-mode files from Emacs (.org reading lists and paper notes)",
    extensions=(".org",),
    parse=parse,
    sniff=looks_like_org,
    parse_with_hints=parse,
)
