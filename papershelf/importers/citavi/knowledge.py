"""A reference's knowledge items as the Markdown of its summary.

A knowledge item (``<KnowledgeItem>``) is what the person took from a reference: a
quotation, a summary of a passage, a comment. Its ``<QuotationType>`` says which
(0 image, 1 direct quotation, 2 indirect quotation, 3 summary, 4 comment, 5 and 6
highlights; some versions write the name), ``<QuotationIndex>`` its place among the
reference's items, ``<CoreStatement>`` its heading (Citavi fills it with the text's
first words when the person gives none), ``<Text>`` the text (plain, or RTF or HTML
from a PDF or an add-on), and ``<PageRange>`` where it stands: Citavi's own markup in
a CDATA section, ``<sp>…</sp><ep>…</ep><os>12–14</os>``, whose last ``<os>`` is the
range as shown; ``<PageRangeNumber>`` is the first page, or -1.

Quotations and highlights are block quotes, the rest paragraphs; each names its page.
"""

from __future__ import annotations

import re

from papershelf.importers.citavi.project import child, line_value, value
from papershelf.importers.endnote.xmlnodes import Element
from papershelf.importers.html.parse import to_markdown as html_to_markdown
from papershelf.importers.rtf.parse import looks_like_rtf, rtf_to_markdown

_TYPES = {
    "0": "image", "1": "quotation", "2": "indirect", "3": "summary", "4": "comment",
    "5": "highlight", "6": "highlight",
    "imagequotation": "image", "directquotation": "quotation",
    "indirectquotation": "indirect", "summary": "summary", "comment": "comment",
    "highlight": "highlight", "redhighlight": "highlight", "quickreference": "comment",
}  # fmt: skip
_QUOTED = frozenset({"quotation", "highlight"})
_SHOWN_RE = re.compile(r"<os>([^<]*)</os>")
_NUMBER_TYPE_RE = re.compile(r"<nt>\s*(\w+)\s*</nt>")
_NUMBER_NAMES = {"margin": "margin no.", "column": "col.", "paragraph": "para."}
_HTML_RE = re.compile(r"<(?:p|br|b|i|em|strong|span|div|ul|ol|li|a|sub|sup)\b[^>]*>", re.I)
_TRUNCATION = " …."


def knowledge_markdown(items: list[Element], path: str) -> str:
    """The items in Citavi's order, as Markdown; "" when none says anything."""
    ordered = sorted(enumerate(items), key=lambda pair: (_index(pair[1]), pair[0]))
    blocks = [block for _, item in ordered if (block := _block(item, path))]
    return "\n\n".join(blocks)


def rich_text(element: Element, name: str, path: str) -> str:
    """A text field as Markdown: plain, or converted from RTF (``{\\rtf``) or HTML."""
    text = value(element, name) or value(element, f"{name}Rtf")
    if looks_like_rtf(text):
        return rtf_to_markdown(text, path)[0].strip()
    if _HTML_RE.search(text):
        return html_to_markdown(text).strip()
    return text


def _index(item: Element) -> int:
    index = value(item, "QuotationIndex")
    return int(index) if index.lstrip("-").isdigit() else 1 << 30


def _block(item: Element, path: str) -> str:
    kind = _TYPES.get(value(item, "QuotationType").casefold().replace(" ", ""), "comment")
    text = rich_text(item, "Text", path)
    core = line_value(item, "CoreStatement")
    page = _page(item)
    if not text and not core:
        return ""
    heading = f"**{core}**" if core and text and not _begins(text, core) else ""
    body = text or core
    if page:
        body = f"{body} ({page})"
    if kind in _QUOTED or (kind == "image" and text):
        body = "\n".join(f"> {line}".rstrip() for line in body.split("\n"))
    return "\n\n".join(part for part in (heading, body) if part)


def _begins(text: str, core: str) -> bool:
    """Whether the core statement is only the text's first words, as Citavi fills it."""
    words = " ".join(text.split()).casefold()
    return words.startswith(" ".join(core.rstrip(_TRUNCATION).split()).casefold())


def _page(item: Element) -> str:
    markup = child(item, "PageRange")
    raw = markup.text() if markup is not None else ""
    shown = _SHOWN_RE.findall(raw)  # the start's, the end's, then the range's
    pages = shown[-1].strip() if shown else ("" if "<" in raw else raw.strip())
    if not pages:
        number = value(item, "PageRangeNumber")
        pages = number if number.isdigit() else ""
    if not pages:
        return ""
    kind = _NUMBER_TYPE_RE.search(raw)
    name = _NUMBER_NAMES.get(kind[1].casefold(), "") if kind else ""
    if name:
        return f"{name} {pages}"
    return f"pp. {pages}" if re.search(r"\d\s*[-–]\s*\d", pages) else f"p. {pages}"
