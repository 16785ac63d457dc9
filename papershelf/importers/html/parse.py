"""A saved web page becomes Markdown, then a notes document like any other.

markdownify keeps the page's structure (headings, lists, links, images, code, tables)
that the notes reader finds papers in; html2text wraps lines and trafilatura drops
everything it judges not to be the main text, including the per-paper links we need.
Scripts, styles, forms and the site's navigation go before converting.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any
from urllib.parse import quote

from bs4 import BeautifulSoup, Tag
from markdownify import MarkdownConverter

from papershelf.importers.html.canvas import is_modules_page, modules_as_markdown
from papershelf.importers.html.zotero import (
    annotated_item,
    is_zotero_note,
    mark_citations,
    place_citations,
)
from papershelf.importers.notes.parse import parse as parse_notes
from papershelf.importers.records import ParsedDocument, ParseHints
from papershelf.lib.identifiers import unwrap_redirect

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
    return _converted(html)[0]


def _converted(html: str) -> tuple[str, bool]:
    """The page as Markdown, and whether it was a repository's rendered README."""
    front = ""
    if header := _COMMENT_HEADER_RE.match(html):
        # Wiki.js keeps a page's title and tags in a comment above its HTML.
        front, html = f"---\n{header['fields'].strip()}\n---\n\n", html[header.end() :]
    citations: list[dict[str, Any]] = []
    subject = None
    if is_zotero_note(html):
        subject = annotated_item(html)
        html, citations = mark_citations(html, subject)  # Zotero's citations name papers
    emphasis = _emphasis_classes(html)
    html = _CHROME_BLOCK_RE.sub("", html)
    html = _SRC_RE.sub(lambda m: f"{m[1]}{m[2]}{quote(m[3], safe=':/?#=&%.~')}{m[2]}", html)
    page = _page(html)
    _mark_emphasis(page, emphasis)
    if _GOOGLE_DOC_RE.search(html):
        _bold_paragraphs_as_headings(page)
    if is_modules_page(page):  # a Canvas course's modules, its chrome left out
        return front + modules_as_markdown(page), False
    readme = _rendered_document(page)
    markdown = MarkdownConverter(heading_style="ATX", bullets="*").convert_soup(readme or page)
    if citations or subject:
        markdown = place_citations(markdown, citations, subject)
    markdown = _FOOTNOTE_RE.sub(r"[^\1]: ", markdown)
    return front + _BLANK_LINES_RE.sub("\n\n", markdown).strip() + "\n", readme is not None


# ".c29{font-weight:700;…}", ".c4{font-style:italic}": Google Docs (and LibreOffice) mark
# bold and italic by a class of the span, never by <b> or <i>.
_CLASS_RULE_RE = re.compile(r"\.([\w-]+)\s*\{([^{}]*)\}")
_BOLD_RULE_RE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)\b", re.IGNORECASE)
_ITALIC_RULE_RE = re.compile(r"font-style\s*:\s*italic\b", re.IGNORECASE)
_STYLE_RE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)


def _emphasis_classes(html: str) -> tuple[set[str], set[str]]:
    """The classes a page's stylesheet makes bold, and those it makes italic."""
    bold: set[str] = set()
    italic: set[str] = set()
    for sheet in _STYLE_RE.findall(html):
        for name, rules in _CLASS_RULE_RE.findall(sheet):
            if _BOLD_RULE_RE.search(rules):
                bold.add(name)
            if _ITALIC_RULE_RE.search(rules):
                italic.add(name)
    return bold, italic


def _mark_emphasis(page: BeautifulSoup, emphasis: tuple[set[str], set[str]]) -> None:
    """Spans bold or italic by their class become <strong> and <em>: "Feb 6 — …" alone
    and bold is a heading written as a paragraph, and "Main:" in bold a label. A
    heading's spans stay as they are (its text is its title, not emphasis)."""
    bold, italic = emphasis
    if not bold and not italic:
        return
    for span in page.find_all("span", class_=True):
        if span.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "pre", "code"]):
            continue
        classes = set(span.get("class") or [])
        if classes & bold and span.get_text(strip=True):
            span.name = "strong"
            if classes & italic:
                span.wrap(page.new_tag("em"))
        elif classes & italic and span.get_text(strip=True):
            span.name = "em"


# A Google Doc downloaded as a web page: "<body class="c20 doc-content">", lists "lst-kix_…".
_GOOGLE_DOC_RE = re.compile(r"<body[^>]*\bdoc-content\b|\blst-kix_", re.IGNORECASE)
_HEADING_WORDS = 14


def _bold_paragraphs_as_headings(page: BeautifulSoup) -> None:
    """A Google Doc's writer makes some headings by hand: a short paragraph all in bold
    ("Feb 6 — Neighborhoods & MTO" among "Jan 30 — …" made with the Heading 2 style).
    Each becomes a heading at the level of the one before it; a label ("Main:"), a
    sentence or a paragraph before any real heading stays a paragraph."""
    level = 0
    for block in page.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p"]):
        if block.name != "p":
            level = int(block.name[1])
            continue
        text = block.get_text(" ", strip=True)
        children = [c for c in block.contents if str(c).strip()]
        only = children[0] if len(children) == 1 else None
        if (
            level
            and isinstance(only, Tag)
            and only.name == "strong"
            and 0 < len(text.split()) <= _HEADING_WORDS
            and not text.endswith((":", ".", "?", "!"))
        ):
            block.name = f"h{level}"
            only.unwrap()


# "<!--\ntitle: NequIP\ntags: gnn, potentials\neditor: ckeditor\n-->": a page's fields.
_LEADING_COMMENTS_RE = re.compile(r"\A(?:<!--.*?-->\s*)+", re.DOTALL)
_COMMENT_HEADER_RE = re.compile(
    r"\A\s*<!--\s*\n(?P<fields>(?:[A-Za-z][\w-]*:[^\n]*\n)+)\s*-->\s*\n"
)


# A wiki's or docs site's frame around the page that is no <nav> or <footer>: the trail
# of parent pages (Confluence's "breadcrumbs", a list of links above the title, reads
# as a list of papers) and a footer in a <div id="footer">.
_FRAME_MARK_RE = re.compile(r"breadcrumb|\bid=[\"']?footer\b", re.IGNORECASE)


def _page(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    if _FRAME_MARK_RE.search(html):
        _untitle_space(soup)
        for element in soup.find_all(_is_frame):
            element.decompose()
    _unwrap_layout_tables(soup)
    for link in soup.find_all("a"):
        if isinstance(href := link.get("href"), str):
            link["href"] = unwrap_redirect(href)  # Google Docs' google.com/url?q=<target>
        if not link.find_parent(["pre", "code"]):
            # "<a …>Climbing towards NLU: On Meaning,\nForm, …</a>": the source's line
            # break is a space, and a link's text is one line
            for text in link.find_all(string=True):
                text.replace_with(re.sub(r"\s+", " ", str(text)))
    for title in soup.find_all(class_=_BOX_TITLE_CLASSES):
        if len(title.get_text(" ", strip=True).split()) <= _BOX_TITLE_WORDS:
            title.name = "h3"  # jemdoc's "To read (someday…)" over its box: the box's heading
    return soup


_BOX_TITLE_CLASSES = ["blocktitle", "box-title", "panel-title", "card-title", "section-title"]
_BOX_TITLE_WORDS = 12


_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "pre")
_MENU_MARK_RE = re.compile(r"menu|nav|sidebar", re.IGNORECASE)


def _unwrap_layout_tables(soup: BeautifulSoup) -> None:
    """A table used to lay the page out (jemdoc's menu beside the page, an old site's
    columns) holds headings and lists in its cells: its cells become blocks in order, the
    menu's left out. A table of data keeps its rows."""
    for table in reversed(soup.find_all("table")):
        cells = table.find_all(["td", "th"])
        if not any(cell.find(_BLOCKS) for cell in cells):
            continue
        for cell in cells:
            marks = " ".join([str(cell.get("id") or ""), *map(str, cell.get("class") or [])])
            if _MENU_MARK_RE.search(marks):
                cell.decompose()
            else:
                cell.name = "div"
        for part in table.find_all(["tr", "tbody", "thead", "tfoot"]):
            part.unwrap()
        table.name = "div"


# The one rendered Markdown document of a code host's page: GitHub's README
# (<article class="markdown-body">), Gitea's and Codeberg's ("markup markdown").
_RENDERED_SELECTOR = ".markdown-body, .markup.markdown"


def _rendered_document(soup: BeautifulSoup) -> BeautifulSoup | None:
    """A saved repository page's README alone, without the page around it — the file
    table's commit messages ("Remove SGC (Wu et al., ICML 2019)"), menus, the sidebar —
    when the page renders exactly one document (a chat export renders one per message)."""
    found = soup.select(_RENDERED_SELECTOR)
    if len(found) != 1:
        return None
    return BeautifulSoup(str(found[0]), "html.parser")


def _untitle_space(soup: BeautifulSoup) -> None:
    """Confluence titles each exported page "Space name : Page title", the space being the
    first step of its breadcrumbs: the page's own title is what follows."""
    trail = soup.find(id="breadcrumbs") or soup.find(class_="breadcrumbs")
    first = trail.find("a") if isinstance(trail, Tag) else None
    title = soup.find(id="title-text")
    if not isinstance(first, Tag) or not isinstance(title, Tag):
        return
    space, text = first.get_text(" ", strip=True), title.get_text(" ", strip=True)
    if space and text.startswith(f"{space} : "):
        title.string = text[len(space) + 3 :]


def _is_frame(element: Tag) -> bool:
    names = [element.get("id") or "", *(element.get("class") or [])]
    marks = " ".join(str(name) for name in names).casefold()
    return "breadcrumb" in marks or element.get("id") == "footer"


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    markdown, readme = _converted(text)
    if readme:
        hints = replace(hints or ParseHints(), readme=True)  # a list of papers, if any
    document = parse_notes(markdown, path, hints)
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
    if header := _COMMENT_HEADER_RE.match(stripped):
        stripped = stripped[header.end() :].lstrip()
    # "<!-- saved from url=(0077)https://… -->": what a browser writes over a page it
    # saved that had no doctype (a page Word made, an old hand-written one).
    stripped = _LEADING_COMMENTS_RE.sub("", stripped, count=1)
    head = stripped[:1000].casefold()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return True
    # A Markdown file may open with a centred <p> or <div> of badges; its headings say
    # it is Markdown all the same.
    return bool(_FRAGMENT_START_RE.match(stripped)) and not _MARKDOWN_HEADING_RE.search(text)
