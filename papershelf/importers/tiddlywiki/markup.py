"""TiddlyWiki's markup as Markdown.

``! Heading``, ``''bold''``, ``//italic//``, ``[[text|Target]]`` and ``[ext[text|url]]``
links, ``|a|b|h`` tables, ``* `` and ``# `` lists, ``<<<`` quotes and ``$$`` maths.
Macros (``<<…>>``), widgets (``<$list>``), transclusions (``{{…}}``) and pragmas
(``\\define``) are the wiki computing a view of other tiddlers: they hold no text of
their own, so they go. Links and URLs are set aside first, so the ``//`` of
``https://`` never reads as italic.
"""

from __future__ import annotations

import html
import re

from papershelf.importers.wikitext import Held, list_item, markdown_table, separate_blocks

_HEADING_RE = re.compile(r"^(?P<marks>!{1,6})\s*(?P<text>.*)$")
_LIST_RE = re.compile(r"^(?P<marks>[*#;:>]+)\s+(?P<text>.*)$")
_TABLE_ROW_RE = re.compile(r"^\|.*\|[hcfk]?\s*$")
_PRAGMA_RE = re.compile(r"^\\(?:rules|import|whitespace|parameters|relink)\b")
_DEFINITION_RE = re.compile(
    r"^\\(?:define|procedure|function|widget)\s+[^\s(]+(?:\([^)]*\))?(?P<body>.*)$"
)
_CODE_SPAN_RE = re.compile(r"``(?P<double>.+?)``|`(?P<single>[^`]+)`")
_MATH_RE = re.compile(r"\$\$(?P<body>.+?)\$\$")
_LINK_RE = re.compile(r"\[\[(?P<text>[^\]|]*?)(?:\|(?P<target>[^\]]*))?\]\]")
_EXT_LINK_RE = re.compile(r"\[ext\[(?P<text>[^\]|]*?)(?:\|(?P<target>[^\]]*))?\]\]")
_IMAGE_RE = re.compile(r"\[img\b[^\[\]]*\[(?P<text>[^\]|]*?)(?:\|(?P<target>[^\]]*))?\]\]")
_BARE_URL_RE = re.compile(r"\b(?:https?|ftp)://[^\s<>\[\]|]+[^\s<>\[\]|.,;:!?'\")]")
_MACRO_RE = re.compile(r"(?<!<)<<(?!<).*?>>", re.S)  # not a "<<<" quote
_TRANSCLUDE_RE = re.compile(r"\{\{\{.*?\}\}\}|\{\{.*?\}\}", re.S)
_WIDGET_RE = re.compile(r"</?\$[\w.-]+(?:[^<>]|<<[^>]*>>)*/?>")
_HTML_TAG_RE = re.compile(r"</?(?:div|span|details|summary|p|center|small|br|kbd)\b[^>]*>", re.I)
_BOLD_RE = re.compile(r"''(?P<body>.+?)''")
_ITALIC_RE = re.compile(r"//(?P<body>[^/\s](?:.*?[^/\s])?)//")
_UNDERLINE_RE = re.compile(r"__(?P<body>.+?)__")
_MARK_RE = re.compile(r"\^\^(?P<body>.+?)\^\^|,,(?P<sub>.+?),,|@@(?P<hl>.+?)@@")
_WIKIWORD_ESCAPE_RE = re.compile(r"~(?=[A-Z])")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")


def tiddlywiki_to_markdown(text: str) -> str:
    out: list[str] = []
    table: list[str] = []
    fence = ""  # the open ``` fence or $$ block
    lines = _without_definitions(_WIDGET_RE.sub("", _MACRO_RE.sub("", text)).split("\n"))
    top = min((len(m["marks"]) for line in lines if (m := _HEADING_RE.match(line))), default=1)
    for line in lines:
        if fence:
            out.append(line)
            fence = "" if line.strip() == fence else fence
            continue
        if table and not _TABLE_ROW_RE.match(line.strip()):
            out += _table(table)
            table = []
        stripped = line.strip()
        if stripped.startswith("```") or stripped == "$$":
            fence = "```" if stripped.startswith("```") else "$$"
            out += ["", line]
        elif _TABLE_ROW_RE.match(stripped):
            table.append(stripped)
        elif stripped in ("<<<", '"""') or stripped.startswith("<<<"):
            out.append("")  # a quote or hard-line block's border; its lines read as text
        else:
            out += separate_blocks(out, _block_line(line, top))
    out += _table(table)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def _without_definitions(lines: list[str]) -> list[str]:
    """Lines without pragmas: ``\\define name() … \\end`` is a macro, not text."""
    kept: list[str] = []
    inside = False
    for line in lines:
        stripped = line.strip()
        if inside:
            inside = not stripped.startswith("\\end")
        elif match := _DEFINITION_RE.match(stripped):
            inside = not match["body"].strip()  # a one-line definition ends on its line
        elif not _PRAGMA_RE.match(stripped):
            kept.append(line)
    return kept


def _block_line(line: str, top: int) -> list[str]:
    if match := _HEADING_RE.match(line):
        # The tiddler's title is the note's "#": its own top headings are "##".
        level = len(match["marks"]) - top + 2
        return ["", f"{'#' * level} {convert_inline(match['text'])}", ""]
    if match := _LIST_RE.match(line):
        marks, text = match["marks"], convert_inline(match["text"])
        if marks[-1] == ">":
            return [f"> {text}"]
        if marks[-1] in ";:":
            return ["", f"**{text}**" if marks[-1] == ";" else text, ""]
        return [list_item(marks, text)]
    if re.fullmatch(r"-{3,}\s*", line):
        return ["", "---", ""]
    return [convert_inline(line.rstrip())]


def convert_inline(text: str) -> str:
    held = Held()
    text = _CODE_SPAN_RE.sub(lambda m: held.hold(f"`{m['double'] or m['single']}`"), text)
    text = _MATH_RE.sub(lambda m: held.hold(f"${m['body'].strip()}$"), text)
    text = _IMAGE_RE.sub(lambda m: held.hold(_image(m["text"], m["target"])), text)
    text = _EXT_LINK_RE.sub(lambda m: held.hold(_external(m["text"], m["target"])), text)
    text = _LINK_RE.sub(lambda m: held.hold(_link(m["text"], m["target"])), text)
    text = _BARE_URL_RE.sub(lambda m: held.hold(m[0]), text)
    text = _TRANSCLUDE_RE.sub("", _HTML_TAG_RE.sub("", text))
    text = _BOLD_RE.sub(lambda m: f"**{m['body']}**", text)
    text = _ITALIC_RE.sub(lambda m: f"*{m['body']}*", text)
    text = _UNDERLINE_RE.sub(lambda m: m["body"], text)
    text = _MARK_RE.sub(lambda m: m["body"] or m["sub"] or m["hl"], text)
    return held.restore(html.unescape(_WIKIWORD_ESCAPE_RE.sub("", text)))


def _link(text: str, target: str | None) -> str:
    """``[[Target]]`` or ``[[text|Target]]``: a link to a web page keeps its address."""
    target = (target if target is not None else text).strip()
    shown = convert_inline(text.strip()) if text.strip() else target
    if "://" in target:
        return f"[{shown}]({target})" if shown != target else f"<{target}>"
    return shown  # another tiddler, which is a note of its own


def _external(text: str, target: str | None) -> str:
    """``[ext[url]]`` or ``[ext[text|url]]``."""
    if target is None:
        return f"<{text.strip()}>"
    return f"[{convert_inline(text.strip())}]({target.strip()})"


def _image(text: str, target: str | None) -> str:
    """An image on the web stays; a tiddler's own image is in the wiki, not here."""
    source = (target or text).strip()
    if "://" in source and source.lower().split("?")[0].endswith(_IMAGE_SUFFIXES):
        return f"![{text.strip() if target else ''}]({source})"
    return ""


def _table(rows: list[str]) -> list[str]:
    """``|a|b|`` rows; a row ending ``h`` is the header, ``c`` the caption."""
    caption = ""
    header: list[list[str]] = []
    body: list[list[str]] = []
    for row in rows:
        kind = row[-1] if row[-1] in "hcfk" else ""
        cells = [_cell(cell) for cell in _split_cells(row.rstrip("hcfk").strip("|"))]
        if kind == "c":
            caption = " ".join(cells)
        elif kind == "h" and not body:
            header.append(cells)
        elif kind != "k":
            body.append(cells)
    return markdown_table([*header, *body], caption)


def _split_cells(row: str) -> list[str]:
    """Cells between ``|``, not counting one inside ``[[text|Target]]``."""
    return [cell for cell in re.findall(r"(?:\[\[.*?\]\]|\[ext\[.*?\]\]|[^|])*", row) if cell]


def _cell(cell: str) -> str:
    return convert_inline(cell.strip().removeprefix("!").strip())
