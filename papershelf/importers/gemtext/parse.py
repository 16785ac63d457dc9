"""A gemtext page becomes Markdown, then a notes document like any other.

Gemtext (the Gemini protocol's pages) is line-oriented: ``#``–``###`` headings, ``* ``
list items, ``> `` quotes, `````` to open and close preformatted text (the rest of the
opening line is alt text, not a language) and ``=> URL [label]`` link lines, one link a
line — there are no links inside text. Every other line is a paragraph of its own.
Links in a row are a list (a reading-list or index page); a link alone under a
citation is that paper's link, so it stays a line of its own.
"""

from __future__ import annotations

import re

from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.records import ParsedDocument, ParseHints

_LINK_RE = re.compile(r"^=>[ \t]*(?P<url>\S+)(?:[ \t]+(?P<label>.*\S))?[ \t]*$")
_HEADING_RE = re.compile(r"^#{1,3}\s")
_FENCE = "```"


def looks_like_gemtext(text: str) -> bool:
    """Any text is gemtext under its own suffix; a link line says so the surest."""
    return True


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    return parse_converted(to_markdown(text), path, "gemtext", hints)


def to_markdown(text: str) -> str:
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    preformatted = False
    for index, line in enumerate(lines):
        if line.startswith(_FENCE):
            preformatted = not preformatted
            out += ["", _FENCE] if preformatted else [_FENCE, ""]
        elif preformatted:
            out.append(line)
        elif item := _list_item(lines, index):
            out.append(item)
        else:
            if out and out[-1].startswith("- "):
                out.append("")  # a list ends where another kind of line starts
            out += _block(line)
    return "\n".join(out).strip() + "\n"


def _list_item(lines: list[str], index: int) -> str:
    """A ``* `` line, or a link among links, as a Markdown list item; "" for others."""
    line = lines[index]
    if line.startswith("* "):
        return f"- {line[2:].strip()}"
    link = _LINK_RE.match(line)
    neighbours = (lines[j] for j in (index - 1, index + 1) if 0 <= j < len(lines))
    if link and any(_LINK_RE.match(other) for other in neighbours):
        return f"- {_link(link)}"
    return ""


def _block(line: str) -> list[str]:
    if link := _LINK_RE.match(line):
        return [_link(link), ""]
    if line.startswith(">"):
        return [f"> {line[1:].strip()}", ""]
    if _HEADING_RE.match(line):
        return [line.rstrip(), ""]
    return [line.strip(), ""] if line.strip() else []


def _link(match: re.Match[str]) -> str:
    url = match["url"]
    label = (match["label"] or "").replace("[", "(").replace("]", ")")
    return f"[{label}](<{url}>)" if label else f"<{url}>" if "://" in url else f"[{url}](<{url}>)"
