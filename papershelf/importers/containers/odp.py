"""A LibreOffice Impress deck (.odp) read slide by slide (see ``slides``).

An .odp is an OpenDocument package like an .odt (see ``odt``), its ``mimetype``
``application/vnd.oasis.opendocument.presentation``. ``content.xml`` holds the slides
in the order shown (``office:body/office:presentation/draw:page``); a slide is hidden
when its drawing-page style says ``presentation:visibility="hidden"``. On a slide,
frames (``draw:frame``) say by ``presentation:class`` what placeholder they are — the
``title``, the ``subtitle``, the ``outline`` (the body: lists, ``text:list``, nested for
deeper levels), the ``footer``, ``date-time`` or ``page-number`` — or have no class (a
text box); a frame holds a text box (``draw:text-box``) of Writer's paragraphs, or a
table (``table:table``). Shapes (``draw:custom-shape``, ``draw:rect``…) hold
paragraphs directly; groups (``draw:g``) hold shapes. Speaker notes are the slide's
``presentation:notes``, their text in its ``notes`` frame. The text inside is Writer's,
styles and all, so ``odt`` reads it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from papershelf.importers.containers.odt import (
    DRAW,
    META,
    OFFICE,
    STYLE,
    _Parts,
    _Styles,
    _Writer,
)
from papershelf.importers.containers.office import Block, keyword_tags, open_package, read_part
from papershelf.importers.containers.slides import Deck, Slide, frame_blocks
from papershelf.importers.records import ParseError

PRESENTATION = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
_MIMETYPE = b"application/vnd.oasis.opendocument.presentation"
_MANIFEST = "META-INF/manifest.xml"
_FURNITURE = frozenset({"footer", "date-time", "page-number", "header", "page", "handout"})
_SHAPES = frozenset(
    {"custom-shape", "rect", "ellipse", "polygon", "path", "circle", "line", "connector"}
)
_LENGTH_RE = re.compile(r"^(-?[\d.]+)(cm|mm|in|pt|pc|px)?$")
_PER_CM = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72, "pc": 2.54 / 6, "px": 2.54 / 96}
_MAX_NESTING = 64
_EMPHASIS_RE = re.compile(r"(\*{1,3})(\S(?:.*?\S)?)\1")

Position = tuple[float, float]  # (y, x) in cm


def read_odp_deck(path: Path) -> Deck:
    with open_package(path, ".odp") as archive:
        _check_mimetype(archive, path.name)
        content = read_part(archive, "content.xml", path.name)
        if content is None:
            raise ParseError(path.name, None, "not an OpenDocument presentation: no content.xml")
        parts = _Parts(content, read_part(archive, "styles.xml", path.name), None)
        meta = read_part(archive, "meta.xml", path.name)
    presentation = content.find(f"{OFFICE}body/{OFFICE}presentation")
    if presentation is None:
        raise ParseError(path.name, None, "not a presentation: it has no office:presentation")
    reader = _PageReader(_Writer(_Styles(parts)), _hidden_styles(content))
    try:
        slides = [s for page in presentation.iter(f"{DRAW}page") if (s := reader.slide(page))]
    except RecursionError:
        raise ParseError(path.name, None, "the deck nests too deep to read") from None
    keywords = [] if meta is None else [k.text or "" for k in meta.iter(f"{META}keyword")]
    return Deck(slides, [tag for keyword in keywords for tag in keyword_tags(keyword)])


def _check_mimetype(archive: zipfile.ZipFile, name: str) -> None:
    names = set(archive.namelist())  # some writers leave these out; content.xml decides
    try:
        mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
        manifest = archive.read(_MANIFEST) if _MANIFEST in names else b""
    except (zipfile.BadZipFile, OSError, RuntimeError) as error:
        raise ParseError(name, None, f"the package cannot be unpacked ({error})") from None
    if mimetype and not mimetype.startswith(_MIMETYPE):
        kind = mimetype.decode("ascii", "replace")
        raise ParseError(name, None, f"not an OpenDocument presentation but {kind}")
    if b"encryption-data" in manifest:
        raise ParseError(name, None, "password-protected: save it again without a password")


def _hidden_styles(content: ET.Element) -> set[str]:
    """The drawing-page styles that hide a slide."""
    hidden = set()
    for style in content.iter(f"{STYLE}style"):
        properties = style.find(f"{STYLE}drawing-page-properties")
        if properties is not None and properties.get(f"{PRESENTATION}visibility") == "hidden":
            hidden.add(style.get(f"{STYLE}name", ""))
    return hidden


class _PageReader:
    def __init__(self, writer: _Writer, hidden: set[str]) -> None:
        self.writer, self.hidden = writer, hidden

    def slide(self, page: ET.Element) -> Slide | None:
        if page.get(f"{DRAW}style-name", "") in self.hidden:
            return None  # see slides.py
        slide = Slide()
        shapes = self._shapes(page, 0)
        titles = [(p, o, b) for p, o, b, kind in shapes if kind == "title"]
        for _, _, blocks in titles:
            title = _title(blocks)
            if title and not slide.title:
                slide.title = title
            elif title:
                slide.blocks.append(Block("paragraph", title))
        for _, _, blocks, kind in sorted(shapes, key=lambda s: (s[0], s[1])):
            if kind != "title":
                slide.blocks += blocks
        notes = page.find(f"{PRESENTATION}notes")
        if notes is not None:
            for frame in notes.iter(f"{DRAW}frame"):
                if frame.get(f"{PRESENTATION}class") == "notes":
                    slide.notes += self._frame_text(frame)
        return slide

    def _shapes(
        self, parent: ET.Element, depth: int
    ) -> list[tuple[Position, int, list[Block], str]]:
        if depth > _MAX_NESTING:
            raise RecursionError
        found = []
        for order, child in enumerate(parent):
            tag = child.tag
            kind = child.get(f"{PRESENTATION}class", "")
            if tag == f"{DRAW}g":
                inner = sorted(self._shapes(child, depth + 1), key=lambda s: (s[0], s[1]))
                found += [(_place(child), order, blocks, k) for _, _, blocks, k in inner]
            elif kind in _FURNITURE:
                continue
            elif tag == f"{DRAW}frame":
                blocks = frame_blocks(self._frame_text(child))
                found.append((_place(child), order, blocks, kind))
            elif tag.startswith(DRAW) and tag[len(DRAW) :] in _SHAPES:
                blocks = frame_blocks(self.writer.blocks(child, 0))
                found.append((_place(child), order, blocks, kind))
        return [shape for shape in found if shape[2]]

    def _frame_text(self, frame: ET.Element) -> list[Block]:
        """A frame's text box (the outline's lists as list items), or its table."""
        box = frame.find(f"{DRAW}text-box")
        return self.writer.blocks(box if box is not None else frame, 0)


def _title(blocks: list[Block]) -> str:
    """A title frame's paragraphs on one line, without emphasis (a title is emphasis
    enough)."""
    text = " ".join(" ".join(block.text.split()) for block in blocks if block.text)
    return _EMPHASIS_RE.sub(r"\2", text).strip()


def _place(element: ET.Element) -> Position:
    return _length(element.get(f"{SVG}y")), _length(element.get(f"{SVG}x"))


def _length(value: str | None) -> float:
    found = _LENGTH_RE.match((value or "").strip())
    if not found:
        return 0.0
    try:
        return float(found[1]) * _PER_CM[found[2] or "cm"]
    except ValueError:
        return 0.0
