"""An outliner's plain-text export: the same tree as its OPML, written as indented bullets.

Dynalist's and WorkFlowy's "plain text" exports, and lists people keep in a ``.txt``,
write each item as ``- text`` indented by its depth, with the item's note on the lines
under it, indented to where the item's text starts. Read into the OPML's tree, such a
file becomes the same document its OPML export would (``opml.parse``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_BULLET_RE = re.compile(r"^(?P<indent>[ \t]*)[-*•]\s+(?P<text>.*?)\s*$")
_CHECKBOX_RE = re.compile(r"^\[(?P<mark>[ xX])\]\s+")
_MIN_ITEMS = 8
_MIN_BULLET_SHARE = 0.25  # notes may be long; the margin test below is the strict one


def looks_like_outline_text(text: str) -> bool:
    """Indented bullets, nested, with nothing but their notes between them."""
    lines = [line.expandtabs(4) for line in text.lstrip("\ufeff").split("\n") if line.strip()]
    bullets = [match for line in lines if (match := _BULLET_RE.match(line))]
    if len(bullets) < _MIN_ITEMS or len(bullets) < _MIN_BULLET_SHARE * len(lines):
        return False
    if not _BULLET_RE.match(lines[0]) or len({len(b["indent"]) for b in bullets}) < 2:
        return False
    # A paragraph at the margin is prose, not a note under an item: Markdown, not an outline.
    return all(_BULLET_RE.match(line) or line[:1] == " " for line in lines)


def outline_body(text: str) -> ET.Element:
    """The ``<body>`` an OPML export of the same outline would have."""
    body = ET.Element("body")
    stack: list[tuple[int, ET.Element]] = [(-1, body)]
    notes: dict[int, list[str]] = {}
    current: ET.Element | None = None
    for raw in text.lstrip("\ufeff").split("\n"):
        line = raw.expandtabs(4).rstrip()
        match = _BULLET_RE.match(line)
        if match is None:
            if current is not None and line.strip():
                notes.setdefault(id(current), []).append(line.strip())
            continue
        depth = len(match["indent"])
        while stack[-1][0] >= depth:
            stack.pop()
        current = ET.SubElement(stack[-1][1], "outline", _item_attributes(match["text"]))
        stack.append((depth, current))
    for element in body.iter("outline"):
        if id(element) in notes:
            element.set("_note", "\n".join(notes[id(element)]))
    return body


def _item_attributes(text: str) -> dict[str, str]:
    checkbox = _CHECKBOX_RE.match(text)
    if checkbox is None:
        return {"text": text}
    done = {"_complete": "true"} if checkbox["mark"] in "xX" else {}
    return {"text": text[checkbox.end() :], **done}
