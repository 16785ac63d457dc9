"""A web archive (.mht, .mhtml): a OneNote section export, or a page saved as one file.

An MHTML file is a MIME message (RFC 2557): the page's HTML in one part, its images,
styles and frames in others. Chrome and Edge ("Save as… Webpage, Single File"),
Internet Explorer ("Web Archive") and Word ("Single File Web Page") write one page,
whose root part is the note; the other HTML parts are its frames or Word's header
files, and the images stay out (a container writes text notes only).

OneNote's "Single File Web Page" export of a section puts every page in the one HTML
part, each a <div> of the body holding the page's title, its date and time, then its
outlines (as OneNoteToEnex, onestandard and OneNoteWiki read them); each page becomes
a note named after its title.
"""

from __future__ import annotations

import email.policy
import re
from collections.abc import Sequence
from email.message import EmailMessage, Message
from email.parser import BytesParser
from pathlib import Path
from typing import cast

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames, markdown_note
from papershelf.importers.html.parse import to_markdown
from papershelf.importers.records import ParseError

_HEADER_LINE_RE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:")
_META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w\-]+)", re.IGNORECASE)
_ONENOTE_RE = re.compile(r"content=[\"']?(?:Microsoft OneNote|OneNote\.File)", re.IGNORECASE)
# Word's and OneNote's conditional comments: VML copies of images, shown to IE alone.
_CONDITIONAL_RE = re.compile(
    r"<!--\[if[^\]]*\]>.*?<!\[endif\]-->|<!\[if[^\]]*\]>|<!\[endif\]>", re.IGNORECASE | re.DOTALL
)
_BOLD_RE = re.compile(r"font-weight:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_ITALIC_RE = re.compile(r"font-style:\s*italic", re.IGNORECASE)
_WEB_ADDRESS_RE = re.compile(r"^https?://", re.IGNORECASE)
_SOURCE_WHITESPACE_RE = re.compile(r"[ \t\r\n\f\v]+")  # not the no-break spaces
_FONT_SIZE_RE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)pt", re.IGNORECASE)
_COLOR_RE = re.compile(r"(?<![-\w])color:\s*#([0-9a-f]{6})", re.IGNORECASE)


def read_mht(path: Path) -> list[Member]:
    message = _message(path)
    html_parts: list[Message] = [p for p in message.walk() if p.get_content_type() == "text/html"]
    if not html_parts:
        raise ParseError(path.name, None, "a web archive without a web page (no text/html part)")
    root = _root_part(message, html_parts)
    source = _source(message, root)
    names = MemberNames()
    members: list[Member] = []
    html = decoded_html(root)
    if _ONENOTE_RE.search(html[:4096]):
        for part in [root, *(p for p in html_parts if p is not root)]:
            for title, body in onenote_pages(decoded_html(part) if part is not root else html):
                members.append((names.name_for(title), markdown_note(title, body, [])))
    else:
        title = page_title(html) or _subject(message) or path.stem
        body = _page_markdown(BeautifulSoup(_CONDITIONAL_RE.sub("", html), "html.parser"))
        members.append((names.name_for(title), markdown_note(title, body, [], source)))
    return members


def _message(path: Path) -> EmailMessage:
    data = path.read_bytes()
    first = next((line for line in data.splitlines() if line.strip()), b"")
    if not _HEADER_LINE_RE.match(first.lstrip(b"\xef\xbb\xbf")):
        line = data[: data.find(first)].count(b"\n") + 1 if first else None
        reason = "not a web archive: an .mht file opens with header lines (MIME-Version:, …)"
        raise ParseError(path.name, line, reason)
    message = cast(EmailMessage, BytesParser(policy=email.policy.default).parsebytes(data))
    kind = message.get_content_type()
    if not kind.startswith("multipart/") and kind != "text/html":
        raise ParseError(
            path.name, 1, f"not a web archive: its content is {kind}, not multipart/related"
        )
    if message.is_multipart() and not isinstance(message.get_payload(), list):
        raise ParseError(path.name, None, "a damaged web archive: its parts cannot be found")
    return message


def _root_part(message: Message, html_parts: Sequence[Message]) -> Message:
    """The part RFC 2387's "start" parameter names, else the first web page."""
    start = str(message.get_param("start", "") or "").strip("<>")
    for part in html_parts:
        if start and str(part.get("content-id", "")).strip().strip("<>") == start:
            return part
    return html_parts[0]


def _source(message: Message, root: Message) -> str:
    for value in (message.get("snapshot-content-location"), root.get("content-location")):
        address = str(value or "").strip()
        if _WEB_ADDRESS_RE.match(address):
            return address
    return ""


def _subject(message: Message) -> str:
    return " ".join(str(message.get("subject", "")).split())


def decoded_html(part: Message) -> str:
    """A part's HTML, quoted-printable or base64 undone, in the charset its header
    declares, else the one its <meta> declares, else UTF-8 (Chrome writes no charset)."""
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    meta = _META_CHARSET_RE.search(data[:4096])
    for charset in (part.get_content_charset(), meta and meta[1].decode("ascii")):
        if not charset:
            continue
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


def page_title(html: str) -> str:
    """The page's <title>, else its first heading."""
    soup = BeautifulSoup(html[:200_000], "html.parser")
    for tag in (soup.title, soup.find(re.compile(r"^h[1-6]$"))):
        if isinstance(tag, Tag) and (title := " ".join(tag.get_text(" ").split())):
            return title
    return ""


def onenote_pages(html: str) -> list[tuple[str, str]]:
    """Each page of a OneNote export as (title, Markdown body), in the section's order."""
    soup = BeautifulSoup(_CONDITIONAL_RE.sub("", html), "html.parser")
    body = soup.body or soup
    divs = [child for child in body.find_all("div", recursive=False)]
    if not divs:
        return [(page_title(html) or "Untitled page", _page_markdown(body))]
    return [_onenote_page(div) for div in divs]


def _onenote_page(page: Tag) -> tuple[str, str]:
    """A page's outer <div> holds one <div> whose children are the title, the date and
    time, then the page's outlines."""
    inner = _element_children(page)
    base = inner[0] if len(inner) == 1 and inner[0].name == "div" else page
    parts = _element_children(base)
    if len(parts) < 2:
        return page_title(str(page)) or "Untitled page", _page_markdown(page)
    title = " ".join(parts[0].get_text(" ").split()) or "Untitled page"
    content = parts[2:] if _is_date_block(parts[1]) else parts[1:]
    wrapper = BeautifulSoup("<div></div>", "html.parser")
    holder = cast(Tag, wrapper.div)
    for element in content:
        holder.append(element.extract())
    _mark_onenote_headings(holder)
    return title, _page_markdown(holder)


def _mark_onenote_headings(page: Tag) -> None:
    """OneNote writes its Heading styles as paragraphs in a larger, coloured font
    (Heading 1: 16pt, Heading 2: 13–14pt, Heading 3: 12pt, in blue); they become the
    headings they are, so that a page's parts stay apart from its text."""
    for paragraph in page.find_all("p"):
        level = _heading_level(str(paragraph.get("style", "")))
        if level:
            paragraph.name = f"h{level}"


def _heading_level(style: str) -> int:
    size, color = _FONT_SIZE_RE.search(style), _COLOR_RE.search(style)
    if size is None or color is None or _is_grey(color[1]):
        return 0
    points = float(size[1])
    return 1 if points >= 16 else 2 if points >= 13 else 3 if points >= 12 else 0


def _is_grey(hex_color: str) -> bool:
    """Black and the greys OneNote dates and citations are written in."""
    red, green, blue = (int(hex_color[i : i + 2], 16) for i in (0, 2, 4))
    return max(red, green, blue) - min(red, green, blue) < 16


def _element_children(tag: Tag) -> list[Tag]:
    return [child for child in tag.children if isinstance(child, Tag)]


_DATE_WORD_RE = re.compile(
    r"\b(?:\d{1,2}:\d{2}|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|january|february|march|april|may|june|july|august|september|october|november"
    r"|december|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})\b",
    re.IGNORECASE,
)


def _is_date_block(block: Tag) -> bool:
    """OneNote writes the page's date and time under its title, in two short lines."""
    text = " ".join(block.get_text(" ").split())
    return len(text) <= 80 and bool(_DATE_WORD_RE.search(text))


def _page_markdown(container: Tag | BeautifulSoup) -> str:
    """A page's HTML as Markdown: inline bold and italic styles (OneNote writes no <b>)
    become emphasis, images go (their files stay in the archive), and the line breaks
    Word and OneNote wrap their HTML source with are spaces again, as a browser shows
    them, so that a citation is not cut into lines."""
    for image in container.find_all("img"):
        image.decompose()
    _collapse_source_whitespace(container)
    for span in container.find_all("span"):
        style = str(span.get("style", ""))
        if _BOLD_RE.search(style):
            span.wrap(BeautifulSoup("", "html.parser").new_tag("b"))
        if _ITALIC_RE.search(style):
            span.wrap(BeautifulSoup("", "html.parser").new_tag("i"))
    return to_markdown(str(container))


def _collapse_source_whitespace(container: Tag | BeautifulSoup) -> None:
    for text in list(container.find_all(string=True)):
        if isinstance(text, Comment):
            text.extract()
        elif isinstance(text, NavigableString) and not text.find_parent(["pre", "textarea"]):
            collapsed = _SOURCE_WHITESPACE_RE.sub(" ", str(text))
            if collapsed != text:
                text.replace_with(collapsed)
