"""RTF documents, read as notes documents."""

from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.rtf.parse import looks_like_rtf, parse

FORMAT = Format(
    name="rtf",
    description="Rich Text Format documents (.rtf: TextEdit, WordPad, Word, Scrivener)",
    extensions=(".rtf",),
    parse=parse,
    sniff=looks_like_rtf,
    parse_with_hints=parse,
)
