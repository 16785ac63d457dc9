"""KOReader's highlight exports: a PDF's (or a book's) highlights and the reader's notes.

KOReader, the e-reader program, exports each document's annotations as Markdown: the
document's title as ``# Title``, its authors as ``##### Authors``, each chapter as
``## Chapter``, each highlight under ``### Page 3 @ 14 January 2024 09:02:11 PM`` in the
style it was drawn with (``*lighten*``, ``**invert**``, ``++underline++``,
``~~strikeout~~``), and the person's note on it after a ``---`` line. Its JSON export
holds the same for one document (``title``, ``author``, ``file``, ``number_of_pages``,
``entries`` of ``text``, ``note``, ``page``, ``chapter``) or for all of them (a
``documents`` list).

The title and authors come from the PDF's metadata, which is often a file name
("mandel_agol_2002_final", "1703.10375v2") or the word processor's ("Microsoft Word -
manuscript_v3.docx") and "Unknown Author": such a title is no evidence, so the note says
the paper's name only where a highlight on the first page reads as a title; an arXiv id
in the file's name is kept. Novels and textbooks are read on the same device: a book's
file (.epub), a highlight deep into it, or chapters called "Part 2" mark it as a book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.skim import reads_like_title
from papershelf.importers.records import PaperRecord

_PAGE_RE = re.compile(r"^#{3}\s+Page\s+(?P<page>\S+)\s+@\s+\d")
_GENERATED_RE = re.compile(r"^_Generated at:.*_\s*$")
# The styles KOReader writes a highlight in, by the drawer it was made with.
_STYLE_RE = re.compile(r"^(\*\*|\*|\+\+|~~)(?P<text>.+)\1$", re.DOTALL)
_UNKNOWN_AUTHORS = frozenset({"", "unknown author", "unknown", "n/a"})
# "mandel_agol_2002_final", "1703.10375v2", "Microsoft Word - manuscript_v3.docx", "paper.pdf"
_FILE_NAME_RE = re.compile(
    r"^(?:Microsoft Word - |untitled\b)|\.(?:pdf|docx?|tex|dvi|ps)$|^\S*_\S*$|^[\d.v]+$",
    re.IGNORECASE,
)
_ARXIV_IN_NAME_RE = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")
_BOOK_FILE_RE = re.compile(r"\.(?:epub|mobi|azw3?|fb2|djvu|cbz)$", re.IGNORECASE)
_BOOK_CHAPTER_RE = re.compile(r"^(?:part|book|chapter)\s+(?:\d+|[ivxlc]+|one|two|three)\b", re.I)
# Papers end by page 60 or so; a highlight on page 97 is in a book.
_PAPER_PAGES = 80


@dataclass
class Highlight:
    page: str
    chapter: str
    text: str
    note: str = ""


@dataclass
class Document:
    title: str
    authors: str
    file: str = ""
    pages: int | None = None
    highlights: list[Highlight] = field(default_factory=list)


def looks_like_koreader_markdown(lines: list[str]) -> bool:
    """``# Title`` first, ``##### Authors`` next, and a ``### Page N @ date`` below."""
    filled = [line.strip() for line in lines if line.strip()]
    return (
        len(filled) >= 3
        and filled[0].startswith("# ")
        and filled[1].startswith("##### ")
        and any(_PAGE_RE.match(line) for line in filled[2:40])
    )


def koreader_markdown_as_notes(lines: list[str]) -> list[str]:
    return document_as_notes(read_markdown(lines))


def read_markdown(lines: list[str]) -> Document:
    filled = [line.rstrip("\r\n") for line in lines]
    starts = [i for i, line in enumerate(filled) if line.strip()]
    document = Document(
        title=filled[starts[0]].strip().removeprefix("# ").strip(),
        authors=filled[starts[1]].strip().removeprefix("##### ").strip(),
    )
    chapter, body = "", None
    for line in filled[starts[1] + 1 :]:
        page = _PAGE_RE.match(line)
        if page:
            body = Highlight(page["page"], chapter, "")
            document.highlights.append(body)
        elif line.startswith("## ") and not line.startswith("###"):
            chapter = line[3:].strip()
        elif body is not None and not _GENERATED_RE.match(line):
            body.text += line + "\n"
    for highlight in document.highlights:
        highlight.text, _, note = highlight.text.partition("\n---\n")
        highlight.text, highlight.note = _unstyled(highlight.text), note.strip()
    return document


def read_json(data: Any) -> list[Document]:
    """The documents of a KOReader JSON export: one document, or ``documents`` of many."""
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        return [d for item in data["documents"] if (d := _document(item)) is not None]
    document = _document(data)
    return [document] if document is not None else []


def is_koreader_json(data: Any) -> bool:
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        return any(_document(item) is not None for item in data["documents"])
    return _document(data) is not None


def _document(item: Any) -> Document | None:
    if not isinstance(item, dict) or not isinstance(item.get("entries"), list):
        return None
    if "title" not in item or not any(isinstance(e, dict) and "text" in e for e in item["entries"]):
        return None
    pages = item.get("number_of_pages")
    document = Document(
        title=str(item.get("title") or ""),
        authors=str(item.get("author") or ""),
        file=str(item.get("file") or ""),
        pages=pages if isinstance(pages, int) else None,
    )
    for entry in item["entries"]:
        if isinstance(entry, dict) and (entry.get("text") or entry.get("note")):
            document.highlights.append(
                Highlight(
                    page=str(entry.get("page") or ""),
                    chapter=str(entry.get("chapter") or ""),
                    text=_unstyled(str(entry.get("text") or "")),
                    note=str(entry.get("note") or "").strip(),
                )
            )
    return document


def _unstyled(text: str) -> str:
    text = text.strip()
    styled = _STYLE_RE.match(text)
    return (styled["text"] if styled else text).strip()


def is_book(document: Document) -> bool:
    pages = [int(h.page) for h in document.highlights if h.page.isdigit()]
    return bool(
        _BOOK_FILE_RE.search(document.file)
        or (document.pages or 0) > _PAPER_PAGES
        or max(pages, default=0) > _PAPER_PAGES
        or any(_BOOK_CHAPTER_RE.match(h.chapter) for h in document.highlights)
    )


def _named_by_file(title: str) -> bool:
    return not title.strip() or bool(_FILE_NAME_RE.search(title.strip()))


def document_as_notes(document: Document) -> list[str]:
    """The document's notes as Markdown lines (each with its line end): the facts it states
    as labelled fields, highlights as quotes, the person's notes as paragraphs."""
    title = "" if _named_by_file(document.title) else document.title
    first_page = document.highlights[0].page if document.highlights else ""
    if not title:
        title = next(
            (h.text for h in document.highlights if h.page == first_page and _titled(h.text)), ""
        )
    authors, year = document.authors.strip(), ""
    if not title and (cited := _cited_in_notes(document)):
        title, authors, year = cited.title, " and ".join(cited.authors), str(cited.year or "")
    out = [f"Title: {title}"] if title else []
    # "wborucki" is the login of whoever made the PDF, no author's name.
    if authors.casefold() not in _UNKNOWN_AUTHORS and " " in authors:
        out.append(f"Authors: {authors}")
    if year:
        out.append(f"Year: {year}")
    arxiv = _ARXIV_IN_NAME_RE.search(f"{document.title} {document.file.rsplit('/', 1)[-1]}")
    if arxiv:
        out.append(f"arXiv: {arxiv[1]}")
    if is_book(document):
        out.append("Type: book")
    out.append("")
    for highlight in document.highlights:
        if highlight.text and highlight.text != title:
            out += [*(f"> {line}" for line in highlight.text.split("\n")), ""]
        if highlight.note:
            out += [*highlight.note.split("\n"), ""]
    return [line + "\n" for line in out]


def _titled(text: str) -> bool:
    return "\n" not in text and reads_like_title(text)


_LEADING_MARKS_RE = re.compile(r"^[\W_]+")


def _cited_in_notes(document: Document) -> PaperRecord | None:
    """The paper a note of the person's cites with its title written out ("= Mandel & Agol
    2002, \"Analytic Light Curves for …\", ApJ 580"): the name the file's metadata lacked."""
    for highlight in document.highlights:
        line = _LEADING_MARKS_RE.sub("", highlight.note.split("\n", 1)[0])
        cited = read_citation(line) if line else None
        if cited and cited.title and cited.year and _quoted(cited.title, line):
            return cited
    return None


def _quoted(title: str, line: str) -> bool:
    return any(f"{mark}{title}" in line for mark in ('"', "“", "*", "_"))
