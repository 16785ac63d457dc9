"""MediaWiki markup ("wikitext") as Markdown, and the pieces TiddlyWiki's markup shares.

A wiki page is turned into the Markdown the notes reader already understands rather
than read on its own: headings, lists, tables and citation templates become their
Markdown shapes, and wiki machinery (other templates, categories, magic words) goes.
Markup that must survive untouched (code, math, links, rendered templates) is set
aside behind placeholders first, so that neither table borders nor ``''`` inside it
are read as markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

_HOLD_RE = re.compile("\x00(\\d+)\x00")
_YEAR_RE = re.compile(r"\b(1[5-9]\d{2}|20\d{2})\b")
_DOI_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?(10\.\d{4,9}/\S+)$", re.I)


class Held:
    """Finished Markdown set aside behind ``\\x00n\\x00`` until the page is done."""

    def __init__(self) -> None:
        self.pieces: list[str] = []

    def hold(self, markdown: str) -> str:
        self.pieces.append(markdown)
        return f"\x00{len(self.pieces) - 1}\x00"

    def restore(self, text: str) -> str:
        # A held piece may hold another (a link inside a template's value).
        while _HOLD_RE.search(text):
            text = _HOLD_RE.sub(lambda m: self.pieces[int(m[1])], text)
        return text


# --- shared by MediaWiki and TiddlyWiki -----------------------------------------------


def list_item(marks: str, text: str) -> str:
    """``**`` or ``#*`` list marks (both wikis) as an indented Markdown list item."""
    marker = "1." if marks[-1] == "#" else "-"
    return f"{'    ' * (len(marks) - 1)}{marker} {text.strip()}"


def markdown_table(rows: list[list[str]], caption: str = "") -> list[str]:
    """Rows of cells as a GFM table; its first row is the header Markdown requires."""
    rows = [[" ".join(cell.replace("|", "\\|").split()) for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]  # a row of a list widget, rendered empty
    if not rows:
        return []
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    head = ["", *([caption, ""] if caption else []), lines[0], "|" + " --- |" * width]
    return [*head, *lines[1:], ""]


def citation_line(fields: Mapping[str, str]) -> str:
    """A reference's fields as ``Authors (Year). Title. Venue. https://…``: the shape
    the notes reader takes for a citation. Empty when there is no title to cite."""
    title = fields.get("title", "").strip().rstrip(".")
    if not title:
        return ""
    found = _YEAR_RE.search(fields.get("year", "") or fields.get("date", ""))
    year = found[1] if found else ""
    authors = fields.get("authors", "").strip()
    venue = fields.get("venue", "").strip().rstrip(".")
    link = _citation_link(fields)
    if not authors:
        # Without authors a citation is not recognised; a title linked to its paper is.
        where = ", ".join(part for part in (venue, year) if part)
        lead = f"[{title}]({link})" if link else title
        return f"{lead}." + (f" {where}." if where else "")
    parts = [f"{authors} ({year})" if year else authors, title, venue]
    text = " ".join(part if part.endswith(".") else f"{part}." for part in parts if part)
    return text + (f" {link}" if link else "")


def _citation_link(fields: Mapping[str, str]) -> str:
    if match := _DOI_RE.match(fields.get("doi", "").strip()):
        return f"https://doi.org/{match[1]}"
    if arxiv := fields.get("arxiv", "").strip():
        return f"https://arxiv.org/abs/{arxiv}"
    url = fields.get("url", "").strip()
    return url if url.startswith(("http://", "https://")) else ""


# --- MediaWiki --------------------------------------------------------------------------

_COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.S)
_INCLUDE_ONLY_RE = re.compile(r"<includeonly>.*?</includeonly>", re.S | re.I)
_INCLUDE_TAG_RE = re.compile(r"</?(?:noinclude|onlyinclude)\s*>", re.I)
_NOWIKI_RE = re.compile(r"<nowiki\s*>(.*?)</nowiki\s*>|<nowiki\s*/>", re.S | re.I)
_CODE_BLOCK_RE = re.compile(
    r"<(?P<tag>pre|syntaxhighlight|source)(?P<attrs>[^>]*)>(?P<body>.*?)</(?P=tag)\s*>",
    re.S | re.I,
)
_LANG_RE = re.compile(r"""\blang\s*=\s*["']?([\w+#-]+)""", re.I)
_MATH_RE = re.compile(r"<math(?P<attrs>[^>]*)>(?P<body>.*?)</math\s*>", re.S | re.I)
_CODE_RE = re.compile(r"<(code|tt|kbd|samp)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
_REF_RE = re.compile(r"<ref\b[^>/]*/>|<ref\b[^>]*>(?P<body>.*?)</ref\s*>", re.S | re.I)
_REFERENCES_RE = re.compile(r"<references\b[^>]*/>|<references\b[^>]*>.*?</references>|"
                            r"\{\{\s*reflist\b[^}]*\}\}", re.S | re.I)  # fmt: skip
_INTERNAL_LINK_RE = re.compile(r"\[\[(?P<target>[^\[\]|]*)(?:\|(?P<text>[^\[\]]*))?\]\]")
_EXTERNAL_LINK_RE = re.compile(r"\[(?P<url>(?:https?:)?//[^\s\[\]]+)(?:\s+(?P<text>[^\[\]]*))?\]")
_BARE_URL_RE = re.compile(r"\bhttps?://[^\s<>\[\]|{}]+[^\s<>\[\]|{}.,;:!?'\")]")
_HEADING_RE = re.compile(r"^(?P<marks>={1,6})\s*(?P<text>.+?)\s*(?P=marks)\s*$")
_LIST_RE = re.compile(r"^(?P<marks>[*#:;]+)\s*(?P<text>.*)$")
_MAGIC_WORD_RE = re.compile(r"__[A-Z]+__")
_TAG_RE = re.compile(r"</?(?:span|div|center|small|big|font|u|ins|abbr|sub|sup|p|cite|"
                     r"blockquote|poem|gallery|includeonly)\b[^>]*>", re.I)  # fmt: skip
_BREAK_RE = re.compile(r"<br\s*/?>", re.I)
_STRIKE_RE = re.compile(r"<(s|del|strike)\b[^>]*>(.*?)</\1\s*>", re.I)
_BOLD_ITALIC_RE = re.compile(r"'''''(.+?)'''''")
_BOLD_RE = re.compile(r"'''(.+?)'''")
_ITALIC_RE = re.compile(r"''(.+?)''")
_IMAGE_NAMESPACES = ("file", "image", "media")
# Templates that stand for a link to one identifier: ``{{doi|10.1145/…}}``.
_IDENTIFIER_TEMPLATES = {
    "doi": ("doi:{}", "https://doi.org/{}"),
    "arxiv": ("arXiv:{}", "https://arxiv.org/abs/{}"),
    "pmid": ("PMID {}", "https://pubmed.ncbi.nlm.nih.gov/{}/"),
    "isbn": ("ISBN {}", ""),
}
# Citation templates' many spellings of one field, in order of preference.
_CITE_FIELDS = {
    "title": ("title", "chapter", "contribution"),
    "venue": ("journal", "venue", "conference", "booktitle", "work", "website", "publisher",
              "series", "periodical"),
    "doi": ("doi",),
    "arxiv": ("arxiv", "eprint"),
    "url": ("url", "chapter-url"),
    "year": ("year", "date"),
}  # fmt: skip


def mediawiki_to_markdown(text: str) -> tuple[str, list[str]]:
    """A page's wikitext as Markdown, and the categories it files itself under."""
    held = Held()
    categories: list[str] = []
    footnotes: list[str] = []
    text = _INCLUDE_TAG_RE.sub("", _INCLUDE_ONLY_RE.sub("", _COMMENT_RE.sub("", text)))
    text = _NOWIKI_RE.sub(lambda m: held.hold(html.escape(m[1] or "", quote=False)), text)
    text = _CODE_BLOCK_RE.sub(lambda m: held.hold(_code_block(m)), text)
    text = _MATH_RE.sub(lambda m: held.hold(f"${' '.join(m['body'].split())}$"), text)
    text = _CODE_RE.sub(lambda m: held.hold(f"`{html.unescape(m[2]).strip()}`"), text)
    text = _REF_RE.sub(lambda m: _footnote(m["body"], footnotes, held), text)
    text = _REFERENCES_RE.sub("", text)
    text = expand_templates(text, lambda inner: _render_template(inner, held))
    text = _INTERNAL_LINK_RE.sub(lambda m: held.hold(_internal_link(m, categories)), text)
    text = _EXTERNAL_LINK_RE.sub(lambda m: held.hold(_external_link(m)), text)
    text = _BARE_URL_RE.sub(lambda m: held.hold(m[0]), text)
    lines = _blocks(_MAGIC_WORD_RE.sub("", text).split("\n"))
    lines += ["", *(f"[^{n}]: {note}" for n, note in enumerate(footnotes, 1))]
    markdown = held.restore(re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip())
    return markdown + "\n", list(dict.fromkeys(categories))


def mediawiki_inline(text: str) -> str:
    """Emphasis, HTML entities and the plain HTML tags of one line of wikitext."""
    text = _BOLD_ITALIC_RE.sub(r"***\1***", text)
    text = _BOLD_RE.sub(r"**\1**", text)
    text = _ITALIC_RE.sub(r"*\1*", text).replace("'''", "").replace("''", "")
    text = _STRIKE_RE.sub(r"~~\2~~", _BREAK_RE.sub(" ", text))
    return html.unescape(_TAG_RE.sub("", text))


def expand_templates(text: str, render: Callable[[str], str]) -> str:
    """Each outermost ``{{…}}`` replaced by ``render(inside)``; nesting is counted."""
    out: list[str] = []
    start = 0
    while (opening := text.find("{{", start)) >= 0:
        closing = _matching_braces(text, opening)
        if closing < 0:
            break  # an unclosed "{{" is text
        out += [text[start:opening], render(text[opening + 2 : closing])]
        start = closing + 2
    return "".join(out) + text[start:]


def _matching_braces(text: str, opening: int) -> int:
    depth = 0
    index = opening
    while index < len(text) - 1:
        pair = text[index : index + 2]
        if pair == "{{":
            depth += 1
            index += 2
        elif pair == "}}":
            depth -= 1
            if depth == 0:
                return index
            index += 2
        else:
            index += 1
    return -1


def template_parts(inner: str) -> tuple[str, list[str], dict[str, str]]:
    """A template call's name, positional values and named values."""
    pieces = _split_top_level(inner)
    positional: list[str] = []
    named: dict[str, str] = {}
    for piece in pieces[1:]:
        key, equals, value = piece.partition("=")
        if equals and re.fullmatch(r"\s*[\w -]+\s*", key):
            named[key.strip().casefold().replace(" ", "-")] = value.strip()
        else:
            positional.append(piece.strip())
    return pieces[0].strip(), positional, named


def _split_top_level(inner: str) -> list[str]:
    """Split on ``|`` that is not inside a nested ``{{…}}`` or ``[[…]]``."""
    pieces = [""]
    depth = 0
    for piece in re.findall(r"\{\{|\}\}|\[\[|\]\]|.", inner, re.S):
        depth += piece in ("{{", "[[")
        depth -= piece in ("}}", "]]")
        if piece == "|" and depth == 0:
            pieces.append("")
        else:
            pieces[-1] += piece
    return pieces


def _render_template(inner: str, held: Held) -> str:
    if inner.startswith("{"):  # "{{{param}}}": a template's own parameter
        return ""
    name, positional, named = template_parts(inner)
    name = name.casefold().replace("_", " ")
    if name.startswith(("cite", "citation", "vcite")):
        line = citation_line(_cite_fields(named))
        return held.hold(line) if line else ""
    if name in _IDENTIFIER_TEMPLATES and positional:
        label, url = _IDENTIFIER_TEMPLATES[name]
        value = _plain(positional[0])
        shown = label.format(value)
        return held.hold(f"[{shown}]({url.format(value)})" if url else shown)
    return ""  # navigation boxes, infoboxes, parser functions: the wiki's machinery


def _cite_fields(named: Mapping[str, str]) -> dict[str, str]:
    fields = {
        field: next((_plain(named[key]) for key in keys if named.get(key)), "")
        for field, keys in _CITE_FIELDS.items()
    }
    fields["authors"] = _cite_authors(named)
    return fields


def _cite_authors(named: Mapping[str, str]) -> str:
    for key in ("authors", "author", "vauthors", "people"):
        if named.get(key):
            return _plain(named[key])
    names = []
    for number in ("", *map(str, range(1, 30))):
        last = named.get(f"last{number}") or named.get(f"surname{number}")
        first = named.get(f"first{number}") or named.get(f"given{number}")
        if last:
            # "Last, First; Last, First": a list of names no one can misread.
            names.append(_plain(f"{last}, {first}" if first else last))
        elif author := named.get(f"author{number}"):
            names.append(_plain(author))
    return "; ".join(dict.fromkeys(names))


def _plain(value: str) -> str:
    """A template value as plain text: no links, emphasis or tags."""
    value = _INTERNAL_LINK_RE.sub(lambda m: (m["text"] or m["target"]).strip(), value)
    value = _EXTERNAL_LINK_RE.sub(lambda m: (m["text"] or m["url"]).strip(), value)
    value = html.unescape(_TAG_RE.sub("", value)).replace("'''", "").replace("''", "")
    return " ".join(value.split())


def _code_block(match: re.Match[str]) -> str:
    body = match["body"].strip("\n")
    if match["tag"].lower() == "pre":
        body = html.unescape(body)
    if "\n" not in body and "inline" in match["attrs"]:
        return f"`{body}`"
    language = _LANG_RE.search(match["attrs"])
    return f"\n\n```{language[1] if language else ''}\n{body}\n```\n\n"


def _footnote(body: str | None, footnotes: list[str], held: Held) -> str:
    """``<ref>…</ref>`` as a Markdown footnote: what the page cites, not what it is about."""
    if not body or not body.strip():
        return ""  # <ref name="x" />: the same source again
    rendered = expand_templates(body, lambda inner: _render_template(inner, held))
    rendered = _INTERNAL_LINK_RE.sub(lambda m: (m["text"] or m["target"]).strip(), rendered)
    rendered = _EXTERNAL_LINK_RE.sub(lambda m: held.hold(_external_link(m)), rendered)
    footnotes.append(mediawiki_inline(" ".join(rendered.split())))
    return f"[^{len(footnotes)}]"


def _internal_link(match: re.Match[str], categories: list[str]) -> str:
    target = match["target"].strip()
    text = (match["text"] or "").strip()
    namespace, colon, rest = target.partition(":")
    namespace = namespace.strip().casefold()
    if colon and namespace == "category":
        categories.append(rest.split("#")[0].strip())
        return ""
    if colon and namespace in _IMAGE_NAMESPACES:
        return ""  # an image of the wiki, which the export does not bring along
    if text:
        return mediawiki_inline(text)
    # "[[:Category:Paper notes]]" and "[[Page#Section]]": a page of this wiki, by name.
    return target.lstrip(":").split("#")[0].strip() or target.strip("#")


def _external_link(match: re.Match[str]) -> str:
    url = match["url"]
    url = "https:" + url if url.startswith("//") else url
    text = mediawiki_inline(match["text"] or "").strip()
    return f"[{text}]({url})" if text else f"<{url}>"


def _blocks(lines: list[str]) -> list[str]:
    """Block structure: headings, lists and ``{| … |}`` tables, line by line."""
    out: list[str] = []
    table: list[str] | None = None
    for line in lines:
        stripped = line.strip()
        if table is not None:
            table.append(stripped)
            if stripped.startswith("|}"):
                out += _table(table)
                table = None
        elif stripped.startswith("{|"):
            table = [stripped]
        else:
            out += separate_blocks(out, _block_line(line))
    return out + (_table(table) if table else [])


def separate_blocks(before: list[str], lines: list[str]) -> list[str]:
    """A blank line where a list starts or ends: in wikitext a line ends a list, in
    Markdown it would run on as part of the last item (or join the paragraph above)."""
    if not before or not lines or not before[-1].strip() or not lines[0].strip():
        return lines
    if _is_list_line(before[-1]) != _is_list_line(lines[0]):
        return ["", *lines]
    return lines


def _is_list_line(line: str) -> bool:
    return bool(re.match(r"\s*(?:[-*+]|\d+[.)])\s", line))


def _block_line(line: str) -> list[str]:
    if _HOLD_RE.fullmatch(line.strip()):
        return ["", line.strip(), ""]  # a block template, code or math on its own line
    if match := _HEADING_RE.match(line.strip()):
        return ["", f"{'#' * len(match['marks'])} {mediawiki_inline(match['text'])}", ""]
    if re.fullmatch(r"-{4,}\s*", line):
        return ["", "---", ""]
    if match := _LIST_RE.match(line):
        marks = match["marks"]
        if marks[-1] in ":;" and not marks.rstrip(":;"):
            # ";term" and ":indented text": a definition list, read as its text.
            text = mediawiki_inline(match["text"])
            return ["", f"**{text}**" if marks[-1] == ";" else text, ""]
        return [list_item(marks.rstrip(":;") or "*", mediawiki_inline(match["text"]))]
    return [mediawiki_inline(line.strip())]


def _table(rows: list[str]) -> list[str]:
    """A ``{| … |}`` table: ``|-`` starts a row, ``!``/``|`` cells split on ``!!``/``||``."""
    cells: list[list[str]] = []
    caption = ""
    for line in rows[1:]:
        if line.startswith("|}"):
            break
        if line.startswith("|-"):
            cells.append([])
        elif line.startswith("|+"):
            caption = mediawiki_inline(_cell_text(line[2:]))
        elif line.startswith(("!", "|")):
            if not cells:
                cells.append([])
            separator = "!!" if line.startswith("!") else "||"
            parts = line[1:].replace("||", separator).split(separator)
            cells[-1] += [mediawiki_inline(_cell_text(part)) for part in parts]
        elif cells and cells[-1]:
            cells[-1][-1] += " " + mediawiki_inline(line)  # a cell's text runs on
    return markdown_table(cells, caption)


def _cell_text(cell: str) -> str:
    """A cell without its attributes: ``style="…" | text`` is ``text``."""
    attributes, bar, text = cell.partition("|")
    if bar and re.fullmatch(r"""\s*(?:[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|\S+)\s*)+""", attributes):
        return text.strip()
    return cell.strip()
