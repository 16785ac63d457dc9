"""A PowerPoint deck (.pptx, .pptm, .ppsx) read slide by slide (see ``slides``).

A .pptx is a zip package (Office Open XML, PresentationML). ``_rels/.rels`` names the
main part, ``ppt/presentation.xml``, whose ``p:sldIdLst`` lists the slides in the order
they are shown, each by a relationship id that ``ppt/_rels/presentation.xml.rels``
resolves to a part (``ppt/slides/slide7.xml``: part numbers keep the order slides were
made in, not shown in). A slide (``p:sld``, ``show="0"`` when hidden) holds a shape
tree (``p:cSld/p:spTree``): shapes (``p:sp``) with a text body (``p:txBody``) of
paragraphs (``a:p``: a level ``a:pPr/@lvl``, bullets set or suppressed, runs ``a:r``
with bold and italic in ``a:rPr`` and a link in ``a:hlinkClick``, whose ``r:id`` the
slide's relationships resolve), groups (``p:grpSp``), tables and SmartArt in graphic
frames (``p:graphicFrame``), pictures. A shape that is a placeholder (``p:nvPr/p:ph``)
says what it is: the title (``title``, ``ctrTitle`` on a title slide), the subtitle,
the body (``body``, ``obj`` or no type: bulleted by the master's text styles), the
date, footer and slide number. A placeholder usually has no position of its own; it
sits where its slide layout (and that layout's master) puts it. Speaker notes are a
notes slide of their own (``ppt/notesSlides/``), their text in its body placeholder.

Google Slides, Keynote and LibreOffice write the same parts; Google sets bullets on
each paragraph (``a:buChar``, or ``a:buNone`` for none) rather than leaving them to the
master. Shapes are read top to bottom, left to right, as a person reads a slide (the
shape tree is in drawing order, which is the order shapes were added); the title
first whatever its place. Pictures, charts and media are left out.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from papershelf.importers.containers.office import (
    LINE_BREAK,
    Block,
    Span,
    blocks_text,
    cell_text,
    heading_text,
    inline_markdown,
    keyword_tags,
    local_name,
    open_package,
    outside_link,
    read_part,
    table_blocks,
)
from papershelf.importers.containers.slides import Deck, Slide, frame_blocks
from papershelf.importers.records import ParseError

# Transitional (what PowerPoint, Google Slides and Keynote write) and Strict OOXML:
# PresentationML's namespace to DrawingML's and the relationships'.
_NAMESPACES = {
    "http://schemas.openxmlformats.org/presentationml/2006/main": (
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    "http://purl.oclc.org/ooxml/presentationml/main": (
        "http://purl.oclc.org/ooxml/drawingml/main",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ),
}
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CORE_KEYWORDS = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords"
_DIAGRAM_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_TRUE = frozenset({"1", "true", "on"})
_TITLES = frozenset({"title", "ctrTitle"})
_FURNITURE = frozenset({"dt", "sldNum", "hdr", "sldImg"})  # the footer ("ftr") is read apart
_BULLETED = frozenset({"body", "obj"})  # a placeholder with no type is an "obj" one
# Read in all, the parts of a deck may unpack to this much: past it, a zip bomb of many
# parts each under office.MAX_PART_BYTES. A deck of 300 slides of text is a few MB.
MAX_DECK_BYTES = 512 * 1024**2
_MAX_LEVEL = 8  # a:pPr/@lvl runs 0–8
_MAX_NESTING = 64  # groups within groups: a deeper tree is no slide a person drew

Position = tuple[int, int]  # (y, x) in EMU: read top to bottom, then left to right


def read_pptx_deck(path: Path) -> Deck:
    with open_package(path, ".pptx") as archive:
        package = _Package(archive, path.name)
        return Deck(package.slides(), keyword_tags(package.keywords()))


@dataclass
class _Shape:
    """A shape's text (or the slide's title), where it sits, and its drawing order."""

    blocks: list[Block]
    position: Position
    order: int
    title: str = ""


@dataclass
class _Layout:
    """Where a layout (or master) places its placeholders, by index and by type."""

    by_index: dict[str, Position] = field(default_factory=dict)
    by_type: dict[str, Position] = field(default_factory=dict)
    master: str = ""


class _Package:
    """The parts of one deck, read as the slides need them."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive, self.name = archive, name
        self.budget = MAX_DECK_BYTES
        self.main = self._main_part()
        root = self.read(self.main)
        if root is None:
            raise ParseError(name, None, f"not a PowerPoint deck: it has no {self.main}")
        namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
        if namespace not in _NAMESPACES or local_name(root.tag) != "presentation":
            raise ParseError(name, None, "not a PowerPoint deck: its main part is no presentation")
        self.root = root
        self.p = f"{{{namespace}}}"
        drawing, relationships = _NAMESPACES[namespace]
        self.a, self.r = f"{{{drawing}}}", f"{{{relationships}}}"
        self.layouts: dict[str, _Layout] = {}
        self.footer = ""  # the first footer a slide shows

    def slides(self) -> list[Slide]:
        relationships = self._relationships(self.main)
        slides = []
        listed = self.root.find(f"{self.p}sldIdLst")
        for slide_id in [] if listed is None else listed.findall(f"{self.p}sldId"):
            target = relationships.get(slide_id.get(f"{self.r}id", ""))
            if target is None:
                continue  # a slide listed but not in the package: nothing to show
            slide = self._slide(target[1])
            if slide is not None:
                slides.append(slide)
        if slides and self.footer and self.footer not in _slide_text(slides[0]):
            # A footer on every slide often cites the paper the title slide only names.
            slides[0].blocks.append(Block("paragraph", self.footer))
        return slides

    def keywords(self) -> str:
        for rel_type, target, _ in self._relationships("").values():
            if rel_type.endswith("/core-properties"):
                core = self.read(target)
                return (core.findtext(_CORE_KEYWORDS) or "") if core is not None else ""
        return ""

    def _main_part(self) -> str:
        for rel_type, target, _ in self._relationships("").values():
            if rel_type.endswith("/officeDocument"):
                return target
        return "ppt/presentation.xml"

    def read(self, part: str) -> ET.Element | None:
        """A part parsed, counted against the deck's budget."""
        try:
            size = self.archive.getinfo(part).file_size
        except KeyError:
            return None
        self.budget -= size
        if self.budget < 0:
            raise ParseError(self.name, None, "the deck unpacks to too much text to be slides")
        return read_part(self.archive, part, self.name)

    def _relationships(self, part: str) -> dict[str, tuple[str, str, str]]:
        """A part's relationship ids to (type, target part or address, target mode)."""
        folder, base = posixpath.split(part)
        root = self.read(posixpath.join(folder, "_rels", f"{base}.rels"))
        found = {}
        for element in [] if root is None else root.iter(_PACKAGE_RELS):
            mode = element.get("TargetMode", "")
            target = element.get("Target", "")
            if mode != "External":
                target = _resolve(part, target)
            found[element.get("Id", "")] = (element.get("Type", ""), target, mode)
        return found

    def _related(self, relationships: dict[str, tuple[str, str, str]], kind: str) -> str:
        for rel_type, target, mode in relationships.values():
            if rel_type.endswith(kind) and mode != "External":
                return target
        return ""

    def _slide(self, part: str) -> Slide | None:
        root = self.read(part)
        if root is None or root.get("show", "1").casefold() in ("0", "false"):
            return None  # missing, or hidden (see slides.py)
        relationships = self._relationships(part)
        layout = self._layout(self._related(relationships, "/slideLayout"))
        reader = _ShapeReader(self, relationships, layout)
        tree = root.find(f"{self.p}cSld/{self.p}spTree")
        try:
            shapes = reader.shapes(tree, 0) if tree is not None else []
        except RecursionError:
            raise ParseError(self.name, None, f"{part} nests too deep to read") from None
        slide = Slide(notes=self._notes(self._related(relationships, "/notesSlide")))
        for shape in sorted(shapes, key=lambda s: (s.position, s.order)):
            if shape.title and not slide.title:
                slide.title = shape.title
            elif shape.title:
                slide.blocks.append(Block("paragraph", shape.title))
            else:
                slide.blocks += shape.blocks
        return slide

    def _notes(self, part: str) -> list[Block]:
        root = self.read(part) if part else None
        if root is None:
            return []
        reader = _ShapeReader(self, self._relationships(part), _Layout())
        blocks: list[Block] = []
        for shape in root.iter(f"{self.p}sp"):
            placeholder = shape.find(f"{self.p}nvSpPr/{self.p}nvPr/{self.p}ph")
            if placeholder is not None and placeholder.get("type") == "body":
                blocks += reader.text_blocks(shape.find(f"{self.p}txBody"), bulleted=False)
        return blocks

    def _layout(self, part: str) -> _Layout:
        """Where a slide's layout, or failing it the layout's master, puts placeholders."""
        if not part:
            return _Layout()
        if part not in self.layouts:
            self.layouts[part] = _Layout()  # a cycle of layouts ends here
            root = self.read(part)
            layout = _Layout(master=self._related(self._relationships(part), "/slideMaster"))
            for shape in [] if root is None else root.iter(f"{self.p}sp"):
                placeholder = shape.find(f"{self.p}nvSpPr/{self.p}nvPr/{self.p}ph")
                offset = shape.find(f"{self.p}spPr/{self.a}xfrm/{self.a}off")
                if placeholder is None or offset is None:
                    continue
                position = _position(offset)
                layout.by_index.setdefault(placeholder.get("idx", ""), position)
                layout.by_type.setdefault(_kind(placeholder.get("type", "obj")), position)
            self.layouts[part] = layout
        return self.layouts[part]

    def placed(self, layout: _Layout, kind: str, index: str) -> Position | None:
        """Where a placeholder without a position of its own sits on the slide."""
        if index and index in layout.by_index:
            return layout.by_index[index]
        if kind in layout.by_type:
            return layout.by_type[kind]
        if layout.master:
            return self._layout(layout.master).by_type.get(kind)
        return None


def _kind(placeholder_type: str) -> str:
    """A placeholder's type as a master knows it: a master has one title and one body."""
    if placeholder_type in _TITLES:
        return "title"
    return "body" if placeholder_type in ("subTitle", "obj", "body") else placeholder_type


def _position(offset: ET.Element) -> Position:
    def number(value: str | None) -> int:
        return int(value) if value and value.lstrip("-").isdigit() else 0

    return number(offset.get("y")), number(offset.get("x"))


def _resolve(source: str, target: str) -> str:
    """A relationship's target as a part name: relative to its source's folder."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


class _ShapeReader:
    """A slide's shapes as text: paragraphs, bullets, tables, SmartArt."""

    def __init__(
        self,
        package: _Package,
        relationships: dict[str, tuple[str, str, str]],
        layout: _Layout,
    ) -> None:
        self.package, self.relationships, self.layout = package, relationships, layout
        self.p, self.a, self.r = package.p, package.a, package.r
        self.order = 0

    def shapes(self, tree: ET.Element, depth: int) -> list[_Shape]:
        if depth > _MAX_NESTING:
            raise RecursionError
        found: list[_Shape] = []
        for child in tree:
            name = local_name(child.tag)
            if name == "AlternateContent":
                found += self.shapes(_chosen(child), depth + 1)
            elif name == "sp":
                found += self._text_shape(child)
            elif name == "grpSp":
                found += self._group(child, depth)
            elif name == "graphicFrame":
                found += self._frame(child)
        return found

    def _next(self) -> int:
        self.order += 1
        return self.order

    def _group(self, group: ET.Element, depth: int) -> list[_Shape]:
        """A group's shapes in reading order among themselves, where the group sits."""
        offset = group.find(f"{self.p}grpSpPr/{self.a}xfrm/{self.a}off")
        inner = sorted(self.shapes(group, depth + 1), key=lambda s: (s.position, s.order))
        # All where the group is, in their own reading order (their drawing-order numbers
        # handed out again in that order).
        for shape, order in zip(inner, sorted(s.order for s in inner), strict=True):
            shape.order = order
            if offset is not None:
                shape.position = _position(offset)
        return inner

    def _text_shape(self, shape: ET.Element) -> list[_Shape]:
        placeholder = shape.find(f"{self.p}nvSpPr/{self.p}nvPr/{self.p}ph")
        kind = "" if placeholder is None else placeholder.get("type", "obj")
        body = shape.find(f"{self.p}txBody")
        if kind in _FURNITURE or body is None:
            return []
        if kind == "ftr":
            footer = blocks_text(self.text_blocks(body, bulleted=False))
            self.package.footer = self.package.footer or footer
            return []
        offset = shape.find(f"{self.p}spPr/{self.a}xfrm/{self.a}off")
        position = _position(offset) if offset is not None else None
        if position is None and placeholder is not None:
            position = self.package.placed(self.layout, _kind(kind), placeholder.get("idx", ""))
        read = _Shape([], position or (0, 0), self._next())
        if kind in _TITLES:
            lines = [heading_text(spans) for spans in self._paragraph_spans(body)]
            read.title = " ".join(line for line in lines if line)
            read.position = (-1, -1)  # the title first, wherever the layout puts it
            return [read] if read.title else []
        read.blocks = frame_blocks(self.text_blocks(body, bulleted=kind in _BULLETED))
        return [read] if read.blocks else []

    def _paragraph_spans(self, body: ET.Element) -> list[list[Span]]:
        return [self._spans(paragraph) for paragraph in body.findall(f"{self.a}p")]

    def text_blocks(self, body: ET.Element | None, bulleted: bool) -> list[Block]:
        """A text body's paragraphs: list items where bulleted (by the placeholder's
        kind, or set on the paragraph), nested by their level; plain paragraphs else."""
        if body is None:
            return []
        blocks: list[Block] = []
        numbers: dict[int, int] = {}
        for paragraph in body.findall(f"{self.a}p"):
            text = inline_markdown(self._spans(paragraph))
            if not text:
                continue
            properties = paragraph.find(f"{self.a}pPr")
            level = _level(properties)
            marker = self._marker(properties, bulleted, level, numbers)
            if marker:
                blocks.append(Block("item", text, level=level, marker=marker))
            else:
                blocks.append(Block("paragraph", text))
        return blocks

    def _marker(
        self, properties: ET.Element | None, bulleted: bool, level: int, numbers: dict[int, int]
    ) -> str:
        for deeper in [n for n in numbers if n > level]:
            del numbers[deeper]
        if properties is not None and properties.find(f"{self.a}buNone") is not None:
            numbers.pop(level, None)
            return ""
        numbered = properties.find(f"{self.a}buAutoNum") if properties is not None else None
        if numbered is not None:
            start = numbered.get("startAt", "1")
            first = int(start) if start.isdigit() else 1
            numbers[level] = numbers[level] + 1 if level in numbers else first
            return f"{numbers[level]}."
        numbers.pop(level, None)
        explicit = properties is not None and properties.find(f"{self.a}buChar") is not None
        return "-" if bulleted or explicit else ""

    def _spans(self, paragraph: ET.Element) -> list[Span]:
        spans: list[Span] = []
        for child in paragraph:
            name = local_name(child.tag)
            if name in ("r", "fld"):
                properties = child.find(f"{self.a}rPr")
                text = (child.findtext(f"{self.a}t") or "").replace("\v", "\n")
                spans.append(Span(text, *self._format(properties)))
            elif name == "br":
                spans.append(LINE_BREAK)
        return spans

    def _format(self, properties: ET.Element | None) -> tuple[bool, bool, str]:
        if properties is None:
            return False, False, ""
        bold = properties.get("b", "").casefold() in _TRUE
        italic = properties.get("i", "").casefold() in _TRUE
        click = properties.find(f"{self.a}hlinkClick")
        link = ""
        if click is not None:
            target = self.relationships.get(click.get(f"{self.r}id", ""))
            # A jump to another slide or a file beside the deck leads nowhere in a note.
            link = outside_link(target[1]) if target and target[2] == "External" else ""
        return bold, italic, link

    def _frame(self, frame: ET.Element) -> list[_Shape]:
        """A table, or SmartArt's text, from a graphic frame; charts and media give none."""
        data = frame.find(f"{self.a}graphic/{self.a}graphicData")
        if data is None:
            return []
        offset = frame.find(f"{self.p}xfrm/{self.a}off")
        position = _position(offset) if offset is not None else (0, 0)
        table = data.find(f"{self.a}tbl")
        if table is not None:
            blocks = self._table(table)
        else:
            diagram = next((c for c in data if local_name(c.tag) == "relIds"), None)
            blocks = self._diagram(diagram) if diagram is not None else []
        return [_Shape(blocks, position, self._next())] if blocks else []

    def _table(self, table: ET.Element) -> list[Block]:
        rows: list[list[str]] = []
        cells: list[list[list[Block]]] = []
        for row in table.findall(f"{self.a}tr"):
            texts: list[str] = []
            row_cells: list[list[Block]] = []
            for cell in row.findall(f"{self.a}tc"):
                covered = any(cell.get(m, "").casefold() in _TRUE for m in ("hMerge", "vMerge"))
                blocks = [] if covered else self.text_blocks(cell.find(f"{self.a}txBody"), False)
                texts.append(cell_text(blocks))
                row_cells.append(blocks)
            rows.append(texts)
            cells.append(row_cells)
        return table_blocks(rows, cells)

    def _diagram(self, ids: ET.Element) -> list[Block]:
        """SmartArt: its points' text, in the diagram's data part, as list items."""
        target = self.relationships.get(ids.get(f"{self.r}dm", ""))
        data = self.package.read(target[1]) if target and target[2] != "External" else None
        if data is None:
            return []
        items = []
        for point in data.iter(f"{_DIAGRAM_DATA}pt"):
            if point.get("type", "node") != "node":
                continue
            body = point.find(f"{_DIAGRAM_DATA}t")
            text = blocks_text(self.text_blocks(body, False)) if body is not None else ""
            if text:
                items.append(Block("item", text, marker="-"))
        return items


def _slide_text(slide: Slide) -> str:
    return " ".join([slide.title, blocks_text(slide.blocks)])


def _level(properties: ET.Element | None) -> int:
    value = properties.get("lvl", "0") if properties is not None else "0"
    return min(int(value), _MAX_LEVEL) if value.isdigit() else 0


def _chosen(alternate: ET.Element) -> ET.Element:
    """The content of an mc:AlternateContent PowerPoint shows: its first choice, else
    its fallback (both hold the same shape, so only one is read)."""
    for child in alternate:
        if child.tag in (f"{_MC}Choice", f"{_MC}Fallback"):
            return child
    return ET.Element("empty")
