"""Typst markup within a line: strong, emphasis, raw text, math, links, citations.

``Inline.run`` reads one logical line — up to the line end that no bracket, string,
raw text or math holds open — and gives its Markdown as pieces: text, and ``Block``s
for what must stand apart (a display equation, a code block, a figure, a paper's
facts). Code after ``#`` is handed to the converter's ``call`` (see ``calls``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from papershelf.importers.typst import scan
from papershelf.importers.typst.math import convert_math

Line = tuple[str, int]  # Markdown, and the 0-based line of the .typ file it comes from

# "@lee2012", "@fig:setup": a reference; a trailing "." or ":" ends the sentence.
_REFERENCE_RE = re.compile(r"@(?P<key>[\w\-:.]*[\w\-])")
_LABEL_RE = re.compile(r"<(?P<name>[\w\-:.]+)>")
_URL_RE = re.compile(r"https?://[^\s<>\[\]\"'`]*[^\s<>\[\]\"'`.,;:!?)]")
_ESCAPE_RE = re.compile(r"\\(?:u\{(?P<code>[0-9A-Fa-f]{1,6})\}|(?P<char>\S))")
# Typst's shorthands in markup, as the characters they stand for.
_SHORTHANDS = (("---", "—"), ("--", "–"), ("...", "…"), ("-?", ""), ("~", "\u00a0"))
# Escaped characters that mean something in Markdown stay escaped there.
_MARKDOWN_SPECIAL = frozenset("*_`$\\#[]<>|")
# References to labels of figures, tables, sections and equations are no citations.
_CROSS_REFERENCE_PREFIXES = (
    "fig:", "tab:", "tbl:", "sec:", "chap:", "ch:", "eq:", "lst:", "thm:", "def:", "lem:",
    "app:", "alg:", "prop:", "cor:", "ex:", "part:", "subsec:", "figure:", "table:",
)  # fmt: skip


@dataclass
class Block:
    """Markdown lines that stand apart from the paragraph they were written in."""

    lines: list[Line]


Piece = str | Block


class Context(Protocol):
    source: str
    labels: frozenset[str]

    def call(self, call: scan.Call) -> Piece: ...

    def content(self, start: int, end: int) -> Piece: ...

    def line_of(self, offset: int) -> int: ...


class Inline:
    """Reads logical lines of one run of markup; emphasis may run over several lines
    of a paragraph, so it is tracked until ``reset``."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.source = context.source
        self.strong = False
        self.emphasis = False

    def reset(self) -> None:
        self.strong = self.emphasis = False

    def run(self, position: int, end: int, stop: str = "\n") -> tuple[list[Piece], int]:
        """The pieces from ``position`` to the first ``stop`` character outside any
        construct (not consumed), or to ``end``."""
        pieces: list[Piece] = []
        text: list[str] = []
        while position < end and self.source[position] not in stop:
            piece, position = self._step(position, end)
            if isinstance(piece, Block):
                pieces += ["".join(text), piece] if text else [piece]
                text = []
            else:
                text.append(piece)
        if text:
            pieces.append("".join(text))
        return pieces, position

    def _step(self, position: int, end: int) -> tuple[Piece, int]:
        source = self.source
        char = source[position]
        if char == "\\":
            return self._escape(position)
        if char == "`":
            return self._raw(position)
        if char == "$":
            return self._math(position)
        if char == "#":
            return self._code(position)
        if scan.is_comment_start(source, position):
            after = scan.skip_comment(source, position)
            # "Kept /* a remark */ words": one space is left where the comment was.
            spaced = position > 0 and source[position - 1] == " "
            return "", after + 1 if spaced and source.startswith(" ", after) else after
        if char == "*" and self._toggles(position, self.strong):
            self.strong = not self.strong
            return "**", position + 1
        if char == "_" and self._toggles(position, self.emphasis):
            self.emphasis = not self.emphasis
            return "_", position + 1
        if char == "@" and not _word_before(source, position):
            return self._reference(position)
        if char == "<" and (label := _LABEL_RE.match(source, position)):
            return "", label.end()  # "= Results <results>": a label names, it says nothing
        if char == "h" and (url := _URL_RE.match(source, position)):
            return f"<{url[0]}>", url.end()
        for shorthand, replacement in _SHORTHANDS:
            if source.startswith(shorthand, position):
                return replacement, position + len(shorthand)
        if char == "*":
            return "\\*", position + 1  # "a*b": a star inside a word is a star
        return char, position + 1

    def _toggles(self, position: int, is_open: bool) -> bool:
        """A ``*`` or ``_`` opens before a word and closes after one; inside a word
        (``snake_case``) it is a character."""
        source = self.source
        before = source[position - 1] if position > 0 else " "
        after = source[position + 1] if position + 1 < len(source) else " "
        if is_open:
            return not after.isalnum()
        return not before.isalnum() and not after.isspace()

    def _escape(self, position: int) -> tuple[Piece, int]:
        match = _ESCAPE_RE.match(self.source, position)
        if match is None:
            return "\\", position + 1  # "\" before a space or line end: a line break
        if match["code"]:
            return chr(int(match["code"], 16)), match.end()
        char = match["char"]
        return (f"\\{char}" if char in _MARKDOWN_SPECIAL else char), match.end()

    def _raw(self, position: int) -> tuple[Piece, int]:
        source = self.source
        end = scan.skip_raw(source, position)
        ticks = len(source[position:end]) - len(source[position:end].lstrip("`"))
        body = source[position + ticks : end - ticks]
        if ticks < 3:
            return (_code_span(body) if body else ""), end
        language, _, code = body.partition("\n") if "\n" in body else ("", "", body)
        if "\n" not in body:
            # "```rust fn main()```": one line, the first word its language.
            words = body.split(" ", 1)
            code = words[1] if len(words) == 2 and re.fullmatch(r"\w+", words[0]) else body
            return _code_span(code.strip()), end
        first = self.context.line_of(position)
        lines = [(f"```{language.strip()}", first)]
        lines += [(line, first + 1 + i) for i, line in enumerate(_dedent(code).split("\n"))]
        while len(lines) > 1 and not lines[-1][0].strip():
            lines.pop()
        lines.append(("```", self.context.line_of(end)))
        return Block(lines), end

    def _math(self, position: int) -> tuple[Piece, int]:
        end = scan.skip_math(self.source, position)
        body = self.source[position + 1 : end - 1]
        # "$ x $" with spaces inside is an equation of its own; "$x$" sits in the text.
        display = len(body) > 1 and body[0].isspace() and body[-1].isspace()
        tex = convert_math(body.strip(), display=display)
        if tex is None:
            return _code_span(" ".join(body.split())), end
        if not display:
            return f"${tex}$", end
        first = self.context.line_of(position)
        return Block([("$$", first), (tex, first), ("$$", self.context.line_of(end))]), end

    def _code(self, position: int) -> tuple[Piece, int]:
        source = self.source
        following = source[position + 1 : position + 2]
        if following == "[":
            closing = scan.find_closing(source, position + 1)
            return self.context.content(position + 2, closing - 1), closing
        if following in ("(", "{"):
            return "", scan.find_closing(source, position + 1)  # code we do not run
        if following == '"':
            closing = scan.skip_string(source, position + 1)
            return string_value(source[position + 1 : closing]), closing
        word = scan.IDENTIFIER_RE.match(source, position + 1)
        if word is None:
            return "#", position + 1
        if word[0] in scan.STATEMENT_KEYWORDS:
            return "", scan.statement_end(source, position)
        call = scan.read_call(source, position)
        if call is None:  # cannot be: an identifier follows the "#"
            return "#", position + 1
        return self.context.call(call), call.end

    def _reference(self, position: int) -> tuple[Piece, int]:
        match = _REFERENCE_RE.match(self.source, position)
        if match is None:
            return "@", position + 1
        key, end = match["key"], match.end()
        supplement = ""
        if self.source.startswith("[", end):
            closing = scan.find_closing(self.source, end)
            supplement = plain_text(self.context.content(end + 1, closing - 1))
            end = closing
        if is_cross_reference(key, self.context.labels):
            return supplement or key.split(":", 1)[-1], end
        return citation(key, supplement), end


def citation(key: str, supplement: str = "") -> str:
    """Pandoc's form of a citation, which the notes reader knows: ``[@key, p. 4]``."""
    return f"[@{key}, {supplement}]" if supplement else f"[@{key}]"


def is_cross_reference(key: str, labels: frozenset[str]) -> bool:
    return key in labels or key.casefold().startswith(_CROSS_REFERENCE_PREFIXES)


def string_value(source: str) -> str:
    """A Typst string literal's text."""
    inner = source[1:-1] if len(source) >= 2 and source[0] == source[-1] == '"' else source
    return re.sub(
        r"\\(u\{[0-9A-Fa-f]+\}|.)",
        lambda m: (
            chr(int(m[1][2:-1], 16))
            if m[1].startswith("u{")
            else {"n": "\n", "t": "\t", "r": ""}.get(m[1], m[1])
        ),
        inner,
    )


def plain_text(piece: Piece) -> str:
    """A piece as one line of text (a block's lines run together)."""
    if isinstance(piece, str):
        return " ".join(piece.split())
    return " ".join(" ".join(line.split()) for line, _ in piece.lines if line.strip())


def labels_in(source: str) -> frozenset[str]:
    """The labels the file puts on its headings, figures and equations (``<fig:jv>``),
    not those its code refers to (``#cite(<lee2012>)``, ``key: <lee2012>``)."""
    return frozenset(
        m["name"]
        for m in _LABEL_RE.finditer(source)
        if source[: m.start()].rstrip()[-1:] not in ("(", ",", ":")
    )


def _word_before(source: str, position: int) -> bool:
    """ "jane@example.org": an "@" inside a word is no reference."""
    return position > 0 and (source[position - 1].isalnum() or source[position - 1] in "._-")


def _code_span(text: str) -> str:
    ticks = "``" if "`" in text else "`"
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{ticks}{padded}{ticks}"


def _dedent(code: str) -> str:
    lines = code.split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)
