"""An RTF document becomes Markdown, then a notes document like any other.

TextEdit, WordPad, Word's "Rich Text" and Scrivener all write RTF; none of what makes
it hard to read (fonts, colours, pictures, revision tables) says anything about a
paper, so the converter keeps the text, its paragraphs, headings, lists, tables,
bold and italic, footnotes and links, and the notes reader finds the papers in it.
Warnings point at the line of the .rtf file they are about.
"""

from __future__ import annotations

from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.records import ParsedDocument, ParseHints
from papershelf.importers.rtf.convert import read_rtf
from papershelf.importers.rtf.markdown import to_markdown


def rtf_to_markdown(text: str, name: str) -> tuple[str, list[int]]:
    """The Markdown of an RTF document and the RTF line of each of its lines."""
    return to_markdown(read_rtf(text, name))


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    markdown, origins = rtf_to_markdown(text, path)
    return parse_converted(markdown, path, "rtf", hints, origins)


def looks_like_rtf(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n").startswith("{\\rtf")
