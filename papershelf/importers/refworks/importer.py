"""RefWorks' tagged export, read as a bibliography."""

from __future__ import annotations

from papershelf.importers.refworks.parse import looks_like_refworks, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="refworks",
    description="RefWorks tagged format (Export → RefWorks Tagged Format, .txt)",
    extensions=(".txt", ".rwt"),
    parse=parse,
    sniff=looks_like_refworks,
)
