"""AsciiDoc's blocks as Markdown: sections, lists, delimited blocks and tables.

A document is read line by line. Block attribute lines (``[source,python]``,
``[NOTE]``, ``[quote, Author]``, ``[cols="1,3"]``) and block titles (``.Title``) wait
for the block they describe; delimited blocks (``----``, ``....``, ``____``, ``====``,
``****``, ``--``, ``++++``, ``|===``) are found with their closing line and converted as
a whole, the compound ones (example, sidebar, quote, open) by reading their content as
a document of its own. Comments, ``include::`` and conditional directives are the
build's business, not text: they go.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, field

from papershelf.importers.asciidoc.inline import Inline, substitute_attributes
from papershelf.importers.html.parse import to_markdown as html_to_markdown
from papershelf.importers.wikitext import markdown_table

_HEADING_RE = re.compile(r"^(?P<marks>={1,6}|#{1,6})\s+(?P<text>\S.*?)(?:\s+(?P=marks))?\s*$")
_SETEXT_LEVELS = {"=": 1, "-": 2, "~": 3, "^": 4, "+": 5}
_ATTRIBUTE_ENTRY_RE = re.compile(
    r"^:(?P<unset>!)?(?P<name>[\w][\w-]*)(?P<unset2>!)?:(?:\s+(?P<value>.*?))?\s*$"
)
_BLOCK_ATTRIBUTES_RE = re.compile(r"^\[(?P<body>[^\[\]]*|\[[^\[\]]*\])\]$")
_BLOCK_TITLE_RE = re.compile(r"^\.(?P<title>[^\s.].*)$")
_DIRECTIVE_RE = re.compile(r"^(?:include|ifdef|ifndef|ifeval|endif|toc|tag|end)::.*\]$")
_LIST_RE = re.compile(
    r"^(?P<indent>\s*)(?P<marker>\*{1,5}|-|\.{1,5}|\d{1,3}\.|[a-z]\.|[ivx]{1,4}\))\s+(?P<text>\S.*)$"
)
_BLOCK_IMAGE_RE = re.compile(r"^image::(\S+?)\[(.*)\]$")
_CALLOUT_RE = re.compile(r"^<(?P<n>\d{1,2}|\.)>\s+(?P<text>.*)$")
_DESCRIPTION_RE = re.compile(r"^(?P<term>\S.*?)(?P<marks>:{2,4}|;;)(?:\s+(?P<text>.*))?$")
_ADMONITION_RE = re.compile(r"^(?P<kind>NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+(?P<text>.*)$")
_ADMONITIONS = ("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION")
_MATH_STYLES = ("stem", "latexmath", "asciimath")
_DELIMITER_RE = re.compile(
    r"^(?P<delimiter>-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|/{4,}|--|[|,:!]={3,}|`{3,})"
    r"(?P<info>[\w+#-]*)\s*$"
)
_COMPOUND = {"=": "example", "*": "sidebar", "_": "quote", "-": "open"}
_THEMATIC_BREAK_RE = re.compile(r"^(?:'{3,}|\*\s\*\s\*|-{3}|<{3})\s*$")
_TABLE_CELL_SPEC_RE = re.compile(r"(?:\d+(?:\.\d+)?[*+])?[<^>]?(?:\.[<^>])?[adehlmsv]?")


@dataclass
class Pending:
    """Block attributes and a title waiting for the block they belong to."""

    positional: list[str] = field(default_factory=list)
    named: dict[str, str] = field(default_factory=dict)
    options: set[str] = field(default_factory=set)
    title: str = ""

    @property
    def style(self) -> str:
        return self.positional[0].strip().casefold() if self.positional else ""

    def read(self, body: str) -> None:
        for index, part in enumerate(_split_attributes(body)):
            key, equals, value = part.partition("=")
            if equals and re.fullmatch(r"\s*[\w-]+\s*", key):
                self.named[key.strip().casefold()] = value.strip().strip('"')
                if key.strip() in ("options", "opts"):
                    self.options |= {o.strip() for o in value.strip('"').split(",")}
                continue
            part = part.strip()
            if index == 0:
                style, *shorthand = re.split(r"(?=[.#%])", part) if part else [""]
                self.options |= {s[1:] for s in shorthand if s.startswith("%")}
                if style or not self.positional:
                    self.positional = [style]
                continue
            self.positional.append(part.strip('"'))


@dataclass
class _Reading:
    """Where the conversion of one run of lines is: its output so far, the attributes
    waiting for the next block, and the markers of the list being read."""

    lines: list[str]
    out: list[str] = field(default_factory=list)
    pending: Pending = field(default_factory=Pending)
    markers: list[str] = field(default_factory=list)  # list markers in nesting order
    index: int = 0

    def next_block(self, index: int, keep_list: bool = False) -> None:
        self.index, self.pending = index, Pending()
        if not keep_list:
            self.markers = []


class Converter:
    """One document's blocks as Markdown lines; ``inline`` carries its attributes."""

    def __init__(self, inline: Inline) -> None:
        self.inline = inline

    def convert(self, lines: list[str]) -> list[str]:
        self._index_delimiters(lines)
        state = _Reading(lines)
        while state.index < len(lines):
            if not self._setting_line(state):
                self._block(state)
        return state.out

    def _index_delimiters(self, lines: list[str]) -> None:
        """Where each delimiter line is, so finding a block's closing line is a lookup,
        not a scan of the rest of the document (linear time on a 20 MB file)."""
        self.delimiters: dict[str, list[int]] = {}
        for number, line in enumerate(lines):
            if _DELIMITER_RE.match(line.rstrip()) or line.startswith("```"):
                key = "```" if line.startswith("```") else line.rstrip()
                self.delimiters.setdefault(key, []).append(number)

    def _setting_line(self, state: _Reading) -> bool:
        """A line that is no block of its own (a blank, a comment, block attributes or a
        title for the next block, an attribute entry, a directive), read and passed."""
        stripped = state.lines[state.index].strip()
        if not stripped or stripped == "+":
            state.out.append("")  # "+": a list continuation, what follows is the item's
        elif stripped.startswith("//") and not stripped.startswith("////"):
            pass  # a comment line
        elif _BLOCK_ATTRIBUTES_RE.match(stripped) and not stripped.startswith("[[["):
            if not stripped.startswith("[["):  # "[[id]]" only names the block
                state.pending.read(stripped[1:-1])
        elif (title := _BLOCK_TITLE_RE.match(stripped)) and not _LIST_RE.match(stripped):
            state.pending.title = title["title"]
        elif entry := _ATTRIBUTE_ENTRY_RE.match(stripped):
            self._set_attribute(entry)
        elif _DIRECTIVE_RE.match(stripped):
            pass  # include::, ifdef::, toc::[]: the build's machinery
        elif _THEMATIC_BREAK_RE.match(stripped) and not self._heading(state.lines, state.index):
            state.out += [] if stripped.startswith("<") else ["", "---", ""]
        else:
            return False
        state.index += 1
        return True

    def _block(self, state: _Reading) -> None:
        """The block that starts at the current line, converted; the reading moves past it."""
        lines, index, pending = state.lines, state.index, state.pending
        line, stripped = lines[index], lines[index].strip()
        delimited = _DELIMITER_RE.match(stripped)
        closing = self._closing(index, delimited["delimiter"]) if delimited else None
        if delimited and closing is not None:
            body = lines[index + 1 : closing]
            state.out += self._delimited(delimited["delimiter"], delimited["info"], body, pending)
            state.next_block(closing + 1)
        elif heading := self._heading(lines, index):
            level, text, used = heading
            # "== Regev: LWE <<regev05>>": the pointer to the reference is no part of the
            # section's name.
            text = re.sub(r"\s*<<[^<>,]+>>", "", text) or text
            state.out += ["", f"{'#' * level} {self.inline.convert(text)}", ""]
            state.next_block(index + used)
        elif image := _BLOCK_IMAGE_RE.match(stripped):
            state.out += [*self._title_line(pending), "", self.inline.image(*image.groups()), ""]
            state.next_block(index + 1, keep_list=True)
        elif item := _LIST_RE.match(line) or _CALLOUT_RE.match(stripped):
            if state.out and not state.out[-1].strip() and _kind(item) not in state.markers:
                # A new kind of marker after a blank line starts a list of its own to a
                # reader (Asciidoctor would nest it under the last item).
                state.markers = []
            text, after = _gather(lines, index + 1, [item["text"]])
            state.out += self._title_line(pending)  # ".Read next" over the list
            state.out.append(self._list_item(item, text, state.markers))
            state.next_block(after, keep_list=True)
        elif (term := _DESCRIPTION_RE.match(stripped)) and not _ADMONITION_RE.match(stripped):
            text, after = _gather(lines, index + 1, [term["text"] or ""])
            label = self._description(term["term"], text)
            state.out += [*self._title_line(pending), "", label, ""]
            state.next_block(after, keep_list=True)
        else:
            paragraph, after = _paragraph(lines, index)
            state.out += self._paragraph(paragraph, pending)
            state.next_block(after)

    # --- pieces ------------------------------------------------------------------

    def _closing(self, index: int, delimiter: str) -> int | None:
        """The line that closes the block ``delimiter`` opens at ``index``."""
        positions = self.delimiters.get("```" if delimiter.startswith("```") else delimiter, [])
        after = bisect.bisect_right(positions, index)
        return positions[after] if after < len(positions) else None

    def _set_attribute(self, entry: re.Match[str]) -> None:
        name = entry["name"].casefold()
        if entry["unset"] or entry["unset2"]:
            self.inline.attributes.pop(name, None)
            return
        value = substitute_attributes(entry["value"] or "", self.inline.attributes)
        self.inline.attributes[name] = value
        if name == "imagesdir":
            self.inline.images_dir = value.rstrip("/")

    def _heading(self, lines: list[str], index: int) -> tuple[int, str, int] | None:
        """The section title at ``index`` (its level, its text, the lines it takes)."""
        line = lines[index]
        if match := _HEADING_RE.match(line):
            return len(match["marks"]), match["text"], 1
        if index + 1 >= len(lines) or not re.search(r"\w", line) or line[0] in " \t.[:/|*-":
            return None
        underline = lines[index + 1].rstrip()
        char = underline[:1]
        if char not in _SETEXT_LEVELS or underline != char * len(underline):
            return None
        if abs(len(underline) - len(line.rstrip())) > 2 or len(underline) < 2:
            return None
        if len(underline) == 4 and self._closing(index + 1, underline) is not None:
            return None  # "Example\n----" opens a listing block that closes below
        return _SETEXT_LEVELS[char], line.strip(), 2

    def _list_item(self, item: re.Match[str], text: str, markers: list[str]) -> str:
        marker = item.groupdict().get("marker") or "<>"
        kind = _kind(item)
        if kind in markers:
            del markers[markers.index(kind) + 1 :]
        else:
            markers.append(kind)
        depth = markers.index(kind)
        ordered = kind[0] in ".1a"
        if marker == "<>":  # a callout under a listing: "<1> the loop"
            text = f"({item['n']}) {text}"
        text = self._bibliography_entry(text)
        return f"{'    ' * depth}{'1.' if ordered else '-'} {self.inline.convert(text)}"

    def _bibliography_entry(self, text: str) -> str:
        """``[[[key]]] Authors. Title.``: the entry without its anchor; a bare anchor is
        its key, the only name it has."""
        match = re.match(r"\s*\[\[\[(?P<key>[^\],]+)(?:,[^\]]*)?\]\]\]\s*", text)
        if not match:
            return text
        rest = text[match.end() :]
        return rest if rest.strip() else match["key"]

    def _description(self, term: str, text: str) -> str:
        """``Term:: text`` as ``**Term**: text``, a paragraph of its own: a label and
        its value, as Asciidoctor shows them (not a bullet list)."""
        term = self.inline.convert(term.strip())
        body = self.inline.convert(text.strip())
        return f"**{term}**" + (f": {body}" if body else "")

    def _paragraph(self, lines: list[str], pending: Pending) -> list[str]:
        style = pending.style
        head = self._title_line(pending)
        if style in ("source", "listing") or (style == "" and pending.positional[1:2]):
            return [*head, *_fence(lines, _language(pending))]
        if style == "literal" or (not style and lines[0][:1] in " \t"):
            return [*head, *_fence(_dedent(lines), "")]
        if style in _MATH_STYLES:
            return [*head, "", "$$", *lines, "$$", ""]
        converted = [self.inline.convert(line.strip()) for line in lines]
        if admonition := _ADMONITION_RE.match(lines[0].strip()):
            first = self.inline.convert(admonition["text"])
            return [*head, *_admonition(admonition["kind"], [first, *converted[1:]])]
        if style.upper() in _ADMONITIONS:
            return [*head, *_admonition(style.upper(), converted)]
        if style in ("quote", "verse"):
            return [*head, *_quote(converted, self._attribution(pending))]
        return ["", *head, *converted, ""]

    def _delimited(self, delimiter: str, info: str, body: list[str], pending: Pending) -> list[str]:
        char = delimiter[0]
        style = pending.style
        head = self._title_line(pending)
        if char == "/":
            return []  # a comment block
        if char == "`":
            return ["", f"```{info}", *body, "```", ""]
        if delimiter.endswith("===") and len(delimiter) > 3 and char in "|,:!":
            return self._table(char, body, pending)  # its title is the table's caption
        if char == "+":
            if style in _MATH_STYLES:
                return [*head, "", "$$", *_unwrapped_math(body), "$$", ""]
            return [*head, "", html_to_markdown("\n".join(body)).strip(), ""]
        if (char == "-" and delimiter != "--") or char == ".":
            language = _language(pending) if char == "-" else ""
            if style in _MATH_STYLES:
                return [*head, "", "$$", *body, "$$", ""]
            return [*head, *_fence(body, language)]
        inner = Converter(self.inline).convert(body)
        if style.upper() in _ADMONITIONS:
            return [*head, *_admonition(style.upper(), inner)]
        if _COMPOUND.get(char) == "quote" or style in ("quote", "verse"):
            return [*head, *_quote(inner, self._attribution(pending))]
        if style in _MATH_STYLES:
            return [*head, "", "$$", *body, "$$", ""]
        return ["", *head, *inner, ""]

    def _title_line(self, pending: Pending) -> list[str]:
        return ["", f"*{self.inline.convert(pending.title)}*", ""] if pending.title else []

    def _attribution(self, pending: Pending) -> str:
        parts = [self.inline.convert(p) for p in pending.positional[1:3] if p.strip()]
        if len(parts) == 2:
            return f"— {parts[0]}, *{parts[1]}*"
        return f"— {parts[0]}" if parts else ""

    def _table(self, separator: str, body: list[str], pending: Pending) -> list[str]:
        text_format = pending.named.get("format", "")
        if separator == "," or text_format == "csv":
            rows = [row for row in csv.reader(line for line in body if line.strip())]
        elif separator == ":" or text_format == "dsv":
            rows = [line.split(":") for line in body if line.strip()]
        else:
            rows = _psv_rows(body, _column_count(pending.named.get("cols", ""), body), separator)
        cells = [[self.inline.convert(cell.strip()) for cell in row] for row in rows]
        caption = f"*{self.inline.convert(pending.title)}*" if pending.title else ""
        return markdown_table(cells, caption)


# --- helpers -----------------------------------------------------------------------


def _kind(item: re.Match[str]) -> str:
    """A list marker's kind: ``*``, ``**``, ``-``, ``.``, ``1.`` (any number), ``a.``."""
    marker = item.groupdict().get("marker") or "<>"
    return re.sub(r"\d+\.", "1.", re.sub(r"^[a-z]\.$|^[ivx]+\)$", "a.", marker))


def _gather(lines: list[str], index: int, text: list[str]) -> tuple[str, int]:
    """A list item's text with the lines that run on from it (until a blank line, the
    next item, or a block of its own)."""
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if not stripped or stripped == "+" or _LIST_RE.match(line) or _DELIMITER_RE.match(stripped):
            break
        if _DESCRIPTION_RE.match(stripped) or _BLOCK_ATTRIBUTES_RE.match(stripped):
            break
        if stripped.startswith("//") or _ATTRIBUTE_ENTRY_RE.match(stripped):
            break
        if _DIRECTIVE_RE.match(stripped):
            break
        text.append(stripped)
        index += 1
    return " ".join(part for part in text if part), index


def _paragraph(lines: list[str], index: int) -> tuple[list[str], int]:
    paragraph = [lines[index].rstrip()]
    index += 1
    while index < len(lines):
        line = lines[index].rstrip()
        stripped = line.strip()
        if not stripped or _DELIMITER_RE.match(stripped) or _BLOCK_ATTRIBUTES_RE.match(stripped):
            break
        if _LIST_RE.match(line) and paragraph[0][:1] not in " \t":
            break
        if (stripped.startswith("//") and not stripped.startswith("///")) or _HEADING_RE.match(
            line
        ):
            break
        if _DIRECTIVE_RE.match(stripped) or _ATTRIBUTE_ENTRY_RE.match(stripped):
            break
        if _THEMATIC_BREAK_RE.match(stripped):
            break  # under a paragraph, Markdown would read "---" as its underline
        paragraph.append(line)
        index += 1
    return paragraph, index


def _fence(lines: list[str], language: str) -> list[str]:
    fence = "````" if any(line.lstrip().startswith("```") for line in lines) else "```"
    return ["", f"{fence}{language}", *lines, fence, ""]


def _dedent(lines: list[str]) -> list[str]:
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    return [line[indent:] for line in lines]


def _language(pending: Pending) -> str:
    if pending.style in ("source", "") and len(pending.positional) > 1:
        return pending.positional[1].strip()
    return pending.named.get("language", "")


def _admonition(kind: str, lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines = lines[1:]
    label = f"**{kind.capitalize()}:**"
    body = [f"{label} {lines[0]}" if lines else label, *lines[1:]]
    return ["", *(f"> {line}".rstrip() for line in _trim(body)), ""]


def _quote(lines: list[str], attribution: str) -> list[str]:
    body = _trim(lines) + (["", attribution] if attribution else [])
    return ["", *(f"> {line}".rstrip() for line in body), ""]


def _trim(lines: list[str]) -> list[str]:
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text.split("\n") if text else []


def _unwrapped_math(lines: list[str]) -> list[str]:
    """``\\[ … \\]`` inside a stem block is the block's own delimiter: $$ says it already."""
    text = "\n".join(lines).strip()
    if text.startswith("\\[") and text.endswith("\\]"):
        text = text[2:-2].strip()
    return text.split("\n")


def _split_attributes(body: str) -> list[str]:
    """``source,python`` or ``quote, "Doe, J.", Title``: commas outside quotes."""
    return [m.group(0) for m in re.finditer(r'(?:"[^"]*"|[^,])+', body)] or [""]


def _column_count(cols: str, body: list[str]) -> int:
    if cols:
        count = 0
        for spec in re.split(r"[,;]", cols.strip('"')):
            repeat = re.match(r"\s*(\d+)\*", spec)
            count += int(repeat[1]) if repeat else 1
        if count:
            return count
    first = next((line for line in body if line.strip()), "")
    return max(1, len(_split_cells(first, "|")))


def _psv_rows(body: list[str], columns: int, separator: str) -> list[list[str]]:
    cells = _split_cells("\n".join(body), separator if separator in "|!" else "|")
    rows: list[list[str]] = []
    row: list[str] = []
    for span, cell in cells:
        row.append(" ".join(cell.split()))
        row += [""] * (span - 1)
        if len(row) >= columns:
            rows.append(row[:columns])
            row = []
    if row:
        rows.append(row)
    return rows


def _split_cells(text: str, separator: str) -> list[tuple[int, str]]:
    """Cells as (columns spanned, text): each starts at an unescaped ``|``, perhaps with a
    cell spec (``2+|``, ``a|``, ``^.^|``) written right before it."""
    pieces = re.split(rf"(?<!\\){re.escape(separator)}", text)
    cells: list[tuple[int, str]] = []
    span = 1
    for position, piece in enumerate(pieces):
        piece = piece.replace(f"\\{separator}", separator)
        spec = ""
        if position < len(pieces) - 1:
            token = re.search(r"(?:^|\s)(\S+)$", piece)
            if token and _TABLE_CELL_SPEC_RE.fullmatch(token[1]):
                spec = token[1]
                piece = piece[: token.start(1)]
        if position > 0:
            cells.append((span, piece))
        span_match = re.match(r"(\d+)\+", spec)
        span = int(span_match[1]) if span_match else 1
    return cells
