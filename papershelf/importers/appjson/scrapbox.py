"""A Scrapbox (Cosense) project's JSON export: one note per page, as Markdown.

The export is ``{"name", "displayName", "exported", "pages": [{"title", "lines"}]}``, a
page's lines plain strings or ``{"text": …}`` objects, its first line its title.
Scrapbox marks structure in brackets and indentation: ``[* bold]`` (``[** …]`` alone on
a line a heading), ``[https://… label]`` or ``[label https://…]`` links, ``[page]`` links
to other pages, ``[$ math $]``, a leading space per level of a bulleted line, ``>``
quotes and ``code:name`` blocks under their indentation. The template and settings
pages are no notes.
"""

from __future__ import annotations

import re

from papershelf.importers.appjson.values import Data
from papershelf.importers.appjson.values import dicts_of as _dicts
from papershelf.importers.appjson.values import text_of as _text

_SKIPPED_TITLE_RE = re.compile(r"^(?:settings|template|テンプレート)(?:/|$)", re.IGNORECASE)
_BRACKET_RE = re.compile(r"\[(?P<body>[^\[\]]+)\]")
_URL_RE = re.compile(r"^https?://\S+$")
_EMPHASIS_RE = re.compile(r"^(?P<marks>[*/\-_]+)\s+(?P<text>.+)$")
_CODE_RE = re.compile(r"^code:(?P<name>\S+)$")
_HEADING_LINE_RE = re.compile(r"^\[(?P<stars>\*{2,})\s+(?P<text>[^\[\]]+)\]$")


def is_scrapbox_export(data: Data) -> bool:
    pages = _dicts(data.get("pages"))
    return bool(pages) and all("title" in page and "lines" in page for page in pages[:5])


def scrapbox_notes(data: Data) -> list[str]:
    return [
        _page(page)
        for page in _dicts(data.get("pages"))
        if not _SKIPPED_TITLE_RE.match(_text(page.get("title")))
    ]


def _page(page: Data) -> str:
    title = _text(page.get("title"))
    lines = [_line_text(line) for line in page.get("lines") or []]
    if lines and lines[0].strip() == title:
        lines = lines[1:]  # the page's title is its first line
    out = [f"# {title}", ""]
    code_indent = -1
    for raw in lines:
        indent = len(raw) - len(raw.lstrip(" \t"))
        text = raw.strip()
        if code_indent >= 0 and (indent > code_indent or not text):
            out.append(raw[code_indent + 1 :])
            continue
        if code_indent >= 0:
            out += ["```", ""]
            code_indent = -1
        if code := _CODE_RE.match(text):
            language = code["name"].rsplit(".", 1)[-1]
            out += ["", f"```{language}"]
            code_indent = indent
            continue
        out.append(_markdown_line(text, indent))
    if code_indent >= 0:
        out.append("```")
    return "\n".join(out).strip() + "\n"


def _line_text(line: object) -> str:
    return (
        line if isinstance(line, str) else _text(line.get("text")) if isinstance(line, dict) else ""
    )


def _markdown_line(text: str, indent: int) -> str:
    if not text:
        return ""
    if heading := _HEADING_LINE_RE.match(text):
        # "[*** Results]": the more stars, the larger; a heading when alone on its line.
        level = max(2, 5 - len(heading["stars"]))
        return f"\n{'#' * level} {heading['text'].strip()}\n"
    quote = text.startswith(">")
    body = _inline(text.lstrip("> ").strip() if quote else text)
    if quote:
        return f"{'  ' * max(indent - 1, 0)}> {body}" if indent else f"> {body}"
    return f"{'  ' * (indent - 1)}- {body}" if indent else f"{body}\n"


def _inline(text: str) -> str:
    return _BRACKET_RE.sub(lambda match: _bracket(match["body"]), text)


def _bracket(body: str) -> str:
    """ "[* bold]", "[https://… label]", "[label https://…]", "[$ x^2 $]", "[page]"."""
    if body.startswith("$ ") or body.startswith("$"):
        return f"${body.strip('$ ').strip()}$"
    if emphasis := _EMPHASIS_RE.match(body):
        marks, inner = emphasis["marks"], emphasis["text"].strip()
        return f"**{inner}**" if "*" in marks else f"~~{inner}~~" if "-" in marks else f"*{inner}*"
    words = body.split()
    urls = [word for word in words if _URL_RE.match(word)]
    if urls and (words[0] == urls[0] or words[-1] == urls[0]):
        label = " ".join(word for word in words if word != urls[0])
        return f"[{label}]({urls[0]})" if label else urls[0]
    if body.endswith(".icon"):
        return ""
    return f"[[{body}]]"  # a link to another page of the project
