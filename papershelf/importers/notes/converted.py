"""Other markup read as notes: a wiki page, a notebook, an outline or a tiddler turned
into Markdown, parsed by the notes reader, and reported under its own file and format."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from papershelf.importers.notes.parse import parse
from papershelf.importers.records import ParsedDocument, ParseHints

_LINES_RE = re.compile(r"(?P<word>\blines? )(\d+(?:–\d+)?)")


def parse_converted(
    markdown: str,
    path: str,
    format_name: str,
    hints: ParseHints | None = None,
    origins: list[int] | None = None,
) -> ParsedDocument:
    """The notes document ``markdown`` gives, as read from ``path``. ``origins`` maps each
    Markdown line (0-based) to its line in the source, where the two differ."""
    # Under its own suffix (".tid", ".txt") the notes reader would not know it is Markdown.
    markdown_path = str(PurePosixPath(path).with_suffix(".md")) if path else "converted.md"
    document = parse(markdown, markdown_path, hints)
    document.format, document.path = format_name, path
    for warning in document.warnings:
        if warning.path != markdown_path:
            continue
        warning.path = path
        if origins is not None:
            warning.line = _source_line(origins, warning.line) if warning.line else warning.line
            # "ignored the introduction (lines 3–4)": the source's lines there too.
            warning.message = _LINES_RE.sub(
                lambda m: (
                    m["word"]
                    + "–".join(str(_source_line(origins, int(n))) for n in m[2].split("–"))
                ),
                warning.message,
            )
    return document


def _source_line(origins: list[int], line: int) -> int:
    return origins[line - 1] + 1 if 0 < line <= len(origins) else line
