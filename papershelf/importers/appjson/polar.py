"""Polar Bookshelf's datastore: one ``state.json`` per document read in it.

Each holds a document's ``docInfo`` (its title as the PDF's metadata gave it — often the
file name or an all-caps header —, the stored file, pages, progress, tags, a URL or DOI)
and ``pageMetas``: per page, the pagemarks that say how far it was read, the text
highlights, the comments on them and flashcards. A document is a paper read when it was
read or annotated at all, and when it is no book (a "/books" folder tag, hundreds of
pages), no web page captured from a site that is not a paper's. Its highlights and
comments, page by page, are the notes.
"""

from __future__ import annotations

import re

from papershelf.importers.appjson.values import Data, tags_line
from papershelf.importers.appjson.values import dict_of as _dict
from papershelf.importers.appjson.values import text_of as _text
from papershelf.importers.html.parse import to_markdown as html_to_markdown
from papershelf.importers.notes.links import is_paper_url
from papershelf.lib.identifiers import arxiv_abs_url, parse_arxiv_id

_BOOK_TAGS = frozenset({"/books", "/book", "book", "books", "textbook", "lecture-notes"})
_BOOK_PAGES = 200  # a PDF this long is a book, a thesis or a course's notes
_FILE_TITLE_RE = re.compile(r"^[\w.\-]+\.(?:pdf|phz|epub)$", re.IGNORECASE)
_STASH_PREFIX_RE = re.compile(r"^[0-9A-Za-z]{10}-")  # "1izfxCrrpS-1706.08498.pdf"


def is_polar_state(data: Data) -> bool:
    info = _dict(data.get("docInfo"))
    return bool(info.get("fingerprint")) and isinstance(data.get("pageMetas"), dict)


def polar_notes(data: Data) -> list[str]:
    info = _dict(data["docInfo"])
    pages = [(_page(n), _dict(page)) for n, page in _dict(data["pageMetas"]).items()]
    pages.sort(key=lambda item: item[0])
    if not _read(info, pages) or _is_book(info) or _is_web_capture(info):
        return []
    title = _text(info.get("title"))
    filename = _STASH_PREFIX_RE.sub("", _text(info.get("filename")))
    if _FILE_TITLE_RE.match(title):
        title = ""  # "1706.08498.pdf": the PDF had no title of its own
    arxiv = parse_arxiv_id(filename.removesuffix(".pdf")) or parse_arxiv_id(_text(info.get("url")))
    facts = [
        f"Title: {title}" if title else "",
        f"arXiv: {arxiv_abs_url(arxiv[0])}" if arxiv else "",
        f"DOI: {_text(info.get('doi'))}" if _text(info.get("doi")) else "",
        f"URL: {_text(info.get('url'))}" if _text(info.get("url")) and not arxiv else "",
        tags_line([tag for tag in _tags(info) if not tag.startswith("/")]),
    ]
    heading = f"# {title or filename}"
    return ["\n\n".join([heading, "\n".join(f for f in facts if f), *_annotations(pages)])]


def _page(number: str) -> int:
    return int(number) if number.isdigit() else 0


def _read(info: Data, pages: list[tuple[int, Data]]) -> bool:
    """Read in part at least: a pagemark, progress, or anything marked in it."""
    marked = any(page.get(kind) for _, page in pages for kind in _MARKS)
    return marked or bool(info.get("progress"))


_MARKS = ("pagemarks", "textHighlights", "areaHighlights", "comments", "flashcards", "notes")


def _is_book(info: Data) -> bool:
    pages = info.get("nrPages")
    return bool(_BOOK_TAGS & set(_tags(info))) or (isinstance(pages, int) and pages >= _BOOK_PAGES)


def _is_web_capture(info: Data) -> bool:
    """A page captured from the web (".phz"): a paper only at a paper's address."""
    captured = _text(info.get("filename")).endswith(".phz")
    return captured and not is_paper_url(_text(info.get("url")))


def _tags(info: Data) -> list[str]:
    tags = _dict(info.get("tags"))
    return [_text(_dict(tag).get("label")) or name for name, tag in tags.items()]


def _annotations(pages: list[tuple[int, Data]]) -> list[str]:
    """Highlights as quotes with their page, then the comments and flashcards."""
    blocks: list[str] = []
    for number, page in pages:
        for highlight in _dict(page.get("textHighlights")).values():
            if text := _highlighted(_dict(highlight)):
                blocks.append(f"> {text} (p. {number})")
        for comment in _dict(page.get("comments")).values():
            if html := _text(_dict(_dict(comment).get("content")).get("HTML")):
                blocks.append(_markdown(html))
        for card in _dict(page.get("flashcards")).values():
            fields = _dict(_dict(card).get("fields"))
            if front := _text(fields.get("front")):
                blocks.append(f"Q: {_markdown(front)}\nA: {_markdown(_text(fields.get('back')))}")
    return blocks


def _highlighted(highlight: Data) -> str:
    text = _text(_dict(highlight.get("text")).get("TEXT"))
    if not text:
        selections = _dict(highlight.get("textSelections")).values()
        text = " ".join(_text(_dict(part).get("text")) for part in selections)
    return " ".join(text.split())


def _markdown(html: str) -> str:
    return html_to_markdown(html).strip() if "<" in html else html.strip()
