"""A saved web page becomes Markdown, then a notes document like any other.

markdownify keeps the page's structure (headings, lists, links, images, code, tables)
that the notes reader finds papers in; html2text wraps lines and trafilatura drops
everything it judges not to be the main text, including the per-paper links we need.
Scripts, styles, forms and the site's navigation go before converting.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from markdownify import markdownify

from papershelf.importers.html.zotero import is_zotero_note, mark_citations, place_citations
from papershelf.importers.notes.parse import parse as parse_notes
from papershelf.importers.records import ParsedDocument, ParseHints

_CHROME_BLOCK_RE = re.compile(
    r"<(script|style|noscript|nav|footer|form|iframe|svg)\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
# "Save page as" names the images folder after the page, spaces and all.
_SRC_RE = re.compile(r"(\bsrc\s*=\s*)([\"'])([^\"']+)\2", re.IGNORECASE)
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def to_markdown(html: str) -> str:
    citations: list[dict[str, Any]] = []
    if is_zotero_note(html):
        html, citations = mark_citations(html)  # Zotero's citations name their papers
    html = _CHROME_BLOCK_RE.sub("", html)
    html = _SRC_RE.sub(lambda m: f"{m[1]}{m[2]}{quote(m[3], safe=':/?#=&%.~')}{m[2]}", html)
    markdown = markdownify(html, heading_style="ATX", bullets="*")
    markdown = place_citations(markdown, citations) if citations else markdown
    return _BLANK_LINES_RE.sub("\n\n", markdown).strip() + "\n"


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    document = parse_notes(to_markdown(text), path, hints)
    document.format = "html"
    return document


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].casefold()
    # A Zotero note is the note's own <div data-schema-version="…">, with no page around it.
    return (
        head.startswith(("<!doctype html", "<html", "<div data-schema-version")) or "<body" in head
    )
