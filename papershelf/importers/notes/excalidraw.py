"""An Obsidian Excalidraw drawing (``*.excalidraw.md``): its text boxes, each a card.

The plugin keeps every text element of the drawing under ``# Text Elements``, one
block each, ending with its element id (``… ^AAvIDAdn``); the drawing itself follows as
JSON, often compressed. A box that cites a paper ("Denk, Strickler & Webb 1990 ✓ /
Two-photon laser scanning … / doi:…") is that paper; the rest — arrow labels, axis
years, questions, names — are boxes of a diagram. Each box is read apart (as a board's
cards are), and only a box that states a paper's facts names one.
"""

from __future__ import annotations

import re

from papershelf.importers.records import ParsedDocument

FORMAT = "notes"
_FRONT_MARK_RE = re.compile(r"^excalidraw-plugin:\s*\S", re.MULTILINE)
_TEXT_ELEMENTS_RE = re.compile(r"^#\s+Text Elements\s*$", re.MULTILINE | re.IGNORECASE)
_SECTION_RE = re.compile(r"^#\s+(?P<name>.+?)\s*$")
_ELEMENT_ID_RE = re.compile(r"\s*\^[\w-]{6,12}\s*$")
_IDENTIFIER_START_RE = re.compile(r"^(?:doi\b|arxiv\b|https?:|www\.)", re.IGNORECASE)
_TICK_RE = re.compile(r"\s*[✓✔☑]\s*")


def is_excalidraw_drawing(text: str, path: str) -> bool:
    drawing = path.lower().endswith(".excalidraw.md") or bool(_FRONT_MARK_RE.search(text[:2000]))
    return drawing and bool(_TEXT_ELEMENTS_RE.search(text))


def read_drawing(lines: list[str], path: str) -> ParsedDocument:
    # Each box is a notes document of its own; converted.py imports the notes parser.
    from papershelf.importers.notes.converted import parse_each

    boxes = _text_elements(lines)
    cards = ["\n".join(_unwrapped(box)) + "\n" for box, _ in boxes]
    return parse_each(
        cards,
        path,
        FORMAT,
        "names no paper (a drawing's text boxes)",
        starts=[line for _, line in boxes],
        needs_facts=[True] * len(cards),
    )


def _text_elements(lines: list[str]) -> list[tuple[list[str], int]]:
    """Each text box with the (1-based) line it starts on."""
    boxes: list[tuple[list[str], int]] = []
    box: list[str] = []
    inside, start = False, 0
    for number, line in enumerate(lines, start=1):
        heading = _SECTION_RE.match(line)
        if heading is not None or line.strip() == "%%":
            inside = heading is not None and heading["name"].casefold() == "text elements"
            box = []
            continue
        if not inside or not line.strip():
            continue
        start = start if box else number
        box.append(_ELEMENT_ID_RE.sub("", line))
        if _ELEMENT_ID_RE.search(line):
            boxes.append((box, start))
            box = []
    return boxes


def _unwrapped(box: list[str]) -> list[str]:
    """A box's text wrapped by hand to the box's width, its broken lines joined again:
    "Brain magnetic resonance imaging with contrast" / "dependent on blood oxygenation"."""
    lines: list[str] = []
    for line in box:
        text = _TICK_RE.sub(" ", line).strip()  # "Ogawa et al. 1990 ✓": marked as read
        wrapped = text[:1].islower() and not _IDENTIFIER_START_RE.match(text)
        if lines and wrapped and not lines[-1].endswith((".", ":", ";", "?", "!")):
            lines[-1] = f"{lines[-1]} {text}"
        else:
            lines.append(text)
    return lines
