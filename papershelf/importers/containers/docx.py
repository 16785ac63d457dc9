"""A Word document (.docx, .docm): one note, its text written as Markdown.

A .docx is a zip package (Office Open XML). ``_rels/.rels`` names the main part,
``word/document.xml``: a ``w:body`` of paragraphs (``w:p``) and tables (``w:tbl``).
A paragraph's text is in runs (``w:r``) of one formatting each, ``w:t`` inside; Word
splits text into runs wherever an edit, a spelling mark (``w:proofErr``) or a
revision id fell, often mid-word, so runs are joined as they are, never with a space.
Around the runs sit hyperlinks (``w:hyperlink``, whose ``r:id`` names the address in
``word/_rels/document.xml.rels``), smart tags, content controls (``w:sdt``), tracked
insertions and deletions, bookmarks and comment ranges. Older documents, and links
typed in by citation managers, are fields: ``w:fldChar`` begin, the instruction in
``w:instrText`` (``HYPERLINK "https://…"``), separate, the text shown, end; or one
``w:fldSimple``. Styles (``word/styles.xml``) say which paragraphs are headings
(a "heading N" style, or an outline level) and the title; numbering
(``word/numbering.xml``) which are list items, bulleted or numbered. Footnotes and
endnotes live in parts of their own, referenced by id.

Google Docs writes the same parts more plainly (every run formatted directly, bold
as ``<w:b w:val="1"/>``, not-bold as ``w:val="0"``); LibreOffice as Word does.

Comments are left out: they are a reviewer's remarks on the text, not the writer's
notes. So are headers and footers, the table of contents (a copy of the headings),
deleted text, hidden text and pictures; a text box's text is kept.

Word keeps an owner file (``~$name.docx``, a few bytes naming who has the document
open) beside a document while it is open; it is no document and gives no note.
"""

from __future__ import annotations

import posixpath
import re
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
    local_name,
    open_package,
    outside_link,
    read_part,
    render,
    table_blocks,
)
from papershelf.importers.records import ParseError
from papershelf.importers.rtf.fields import hyperlink_target

# Transitional (what Word, Google Docs and LibreOffice write) and Strict OOXML.
_RELATIONSHIP_NAMESPACES = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ),
    "http://purl.oclc.org/ooxml/wordprocessingml/main": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CORE_KEYWORDS = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords"
_OWNER_FILE_PREFIX = "~$"
_OFF = frozenset({"0", "false", "off"})
_HEADING_NAME_RE = re.compile(
    r"^(?:heading|\u00fcberschrift|titre|t\u00edtulo|titolo|kop)\s*(?P<level>[1-9])$", re.I
)  # Word's own names ("heading 1"), and the ids other writers give without a style sheet
_TOC_NAME_RE = re.compile(r"^(?:toc\s*\d|toc heading)$", re.I)
_MAX_STYLE_CHAIN = 32  # basedOn links followed; a cycle ends here
_MAX_SPAN = 64  # Word's grid has at most 63 columns
# Fields whose shown text is a copy of the document's own (a table of contents, an
# index): left out like the styles that set them.
_COPYING_FIELDS = ("TOC", "INDEX", "TOA")
_LIST_FORMATS = {"bullet", "none", ""}
_DECIMAL_FORMATS = {"decimal", "decimalZero", "ordinal", "cardinalText", "ordinalText"}
_PARAGRAPH_CONTAINERS = {"hyperlink", "smartTag", "customXml", "ins", "moveTo", "dir", "bdo"}
_SKIPPED_INLINE = {"del", "moveFrom", "pPr", "proofErr", "commentRangeStart", "commentRangeEnd"}


def read_docx(path: Path) -> list[Member]:
    if path.name.startswith(_OWNER_FILE_PREFIX):
        return []  # Word's owner file of an open document: no text of its own
    with open_package(path, ".docx") as archive:
        package = _Package(archive, path.name)
        body = package.body()
        tags = keyword_tags(package.keywords())
    return [(MemberNames().name_for(path.stem), markdown_note("", body, tags))]


class _Package:
    """The parts of one .docx, read as the body needs them."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive, self.name = archive, name
        self.main = self._main_part()
        root = read_part(archive, self.main, name)
        if root is None:
            raise ParseError(name, None, f"not a Word document: it has no {self.main}")
        self.root = root
        self.w = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
        if self.w not in _RELATIONSHIP_NAMESPACES:
            raise ParseError(name, None, "not a Word document: its main part is no w:document")
        self.r = _RELATIONSHIP_NAMESPACES[self.w]
        self.relationships = self._relationships(self.main)

    def body(self) -> str:
        styles = _Styles(self._related("/styles"), self.w)
        numbering = _Numbering(self._related("/numbering"), self.w)
        notes = {kind: self._notes(kind) for kind in ("footnote", "endnote")}
        writer = _Writer(self.w, self.r, self.relationships, styles, numbering, notes)
        body = self.root.find(f"{{{self.w}}}body")
        try:
            blocks = writer.blocks(body) if body is not None else []
        except RecursionError:
            raise ParseError(self.name, None, "the document nests too deep to read") from None
        return render(writer.shifted(blocks), writer.notes)

    def keywords(self) -> str:
        core = self._part_of_type("/core-properties", "_rels/.rels")
        return (core.findtext(_CORE_KEYWORDS) or "") if core is not None else ""

    def _main_part(self) -> str:
        for relationship in self._relationship_elements("_rels/.rels"):
            if relationship.get("Type", "").endswith("/officeDocument"):
                return _resolve("", relationship.get("Target", ""))
        return "word/document.xml"

    def _relationship_elements(self, part: str) -> list[ET.Element]:
        root = read_part(self.archive, part, self.name)
        return [] if root is None else list(root.iter(_PACKAGE_RELS))

    def _relationships(self, part: str) -> dict[str, tuple[str, str, str]]:
        """Relationship ids to (type, target, target mode) for a part."""
        folder, base = posixpath.split(part)
        found = {}
        for element in self._relationship_elements(f"{folder}/_rels/{base}.rels".lstrip("/")):
            found[element.get("Id", "")] = (
                element.get("Type", ""),
                element.get("Target", ""),
                element.get("TargetMode", ""),
            )
        return found

    def _related(self, kind: str) -> ET.Element | None:
        for rel_type, target, mode in self.relationships.values():
            if rel_type.endswith(kind) and mode != "External":
                return read_part(self.archive, _resolve(self.main, target), self.name)
        return None

    def _part_of_type(self, kind: str, rels: str) -> ET.Element | None:
        for relationship in self._relationship_elements(rels):
            if relationship.get("Type", "").endswith(kind):
                target = _resolve("", relationship.get("Target", ""))
                return read_part(self.archive, target, self.name)
        return None

    def _notes(self, kind: str) -> dict[str, ET.Element]:
        root = self._related(f"/{kind}s")
        if root is None:
            return {}
        return {
            note.get(f"{{{self.w}}}id", ""): note
            for note in root.iter(f"{{{self.w}}}{kind}")
            if note.get(f"{{{self.w}}}type") in (None, "normal")
        }


def _resolve(source: str, target: str) -> str:
    """A relationship's target as a part name: relative to its source's folder."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _on(element: ET.Element | None, w: str) -> bool | None:
    """A toggle property (w:b, w:i, w:vanish): True, False (w:val="0"), or None unset."""
    if element is None:
        return None
    return element.get(f"{{{w}}}val", "true").casefold() not in _OFF


@dataclass
class _Style:
    name: str
    based_on: str
    outline: int | None  # 0-based outline level; 9 is body text
    bold: bool | None
    italic: bool | None
    hidden: bool | None
    number: tuple[str, int | None] | None  # (numId, ilvl) of a list style


class _Styles:
    """The style sheet: which paragraphs are headings, lists, the title or a table of
    contents, and what a character style makes bold or italic."""

    def __init__(self, root: ET.Element | None, w: str) -> None:
        self.w = w
        self.by_id: dict[str, _Style] = {}
        self.default_paragraph = ""
        for style in [] if root is None else root.iter(f"{{{w}}}style"):
            self._add(style)

    def _add(self, style: ET.Element) -> None:
        w = self.w
        style_id = style.get(f"{{{w}}}styleId", "")
        is_paragraph = style.get(f"{{{w}}}type") == "paragraph"
        if is_paragraph and style.get(f"{{{w}}}default") in ("1", "true", "on"):
            self.default_paragraph = style_id
        paragraph, run = style.find(f"{{{w}}}pPr"), style.find(f"{{{w}}}rPr")
        outline = _value(paragraph, f"{{{w}}}outlineLvl", w)
        self.by_id[style_id] = _Style(
            name=_value(style, f"{{{w}}}name", w) or style_id,
            based_on=_value(style, f"{{{w}}}basedOn", w),
            outline=int(outline) if outline.isdigit() else None,
            bold=_on(run.find(f"{{{w}}}b"), w) if run is not None else None,
            italic=_on(run.find(f"{{{w}}}i"), w) if run is not None else None,
            hidden=_on(run.find(f"{{{w}}}vanish"), w) if run is not None else None,
            number=_number_of(paragraph, w),
        )

    def chain(self, style_id: str) -> list[_Style]:
        chain: list[_Style] = []
        while style_id in self.by_id and len(chain) < _MAX_STYLE_CHAIN:
            style = self.by_id[style_id]
            if style in chain:
                break
            chain.append(style)
            style_id = style.based_on
        return chain

    def heading_level(self, style_id: str) -> int | None:
        """0 for the title, 1–9 for a heading, None for any other paragraph."""
        # A generator that writes no styles.xml still names its styles "Heading1".
        chain = self.chain(style_id) or [_Style(style_id, "", None, None, None, None, None)]
        for style in chain:
            if style.name.casefold() == "title":
                return 0
            if found := _HEADING_NAME_RE.match(style.name.strip()):
                return int(found["level"])
            if style.outline is not None:
                return style.outline + 1 if style.outline < 9 else None
        return None

    def is_contents(self, style_id: str) -> bool:
        return any(_TOC_NAME_RE.match(s.name.strip()) for s in self.chain(style_id))

    def number(self, style_id: str) -> tuple[str, int | None] | None:
        return next((s.number for s in self.chain(style_id) if s.number), None)

    def run_property(self, style_id: str, name: str) -> bool | None:
        for style in self.chain(style_id):
            value = getattr(style, name)
            if value is not None:
                return bool(value)
        return None


def _value(element: ET.Element | None, child: str, w: str) -> str:
    found = element.find(child) if element is not None else None
    return (found.get(f"{{{w}}}val") or "") if found is not None else ""


def _number_of(paragraph: ET.Element | None, w: str) -> tuple[str, int | None] | None:
    numbering = paragraph.find(f"{{{w}}}numPr") if paragraph is not None else None
    if numbering is None:
        return None
    level = _value(numbering, f"{{{w}}}ilvl", w)
    return _value(numbering, f"{{{w}}}numId", w), int(level) if level.isdigit() else None


@dataclass
class _Level:
    format: str  # bullet, decimal, lowerLetter, …
    text: str  # what is shown, "%1." for the level's number
    start: int


@dataclass
class _Numbering:
    """The document's lists: each list's level formats, and the numbers reached."""

    root: ET.Element | None
    w: str
    abstract_of: dict[str, str] = field(default_factory=dict)
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    restarts: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.root is None:
            return
        w = self.w
        for abstract in self.root.iter(f"{{{w}}}abstractNum"):
            levels = {}
            for level in abstract.findall(f"{{{w}}}lvl"):
                index = level.get(f"{{{w}}}ilvl", "0")
                if index.isdigit():
                    levels[int(index)] = self._level(level)
            self.levels[abstract.get(f"{{{w}}}abstractNumId", "")] = levels
        for number in self.root.iter(f"{{{w}}}num"):
            number_id = number.get(f"{{{w}}}numId", "")
            self.abstract_of[number_id] = _value(number, f"{{{w}}}abstractNumId", w)
            for override in number.findall(f"{{{w}}}lvlOverride"):
                # A list that starts again at 1 (Word's "Restart numbering").
                index = override.get(f"{{{w}}}ilvl", "")
                start = _value(override, f"{{{w}}}startOverride", w)
                if index.isdigit() and start.isdigit():
                    self.restarts.setdefault(number_id, {})[int(index)] = int(start)

    def _level(self, level: ET.Element) -> _Level:
        w = self.w
        start = _value(level, f"{{{w}}}start", w)
        return _Level(
            format=_value(level, f"{{{w}}}numFmt", w),
            text=_value(level, f"{{{w}}}lvlText", w),
            start=int(start) if start.isdigit() else 1,
        )

    def label(self, number_id: str, depth: int) -> tuple[str, str]:
        """The next item of a list at a level: (its format, the label Word shows)."""
        abstract = self.abstract_of.get(number_id, number_id)
        levels = self.levels.get(abstract, {})
        level = levels.get(depth, _Level("bullet", "", 1))
        counters = self.counters.setdefault(abstract, [None] * 10)
        if number_id not in self.started:
            self.started.add(number_id)
            for index, start in self.restarts.get(number_id, {}).items():
                if index < len(counters):
                    counters[index] = start - 1
        current = counters[depth]
        counters[depth] = level.start if current is None else current + 1
        for deeper in range(depth + 1, len(counters)):
            counters[deeper] = None
        return level.format, self._shown(level.text, levels, counters, depth)

    @staticmethod
    def _shown(text: str, levels: dict[int, _Level], counters: list[int | None], depth: int) -> str:
        def number(found: re.Match[str]) -> str:
            index = int(found[1]) - 1
            if index > depth:
                return ""
            level = levels.get(index, _Level("decimal", "", 1))
            value = counters[index]
            return _formatted(level.start if value is None else value, level.format)

        return re.sub(r"%([1-9])", number, text).strip()


def _formatted(value: int, kind: str) -> str:
    if kind in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if kind == "upperLetter" else letter
    if kind in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if kind == "upperRoman" else roman
    if kind == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    numerals = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    out = ""
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        out += numeral * count
    return out


@dataclass
class _Field:
    """A field being read: its instruction, then (after ``separate``) its shown text."""

    instruction: str = ""
    showing: bool = False
    link: str = ""

    def hides(self) -> bool:
        return not self.showing or self.instruction.strip().upper().startswith(_COPYING_FIELDS)


@dataclass
class _Paragraph:
    """What a paragraph's runs gave: its text, and the text boxes anchored in it."""

    spans: list[Span] = field(default_factory=list)
    boxes: list[Block] = field(default_factory=list)


class _Writer:
    """The body read into blocks, footnotes gathered as they are referenced."""

    def __init__(
        self,
        w: str,
        r: str,
        relationships: dict[str, tuple[str, str, str]],
        styles: _Styles,
        numbering: _Numbering,
        notes: dict[str, dict[str, ET.Element]],
    ) -> None:
        self.w, self.r = w, r
        self.relationships = relationships
        self.styles, self.numbering, self.note_parts = styles, numbering, notes
        self.fields: list[_Field] = []  # a field may open in one paragraph, end in another
        self.notes: list[str] = []
        self.has_title = False

    def _is(self, element: ET.Element, name: str) -> bool:
        return element.tag == f"{{{self.w}}}{name}"

    def _w(self, name: str) -> str:
        return f"{{{self.w}}}{name}"

    def blocks(self, parent: ET.Element) -> list[Block]:
        """The paragraphs and tables of a body, a cell, a note or a text box."""
        blocks: list[Block] = []
        for child in parent:
            if self._is(child, "p"):
                blocks += self._paragraph(child)
            elif self._is(child, "tbl"):
                blocks += self._table(child)
            elif self._is(child, "sdt"):
                content = child.find(self._w("sdtContent"))
                blocks += self.blocks(content) if content is not None else []
            elif self._is(child, "customXml") or local_name(child.tag) in ("ins", "moveTo"):
                blocks += self.blocks(child)
            elif child.tag == f"{_MC}AlternateContent":
                blocks += self.blocks(_chosen(child))
        return blocks

    def shifted(self, blocks: list[Block]) -> list[Block]:
        """Headings one level down when the document has a title above its Heading 1s."""
        if self.has_title:
            for block in blocks:
                if block.kind == "heading" and block.level > 0:
                    block.level += 1
        for block in blocks:
            if block.kind == "heading" and block.level == 0:
                block.level = 1
        return blocks

    def _paragraph(self, paragraph: ET.Element) -> list[Block]:
        properties = paragraph.find(self._w("pPr"))
        style = _value(properties, self._w("pStyle"), self.w) or self.styles.default_paragraph
        content = _Paragraph()
        self._inline(paragraph, content, "")
        # A field's shown text may run on for paragraphs (a bibliography), its
        # instruction never does: a field left open there is broken, and must not hide
        # the rest of the document.
        self.fields = [f for f in self.fields if f.showing]
        if self.styles.is_contents(style):
            return content.boxes
        level = self._heading_level(properties, style)
        number = _number_of(properties, self.w) or self.styles.number(style)
        label = self._label(number) if number and number[0] not in ("", "0") else None
        if level is not None:
            text = heading_text(content.spans)
            if label and label[0] not in _LIST_FORMATS and text:
                text = f"{label[1]} {text}"
            self.has_title = self.has_title or (level == 0 and bool(text))
            return [Block("heading", text, level=level), *content.boxes]
        text = inline_markdown(content.spans)
        if label is not None and number is not None:
            return [self._item(text, label, number), *content.boxes]
        return [Block("paragraph", text), *content.boxes]

    def _heading_level(self, properties: ET.Element | None, style: str) -> int | None:
        outline = _value(properties, self._w("outlineLvl"), self.w)
        if outline.isdigit():
            return int(outline) + 1 if int(outline) < 9 else None
        return self.styles.heading_level(style)

    def _label(self, number: tuple[str, int | None]) -> tuple[str, str]:
        number_id, depth = number
        return self.numbering.label(number_id, min(depth or 0, 8))

    def _item(self, text: str, label: tuple[str, str], number: tuple[str, int | None]) -> Block:
        kind, shown = label
        depth = min(number[1] or 0, 8)
        if kind in _LIST_FORMATS:
            return Block("item", text, level=depth, marker="-")
        simple = re.fullmatch(r"(\d+)[.)]?", shown)
        if kind in _DECIMAL_FORMATS and simple:
            return Block("item", text, level=depth, marker=f"{simple[1]}.")
        return Block("item", f"{shown} {text}".strip(), level=depth, marker="-")

    def _inline(self, parent: ET.Element, out: _Paragraph, link: str) -> None:
        for child in parent:
            name = local_name(child.tag)
            if child.tag == f"{_MC}AlternateContent":
                self._inline(_chosen(child), out, link)
            elif not child.tag.startswith(f"{{{self.w}}}") and name not in ("oMath", "oMathPara"):
                continue
            elif name == "r":
                self._run(child, out, link)
            elif name == "hyperlink":
                self._inline(child, out, self._hyperlink(child) or link)
            elif name == "fldSimple":
                self._simple_field(child, out, link)
            elif name == "sdt":
                content = child.find(self._w("sdtContent"))
                if content is not None:
                    self._inline(content, out, link)
            elif name in ("oMath", "oMathPara"):
                out.spans.append(
                    Span("".join(t.text or "" for t in child.iter() if _is_math_text(t)))
                )
            elif name in _PARAGRAPH_CONTAINERS:
                self._inline(child, out, link)

    def _hyperlink(self, element: ET.Element) -> str:
        rel = self.relationships.get(element.get(f"{{{self.r}}}id", ""))
        if rel is None:
            return ""
        anchor = element.get(self._w("anchor"))
        target = rel[1] + (f"#{anchor}" if anchor and "#" not in rel[1] else "")
        return outside_link(target)

    def _simple_field(self, element: ET.Element, out: _Paragraph, link: str) -> None:
        instruction = element.get(self._w("instr"), "")
        if _Field(instruction, showing=True).hides():
            return
        self._inline(element, out, hyperlink_target(instruction) or link)

    def _run(self, run: ET.Element, out: _Paragraph, link: str) -> None:
        bold, italic, hidden = self._run_format(run.find(self._w("rPr")))
        for child in run:
            name = local_name(child.tag) if child.tag.startswith(f"{{{self.w}}}") else ""
            if child.tag == f"{_MC}AlternateContent":
                self._boxes(_chosen(child), out)
            elif name == "fldChar":
                self._field_char(child)
            elif name == "instrText" and self.fields and not self.fields[-1].showing:
                self.fields[-1].instruction += child.text or ""
            elif self._hidden() or hidden:
                continue
            elif name == "t":
                field_link = next((f.link for f in reversed(self.fields) if f.link), "")
                out.spans.append(Span(child.text or "", bold, italic, field_link or link))
            elif name in ("tab", "ptab"):
                out.spans.append(Span(" ", bold, italic, link))
            elif name in ("br", "cr"):
                out.spans.append(LINE_BREAK)
            elif name == "noBreakHyphen":
                out.spans.append(Span("-", bold, italic, link))
            elif name in ("footnoteReference", "endnoteReference"):
                out.spans.append(self._note(name.removesuffix("Reference"), child))
            elif name in ("drawing", "pict", "object"):
                self._boxes(child, out)

    def _run_format(self, properties: ET.Element | None) -> tuple[bool, bool, bool]:
        """Bold, italic and hidden: set on the run, else by its character style."""
        style = _value(properties, self._w("rStyle"), self.w)
        values = []
        for tag, name in (("b", "bold"), ("i", "italic"), ("vanish", "hidden")):
            direct = _on(properties.find(self._w(tag)), self.w) if properties is not None else None
            values.append(direct if direct is not None else self.styles.run_property(style, name))
        return bool(values[0]), bool(values[1]), bool(values[2])

    def _field_char(self, element: ET.Element) -> None:
        kind = element.get(self._w("fldCharType"))
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            current = self.fields[-1]
            current.showing = True
            current.link = hyperlink_target(current.instruction)
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _hidden(self) -> bool:
        return any(f.hides() for f in self.fields)

    def _note(self, kind: str, reference: ET.Element) -> Span:
        note = self.note_parts[kind].get(reference.get(self._w("id"), ""))
        if note is None:
            return Span("")
        fields, self.fields = self.fields, []
        text = blocks_text(self.blocks(note))
        self.fields = fields
        self.notes.append(text.strip())
        return Span(f"[^{len(self.notes)}]", raw=True)

    def _boxes(self, element: ET.Element, out: _Paragraph) -> None:
        """A text box's paragraphs, after the paragraph it is anchored in."""
        for box in element.iter(self._w("txbxContent")):
            out.boxes += self.blocks(box)

    def _table(self, table: ET.Element) -> list[Block]:
        rows: list[list[str]] = []
        cells: list[list[list[Block]]] = []
        for row in _descend(table, self._w("tr"), self.w):
            texts: list[str] = []
            row_cells: list[list[Block]] = []
            for cell in _descend(row, self._w("tc"), self.w):
                properties = cell.find(self._w("tcPr"))
                blocks = self.blocks(cell)
                merged = properties is not None and properties.find(self._w("vMerge")) is not None
                if merged and _value(properties, self._w("vMerge"), self.w) != "restart":
                    blocks = []  # the lower part of a cell merged down: no text of its own
                texts += [cell_text(blocks)] + [""] * (self._columns(properties) - 1)
                row_cells.append(blocks)
            rows.append(texts)
            cells.append(row_cells)
        return table_blocks(rows, cells)

    def _columns(self, properties: ET.Element | None) -> int:
        """How many grid columns a cell spans (a merged cell's gridSpan)."""
        span = _value(properties, self._w("gridSpan"), self.w)
        return min(int(span), _MAX_SPAN) if span.isdigit() and int(span) > 0 else 1


def _descend(parent: ET.Element, tag: str, w: str) -> list[ET.Element]:
    """Rows of a table or cells of a row, also inside content controls and custom XML."""
    found = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag in (f"{{{w}}}sdt", f"{{{w}}}customXml"):
            content = child.find(f"{{{w}}}sdtContent")
            found += _descend(content if content is not None else child, tag, w)
    return found


def _chosen(alternate: ET.Element) -> ET.Element:
    """The content of an mc:AlternateContent Word shows: its first choice, else its
    fallback (both hold the same text box, so only one is read)."""
    for child in alternate:
        if child.tag in (f"{_MC}Choice", f"{_MC}Fallback"):
            return child
    return ET.Element("empty")


def _is_math_text(element: ET.Element) -> bool:
    return element.tag.endswith("}t") and "math" in element.tag
