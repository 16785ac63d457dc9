"""An OpenDocument text (.odt, and the flat .fodt): one note, its text as Markdown.

An .odt is a zip package whose ``mimetype`` (stored first, uncompressed) says
``application/vnd.oasis.opendocument.text``; LibreOffice Writer, OpenOffice, Google
Docs ("Download as OpenDocument") and Word ("Save as .odt") write it. ``content.xml``
holds the text (``office:body/office:text``): paragraphs (``text:p``), headings with
their outline level (``text:h``), lists of items (``text:list``, nested for deeper
levels), tables (``table:table``), sections; inside a paragraph spans
(``text:span``), links (``text:a`` with ``xlink:href``), footnotes and endnotes
(``text:note`` with their body), comments (``office:annotation``), frames with images
or text boxes, and the spaces, tabs and line breaks XML would collapse (``text:s``,
``text:tab``, ``text:line-break``). Bold and italic are not elements but styles: an
automatic style of the document (``T1`` with ``fo:font-weight="bold"``) or a named
one from ``styles.xml`` ("Strong Emphasis"), each possibly deriving from another.
Whether a list is bulleted or numbered is its list style's, level by level.

LibreOffice's bibliography: a citation is a ``text:bibliography-mark`` whose data
(author, title, year…) are attributes and whose text is what the reader sees
("[Paine1966]"); the generated bibliography (``text:bibliography``) holds the
formatted entries. Both are written as shown, like a table of contents is not (it
copies the headings). A .fodt is the same document in one XML file.

Comments, tracked deletions, pictures, headers and footers are left out. LibreOffice's
lock file (``.~lock.name.odt#``) is hidden and never read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames, markdown_note
from papershelf.importers.containers.office import (
    LINE_BREAK,
    Block,
    Span,
    blocks_text,
    cell_text,
    heading_text,
    inline_markdown,
    keyword_tags,
    open_package,
    outside_link,
    parse_xml,
    read_part,
    render,
    table_blocks,
)
from papershelf.importers.records import ParseError

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_TEXT_MIMETYPES = (b"application/vnd.oasis.opendocument.text",)
# Indexes that copy the document's own headings or words; the bibliography is kept.
_COPIES = {f"{TEXT}{name}" for name in ("table-of-content", "alphabetical-index")} | {
    f"{TEXT}{name}" for name in ("illustration-index", "table-index", "object-index", "user-index")
}
# Inline elements with nothing a reader sees, or a reviewer's rather than the writer's.
_UNSEEN = {f"{OFFICE}annotation", f"{OFFICE}annotation-end", f"{TEXT}note-citation"} | {
    f"{TEXT}{name}"
    for name in ("tracked-changes", "change", "change-start", "change-end", "soft-page-break")
}
_BOLD_WEIGHTS = frozenset({"bold", "600", "700", "800", "900"})
_MAX_STYLE_CHAIN = 32
_MAX_REPEAT = 64  # a cell repeated to fill a spreadsheet-wide row: once is enough
_TITLE_STYLES = frozenset({"title"})


def read_odt(path: Path) -> list[Member]:
    if path.suffix.lower() == ".fodt":
        root = parse_xml(path.read_bytes(), path.name)
        parts = _Parts(content=root, styles=root, meta=root)
    else:
        parts = _package_parts(path)
    body = parts.content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise ParseError(path.name, None, "not a text document: it has no office:text body")
    writer = _Writer(_Styles(parts))
    try:
        blocks = writer.blocks(body, 0)
    except RecursionError:
        raise ParseError(path.name, None, "the document nests too deep to read") from None
    text = render(writer.shifted(blocks), writer.notes)
    tags = [tag for k in _keywords(parts.meta) for tag in keyword_tags(k)]
    return [(MemberNames().name_for(path.stem), markdown_note("", text, tags))]


@dataclass
class _Parts:
    content: ET.Element
    styles: ET.Element | None
    meta: ET.Element | None


def _package_parts(path: Path) -> _Parts:
    with open_package(path, ".odt") as archive:
        _check_mimetype(archive, path.name)
        content = read_part(archive, "content.xml", path.name)
        if content is None:
            raise ParseError(path.name, None, "not an OpenDocument text: it has no content.xml")
        styles = read_part(archive, "styles.xml", path.name)
        meta = read_part(archive, "meta.xml", path.name)
    return _Parts(content, styles, meta)


def _check_mimetype(archive: zipfile.ZipFile, name: str) -> None:
    try:
        mimetype = archive.read("mimetype").strip()
        manifest = archive.read("META-INF/manifest.xml")
    except KeyError:
        return  # some writers leave these out; content.xml decides
    except (zipfile.BadZipFile, OSError, RuntimeError) as error:
        raise ParseError(name, None, f"the package cannot be unpacked ({error})") from None
    if mimetype and not mimetype.startswith(_TEXT_MIMETYPES):
        kind = mimetype.decode("ascii", "replace")
        raise ParseError(name, None, f"not an OpenDocument text but {kind}")
    if b"encryption-data" in manifest:
        raise ParseError(name, None, "password-protected: save it again without a password")


def _keywords(meta: ET.Element | None) -> list[str]:
    if meta is None:
        return []
    return [keyword.text or "" for keyword in meta.iter(f"{META}keyword")]


@dataclass
class _Style:
    parent: str
    bold: bool | None
    italic: bool | None
    automatic: bool
    display: str


@dataclass
class _Styles:
    """Text and paragraph styles (named ones from styles.xml, automatic ones from the
    document) and list styles, level by level."""

    parts: _Parts
    by_name: dict[tuple[str, str], _Style] = field(default_factory=dict)
    lists: dict[str, dict[int, tuple[bool, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Named styles first: an automatic style of content.xml may share a name.
        for root, tag in ((self.parts.styles, "styles"), (self.parts.styles, "automatic-styles")):
            self._read(root, tag, automatic=tag == "automatic-styles")
        self._read(self.parts.content, "automatic-styles", automatic=True)

    def _read(self, root: ET.Element | None, tag: str, automatic: bool) -> None:
        holder = root.find(f"{OFFICE}{tag}") if root is not None else None
        if holder is None:
            return
        for style in holder.findall(f"{STYLE}style"):
            properties = style.find(f"{STYLE}text-properties")
            weight = properties.get(f"{FO}font-weight") if properties is not None else None
            slant = properties.get(f"{FO}font-style") if properties is not None else None
            key = (style.get(f"{STYLE}family", ""), style.get(f"{STYLE}name", ""))
            self.by_name[key] = _Style(
                parent=style.get(f"{STYLE}parent-style-name", ""),
                bold=None if weight is None else weight in _BOLD_WEIGHTS,
                italic=None if slant is None else slant in ("italic", "oblique"),
                automatic=automatic,
                display=style.get(f"{STYLE}display-name") or key[1].replace("_20_", " "),
            )
        for list_style in holder.findall(f"{TEXT}list-style"):
            self.lists[list_style.get(f"{STYLE}name", "")] = _list_levels(list_style)

    def chain(self, family: str, name: str) -> list[_Style]:
        chain: list[_Style] = []
        while (family, name) in self.by_name and len(chain) < _MAX_STYLE_CHAIN:
            style = self.by_name[(family, name)]
            if style in chain:
                break
            chain.append(style)
            name = style.parent
        return chain

    def span_format(self, name: str, bold: bool, italic: bool) -> tuple[bool, bool]:
        """A span's bold and italic: set by its style or the styles it derives from,
        else its surroundings'."""
        found_bold: bool | None = None
        found_italic: bool | None = None
        for style in self.chain("text", name):
            found_bold = style.bold if found_bold is None else found_bold
            found_italic = style.italic if found_italic is None else found_italic
        return (
            bold if found_bold is None else found_bold,
            italic if found_italic is None else found_italic,
        )

    def paragraph_format(self, name: str) -> tuple[bool, bool]:
        """Bold or italic set on the paragraph itself (its automatic style); a named
        paragraph style's look is the style's, not emphasis the writer added."""
        style = self.by_name.get(("paragraph", name))
        if style is None or not style.automatic:
            return False, False
        return bool(style.bold), bool(style.italic)

    def is_title(self, name: str) -> bool:
        return any(s.display.casefold() in _TITLE_STYLES for s in self.chain("paragraph", name))


def _list_levels(list_style: ET.Element) -> dict[int, tuple[bool, int]]:
    """Each level: (numbered, first number)."""
    levels = {}
    for level in list_style:
        number = level.get(f"{TEXT}level", "1")
        if not number.isdigit():
            continue
        numbered = level.tag == f"{TEXT}list-level-style-number" and bool(
            level.get(f"{STYLE}num-format")
        )
        start = level.get(f"{TEXT}start-value", "1")
        levels[int(number)] = (numbered, int(start) if start.isdigit() else 1)
    return levels


@dataclass
class _Context:
    """The formatting around inline content, and where a paragraph's text boxes go."""

    bold: bool = False
    italic: bool = False
    link: str = ""


class _Writer:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.notes: list[str] = []
        self.has_title = False
        self.counters: dict[str, list[int]] = {}  # a list's numbers, by list style

    def shifted(self, blocks: list[Block]) -> list[Block]:
        """Headings one level down when the document has a title above its Heading 1s."""
        for block in blocks:
            if block.kind == "heading":
                block.level = 1 if block.level == 0 else block.level + int(self.has_title)
        return blocks

    def blocks(self, parent: ET.Element, depth: int, list_style: str = "") -> list[Block]:
        blocks: list[Block] = []
        for child in parent:
            tag = child.tag
            if tag == f"{TEXT}p":
                blocks += self._paragraph(child)
            elif tag == f"{TEXT}h":
                blocks += self._heading(child)
            elif tag == f"{TEXT}list":
                blocks += self._list(child, depth, list_style)
            elif tag == f"{TABLE}table":
                blocks += self._table(child)
            elif tag == f"{TEXT}bibliography":
                blocks += self._index_body(child)
            elif tag in (f"{TEXT}section", f"{TEXT}index-body", f"{TEXT}index-title"):
                blocks += self.blocks(child, depth, list_style)
        return blocks

    def _paragraph(self, paragraph: ET.Element) -> list[Block]:
        style = paragraph.get(f"{TEXT}style-name", "")
        bold, italic = self.styles.paragraph_format(style)
        spans: list[Span] = []
        boxes: list[Block] = []
        self._inline(paragraph, _Context(bold, italic), spans, boxes)
        if self.styles.is_title(style):
            text = heading_text(spans)
            self.has_title = self.has_title or bool(text)
            return [Block("heading", text, level=0), *boxes]
        return [Block("paragraph", inline_markdown(spans)), *boxes]

    def _heading(self, heading: ET.Element) -> list[Block]:
        level = heading.get(f"{TEXT}outline-level", "1")
        spans: list[Span] = []
        boxes: list[Block] = []
        self._inline(heading, _Context(), spans, boxes)
        number = heading.find(f"{TEXT}number")
        text = heading_text(spans)
        if number is not None and number.text and number.text.strip() and text:
            text = f"{number.text.strip()} {text}"
        return [Block("heading", text, level=int(level) if level.isdigit() else 1), *boxes]

    def _index_body(self, index: ET.Element) -> list[Block]:
        """A generated bibliography's entries, under its title as a heading."""
        body = index.find(f"{TEXT}index-body")
        if body is None:
            return []
        blocks = []
        for child in body:
            if child.tag == f"{TEXT}index-title":
                titles = self.blocks(child, 0)
                title = blocks_text(titles)
                blocks.append(Block("heading", title, level=1))
            else:
                blocks += self._one(child)
        return blocks

    def _one(self, element: ET.Element) -> list[Block]:
        holder = ET.Element("holder")
        holder.append(element)
        return self.blocks(holder, 0)

    def _list(self, element: ET.Element, depth: int, inherited: str) -> list[Block]:
        style = element.get(f"{TEXT}style-name") or inherited
        numbered, start = self.styles.lists.get(style, {}).get(depth + 1, (False, 1))
        counters = self.counters.setdefault(style, [])
        del counters[depth + 1 :]
        continues = element.get(f"{TEXT}continue-numbering") == "true" or element.get(
            f"{TEXT}continue-list"
        )
        if len(counters) <= depth:
            counters.extend([start - 1] * (depth + 1 - len(counters)))
        elif not continues and depth == 0:
            counters[depth] = start - 1
        blocks: list[Block] = []
        for item in element:
            if item.tag == f"{TEXT}list-header":
                blocks += self.blocks(item, depth, style)  # an item without a bullet
                continue
            if item.tag != f"{TEXT}list-item":
                continue
            value = item.get(f"{TEXT}start-value", "")
            counters[depth] = int(value) if value.isdigit() else counters[depth] + 1
            del counters[depth + 1 :]
            marker = f"{counters[depth]}." if numbered else "-"
            blocks += self._item(item, depth, style, marker)
        return blocks

    def _item(self, item: ET.Element, depth: int, style: str, marker: str) -> list[Block]:
        blocks: list[Block] = []
        first = True
        for child in item:
            if child.tag == f"{TEXT}list":
                blocks += self._list(child, depth + 1, style)
                continue
            inner = self._one(child)
            for block in inner:
                if first and block.kind == "paragraph":
                    blocks.append(Block("item", block.text, level=depth, marker=marker))
                elif block.kind == "paragraph" and blocks and blocks[-1].kind == "item":
                    blocks[-1].text += f"\n{block.text}" if block.text else ""
                else:
                    blocks.append(block)
                first = False
        return blocks

    def _inline(
        self, element: ET.Element, context: _Context, spans: list[Span], boxes: list[Block]
    ) -> None:
        if element.text:
            spans.append(Span(element.text, context.bold, context.italic, context.link))
        for child in element:
            self._inline_child(child, context, spans, boxes)
            if child.tail:
                spans.append(Span(child.tail, context.bold, context.italic, context.link))

    def _inline_child(
        self, child: ET.Element, context: _Context, spans: list[Span], boxes: list[Block]
    ) -> None:
        tag = child.tag
        if tag in _UNSEEN or tag == f"{TEXT}number":
            return
        if tag == f"{TEXT}span":
            bold, italic = self.styles.span_format(
                child.get(f"{TEXT}style-name", ""), context.bold, context.italic
            )
            self._inline(child, _Context(bold, italic, context.link), spans, boxes)
        elif tag == f"{TEXT}a":
            link = outside_link(child.get(f"{XLINK}href", "")) or context.link
            self._inline(child, _Context(context.bold, context.italic, link), spans, boxes)
        elif tag == f"{TEXT}s":
            count = child.get(f"{TEXT}c", "1")
            spans.append(Span(" " * min(int(count) if count.isdigit() else 1, 8)))
        elif tag == f"{TEXT}tab":
            spans.append(Span(" "))
        elif tag == f"{TEXT}line-break":
            spans.append(LINE_BREAK)
        elif tag == f"{TEXT}note":
            spans.append(self._note(child))
        elif tag == f"{DRAW}frame" or tag == f"{DRAW}a":
            for box in child.iter(f"{DRAW}text-box"):
                boxes += self.blocks(box, 0)
        elif tag.startswith(DRAW) or tag.startswith("{urn:oasis:names:tc:opendocument:xmlns:svg"):
            return
        else:
            # A field (a date, a cross-reference, a bibliography mark) or a
            # container (text:meta, text:ruby): what it shows.
            self._inline(child, context, spans, boxes)

    def _note(self, note: ET.Element) -> Span:
        body = note.find(f"{TEXT}note-body")
        if body is None:
            return Span("")
        self.notes.append(blocks_text(self.blocks(body, 0)).strip())
        return Span(f"[^{len(self.notes)}]", raw=True)

    def _table(self, table: ET.Element) -> list[Block]:
        rows: list[list[str]] = []
        cells: list[list[list[Block]]] = []
        for row in _rows(table):
            texts: list[str] = []
            row_cells: list[list[Block]] = []
            for cell in row:
                if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                    continue
                blocks = self.blocks(cell, 0)
                repeat = cell.get(f"{TABLE}number-columns-repeated", "1")
                times = min(int(repeat), _MAX_REPEAT) if repeat.isdigit() else 1
                texts += [cell_text(blocks)] * times
                row_cells += [blocks] * times
            while texts and not texts[-1]:
                texts.pop()  # the empty cells a table is padded with to its width
            rows.append(texts)
            cells.append(row_cells[: max(len(texts), 1)])
        return table_blocks(rows, cells)


def _rows(table: ET.Element) -> list[ET.Element]:
    """A table's rows, its header rows and row groups included."""
    rows = []
    for child in table:
        if child.tag == f"{TABLE}table-row":
            rows.append(child)
        elif child.tag in (
            f"{TABLE}table-header-rows",
            f"{TABLE}table-rows",
            f"{TABLE}table-row-group",
        ):
            rows += _rows(child)
    return rows
