"""The document as lines, with what Markdown makes of them: headings and hidden lines.

markdown-it finds the headings so that a ``# comment`` inside a code fence, a
``$$`` math block or a Liquid ``{% highlight %}`` block is never taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.dollarmath import dollarmath_plugin

from papershelf.importers.notes.text import is_blank, join_lines, visible_text

_LIQUID_BLOCK_START_RE = re.compile(r"\{%-?\s*(raw|highlight|comment)\b")
_LIQUID_BLOCK_END = r"\{{%-?\s*end{name}\s*-?%\}}"
_HIDDEN_TOKENS = frozenset({"fence", "code_block", "math_block", "math_block_label"})


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # what a reader sees: "LeNet", "2017"
    inline: str  # the Markdown source of the heading text
    line: int  # 0-based
    end: int  # the line after it (a Setext heading is underlined on a second line)


@dataclass
class Source:
    path: str
    lines: list[str]  # each with its line break
    start: int  # first line after the front matter
    hidden: frozenset[int]  # lines of code, math and Liquid raw blocks
    headings: list[Heading]
    tree: SyntaxTreeNode

    def text(self, start: int, end: int) -> str:
        return join_lines(self.lines[start:end])

    def content_lines(self, start: int, end: int) -> Iterator[int]:
        """Non-blank lines that are not code or math, where structure can be read."""
        for index in range(max(start, self.start), min(end, len(self.lines))):
            if index not in self.hidden and not is_blank(self.lines[index]):
                yield index

    def has_text(self, start: int, end: int) -> bool:
        return any(not is_blank(line) for line in self.lines[max(start, self.start) : end])

    @cached_property
    def legend(self) -> dict[str, str]:
        """The marks the writer says what they mean: "✅ = done, 📖 = textbook, 🌐 =
        web/other" gives {"✅": "done", "📖": "textbook", "🌐": "web/other"}."""
        for index in self.content_lines(self.start, len(self.lines)):
            pairs = _LEGEND_RE.findall(self.lines[index])
            if len(pairs) >= 2:  # one "x = y" is arithmetic or prose, not a legend
                return {mark: kind.strip().casefold() for mark, kind in pairs}
        return {}


# A mark (an emoji or a symbol, not a word) that a legend explains: "📖 = textbook".
_LEGEND_RE = re.compile(
    r"(?<![\w=])(?P<mark>[^\w\s=:,;.()\[\]*_`'\"$\\|<>/-]{1,3})\s*=\s*"
    r"(?P<kind>[A-Za-z][A-Za-z /&-]{0,30}?)(?=\s*(?:[,;.)]|$))",
    re.MULTILINE,
)


def split_lines(text: str) -> list[str]:
    """Lines with their endings. Only "\\n" ends a line, as in markdown-it, so line
    numbers agree (``str.splitlines`` would also split on form feeds and U+2028)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return [*lines, parts[-1]] if parts[-1] else lines


def read_source(lines: list[str], path: str, start: int) -> Source:
    liquid = _liquid_block_lines(lines, start)
    visible = [
        "\n" if index < start or index in liquid else line for index, line in enumerate(lines)
    ]
    tokens = _markdown().parse("".join(visible))
    hidden = set(liquid)
    headings: list[Heading] = []
    for position, token in enumerate(tokens):
        if token.type in _HIDDEN_TOKENS and token.map:
            hidden.update(range(*token.map))
        elif token.type == "heading_open" and token.level == 0 and token.map:
            inline = tokens[position + 1].content
            level, (line, end) = int(token.tag[1]), token.map
            headings.append(Heading(level, visible_text(inline), inline, line, end))
    return Source(path, lines, start, frozenset(hidden), headings, SyntaxTreeNode(tokens))


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").use(dollarmath_plugin)


def _liquid_block_lines(lines: list[str], start: int) -> set[int]:
    """Lines inside {% raw %}, {% highlight %} and {% comment %} blocks (kept, never run)."""
    inside: set[int] = set()
    index = start
    while index < len(lines):
        opening = _LIQUID_BLOCK_START_RE.search(lines[index])
        if opening:
            end_re = re.compile(_LIQUID_BLOCK_END.format(name=opening[1]))
            if not end_re.search(lines[index], opening.end()):
                end = next(
                    (i for i in range(index + 1, len(lines)) if end_re.search(lines[i])), None
                )
                if end is not None:
                    inside.update(range(index, end + 1))
                    index = end
        index += 1
    return inside
