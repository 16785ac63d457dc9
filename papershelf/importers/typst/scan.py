"""Where Typst's code ends: strings, comments, brackets, calls and their arguments.

Nothing here runs Typst: a call is read as its name, its arguments (kept as source
text) and its trailing content blocks, so the converter can say what a ``#link``, a
``#figure`` or a person's own ``#paper(title: …)[…]`` holds. Markup inside ``[…]``
is skipped as markup (raw text, math and escapes may hold brackets of their own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

IDENTIFIER_RE = re.compile(r"[^\W\d][\w-]*")
_CLOSERS = {"(": ")", "[": "]", "{": "}"}
# Statements whose effect is on the page's look or the program, never on its words.
STATEMENT_KEYWORDS = frozenset(
    {"let", "set", "show", "import", "include", "if", "for", "while", "context", "return"}
)


class Unclosed(Exception):
    """A bracket, string or raw block that the file never closes."""

    def __init__(self, position: int, what: str) -> None:
        super().__init__(what)
        self.position = position
        self.what = what


@dataclass
class Argument:
    name: str  # "" for a positional argument
    source: str  # the value as written: '"Lee, Teuscher"', "[Efficient *hybrid*]", "2012"
    start: int  # offset of the value in the file


@dataclass
class Call:
    """``#name(arguments)[body][body]`` as written; ``end`` is where it stops."""

    name: str
    start: int
    end: int
    arguments: list[Argument] = field(default_factory=list)
    bodies: list[tuple[str, int]] = field(default_factory=list)  # markup and its offset
    has_arguments: bool = False

    def named(self, *names: str) -> Argument | None:
        return next((a for a in self.arguments if a.name in names), None)

    def positional(self) -> list[Argument]:
        return [a for a in self.arguments if not a.name]


def skip_string(text: str, index: int) -> int:
    """From the opening quote, the index after the closing one."""
    position = index + 1
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == '"':
            return position + 1
        position += 1
    raise Unclosed(index, "a string")


def skip_comment(text: str, index: int) -> int:
    """From ``//`` or ``/*``, the index after the comment (a line comment keeps its
    newline). Block comments nest, as Typst's do."""
    if text.startswith("//", index):
        newline = text.find("\n", index)
        return len(text) if newline < 0 else newline
    depth, position = 0, index
    while position < len(text):
        if text.startswith("/*", position):
            depth, position = depth + 1, position + 2
        elif text.startswith("*/", position):
            depth, position = depth - 1, position + 2
            if depth == 0:
                return position
        else:
            position += 1
    raise Unclosed(index, "a /* comment")


def is_comment_start(text: str, index: int) -> bool:
    """``//`` or ``/*``, but not the ``//`` of ``https://`` in a bare link."""
    if text.startswith("/*", index):
        return True
    return text.startswith("//", index) and not (index > 0 and text[index - 1] == ":")


def skip_raw(text: str, index: int) -> int:
    """From the first backtick: one backtick is inline raw, three or more a block."""
    ticks = len(text[index:]) - len(text[index:].lstrip("`"))
    if ticks == 2:
        return index + 2  # `` is empty raw text
    closing = text.find("`" * ticks, index + ticks)
    if closing < 0:
        raise Unclosed(index, "raw text (`)")
    return closing + ticks


def skip_math(text: str, index: int) -> int:
    """From the opening ``$``, the index after the closing one."""
    position = index + 1
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2
        elif char == '"':
            position = skip_string(text, position)
        elif char == "$":
            return position + 1
        elif char == "#":
            position = skip_hash(text, position)
        elif is_comment_start(text, position):
            position = skip_comment(text, position)
        else:
            position += 1
    raise Unclosed(index, "math ($)")


def find_closing(text: str, index: int) -> int:
    """From an opening bracket, the index after its closing one. ``[…]`` holds markup,
    ``(…)`` and ``{…}`` code."""
    opener = text[index]
    if opener == "[":
        return _skip_content(text, index)
    closer, position = _CLOSERS[opener], index + 1
    while position < len(text):
        char = text[position]
        if char == closer:
            return position + 1
        if char == '"':
            position = skip_string(text, position)
        elif char in _CLOSERS:
            position = find_closing(text, position)
        elif is_comment_start(text, position):
            position = skip_comment(text, position)
        else:
            position += 1
    raise Unclosed(index, f"a bracket ({opener})")


def _skip_content(text: str, index: int) -> int:
    position = index + 1
    depth = 0
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2
        elif char == "`":
            position = skip_raw(text, position)
        elif char == "$":
            position = skip_math(text, position)
        elif char == "#":
            position = skip_hash(text, position)
        elif is_comment_start(text, position):
            position = skip_comment(text, position)
        elif char == "[":
            depth, position = depth + 1, position + 1
        elif char == "]":
            if depth == 0:
                return position + 1
            depth, position = depth - 1, position + 1
        else:
            position += 1
    raise Unclosed(index, "a content block ([)")


def skip_hash(text: str, index: int) -> int:
    """From ``#``, the index after the code expression it starts (a lone ``#`` is text)."""
    position = index + 1
    if position < len(text) and text[position] in _CLOSERS:
        return find_closing(text, position)
    if position < len(text) and text[position] == '"':
        return skip_string(text, position)
    match = IDENTIFIER_RE.match(text, position)
    if match is None:
        return position
    if match[0] in STATEMENT_KEYWORDS:
        return statement_end(text, index)
    return _skip_trailers(text, match.end())


def _skip_trailers(text: str, position: int) -> int:
    """Past ``.field``, ``(arguments)`` and ``[content]`` written right after a name."""
    while position < len(text):
        char = text[position]
        if char in "([":
            position = find_closing(text, position)
        elif char == "." and (field_name := IDENTIFIER_RE.match(text, position + 1)):
            position = field_name.end()
        else:
            return position
    return position


def statement_end(text: str, index: int) -> int:
    """From the ``#`` of ``#let``/``#set``/``#show``/``#import``…, the end of the
    statement: the first line end (or ``;``) outside brackets and strings, carried on
    past a line that ends waiting for more (``=``, ``=>``, ``:`` or ``,``)."""
    position = index + 1
    while position < len(text):
        char = text[position]
        if char == "\n":
            pending = text[index:position].rstrip()
            if not pending.endswith(("=", "=>", ":", ",", "+", "else")):
                return position
            position += 1
        elif char == ";":
            return position + 1
        elif char in ")]}":
            return position  # "[#set text(red)]": the bracket around the statement closes
        elif char == '"':
            position = skip_string(text, position)
        elif char in _CLOSERS:
            position = find_closing(text, position)
            # "#if x [a] else [b]" and "} else {" go on after the bracket.
            after = text[position:].lstrip(" \t")
            if after.startswith("else"):
                position = len(text) - len(after) + 4
        elif is_comment_start(text, position):
            position = skip_comment(text, position)
        else:
            position += 1
    return position


def read_call(text: str, index: int) -> Call | None:
    """``#name.path(arguments)[body]…`` from its ``#``, or None for a lone ``#`` or a
    bracket expression."""
    return read_expression(text, index + 1, start=index)


def read_expression(text: str, index: int, start: int | None = None) -> Call | None:
    """``name.path(arguments)[body]…`` written in code from ``index`` (``#show:
    template.with(title: …)``, ``figure(image("a.png"))``)."""
    match = IDENTIFIER_RE.match(text, index)
    if match is None:
        return None
    position = match.end()
    name = match[0]
    while position < len(text) and text[position] == ".":
        field_name = IDENTIFIER_RE.match(text, position + 1)
        if field_name is None:
            break
        name, position = f"{name}.{field_name[0]}", field_name.end()
    call = Call(name=name, start=index if start is None else start, end=position)
    while position < len(text) and text[position] in "([":
        closing = find_closing(text, position)
        if text[position] == "(":
            call.arguments += split_arguments(text, position + 1, closing - 1)
            call.has_arguments = True
        else:
            call.bodies.append((text[position + 1 : closing - 1], position + 1))
        position = closing
    # "#datetime.today().display()": methods after a call are part of it.
    call.end = _skip_trailers(text, position) if text.startswith(".", position) else position
    return call


def split_arguments(text: str, start: int, end: int) -> list[Argument]:
    """The arguments between ``start`` and ``end`` (inside the parentheses)."""
    arguments: list[Argument] = []
    position = piece_start = start
    while position <= end:
        if position == end or text[position] == ",":
            argument = _argument(text, piece_start, position)
            if argument is not None:
                arguments.append(argument)
            position += 1
            piece_start = position
            continue
        char = text[position]
        if char == '"':
            position = skip_string(text, position)
        elif char in _CLOSERS:
            position = find_closing(text, position)
        elif is_comment_start(text, position):
            position = skip_comment(text, position)
        else:
            position += 1
    return arguments


_NAMED_RE = re.compile(r"\s*(?P<name>[^\W\d][\w-]*)\s*:(?!:)\s*")


def _argument(text: str, start: int, end: int) -> Argument | None:
    piece = text[start:end]
    if not strip_code_comments(piece).strip():
        return None
    named = _NAMED_RE.match(piece)
    if named is not None:
        value = piece[named.end() :]
        offset = start + named.end()
        return Argument(named["name"], value.strip(), offset + len(value) - len(value.lstrip()))
    return Argument("", piece.strip(), start + len(piece) - len(piece.lstrip()))


def strip_code_comments(source: str) -> str:
    """Code with its comments taken out (strings kept whole)."""
    kept: list[str] = []
    position = 0
    while position < len(source):
        char = source[position]
        if char == '"':
            try:
                end = skip_string(source, position)
            except Unclosed:
                end = len(source)
            kept.append(source[position:end])
            position = end
        elif is_comment_start(source, position):
            try:
                position = skip_comment(source, position)
            except Unclosed:
                position = len(source)
        else:
            kept.append(char)
            position += 1
    return "".join(kept)


def line_of(text: str, offset: int) -> int:
    """The 0-based line of ``offset``."""
    return text.count("\n", 0, offset)
