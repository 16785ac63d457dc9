"""An OPML outline becomes a nested Markdown list, then a notes document like any other.

Outliners (WorkFlowy, Logseq, Dynalist) export a tree of ``<outline text="…">``
elements; ``_note`` holds the text under a bullet and ``_complete="true"`` marks it
done. Inline formatting is HTML escaped inside the attributes (``&lt;b&gt;`` for bold,
``&lt;a href=…&gt;`` for links), so it is converted to Markdown and links survive.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import PurePosixPath

from papershelf.importers.html.parse import to_markdown as html_to_markdown
from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.opml.bike import looks_like_bike
from papershelf.importers.opml.bike import to_markdown as bike_markdown
from papershelf.importers.opml.outline_text import looks_like_outline_text, outline_body
from papershelf.importers.opml.xmltext import read_xml
from papershelf.importers.records import ParsedDocument, ParseError, ParseHints

_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")
_HEADING_DEPTH = 3  # an outline this deep has sections over its items


def looks_like_opml(text: str) -> bool:
    return "<opml" in text[:2000].casefold()


def looks_like_an_outline(text: str) -> bool:
    """An OPML file, a Bike outline, or an outliner's plain-text export of one."""
    return looks_like_opml(text) or looks_like_bike(text) or looks_like_outline_text(text)


def to_markdown(text: str, path: str = "outline.opml") -> str:
    if looks_like_bike(text):
        return bike_markdown(text, path)
    if looks_like_opml(text):
        body, title = _read(text, path)
    else:
        # A plain-text export has no head: Dynalist and WorkFlowy name the file by it.
        body, title = outline_body(text), PurePosixPath(path.replace("\\", "/")).stem
    outlines = body.findall("outline")
    deep = max((_depth(o) for o in outlines), default=0) >= _HEADING_DEPTH
    if not title and len(outlines) == 1:
        # A zoomed-in export has one root bullet: it names the whole outline.
        root = outlines[0]
        title = _inline(root.get("text", ""))
        outlines = root.findall("outline")
        lines = ["", *_note_lines(root, "")] if root.get("_note") else []
    else:
        lines = []
    head = [f"# {title}"] if title else []
    return "\n".join([*head, *lines, "", *_top_level(outlines, deep)]).strip() + "\n"


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    return parse_converted(to_markdown(text, path), path, "opml", hints)


def _read(text: str, path: str) -> tuple[ET.Element, str]:
    """The ``<body>`` and the head's title; refuses what a safe XML reader would."""
    root = read_xml(text, path, "OPML file")
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise ParseError(path, None, "no <opml> with a <body>: not an OPML outline")
    return body, _inline(root.findtext("head/title") or "")


def _top_level(outlines: list[ET.Element], deep: bool) -> list[str]:
    # A deep outline's top bullets that hold others are its sections ("1 Retrieval
    # practice" over the papers), which the notes reader understands best as headings.
    # A shallow one is a plain list, kept as such so its items stay items.
    if not deep:
        return [line for outline in outlines for line in _item(outline, 0)]
    lines: list[str] = []
    for outline in outlines:
        if outline.findall("outline"):
            lines += [f"## {_inline(outline.get('text', ''))}", ""]
            lines += [*_note_lines(outline, ""), ""] if outline.get("_note") else []
            lines += [line for child in outline.findall("outline") for line in _item(child, 0)]
            lines.append("")
        else:
            lines += [*_item(outline, 0), ""]
    return lines


def _item(outline: ET.Element, level: int) -> list[str]:
    indent = "  " * level
    # WorkFlowy writes "_complete", Dynalist "complete" (beside "checkbox").
    complete = "true" in (outline.get("_complete"), outline.get("complete"))
    lines = [f"{indent}- {'[x] ' if complete else ''}{_inline(outline.get('text', ''))}".rstrip()]
    columns = _column_lines(outline, indent + "  ")
    if columns or outline.get("_note", "").strip():
        # The note is a paragraph of its own under the bullet: "Trans. ASME 64" is not
        # more of the title "Optimum Settings for Automatic Controllers". An outliner's
        # columns (OmniOutliner's Authors, Year, Status) open it as labelled lines.
        lines += ["", *columns, *_note_lines(outline, indent + "  "), ""]
    for child in outline.findall("outline"):
        lines += _item(child, level + 1)
    return lines


# An outline's own attributes, and the outliners' bookkeeping: no column of the person's.
_NOT_COLUMNS = frozenset(
    {"text", "_note", "_status", "_complete", "complete", "checkbox", "type", "created",
     "modified", "colorlabel", "collapsed", "id", "iscomment", "isbreakpoint", "url",
     "htmlurl", "xmlurl", "language", "title", "description", "version"}
)  # fmt: skip


def _column_lines(outline: ET.Element, indent: str) -> list[str]:
    return [
        f"{indent}{name}: {_inline(value)}  "
        for name, value in outline.attrib.items()
        if name.casefold() not in _NOT_COLUMNS and value.strip()
    ]


def _note_lines(outline: ET.Element, indent: str) -> list[str]:
    note = _inline(outline.get("_note", ""))
    return [f"{indent}{line}".rstrip() for line in note.split("\n")] if note else []


def _depth(outline: ET.Element) -> int:
    # A note is text under the bullet, a level as a child is: a week over papers with
    # notes is as deep as a week over papers over their sub-bullets.
    below = [_depth(child) for child in outline.findall("outline")]
    return 1 + max([*below, 1 if outline.get("_note", "").strip() else 0])


def _inline(text: str) -> str:
    """An attribute's text as Markdown: its escaped HTML converted, its lines kept."""
    if not _TAG_RE.search(text):
        return text.strip()
    return "\n".join(html_to_markdown(line).strip() for line in text.split("\n")).strip()
