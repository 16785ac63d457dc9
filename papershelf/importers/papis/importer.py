"""A Papis library's documents: each sub-folder's ``info.yaml`` and the notes beside it."""

from __future__ import annotations

from papershelf.importers.papis.parse import looks_like_papis, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="papis",
    description="Papis libraries (a folder per document: info.yaml and its notes)",
    extensions=(".yaml", ".yml"),
    parse=parse,
    sniff=looks_like_papis,
)
