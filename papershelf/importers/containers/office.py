"""What the word processors' readers share: a package's XML read safely, and Markdown.

A Word document (.docx) and an OpenDocument text (.odt) are both zip packages of XML
parts; their readers (``docx``, ``odt``) turn the parts into the same few blocks —
paragraphs, headings, list items, tables — made of spans of text that are bold, italic
or a link, and this module writes those as the Markdown the notes importer reads:
one block after another with a blank line between, list items line by line, a table
as a pipe table whose first row is its header, footnotes as ``[^n]`` with their text
at the end.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from papershelf.importers.records import ParseError

# An XML part bigger than this is no document a person wrote: a zip bomb, or a
# generated file. Word's own parts run to a few megabytes for a book.
MAX_PART_BYTES = 128 * 1024**2
_WHITESPACE_RE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
# A bullet typed at the start of a paragraph rather than set as a list ("• item"):
# • ◦ ▪ ▫ ‣ ● ○ ■ □ · and an en dash, as the RTF reader takes them.
_TYPED_BULLET_RE = re.compile(
    "^[\u2022\u25e6\u25aa\u25ab\u2023\u25cf\u25cb\u25a0\u25a1\u00b7\u2013]\\s+"
)
# Links a reader can follow; a link to a bookmark or a file beside the document leads
# nowhere once the note is imported.
_OUTSIDE_SCHEMES = ("http://", "https://", "ftp://", "mailto:", "doi:")
MAX_HEADING_LEVEL = 6
_EMPHASISED_CELL_RE = re.compile(r"^(\*{1,3})([^*]+)\1$")


@dataclass
class Span:
    """A stretch of text with one formatting; ``raw`` ones (a footnote mark, a line
    break) are written as they are, never emphasised."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""
    raw: bool = False


LINE_BREAK = Span("\n", raw=True)


@dataclass
class Block:
    """A paragraph, a heading (``level``), a list item (``level`` is its depth and
    ``marker`` its bullet or number) or a table (``rows`` of cell texts)."""

    kind: str  # paragraph, heading, item, table
    text: str = ""
    level: int = 0
    marker: str = ""
    rows: list[list[str]] = field(default_factory=list)


def open_package(path: Path, kind: str) -> zipfile.ZipFile:
    """The document's zip package, or a ParseError that says what the file is instead."""
    with path.open("rb") as file:
        head = file.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # An OLE compound file: Word 97–2003's .doc, or any Office file with a password.
        reason = f"not a {kind} package: an old binary document or a password-protected one"
        raise ParseError(path.name, None, f"{reason}; save it again as {kind} without a password")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise ParseError(
            path.name, None, f"not a readable {kind} file (not a zip package)"
        ) from None


def read_part(archive: zipfile.ZipFile, part: str, name: str) -> ET.Element | None:
    """A part of the package parsed, or None when the package has no such part."""
    try:
        info = archive.getinfo(part)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ParseError(name, None, f"{part} is too large to be a document's text")
    try:
        with archive.open(info) as member:
            data = member.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as error:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression.
        raise ParseError(name, None, f"{part} cannot be unpacked ({error})") from None
    return parse_xml(data, name, part)


def parse_xml(data: bytes, name: str, part: str = "") -> ET.Element:
    """XML parsed after refusing what an office suite never writes in these parts: a
    DOCTYPE or entity declaration (billion laughs, external files) — defusedxml is not
    installed and expat has no hook to refuse them — or an encoding other than UTF-8
    (UTF-16 would hide a declaration from the byte search)."""
    where = f"{part} " if part else ""
    if b"\x00" in data[:512]:
        raise ParseError(name, None, f"{where}is not UTF-8 XML as an office suite writes it")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ParseError(name, None, f"{where}declares a DOCTYPE or entities; refused")
    try:
        return ET.fromstring(data)  # noqa: S314 - declarations refused above
    except ET.ParseError as error:
        line, column = error.position if error.position else (0, 0)
        if part:
            reason = f"{part} is damaged (line {line}, column {column + 1})"
            raise ParseError(name, None, reason) from None
        raise ParseError(name, line or None, "the document's XML is damaged") from None


def local_name(tag: object) -> str:
    """An element's name without its namespace (comments and processing instructions
    have none)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def outside_link(target: str) -> str:
    """A link target a reader can follow, as Markdown takes it; "" for any other."""
    target = target.strip()
    if target.casefold().startswith("www."):
        target = f"http://{target}"
    if not target.casefold().startswith(_OUTSIDE_SCHEMES):
        return ""
    return target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def inline_markdown(spans: list[Span], emphasis: bool = True) -> str:
    """Spans as Markdown text: runs of one formatting merged (Word splits words across
    runs), emphasis around their words, links as [text](address)."""
    parts: list[str] = []
    for link, group in _link_groups(_merged(spans)):
        text = "".join(_emphasised(span, emphasis) for span in group)
        if link:
            parts.append(_link(text, link))
        else:
            parts.append(text)
    lines = ["".join(_WHITESPACE_RE.sub(" ", line)).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _merged(spans: list[Span]) -> list[Span]:
    """Neighbouring spans of one formatting as one; a space between two italic words
    takes their formatting, so that "*Journal of Memory*" stays one emphasis."""
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if span.raw:
            merged.append(span)
            continue
        text = span.text.replace("\n", " ").replace("\t", " ").replace("\r", " ")
        last = merged[-1] if merged else None
        if last is not None and not last.raw and last.link == span.link:
            same = (last.bold, last.italic) == (span.bold, span.italic)
            if same or not text.strip():
                last.text += text
                continue
            if not last.text.strip():
                merged[-1] = Span(last.text + text, span.bold, span.italic, span.link)
                continue
        merged.append(Span(text, span.bold, span.italic, span.link))
    return merged


def _link_groups(spans: list[Span]) -> list[tuple[str, list[Span]]]:
    groups: list[tuple[str, list[Span]]] = []
    for span in spans:
        link = "" if span.raw else span.link
        if groups and groups[-1][0] == link and link:
            groups[-1][1].append(span)
        else:
            groups.append((link, [span]))
    return groups


def _emphasised(span: Span, emphasis: bool) -> str:
    core = span.text.strip()
    if span.raw or not emphasis or not core or not (span.bold or span.italic):
        return span.text
    mark = "***" if span.bold and span.italic else "**" if span.bold else "*"
    lead = " " if span.text[:1].isspace() else ""
    trail = " " if span.text[-1:].isspace() else ""
    return f"{lead}{mark}{core}{mark}{trail}"


def _link(text: str, address: str) -> str:
    label = " ".join(text.replace("\n", " ").split())
    if not label or label == address:
        return address
    label = label.replace("[", "\\[").replace("]", "\\]")
    return f"[{label}]({address})"


def heading_text(spans: list[Span]) -> str:
    """A heading's text: one line, no emphasis (its style is emphasis enough)."""
    return " ".join(inline_markdown(spans, emphasis=False).split("\n"))


def cell_text(blocks: list[Block]) -> str:
    """A table cell's paragraphs on one line, as a pipe table needs them."""
    return blocks_text(blocks).replace("|", "\\|")


def blocks_text(blocks: list[Block]) -> str:
    """Blocks on one line: a cell's or a footnote's paragraphs."""
    texts = []
    for block in blocks:
        if block.kind == "table":
            texts += [" ".join(cell for cell in row if cell) for row in block.rows]
        else:
            texts.append(block.text.replace("\n", " "))
    return " ".join(text for text in texts if text)


def table_blocks(rows: list[list[str]], cells: list[list[list[Block]]]) -> list[Block]:
    """A table as a pipe table; one of a single column (a frame around text, a list
    set in a grid) is its paragraphs, one after another."""
    if all(len(row) <= 1 for row in cells):
        return [block for row in cells for cell in row for block in cell]
    kept = [row for row in rows if any(cell.strip() for cell in row)]
    if not kept:
        return []
    # A header cell is shown bold by any Markdown reader: the bold Word's header rows
    # are set in would only wrap the column's name in asterisks.
    header = [_EMPHASISED_CELL_RE.sub(r"\2", cell) for cell in kept[0]]
    return [Block("table", rows=[header, *kept[1:]])]


def render(blocks: list[Block], notes: list[str]) -> str:
    """The blocks as Markdown, the footnotes' texts after them."""
    out: list[str] = []
    previous = ""
    depth = -1  # the depth of the list item just written, -1 after any other block
    for block in blocks:
        if block.kind == "paragraph" and (typed := _TYPED_BULLET_RE.match(block.text)):
            block = Block("item", block.text[typed.end() :], marker="-")
        if not block.text and block.kind != "table":
            continue
        lines, depth = _block_lines(block, depth)
        if not lines:
            continue
        if out:
            out.append("\n" if block.kind == "item" and previous == "item" else "\n\n")
        out.append("\n".join(lines))
        previous = block.kind
    for number, note in enumerate(notes, start=1):
        out.append(f"\n\n[^{number}]: {note}" if out else f"[^{number}]: {note}")
    return "".join(out).strip() + "\n" if out else ""


def _block_lines(block: Block, depth: int) -> tuple[list[str], int]:
    if block.kind == "heading":
        level = min(max(block.level, 1), MAX_HEADING_LEVEL)
        return [f"{'#' * level} {block.text}"], -1
    if block.kind == "table":
        return _table_lines(block.rows), -1
    if block.kind == "item":
        # Never deeper than one past the item before: an indented first item after a
        # paragraph would be a code block.
        depth = min(block.level, depth + 1)
        indent = "    " * depth
        first, *rest = block.text.split("\n")
        more = " " * (len(indent) + len(block.marker) + 1)
        return [f"{indent}{block.marker} {first}", *(more + line for line in rest)], depth
    return block.text.split("\n"), -1


def _table_lines(rows: list[list[str]]) -> list[str]:
    if not rows:
        return []
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(padded[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in padded[1:]]
    return lines


def keyword_tags(text: str) -> list[str]:
    """The document's keywords (Word's "Tags" property), as tags."""
    return [" ".join(tag.split()) for tag in re.split(r"[;,]", text) if tag.strip()]
