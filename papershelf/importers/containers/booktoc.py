"""A book's table of contents: the chapters of lecture or reading notes, in order.

A person who writes course notes as a book keeps their order in the book's own
configuration: mdBook in ``src/SUMMARY.md`` (``# Part`` headings over nested lists of
``[Chapter](file.md)``, with prefix and suffix chapters outside the parts), Quarto in
``_quarto.yml`` (``book: chapters:``, with ``part:`` groups), Jupyter Book in
``_toc.yml`` (``parts:`` with a ``caption`` over ``chapters: - file: …``). Unlike a
site's navigation (``sitenav``), whose pages are often one paper each, a book's chapter
is a lesson: it is a section of the reading list, named by its title under its part, and
holds whatever papers its page names (``collection.follow_note_links`` takes them all).

The table becomes one page of links (``members.contents_page`` with a heading per
chapter), named as a site's navigation is, which the notes reader takes as a reading
list. A chapter whose page names no paper gives no section.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import yaml

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import Links, contents_page
from papershelf.importers.containers.sitenav import MEMBER

_SUMMARY = "SUMMARY.md"
_QUARTO = "_quarto.yml"
_JUPYTER_BOOK = "_toc.yml"
# "# Part" in SUMMARY.md; "- [Chapter](file.md)" at any depth, or a prefix chapter alone.
_PART_RE = re.compile(r"^#\s+(?P<name>.+?)\s*#*\s*$")
_CHAPTER_RE = re.compile(r"^\s*(?:[-*+]\s+)?\[(?P<text>[^\]]+)\]\((?P<link>[^)\s]*)\)\s*$")
# "# Instrumental Variables and LATE {#sec-iv}": a chapter's title, its label left out.
_HEADING_RE = re.compile(r"^#\s+(?P<title>.+?)\s*(?:\{[^{}]*\})?\s*$", re.MULTILINE)
_FRONT_TITLE_RE = re.compile(r"\A---\s*\n(?:.*\n)*?title:\s*['\"]?(?P<title>[^'\"\n]+)", re.M)
_PAGE_SUFFIXES = (".md", ".qmd", ".ipynb", ".rmd", ".markdown", ".rst")

Chapters = list[tuple[str, Links]]  # (part, [(chapter title, page)])


def is_book_contents(path: Path) -> bool:
    if path.name == _SUMMARY:
        # mdBook keeps book.toml at the root, SUMMARY.md in src/ (or where it says).
        return any((folder / "book.toml").is_file() for folder in (path.parent, path.parent.parent))
    if path.name == _JUPYTER_BOOK:
        return _yaml(path).get("format", "").startswith("jb-") if path.is_file() else False
    if path.name == _QUARTO:
        return bool(_book_chapters(_yaml(path))) if path.is_file() else False
    return False


def read_book_contents(path: Path) -> list[Member]:
    if path.name == _SUMMARY:
        parts, title = _mdbook_parts(path), _mdbook_title(path)
    elif path.name == _QUARTO:
        config = _yaml(path)
        parts, title = _quarto_parts(path.parent, _book_chapters(config)), _book_title(config)
    else:
        parts, title = _jupyter_book_parts(path.parent, _yaml(path)), ""
    if sum(len(chapters) for _, chapters in parts) < 2:
        return []
    # The member lies at "<config>/Site navigation.md": links climb out of it.
    linked = [
        (part, [(text, posixpath.join("..", page)) for text, page in chapters])
        for part, chapters in parts
    ]
    return [(MEMBER, contents_page(linked, title, chapters=True))]


def _mdbook_parts(path: Path) -> Chapters:
    """Parts in order, each with its chapters at any depth; a draft chapter ("[Decoders]()")
    has no page and is left out, as mdBook leaves it out of the book."""
    parts: Chapters = [("", [])]
    fence = False
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        part = None if fence else _PART_RE.match(line)
        chapter = None if fence else _CHAPTER_RE.match(line)
        if part is not None and part["name"].casefold() != "summary":
            parts.append((part["name"], []))
        elif not fence and re.match(r"^\s*-{3,}\s*$", line):
            parts.append(("", []))  # the rule before suffix chapters: outside every part
        elif chapter is not None and chapter["link"]:
            parts[-1][1].append((chapter["text"].strip(), chapter["link"].split("#", 1)[0]))
    return parts


def _mdbook_title(summary: Path) -> str:
    for folder in (summary.parent, summary.parent.parent):
        toml = folder / "book.toml"
        if toml.is_file():
            found = re.search(
                r"^title\s*=\s*\"(?P<t>[^\"]+)\"", toml.read_text(errors="replace"), re.M
            )
            return found["t"] if found else ""
    return ""


def _book_chapters(config: dict[str, Any]) -> list[Any]:
    book = config.get("book")
    chapters = book.get("chapters") if isinstance(book, dict) else None
    return chapters if isinstance(chapters, list) else []


def _book_title(config: dict[str, Any]) -> str:
    book = config.get("book")
    return str(book.get("title") or "") if isinstance(book, dict) else ""


def _quarto_parts(root: Path, chapters: list[Any]) -> Chapters:
    """``- index.qmd``, ``- part: "Foundations"`` over its own ``chapters:`` list;
    a chapter commented out of the list is no chapter of the book."""
    parts: Chapters = [("", [])]
    for item in chapters:
        if isinstance(item, str):
            parts[-1][1].extend(_chapter(root, item))
        elif isinstance(item, dict) and "part" in item:
            part = str(item["part"])
            pages = [page for child in item.get("chapters") or [] for page in _chapter(root, child)]
            if Path(part).suffix.lower() in _PAGE_SUFFIXES:  # "part: part1.qmd": a page's title
                part = _page_title(root / part)
            parts.append((part, pages))
    return parts


def _jupyter_book_parts(root: Path, config: dict[str, Any]) -> Chapters:
    parts: Chapters = [("", [])]
    for part in config.get("parts") or [{"chapters": config.get("chapters") or []}]:
        if not isinstance(part, dict):
            continue
        pages = [page for item in part.get("chapters") or [] for page in _jb_entries(root, item)]
        parts.append((str(part.get("caption") or ""), pages))
    return parts


def _jb_entries(root: Path, item: Any) -> Links:
    """A chapter and the sections nested under it, each a page of the book."""
    if not isinstance(item, dict):
        return []
    pages = _chapter(root, item["file"]) if isinstance(item.get("file"), str) else []
    for child in item.get("sections") or []:
        pages += _jb_entries(root, child)
    return pages


def _chapter(root: Path, entry: Any) -> Links:
    name = (
        entry if isinstance(entry, str) else entry.get("file") if isinstance(entry, dict) else None
    )
    if not isinstance(name, str):
        return []
    page = _existing_page(root, name.strip())
    return [(_page_title(root / page), page)] if page else []


def _existing_page(root: Path, name: str) -> str:
    """The chapter's file as it lies: Jupyter Book names "notes/vae" without its suffix."""
    if (root / name).is_file():
        return name
    found = [name + suffix for suffix in _PAGE_SUFFIXES if (root / (name + suffix)).is_file()]
    return found[0] if found else ""


def _page_title(page: Path) -> str:
    """A chapter's title: its front matter's ``title``, else its first top heading."""
    try:
        text = page.read_text(encoding="utf-8", errors="replace")[:20_000]
    except OSError:
        return page.stem
    for pattern in (_FRONT_TITLE_RE, _HEADING_RE):
        found = pattern.search(text)
        if found is not None:
            return found["title"].strip()
    return page.stem.replace("-", " ").replace("_", " ")


def _yaml(path: Path) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8", errors="replace"))
    except yaml.YAMLError:
        return {}
    return loaded if isinstance(loaded, dict) else {}
