"""A DokuWiki page becomes Markdown, then a notes document like any other.

DokuWiki keeps each page as a ``.txt`` file of its own markup (``data/pages/``):
``====== Heading ======`` (six signs are the top level), ``[[url|text]]`` links,
``^ header ^`` tables, ``  * `` lists indented by two spaces a level. The notes reader
finds papers in the Markdown this gives, as in any other notes document.
"""

from __future__ import annotations

import re

from papershelf.importers.dokuwiki.inline import convert_inline
from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.records import ParsedDocument, ParseHints

_HEADING_RE = re.compile(r"^\s*(?P<marks>={2,6})\s*(?P<text>[^=].*?)\s*={2,6}\s*$")
_LINK_RE = re.compile(r"\[\[[^\]\n]+\]\]")
_LIST_RE = re.compile(r"^(?P<indent>(?: {2}|\t)+)(?P<marker>[*-])\s*(?P<text>.*)$")
_TABLE_ROW_RE = re.compile(r"^\s*[\^|].*[\^|]\s*$")
_CODE_OPEN_RE = re.compile(
    r"^\s*<(?P<tag>code|file)(?:\s+(?P<lang>[\w+#-]+))?[^>]*>\s*(?P<rest>.*)$"
)
_TAG_MACRO_RE = re.compile(r"\{\{tag>(?P<tags>[^}]*)\}\}")
_PUBMED_RE = re.compile(r"\{\{pubmed>(?:\w+:)?(?P<pmid>\d+)\}\}")
_MACRO_RE = re.compile(r"~~[A-Z_]+(?::[^~]*)?~~")
_CELL_TOKEN_RE = re.compile(r"\[\[.*?\]\]|\{\{.*?\}\}|[\^|]|[^\^|\[{]+|.")
_WRAP_TAG_RE = re.compile(r"</?(?:WRAP|wrap|nowiki|html|php)\b[^>]*>")  # fmt: skip


def to_markdown(text: str) -> str:
    out: list[str] = []
    table: list[str] = []
    fence = ""  # the open <code> or <file> tag
    for line in text.removeprefix("\ufeff").split("\n"):
        if table and not _TABLE_ROW_RE.match(line):
            out += _table(table)
            table = []
        if fence:
            if (end := line.find(f"</{fence}>")) >= 0:
                out += [line[:end]] if line[:end].strip() else []
                out += ["```", ""]
                fence = ""
            else:
                out.append(line)
            continue
        if match := _CODE_OPEN_RE.match(line):
            fence = match["tag"]
            out += ["", "```" + (match["lang"] or "")]
            rest = match["rest"]
            if (end := rest.find(f"</{fence}>")) >= 0:
                out += [rest[:end], "```", ""] if rest[:end].strip() else ["```", ""]
                fence = ""
            elif rest.strip():
                out.append(rest)
            continue
        if _TABLE_ROW_RE.match(line):
            table.append(line)
            continue
        out += _block_line(line)
    out += _table(table)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    # Under its own ".txt" name the notes reader would take the Markdown for plain text.
    return parse_converted(to_markdown(text), path, "dokuwiki", hints)


def looks_like_dokuwiki(text: str) -> bool:
    """Several ``== Heading ==`` lines and a ``[[link]]``: plain-text notes have neither."""
    lines = text.lstrip("\ufeff")[:20000].split("\n")
    headings = sum(1 for line in lines if _HEADING_RE.match(line))
    links = sum(len(_LINK_RE.findall(line)) for line in lines)
    return headings >= 2 and links >= 1


def _block_line(line: str) -> list[str]:
    line = _MACRO_RE.sub("", _WRAP_TAG_RE.sub("", line))
    if match := _HEADING_RE.match(line):
        level = 7 - len(match["marks"])
        return ["", f"{'#' * level} {convert_inline(match['text'])}", ""]
    extra: list[str] = []
    if match := _TAG_MACRO_RE.search(line):
        extra.append(f"Tags: {', '.join(match['tags'].split())}")
        line = _TAG_MACRO_RE.sub("", line)
    for match in _PUBMED_RE.finditer(line):
        pmid = match["pmid"]
        extra.append(f"PMID: [{pmid}](https://pubmed.ncbi.nlm.nih.gov/{pmid}/)")
    line = _PUBMED_RE.sub("", line)
    if extra and not line.strip():
        return ["", *(f"{fact}  " for fact in extra), ""]
    if match := _LIST_RE.match(line):
        depth = len(match["indent"].replace("\t", "  ")) // 2
        marker = "-" if match["marker"] == "*" else "1."
        line = f"{'    ' * (depth - 1)}{marker} {convert_inline(match['text'])}"
    else:
        line = convert_inline(line)
    return [line, *(["", *(f"{fact}  " for fact in extra), ""] if extra else [])]


def _table(rows: list[str]) -> list[str]:
    """DokuWiki's ``^ header ^`` and ``| cell |`` rows as a GFM table under its first row."""
    cells = [[convert_inline(cell.strip()) for cell in _cells(row)] for row in rows]
    if not cells:
        return []
    width = max(len(row) for row in cells)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in cells]
    return ["", lines[0], "|" + " --- |" * width, *lines[1:], ""]


def _cells(row: str) -> list[str]:
    """A row's cells; a ``|`` inside ``[[url|text]]`` or ``{{…|…}}`` is not a border."""
    cells: list[str] = []
    current = ""
    for token in _CELL_TOKEN_RE.findall(row.strip()):
        if token in ("^", "|"):
            cells.append(current)
            current = ""
        else:
            current += token
    return cells[1:]  # the text before the first border is not a cell
