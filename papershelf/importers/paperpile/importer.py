from __future__ import annotations

from papershelf.importers.paperpile.parse import looks_like_paperpile, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="paperpile",
    description="Paperpile's JSON export of a library (with notes, labels and folders)",
    extensions=(".json",),
    parse=parse,
    sniff=looks_like_paperpile,
)
