from __future__ import annotations

from papershelf.importers.notes.parse import parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="notes",
    description="Markdown or text notes on many papers (Notion, Obsidian, Jekyll, saved pages)",
    # MDX (Docusaurus) and Quarto pages are Markdown with a few tags of their own.
    extensions=(".md", ".markdown", ".mdx", ".qmd", ".txt", ".text"),
    parse=parse,
    sniff=lambda text: bool(text.strip()),
    parse_with_hints=parse,
)
