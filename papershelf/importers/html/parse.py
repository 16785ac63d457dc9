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

from papershelf.importers.html.zotero import (
    annotated_item,
    is_zotero_note,
    mark_citations,
    place_citations,
)
from papershelf.importers.notes.parse import parse as parse_notes
from papershelf.importers.records import ParsedDocument, ParseHints

_CHROME_BLOCK_RE = re.compile(
    r"<(head|script|style|noscript|nav|footer|form|iframe|svg)\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
# "Save page as" names the images folder after the page, spaces and all.
_SRC_RE = re.compile(r"(\bsrc\s*=\s*)([\"'])([^\"']+)\2", re.IGNORECASE)
# A newsletter's footnote, "[1](#footnote-anchor-1)" over its text, as Markdown writes one.
_FOOTNOTE_RE = re.compile(r"^\[(\w{1,4})\]\(#[\w\-]*footnote[\w\-]*\)\s*\n+", re.MULTILINE)
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def to_markdown(html: str) -> str:
    citations: list[dict[str, Any]] = []
    subject = None
    if is_zotero_note(html):
        subject = annotated_item(html)
        html, citations = mark_citations(html, subject)  # Zotero's citations name papers
    html = _CHROME_BLOCK_RE.sub("", html)
    html = _SRC_RE.sub(lambda m: f"{m[1]}{m[2]}{quote(m[3], safe=':/?#=&%.~')}{m[2]}", html)
    markdown = markdownify(html, heading_style="ATX", bullets="*")
    if citations or subject:
        markdown = place_citations(markdown, citations, subject)
    markdown = _FOOTNOTE_RE.sub(r"[^\1]: ", markdown)
    return _BLANK_LINES_RE.sub("\n\n", markdown).strip() + "\n"


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    document = parse_notes(to_markdown(text), path, hints)
    document.format = "html"
    return document


# A fragment with no page around it: a Zotero note is the note's own <div …>, and some
# exporters write the article's <article>/<section> alone.
_FRAGMENT_START_RE = re.compile(
    r"<(?:div|article|section|main|h[1-6]|p|ul|ol|table|blockquote)\b", re.IGNORECASE
)
_MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s", re.MULTILINE)


def looks_like_html(text: str) -> bool:
    stripped = text.lstrip()
    head = stripped[:1000].casefold()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return True
    # A Markdown file may open with a centred <p> or <div> of badges; its headings say
    # it is Markdown all the same.
    return bool(_FRAGMENT_START_RE.match(stripped)) and not _MARKDOWN_HEADING_RE.search(text)
