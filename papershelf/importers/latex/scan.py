"""Where LaTeX's groups, arguments and environments end, without running TeX.

Comments go first (``strip_comments``), keeping verbatim text and URLs whole; the rest
reads a command's name and its arguments as spans of the stripped source, so the
converter can turn each into Markdown and still say which line of the file it was on.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

Span = tuple[int, int]  # start and end offsets of an argument's text, braces left out

# Environments whose text TeX does not read as markup: comments in them are text.
VERBATIM_ENVIRONMENTS = frozenset(
    {"verbatim", "verbatim*", "Verbatim", "Verbatim*", "BVerbatim", "lstlisting", "minted"}
    | {"comment", "filecontents", "filecontents*", "alltt"}
)
_VERBATIM_BEGIN_RE = re.compile(r"\\begin\s*\{(?P<name>[A-Za-z*]+)\}")
_COMMAND_NAME_RE = re.compile(r"[A-Za-z@]+\*?")
# Beamer's overlay specifications: "<2->", "<+->", "<1-3,5>", "<presentation>".
_OVERLAY_RE = re.compile(r"<[\w+\-,|.* ]{0,30}>")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


class Unclosed(Exception):
    """A brace, bracket or environment the file never closes."""

    def __init__(self, position: int, what: str) -> None:
        super().__init__(what)
        self.position = position
        self.what = what


@dataclass
class Source:
    """A file's text with its comments out, and the file's line each of its lines was."""

    text: str
    origins: list[int]  # 0-based line in the file of each line of ``text``

    def __post_init__(self) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_of(self, offset: int) -> int:
        """The 0-based line of the file that ``offset`` of ``text`` lies on."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.origins[min(index, len(self.origins) - 1)] if self.origins else 0


def strip_comments(text: str) -> Source:
    """``%`` comments out. A line that held only a comment goes with its line break, as
    in TeX it joins the lines around it (a blank line would end a paragraph); a
    verbatim environment, ``\\verb|…|`` and a ``\\url{…}`` keep their ``%`` signs."""
    kept: list[str] = []
    origins: list[int] = []
    verbatim = ""
    for number, line in enumerate(text.split("\n")):
        if verbatim:
            kept.append(line)
            origins.append(number)
            if f"\\end{{{verbatim}}}" in line:
                verbatim = ""
            continue
        stripped = _without_comment(line)
        if stripped.strip() or not line.strip():
            kept.append(stripped.rstrip() if stripped != line else line)
            origins.append(number)
        begun = _VERBATIM_BEGIN_RE.search(stripped)
        if begun is not None and _opens_verbatim(begun, stripped):
            verbatim = begun["name"]
    return Source("\n".join(kept), origins)


def _opens_verbatim(begun: re.Match[str], line: str) -> bool:
    """A verbatim environment begun on ``line`` and not closed on it."""
    name = begun["name"]
    return name in VERBATIM_ENVIRONMENTS and f"\\end{{{name}}}" not in line[begun.end() :]


def _without_comment(line: str) -> str:
    if "%" not in line:
        return line
    position = 0
    while position < len(line):
        char = line[position]
        if char == "%":
            return line[:position]
        if char != "\\":
            position += 1
            continue
        if line.startswith(("\\url{", "\\href{"), position):
            # "\url{https://x.org/a%20b}": the argument is read verbatim by hyperref.
            close = line.find("}", position)
            position = len(line) if close < 0 else close + 1
        elif (
            line.startswith("\\verb", position) and not line[position + 5 : position + 6].isalpha()
        ):
            start = position + 5 + line.startswith("*", position + 5)
            close = line.find(line[start], start + 1) if start < len(line) else -1
            position = len(line) if close < 0 else close + 1
        else:
            position += 2  # "\%" is a percent sign
    return line


def read_command(text: str, position: int) -> tuple[str, int]:
    """At a backslash: the command's name ("section*", "'", "\\\\") and where it ends.
    Spaces after a name of letters belong to it, as TeX skips them."""
    match = _COMMAND_NAME_RE.match(text, position + 1)
    if match is None:
        end = min(position + 2, len(text))
        return text[position + 1 : end], end
    end = match.end()
    while end < len(text) and text[end] in " \t":
        end += 1
    return match[0], end


def skip_overlay(text: str, position: int) -> int:
    """Past a Beamer overlay specification (``<2->``) right at ``position``, if any."""
    match = _OVERLAY_RE.match(text, position)
    return match.end() if match else position


def skip_space(text: str, position: int) -> int:
    """Past spaces and one line break, as TeX skips them before an argument; never past
    a blank line, which ends a paragraph."""
    end = position
    while end < len(text) and text[end] in " \t":
        end += 1
    if end < len(text) and text[end] == "\n":
        after = end + 1
        while after < len(text) and text[after] in " \t":
            after += 1
        if after >= len(text) or text[after] != "\n":
            return after
    return end


def group_end(text: str, position: int, opener: str = "{", closer: str = "}") -> int:
    """From an opening brace (or bracket), the index after its matching close."""
    depth = 0
    index = position
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "{" and opener != "{":
            index = group_end(text, index)
            continue
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    raise Unclosed(position, "a brace" if opener == "{" else "a bracket")


def read_group(text: str, position: int) -> tuple[Span, int] | None:
    """A ``{…}`` argument at ``position`` (after spaces): its inside and where it ends."""
    start = skip_space(text, position)
    if start >= len(text) or text[start] != "{":
        return None
    end = group_end(text, start)
    return (start + 1, end - 1), end


def read_optional(text: str, position: int) -> tuple[Span, int] | None:
    """A ``[…]`` argument at ``position`` (after spaces on the same line)."""
    start = position
    while start < len(text) and text[start] in " \t":
        start += 1
    if start >= len(text) or text[start] != "[":
        return None
    end = group_end(text, start, "[", "]")
    return (start + 1, end - 1), end


def read_token(text: str, position: int) -> tuple[Span, int]:
    """A mandatory argument: a ``{…}`` group, or the single character or command TeX
    takes without braces (``\\frac12``, ``\\'e``, ``\\c c``)."""
    group = read_group(text, position)
    if group is not None:
        return group
    start = skip_space(text, position)
    if start >= len(text):
        return (start, start), start
    if text[start] == "\\":
        _, end = read_command(text, start)
        return (start, end), end
    return (start, start + 1), start + 1


def read_arguments(text: str, position: int, spec: str) -> tuple[list[Span | None], int]:
    """The arguments ``spec`` says a command takes, from just after its name: ``s`` a
    star, ``o`` an optional ``[…]``, ``m`` a mandatory one, ``g`` a ``{…}`` that may be
    missing. Beamer's overlays (``<2->``) are skipped wherever they stand."""
    found: list[Span | None] = []
    end = skip_overlay(text, position)
    for kind in spec:
        if kind == "s":
            starred = end < len(text) and text[end] == "*"
            found.append((end, end + 1) if starred else None)
            end += starred
        elif kind == "o":
            optional = read_optional(text, end)
            found.append(optional[0] if optional else None)
            end = optional[1] if optional else end
        elif kind == "g":
            group = read_group(text, end)
            found.append(group[0] if group else None)
            end = group[1] if group else end
        else:
            span, end = read_token(text, end)
            found.append(span)
        end = skip_overlay(text, end)
    return found, end


def read_trailing_groups(text: str, position: int) -> tuple[list[Span], int]:
    """The ``[…]`` and ``{…}`` arguments that follow a command TeX does not know to us
    (a person's own ``\\paperentry[…]{key}``): the braced ones, and where they end."""
    groups: list[Span] = []
    end = skip_overlay(text, position)
    if end < len(text) and text[end] == "*":
        end += 1
    while True:
        optional = read_optional(text, end)
        if optional is not None:
            end = optional[1]
            continue
        start = end
        while start < len(text) and text[start] in " \t":
            start += 1
        if start < len(text) and text[start] == "{":
            close = group_end(text, start)
            groups.append((start + 1, close - 1))
            end = close
            continue
        return groups, end


def environment_end(text: str, name: str, position: int) -> tuple[int, int]:
    """From just after ``\\begin{name}``: where its body ends and where ``\\end{name}``
    does, nested environments of the same name skipped."""
    pattern = re.compile(r"\\(begin|end)\s*\{" + re.escape(name) + r"\}")
    if name in VERBATIM_ENVIRONMENTS:
        pattern = re.compile(r"\\(end)\s*\{" + re.escape(name) + r"\}")
    depth = 1
    for match in pattern.finditer(text, position):
        depth += 1 if match[1] == "begin" else -1
        if depth == 0:
            return match.start(), match.end()
    raise Unclosed(position, f"\\begin{{{name}}}")


def split_paragraphs(text: str, start: int, end: int) -> list[Span]:
    """The paragraphs of ``text[start:end]``: stretches between blank lines."""
    spans: list[Span] = []
    cursor = start
    for blank in _BLANK_LINE_RE.finditer(text, start, end):
        spans.append((cursor, blank.start()))
        cursor = blank.end() - 1
    spans.append((cursor, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]
