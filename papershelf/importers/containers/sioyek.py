"""Sioyek's data folder: the highlights and bookmarks a person made in each PDF.

The Sioyek PDF viewer keeps two SQLite files in its data folder: ``local.db`` maps the
PDFs' paths on that machine to the MD5 checksum of each file (``document_hash``; a
moved or copied file gives a second path to one checksum), and ``shared.db`` keys
everything by that checksum: ``highlights`` (the text, a colour letter, its position in
document coordinates), ``bookmarks`` (a label and where), ``opened_books`` and
``links`` between documents. There is no title or author anywhere: a document is
known by its file name, a highlight of its title line, or a bookmark's label.

Each document the person highlighted or bookmarked becomes one note: its file name as
the heading, the title when the PDF itself gives it (a highlight at the top of the first
page, or a bookmark labelled with it), the year its file name states, the bookmarks and
the highlights. A document only opened, never marked, was not read. One under a folder
of books or courses, or a manual, says so (``Type:``), so the notes reader leaves it.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path, PurePosixPath

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import safe_name
from papershelf.importers.mendeley.database import UnreadableDatabase, open_read_only
from papershelf.importers.notes.citations import is_probably_title

# Document coordinates stack the pages: a page is about 800 high, so the title of a
# paper lies within the first few hundred.
_TITLE_BAND = 200
# "Stommel 1961 …", "AJR2001": a year in a file name; "2041-8213_ab0ec7" (an ISSN and
# an article number, a journal's download name) is none.
_YEAR_RE = re.compile(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])")
# "Romer 86 — Increasing Returns … (JPE) — start", "Barro (1991) Economic Growth …".
_LABEL_PARTS_RE = re.compile(r"\s+[—–]\s+|\s+-\s+")
_WHO_WHEN_RE = re.compile(r"^[A-Z][\w'’\-]+(?:\s*(?:&|and)\s*[A-Z][\w'’\-]+)?\s*\(?\d{2,4}\)?\s*")
_VENUE_MARK_RE = re.compile(r"\s*\([A-Z][A-Za-z.]{1,10}\)\s*$")
_KIND_FOLDERS = {
    "books": "book", "textbooks": "book", "courses": "course", "lectures": "course",
    "slides": "course", "teaching": "course", "manuals": "manual",
}  # fmt: skip
_MANUAL_RE = re.compile(r"(?:^|[\s_-])(?:user[\s_-]?guide|manual|documentation)(?:$|[\s_-])", re.I)
Document = dict[str, object]


def is_sioyek_data(path: Path) -> bool:
    return path.name == "shared.db" and (path.parent / "local.db").is_file()


def read_sioyek(path: Path) -> list[Member]:
    try:
        with open_read_only(path) as shared, open_read_only(path.parent / "local.db") as local:
            paths = _paths(local)
            marked = _marks(shared)
    except (UnreadableDatabase, sqlite3.Error) as error:
        raise_unreadable(path, error)
    members = []
    for checksum, marks in marked.items():
        files = paths.get(checksum, [])
        name = _best_name(files) or checksum
        members.append((f"{_safe(name)}.md", _note(name, files, marks)))
    return members


def raise_unreadable(path: Path, error: Exception) -> None:
    from papershelf.importers.records import ParseError

    raise ParseError(path.name, None, f"not a readable Sioyek database ({error})") from error


def _paths(local: sqlite3.Connection) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for file, checksum in local.execute("SELECT path, hash FROM document_hash ORDER BY id"):
        found.setdefault(str(checksum), []).append(str(file))
    return found


def _marks(shared: sqlite3.Connection) -> dict[str, Document]:
    """Per checksum, the highlights (text, top) and bookmarks (label, where) made in it."""
    marked: dict[str, Document] = {}
    rows = shared.execute("SELECT document_path, desc, begin_y FROM highlights ORDER BY id")
    for checksum, text, top in rows:
        document = marked.setdefault(str(checksum), {"highlights": [], "bookmarks": []})
        document["highlights"].append((str(text or "").strip(), float(top or 0)))  # type: ignore[attr-defined]
    rows = shared.execute("SELECT document_path, desc, offset_y FROM bookmarks ORDER BY id")
    for checksum, label, where in rows:
        document = marked.setdefault(str(checksum), {"highlights": [], "bookmarks": []})
        document["bookmarks"].append((str(label or "").strip(), float(where or 0)))  # type: ignore[attr-defined]
    return marked


def _best_name(files: list[str]) -> str:
    """The most telling file name of a document: "Solow 1956 - A Contribution ….pdf" over
    the "1884513.pdf" a download gave the same file."""
    stems = [" ".join(PurePosixPath(f).stem.replace("_", " ").split()) for f in files]
    return max(stems, key=lambda stem: len(re.findall(r"[^\W\d_]{2,}", stem)), default="")


def _note(name: str, files: list[str], marks: Document) -> str:
    highlights: list[tuple[str, float]] = marks["highlights"]  # type: ignore[assignment]
    bookmarks: list[tuple[str, float]] = marks["bookmarks"]  # type: ignore[assignment]
    lines = [f"# {name}", ""]
    kind = _kind(files)
    if kind:
        lines.append(f"Type: {kind}")
    title = _title(highlights, bookmarks) or _named_title(name)
    if title:
        lines.append(f"Title: {title}")
    year = _YEAR_RE.search(name)
    if year and int(year[1]) <= date.today().year:
        lines.append(f"Year: {year[1]}")
    lines += ["", *(f"File: `{file}`  " for file in files)]
    if bookmarks:
        lines += ["", "## Bookmarks", "", *(f"- {label}" for label, _ in bookmarks if label)]
    if highlights:
        lines += ["", "## Highlights", ""]
        for text, _ in sorted(highlights, key=lambda h: h[1]):
            lines += [f"> {text}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _kind(files: list[str]) -> str:
    for file in files:
        path = PurePosixPath(file)
        for folder in path.parts[:-1]:
            if folder.casefold() in _KIND_FOLDERS:
                return _KIND_FOLDERS[folder.casefold()]
        if _MANUAL_RE.search(path.stem):
            return "manual"
    return ""


def _title(highlights: list[tuple[str, float]], bookmarks: list[tuple[str, float]]) -> str:
    """The title a PDF gives: its highest highlight when it lies at the top of the first
    page and reads like a title, else a bookmark labelled with one."""
    top = min(highlights, key=lambda h: h[1], default=None)
    # Where it lies vouches for a title in sentence case ("On the mechanics of …").
    if top is not None and top[1] < _TITLE_BAND and _headline(top[0]):
        return _cased(top[0])
    for label, where in bookmarks:
        first = _LABEL_PARTS_RE.split(label)
        if where >= _TITLE_BAND and not _WHO_WHEN_RE.match(label):
            continue  # "Table 3/4 — first stage": a bookmark inside, not the paper's name
        for part in first:
            part = _VENUE_MARK_RE.sub("", _WHO_WHEN_RE.sub("", part)).strip()
            if len(part.split()) >= 3 and _title_like(part):
                return part
    return ""


def _named_title(name: str) -> str:
    """ "Romer 1990 Endogenous Technological Change": the title a file is named by."""
    match = re.match(r"^[A-Za-z][\w'’\- ]*?[\s_-]?(?:19|20)\d{2}\s*[-–—]?\s+(?P<rest>.+)$", name)
    rest = match["rest"].strip() if match else ""
    words = [w for w in rest.split() if w.casefold() not in _SMALL_WORDS]
    # In title case, every word but the small ones capitalised; "QJE cross section" is a
    # person's shorthand, not a title.
    titled = len(words) >= 2 and all(w[:1].isupper() and not w.isupper() for w in words)
    return rest if titled and _headline(rest) else ""


def _headline(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 30 and text[:1].isupper() and not text.rstrip().endswith(".")


def _title_like(text: str) -> bool:
    return bool(text[:1].isupper()) and not text.rstrip().endswith(".") and is_probably_title(text)


_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or"})
_SMALL_WORDS |= {"the", "to", "with", "from", "into", "through", "vs"}


def _cased(text: str) -> str:
    """A title the journal set in capitals, in title case: "A Contribution to the …"."""
    if not text.isupper():
        return text
    words = text.split()
    return " ".join(
        word  # "TFP" (no vowel), "CO2", "CMIP6": acronyms and formulas as they are
        if not re.search(r"[AEIOUY]", word) or re.search(r"\d", word)
        else word.casefold()
        if i and word.casefold() in _SMALL_WORDS
        else word[:1] + word[1:].casefold()
        for i, word in enumerate(words)
    )


def _safe(name: str) -> str:
    return safe_name(name, "document")
