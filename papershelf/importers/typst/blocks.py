"""Typst markup, line by line, as Markdown lines that remember their source line.

Headings (``=``, ``==``…), bullet (``-``), numbered (``+``) and term (``/ Term:``)
lists, paragraphs, and the statements that set up a document (``#set``, ``#show``,
``#let``, ``#import``, ``#include``, which go). A list item's nesting is its
indentation, as in Typst. Within a line, ``inline`` reads the markup and ``calls``
the functions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from papershelf.importers.typst import calls, scan
from papershelf.importers.typst.inline import Block, Inline, Line, Piece, labels_in, plain_text

_HEADING_RE = re.compile(r"(?P<marks>={1,6})(?:[ \t]+|$)")
_LIST_RE = re.compile(r"(?P<marker>[-+]|\d{1,3}\.)(?:[ \t]+|$)")
_TERM_RE = re.compile(r"/[ \t]+")
_STATEMENT_RE = re.compile(r"#(?:" + "|".join(sorted(scan.STATEMENT_KEYWORDS)) + r")\b")
_TRAILING_LABEL_RE = re.compile(r"\s*<[\w\-:.]+>\s*$")


@dataclass
class _ListItem:
    source_indent: int  # column of the marker in the .typ file
    content_indent: int  # column of the item's text in the Markdown


@dataclass
class _Lists:
    """The open list items, innermost last."""

    items: list[_ListItem] = field(default_factory=list)

    def marker(self, indent: int, marker: str) -> str:
        """The Markdown indentation and marker for an item whose marker is at ``indent``."""
        while self.items and self.items[-1].source_indent >= indent:
            self.items.pop()
        start = self.items[-1].content_indent if self.items else 0
        self.items.append(_ListItem(indent, start + len(marker) + 1))
        return " " * start + marker + " "

    def continuation(self, indent: int) -> str | None:
        """The indentation of a line that goes on with an item, or None when the
        line is back at the margin and the list has ended."""
        while self.items and self.items[-1].source_indent >= indent:
            self.items.pop()
        return " " * self.items[-1].content_indent if self.items else None


@dataclass
class _Run:
    """The state of converting one run of markup (a file, or a ``[…]`` block in it)."""

    lists: _Lists
    inline: Inline
    out: list[Line] = field(default_factory=list)
    joinable: bool = False  # the last line is a paragraph's or an item's text, to go on


def _ends_in_text(run: _Run, written: int) -> bool:
    """Whether the line just written is text the next line of its paragraph continues;
    a line that ends in a line break (``\\``) is not, and keeps its own line."""
    if len(run.out) <= written or not run.out[-1][0].strip():
        return False
    text, origin = run.out[-1]
    if text.startswith(("#", "|", "```", "$$", ">", "![")) or text.lstrip().startswith("|"):
        return False
    if text.endswith("\\"):
        run.out[-1] = (text[:-1].rstrip(), origin)
        return False
    return True


class Converter:
    """Converts a whole file's markup; ``content`` converts a ``[…]`` block of it."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.labels = labels_in(source)
        self.footnotes: list[str] = []
        self.heading_level = 0  # of the last heading written: a paper's facts go below it
        self.front: dict[str, object] = {}  # a note template's paper facts (#show: note.with)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset) - 1

    def convert(self, start: int, end: int) -> list[Line]:
        """Markdown lines for the markup from ``start`` to ``end``."""
        run = _Run(lists=_Lists(), inline=Inline(self))
        position = start
        while position < end:
            written = len(run.out)
            position = self._block(position, end, run)
            run.joinable = _ends_in_text(run, written)
            if position < end and self.source[position] == "\n":
                position += 1
        return run.out

    def content(self, start: int, end: int) -> Piece:
        """A ``[…]`` block: one line of text, or a Block when it holds several."""
        lines = _trimmed(self.convert(start, end))
        if len(lines) == 1 and not _starts_block(lines[0][0]):
            return lines[0][0].strip()
        return Block(lines) if lines else ""

    def call(self, call: scan.Call) -> Piece:
        return calls.render(call, self)

    def _block(self, position: int, end: int, run: _Run) -> int:
        """Converts the logical line at ``position``; returns where it ends."""
        out, lists, inline = run.out, run.lists, run.inline
        source = self.source
        line_end = source.find("\n", position, end)
        line_end = end if line_end < 0 else line_end
        line = source[position:line_end]
        stripped = line.lstrip(" \t")
        indent = len(line) - len(stripped)
        origin = self.line_of(position)
        start = position + indent
        if not stripped.strip():
            inline.reset()
            out.append(("", origin))
            return line_end
        if _STATEMENT_RE.match(stripped):
            self._statement(start)
            return scan.statement_end(source, start)
        if heading := _HEADING_RE.match(stripped):
            inline.reset()
            lists.items.clear()
            pieces, position = inline.run(start + heading.end(), end)
            text = _TRAILING_LABEL_RE.sub("", " ".join(plain_text(p) for p in pieces)).strip()
            level = len(heading["marks"])
            self.heading_level = level
            out.append((f"{'#' * level} {text}".rstrip(), origin))
            return position
        if item := _LIST_RE.match(stripped):
            return self._item(start, end, indent, item, run)
        if (term := _TERM_RE.match(stripped)) and ":" in stripped:
            return self._term(start + term.end(), end, indent, run)
        continuation = lists.continuation(indent) if indent else lists.continuation(0)
        pieces, position = inline.run(start, end)
        text = "".join(p for p in pieces if isinstance(p, str)).strip()
        if run.joinable and text and all(isinstance(p, str) for p in pieces):
            # Typst runs a paragraph's lines together, as Markdown does: one line, so
            # that a wrapped sentence never reads as a title over its authors.
            out[-1] = (f"{out[-1][0]} {text}", out[-1][1])
            return position
        margin = continuation or ""
        _emit(out, pieces, origin, margin, len(margin))
        return position

    def _item(self, start: int, end: int, indent: int, item: re.Match[str], run: _Run) -> int:
        """ "- text" or "+ text": a bullet or numbered item, nested by its indentation."""
        run.inline.reset()
        marker = "1." if item["marker"] == "+" else item["marker"]
        prefix = run.lists.marker(indent, marker)
        pieces, position = run.inline.run(start + item.end(), end)
        _emit(run.out, pieces, self.line_of(start), prefix, run.lists.items[-1].content_indent)
        return position

    def _term(self, start: int, end: int, indent: int, run: _Run) -> int:
        """ "/ Term: description" as "- **Term**: description", the facts line the notes
        reader knows ("/ Authors: …", "/ DOI: …")."""
        run.inline.reset()
        prefix = run.lists.marker(indent, "-")
        term, position = run.inline.run(start, end, stop="\n:")
        if position < end and self.source[position] == ":":
            position += 1
        pieces, position = run.inline.run(_skip_blanks(self.source, position, end), end)
        label = " ".join(plain_text(piece) for piece in term).strip()
        pieces = [f"**{label}**: ", *calls.fact_line(label, pieces)] if label else pieces
        _emit(run.out, pieces, self.line_of(start), prefix, run.lists.items[-1].content_indent)
        return position

    def _statement(self, start: int) -> None:
        """``#show: note.with(title: …, doi: …)``: a note template given the facts of the
        paper the note is on. Other statements set up the page and say nothing."""
        match = re.match(r"#show\s*:\s*", self.source[start:])
        if match is None:
            return
        call = scan.read_expression(self.source, start + match.end())
        if call is not None and call.name.endswith(".with"):
            self.front = calls.paper_facts(call, self, template=True) or self.front


def _emit(out: list[Line], pieces: list[Piece], origin: int, prefix: str, indent: int) -> None:
    """Writes a logical line's pieces: text after ``prefix``, blocks on lines of their
    own, indented by ``indent`` (inside a list item)."""
    margin = " " * indent
    current = prefix
    for piece in pieces:
        if isinstance(piece, str):
            current += piece
            continue
        lines = list(piece.lines)
        if not lines:
            continue
        if prefix.strip() and current.strip() == prefix.strip():
            # "- #figure(…)": the item is the block.
            out.append((current + lines[0][0].lstrip(), lines[0][1]))
            lines = lines[1:]
        elif current.strip():
            out.append((current.rstrip(), origin))
        if lines and out and out[-1][0].strip():
            out.append(("", lines[0][1]))
        out.extend((margin + text if text else text, line) for text, line in lines)
        if lines:
            out.append(("", lines[-1][1]))
        current = margin
    if current.strip():
        out.append((current.rstrip(), origin))


def _skip_blanks(source: str, position: int, end: int) -> int:
    while position < end and source[position] in " \t":
        position += 1
    return position


def _is_item_line(text: str) -> bool:
    return bool(re.match(r"\s*(?:[-*+]|\d+\.)\s", text))


def _starts_block(text: str) -> bool:
    return bool(re.match(r"\s*(?:#{1,6}\s|[-*+]\s|\d+\.\s|>|```|\$\$|!\[|\|)", text))


def _trimmed(lines: list[Line]) -> list[Line]:
    start, end = 0, len(lines)
    while start < end and not lines[start][0].strip():
        start += 1
    while end > start and not lines[end - 1][0].strip():
        end -= 1
    return lines[start:end]
