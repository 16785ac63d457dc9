"""A Bike outline (``.bike``): the outliner's own file, XHTML rows in nested lists.

Bike (macOS) saves an outline as ``<html><body><ul><li id=…><p>text</p><ul>…`` where
each ``<li>`` is a row. A row's ``data-type`` says what it is — ``heading``, ``task``
(``data-done`` once ticked), ``note``, ``quote``, ``hr``; a body row has none — and its
text is the ``<p>``'s inline HTML. Read as Markdown the rows keep their meaning: headings
become headings (a reading path's sections), tasks and body rows list items, and the
note and quote rows under an item its notes, so "Feynman — Simulating physics" and the
paragraphs written under it stay one paper with its notes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import PurePosixPath

from papershelf.importers.html.parse import to_markdown as html_to_markdown
from papershelf.importers.opml.xmltext import read_xml
from papershelf.importers.records import ParseError

_NOTE_TYPES = frozenset({"note", "quote"})


def looks_like_bike(text: str) -> bool:
    head = text[:4000]
    return "<html" in head and "<li id=" in head and "<ul id=" in head


def to_markdown(text: str, path: str) -> str:
    body = _read(text, path)
    title = PurePosixPath(path.replace("\\", "/")).stem
    lines = [f"# {title}", ""]
    for row in _rows(body.find("ul")):
        lines += _top_row(row, heading_level=2)
    return "\n".join(lines).strip() + "\n"


def _read(text: str, path: str) -> ET.Element:
    root = read_xml(text, path, "Bike outline")
    for element in root.iter():
        element.tag = element.tag.rpartition("}")[2]  # the XHTML namespace
    body = root.find("body")
    if body is None or body.find("ul") is None:
        raise ParseError(path, None, "no <body> with an outline <ul>: not a Bike outline")
    return body


def _rows(ul: ET.Element | None) -> list[ET.Element]:
    """The rows of a list, without the empty ones Bike keeps as spacers."""
    rows = [] if ul is None else ul.findall("li")
    return [row for row in rows if row.get("data-type") == "hr" or _text(row) or row.find("ul")]


def _top_row(row: ET.Element, heading_level: int) -> list[str]:
    """A row outside any item: a heading over its rows, a paragraph, or an item."""
    kind = row.get("data-type")
    if kind == "hr":
        return ["---", ""]
    if kind == "heading":
        lines = [f"{'#' * min(heading_level, 6)} {_text(row)}", ""]
        for child in _rows(row.find("ul")):
            lines += _top_row(child, heading_level + 1)
        return lines
    if kind in _NOTE_TYPES or (kind is None and row.find("ul") is None and _is_prose(row)):
        return [*_note(row, ""), ""]
    return [*_item(row, 0), ""]


def _item(row: ET.Element, level: int) -> list[str]:
    indent = "  " * level
    mark = ""
    if row.get("data-type") == "task":
        mark = "[x] " if row.get("data-done") else "[ ] "
    lines = [f"{indent}- {mark}{_text(row)}".rstrip()]
    notes: list[str] = []
    children: list[str] = []
    for child in _rows(row.find("ul")):
        if child.get("data-type") == "heading" or _holds_items(child):
            children += _item(child, level + 1)
        else:
            # The rows written under a paper are its notes, however Bike typed them.
            notes += [*_note(child, indent + "  "), ""]
    if notes:
        lines += ["", *notes]
    return lines + children


def _holds_items(row: ET.Element) -> bool:
    """A task is an item wherever it sits; a body row only when rows hang under it."""
    kind = row.get("data-type")
    return kind == "task" or (kind is None and row.find("ul") is not None)


def _note(row: ET.Element, indent: str) -> list[str]:
    prefix = "> " if row.get("data-type") == "quote" else ""
    lines = [f"{indent}{prefix}{line}".rstrip() for line in _text(row).split("\n") if line]
    for child in _rows(row.find("ul")):
        lines += _note(child, indent)
    return lines


def _is_prose(row: ET.Element) -> bool:
    # An introduction's sentences are paragraphs; a short row under a heading is an item.
    text = _text(row)
    return len(text) > 120 or text.count(". ") >= 2


def _text(row: ET.Element) -> str:
    paragraph = row.find("p")
    if paragraph is None:
        return ""
    paragraph.tail = None
    html = ET.tostring(paragraph, encoding="unicode", short_empty_elements=False)
    return html_to_markdown(html).strip()
