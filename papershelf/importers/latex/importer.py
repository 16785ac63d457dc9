"""LaTeX notes, lecture notes, thesis chapters and Beamer decks, read as notes documents."""

from __future__ import annotations

from papershelf.importers.latex.parse import looks_like_latex, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="latex",
    description="LaTeX notes, lecture notes, thesis chapters and Beamer decks (.tex)",
    extensions=(".tex", ".ltx", ".latex"),
    parse=parse,
    sniff=looks_like_latex,
    parse_with_hints=parse,
)
