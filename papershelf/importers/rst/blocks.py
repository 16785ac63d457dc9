"""reStructuredText blocks as Markdown lines, each remembering the line it came from.

One pass over the lines: section titles (levels in the order their adornments first
appear, as docutils reads them), paragraphs and list items (converted inline as a
whole, since a link may span lines), field lists, literal blocks and tables, block
quotes, and explicit markup (``..``) handed to :mod:`directives`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from papershelf.importers.rst import markup
from papershelf.importers.rst.inline import References, convert_inline


@dataclass
class Output:
    lines: list[str] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)  # the 0-based source line of each

    def add(self, line: str, origin: int) -> None:
        self.lines.append(line)
        self.origins.append(origin)

    def extend(self, other: Output, prefix: str = "") -> None:
        for line, origin in zip(other.lines, other.origins, strict=True):
            self.add(f"{prefix}{line}".rstrip() if prefix.strip() else f"{prefix}{line}", origin)


@dataclass
class Field:
    key: str
    value: str  # the field body's lines joined, markup not yet converted
    origin: int


@dataclass
class _Unit:
    """A paragraph or list item waiting to be converted inline as one text."""

    lines: list[str] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)
    paragraph: bool = True  # False for a list item


_TITLE_FIELDS = frozenset({"title", "paper", "paper title", "full title"})
_LINK_FIELDS = frozenset({"link", "url", "doi", "arxiv", "pdf", "paper link"})
_ADDRESS_RE = re.compile(r"^(?:\[[^\]]*\]\((?P<url>https?://[^)\s]+)\)|(?P<bare>https?://\S+))$")
_LEADING_TITLE_RE = re.compile(r"^\*(?P<title>[^*]+?)\*(?P<rest>.*)$")


def _paper_address(fields: list[Field], values: list[str]) -> str:
    """The address a ``:Link:`` (``:DOI:``, …) field gives, when it is one address."""
    for found, value in zip(fields, values, strict=True):
        match = _ADDRESS_RE.match(value.strip())
        if found.key.casefold() in _LINK_FIELDS and match:
            return match["url"] or match["bare"]
    return ""


def _linked_title(value: str, link: str) -> tuple[str, str]:
    """``:Title:`` beside ``:Link:`` as the paper line Markdown notes write under a
    heading that is only the paper's nickname ("Raft"): ``**Paper:** [Title](link)``;
    what follows an italic title (authors, venue) goes on the next line."""
    match = _LEADING_TITLE_RE.match(value)
    title, rest = (match["title"], match["rest"]) if match else (value, "")
    return f"[{title.strip()}]({link})", rest


class Converter:
    def __init__(self, refs: References) -> None:
        self.refs = refs
        self.styles: list[tuple[str, bool]] = []  # title adornments, in order of first use

    def convert(self, lines: list[str], first: int) -> Output:
        """``lines`` (the first is source line ``first``) as Markdown."""
        return _Pass(self, lines, first).run()

    def inline(self, text: str) -> str:
        return convert_inline(text, self.refs)

    def heading_level(self, char: str, overlined: bool) -> int:
        if (char, overlined) not in self.styles:
            self.styles.append((char, overlined))
        return min(self.styles.index((char, overlined)) + 1, 6)


def read_fields(lines: list[str], start: int) -> tuple[list[Field], int]:
    """The field list at ``start`` (``:key: value`` and indented continuations)."""
    fields: list[Field] = []
    index = start
    while index < len(lines) and (match := markup.FIELD_RE.match(lines[index])):
        end = index + 1
        while end < len(lines) and lines[end].strip() and markup.indent_of(lines[end]) > 0:
            end += 1
        parts = [match["value"] or "", *(line.strip() for line in lines[index + 1 : end])]
        fields.append(Field(match["key"].strip(), _join_field(match["key"], parts), index))
        index = end
    return fields, index


def _join_field(key: str, parts: list[str]) -> str:
    """One line; the names of an ``:Authors:`` list, one a line or bulleted, by commas."""
    parts = [re.sub(r"^[-*+]\s+", "", part) for part in parts if part]
    separator = ", " if key.casefold() in ("authors", "author") and len(parts) > 1 else " "
    if separator == ", " and any(part.endswith(("and", ",")) for part in parts):
        separator = " "  # one list of names wrapped over lines
    return separator.join(parts)


class _Pass:
    """One conversion of a block of lines (the page, or a directive's body)."""

    def __init__(self, converter: Converter, lines: list[str], first: int) -> None:
        self.converter = converter
        self.lines = [line.expandtabs(8).rstrip() for line in lines]
        self.first = first
        self.out = Output()
        self.unit: _Unit | None = None
        self.list_columns: list[int] = []  # the text column of each open list item
        self.literal_next = False  # the last paragraph ended with "::"

    def run(self) -> Output:
        index = 0
        while index < len(self.lines):
            index = self._step(index)
        self._flush()
        return self.out

    def _origin(self, index: int) -> int:
        return self.first + index

    def _step(self, index: int) -> int:
        line = self.lines[index]
        if not line.strip():
            self._flush()
            self.out.add("", self._origin(index))
            return index + 1
        indent = markup.indent_of(line)
        while self.list_columns and indent < self.list_columns[-1]:
            self.list_columns.pop()
        column = self.list_columns[-1] if self.list_columns else 0
        if indent > column:
            return self._indented(index, column)
        self.literal_next = False
        text = line[column:]
        for reader in (self._title, self._explicit, self._table, self._field, self._item):
            end = reader(index, column, text)
            if end is not None:
                return end
        return self._paragraph_line(index, column, text)

    def _flush(self) -> None:
        unit, self.unit = self.unit, None
        if unit is None:
            return
        self.literal_next = unit.lines[-1].endswith("::")
        # A list item on one line: the notes reader reads a citation item line by line.
        text = ("\n" if unit.paragraph else " ").join(unit.lines)
        if self.literal_next:  # "Example::" → "Example:"; "text ::" and a lone "::" go
            text = re.sub(r"(\s*)::$", lambda m: "" if m[1] else ":", text)
        converted = self.converter.inline(text).split("\n")
        for number, line in enumerate(converted):
            position = min(number, len(unit.origins) - 1)
            self.out.add(unit.prefixes[position] + line, unit.origins[position])

    def _paragraph_line(self, index: int, column: int, text: str) -> int:
        previous = self.lines[index - 1] if index else ""
        if self.unit is None or not previous.strip():
            self._flush()
            self.unit = _Unit()
        if match := markup.LINE_BLOCK_RE.match(text):
            text = (match["text"] or "") + "  "  # a line block keeps its line breaks
        self.unit.lines.append(text.strip() if self.unit.lines else text)
        self.unit.prefixes.append(" " * column)
        self.unit.origins.append(self._origin(index))
        return index + 1

    def _indented(self, index: int, column: int) -> int:
        """Lines indented past their container: a literal block, definition or quote."""
        previous = self.lines[index - 1] if index else ""
        end = markup.block_end(self.lines, index - 1, column) if index else len(self.lines)
        end = max(end, index + 1)
        pad = " " * column
        if self.literal_next:
            self._flush()
            self.literal_next = False
            body = markup.dedent(self.lines[index:end])
            self._fence(body, index, end, pad)
            return end
        self._flush()
        inner = self.converter.convert(markup.dedent(self.lines[index:end]), self._origin(index))
        # Right under a line of text: a definition; after a blank line: a block quote.
        self.out.extend(inner, pad if previous.strip() else f"{pad}> ")
        return end

    def _fence(self, body: list[str], index: int, end: int, pad: str, lang: str = "") -> None:
        self.out.add(f"{pad}```{lang}", self._origin(index))
        for offset, line in enumerate(body):
            self.out.add(f"{pad}{line}" if line else "", self._origin(index + offset))
        self.out.add(f"{pad}```", self._origin(end - 1))

    def _title(self, index: int, column: int, text: str) -> int | None:
        if column or (index and self.lines[index - 1].strip()):
            return None
        lines = self.lines
        below = lines[index + 1] if index + 1 < len(lines) else ""
        over = markup.ADORNMENT_RE.match(text)
        if over and index + 2 < len(lines) and lines[index + 2].strip() == text.strip():
            title, char, end = lines[index + 1].strip(), over[1], index + 3
        elif not over and (under := markup.ADORNMENT_RE.match(below)):
            if len(below.strip()) < min(len(text.strip()), 4):
                return None
            title, char, end = text.strip(), under[1], index + 2
        elif over and len(text.strip()) >= 4 and not below.strip():
            self._flush()
            self.out.add("---", self._origin(index))  # a transition
            return index + 1
        else:
            return None
        self._flush()
        level = self.converter.heading_level(char, end == index + 3)
        self.out.add("", self._origin(index))
        self.out.add(f"{'#' * level} {self.converter.inline(title)}", self._origin(end - 2))
        self.out.add("", self._origin(end - 1))
        return end

    def _explicit(self, index: int, column: int, text: str) -> int | None:
        if not (markup.EXPLICIT_RE.match(text) or markup.ANONYMOUS_RE.match(text)):
            return None
        # directives.py builds on this module's Converter: imported here, not at the top.
        from papershelf.importers.rst.directives import convert_explicit

        self._flush()
        end = markup.block_end(self.lines, index, column)
        block = [text, *(line[column:] for line in self.lines[index + 1 : end])]
        self.out.extend(convert_explicit(self.converter, block, self._origin(index)), " " * column)
        return end

    def _table(self, index: int, column: int, text: str) -> int | None:
        grid = markup.GRID_TABLE_RE.match(text)
        if not grid and not markup.SIMPLE_TABLE_RE.match(text):
            return None
        self._flush()
        end, borders = index, 0
        while end < len(self.lines) and self.lines[end].strip():
            borders += bool(markup.SIMPLE_TABLE_RE.match(self.lines[end][column:]))
            end += 1
            if not grid and borders < 2 and end < len(self.lines) and not self.lines[end].strip():
                end += 1  # a simple table may hold blank lines before its last border
        self._fence([line[column:] for line in self.lines[index:end]], index, end, " " * column)
        return end

    def _field(self, index: int, column: int, text: str) -> int | None:
        if not markup.FIELD_RE.match(text):
            return None
        self._flush()
        fields, end = read_fields([line[column:] for line in self.lines], index)
        values = [self.converter.inline(found.value) for found in fields]
        link = _paper_address(fields, values)
        pad = " " * column
        for found, value in zip(fields, values, strict=True):
            key, rest = found.key, ""
            if link and key.casefold() in _TITLE_FIELDS and "](" not in value:
                key, value, rest = "Paper", *_linked_title(value, link)
            # "**Paper:** …" on a line of its own, as the notes reader finds labelled facts.
            self.out.add(f"{pad}**{key}:** {value}".rstrip() + "  ", self._origin(found.origin))
            if rest.strip(" ,;—–-"):
                self.out.add(f"{pad}{rest.strip()}  ", self._origin(found.origin))
        return end

    def _item(self, index: int, column: int, text: str) -> int | None:
        match = markup.BULLET_RE.match(text) or markup.ENUMERATED_RE.match(text)
        if match is None:
            return None
        self._flush()
        marker = match["marker"]
        if marker[0] in "#(" or marker[-1] == ")":
            marker = "1." if marker[0] == "#" else marker.strip("()").rstrip(".)") + "."
        elif marker not in "-*+":
            marker = "-"
        self.list_columns.append(column + len(match["marker"]) + len(match["space"]))
        self.unit = _Unit([f"{marker} {match['text']}"], [" " * column], [self._origin(index)])
        self.unit.paragraph = False
        return index + 1
