"""Anki notes exported as plain text, read as notes documents."""

from __future__ import annotations

from papershelf.importers.anki.parse import looks_like_anki, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="anki",
    description="Anki notes exported as plain text (Notes in Plain Text, .txt)",
    extensions=(".txt",),
    parse=parse,
    sniff=looks_like_anki,
)
