"""A Vimwiki page becomes Markdown, then a notes document like any other.

Vimwiki keeps each page as a ``.wiki`` file of its own markup: ``= Heading =`` (one sign
is the top level), ``*bold*``, ``_italic_``, ``[[page|description]]`` links, lists by
indentation with ``[ ]``/``[X]`` boxes, ``{{{`` preformatted and ``{{$`` math blocks,
``:tag:`` lines, ``%title`` placeholders and ``%%`` comments; a diary page per day under
``diary/``. The notes reader finds papers in the Markdown this gives.
"""

from __future__ import annotations

import re

from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.records import ParsedDocument, ParseHints
from papershelf.importers.vimwiki.inline import convert_inline
from papershelf.importers.wikitext import markdown_table

_HEADING_RE = re.compile(r"^\s*(?P<marks>={1,6})\s*(?P<text>[^=].*?)\s*(?P=marks)\s*$")
_LIST_RE = re.compile(
    r"^(?P<indent>\s*)(?P<marker>[-*#•]|\d+[.)]|[a-zA-Z][.)]|[ivxlcdm]+\))\s+"
    r"(?:\[(?P<box>[ .oOX-])\]\s+)?(?P<text>.*)$"
)
_TABLE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE_RE = re.compile(r"^\s*\|[-+|:\s]*-[-+|:\s]*\|\s*$")
_TAGS_RE = re.compile(r"^\s*:(?:[^:\s]+:)+\s*$")
_PLACEHOLDER_RE = re.compile(r"^%(?P<name>title|date|nohtml|template|toc)\b\s*(?P<value>.*)$")
_DEFINITION_RE = re.compile(r"^(?P<term>[^\s:][^:]*?)::\s+(?P<text>.+)$")
_RULE_RE = re.compile(r"^\s*-{4,}\s*$")
_LINK_IN_CELL_RE = re.compile(r"\[\[.*?\]\]|\{\{.*?\}\}")
_CHECKED = {"X": "x", "-": "x"}  # done, or "won't do": either way not an open task


def to_markdown(text: str) -> str:
    out: list[str] = []
    table: list[str] = []
    indents: list[int] = []  # the open list's item indentations, outermost first
    block = ""  # the line that closes an open {{{ or {{$ block
    comment = False
    for line in text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n"):
        if table and not _TABLE_ROW_RE.match(line):
            out += _table(table)
            table = []
        if block:
            if line.strip().startswith(block):
                out += ["```" if block == "}}}" else "$$", ""]
                block = ""
            else:
                out.append(line)
            continue
        if comment:
            comment = "+%%" not in line
            continue
        if line.lstrip().startswith("%%+") and "+%%" not in line:
            comment = True
            continue
        if line.lstrip().startswith("%%"):
            continue  # a comment line
        if line.strip().startswith("{{{"):
            language = line.strip()[3:].split()[0] if line.strip()[3:].split() else ""
            out += ["", "```" + re.sub(r"[^\w+#-].*", "", language)]
            block, indents = "}}}", []
            continue
        if line.strip().startswith("{{$"):
            out += ["", "$$"]
            block, indents = "}}$", []
            continue
        if _TABLE_ROW_RE.match(line):
            table.append(line)
            indents = []
            continue
        out += _block_line(line, indents)
    if table:
        out += _table(table)
    if block:
        out.append("```" if block == "}}}" else "$$")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    return parse_converted(to_markdown(text), path, "vimwiki", hints)


def looks_like_vimwiki(text: str) -> bool:
    """A ``.wiki`` file is Vimwiki's unless it is written in MediaWiki's markup."""
    head = text[:20000]
    return not re.search(r"'''|^\{\||<ref[ >]|\{\{[Cc]ite |\[\[Category:", head, re.M)


def _block_line(line: str, indents: list[int]) -> list[str]:
    if not line.strip():
        indents.clear()  # a blank line ends a list
        return [""]
    if match := _HEADING_RE.match(line):
        indents.clear()
        return ["", f"{'#' * len(match['marks'])} {convert_inline(match['text'])}", ""]
    if match := _PLACEHOLDER_RE.match(line):
        # %title names the page; %date is when it was written, not a paper's year.
        title = match["value"].strip()
        return ["", f"# {convert_inline(title)}", ""] if match["name"] == "title" and title else []
    if _TAGS_RE.match(line):
        tags = [tag for tag in line.strip().strip(":").split(":") if tag]
        return ["", f"Tags: {', '.join(tags)}  ", ""]
    if _RULE_RE.match(line):
        indents.clear()
        return ["", "---", ""]
    if match := _LIST_RE.match(line):
        return [_list_item(match, indents)]
    if indents and line[:1].isspace():
        return ["    " * len(indents) + convert_inline(line.strip())]  # the item goes on
    indents.clear()
    if match := _DEFINITION_RE.match(line):
        return [f"{convert_inline(match['term'])}: {convert_inline(match['text'])}  "]
    if line.startswith("    ") or line.startswith("\t"):
        return ["> " + convert_inline(line.strip())]  # Vimwiki's blockquote
    return [convert_inline(line)]


def _list_item(match: re.Match[str], indents: list[int]) -> str:
    """An item nested by its indentation relative to the items above it."""
    width = len(match["indent"].expandtabs(4))
    while indents and indents[-1] > width:
        indents.pop()
    if not indents or indents[-1] < width:
        indents.append(width)
    marker = "-" if match["marker"] in "-*•" else "1."
    if match["marker"][0].isdigit():
        marker = match["marker"][:-1] + "."  # "3)" and "3." keep their number
    box = ""
    if match["box"] is not None:
        box = f"[{_CHECKED.get(match['box'], ' ')}] "
    return f"{'    ' * (len(indents) - 1)}{marker} {box}{convert_inline(match['text'])}"


def _table(rows: list[str]) -> list[str]:
    """``| a | b |`` rows as a GFM table under its first row; ``|---|`` rules go."""
    return markdown_table([_cells(row) for row in rows if not _TABLE_RULE_RE.match(row)])


def _cells(row: str) -> list[str]:
    """A row's cells; a ``|`` inside ``[[page|desc]]`` is not a border; ``>`` and ``\\/``
    merge a cell into its neighbour."""
    row = _LINK_IN_CELL_RE.sub(lambda m: m[0].replace("|", "\x01"), row.strip())
    cells = [cell.replace("\x01", "|").strip() for cell in row.strip("|").split("|")]
    return ["" if cell in (">", "\\/") else convert_inline(cell) for cell in cells]
