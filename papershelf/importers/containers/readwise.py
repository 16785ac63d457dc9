"""Readwise's "Export to CSV": every highlight a row, grouped here into a note per source.

The columns are Highlight, Book Title, Book Author, Amazon Book ID, Note, Color, Tags,
Location Type, Location, Highlighted at and Document tags. A source's highlights
become one note — its title as the heading (often a PDF's file name, "1604.00289.pdf",
with the citation in the person's first note), the highlights as quotes and the notes
under them, the document's tags its topics; a highlight whose note is ".h1"/".h2" is a
heading of the source. Left out: Kindle books (an Amazon id), podcast episodes (timed
highlights), tweets (an @handle for author) and Readwise's own starter guide.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames, markdown_note

_HEADER = ("highlight", "book title", "book author", "amazon book id", "note")
_HEADING_NOTE_RE = re.compile(r"^\.h([1-6])$")
_STARTER_AUTHORS = frozenset({"readwise team", "readwise"})


def looks_like_readwise_csv(head: str) -> bool:
    first = head.lstrip("\ufeff").split("\n", 1)[0].strip().casefold()
    return tuple(c.strip().strip('"') for c in first.split(","))[: len(_HEADER)] == _HEADER


def read_readwise_csv(path: Path) -> list[Member]:
    from papershelf.importers.reading import read_document  # reading opens containers

    text = read_document(path, str(path), path.name).text
    sources: dict[str, list[dict[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        cells = {(k or "").strip().casefold(): (v or "").strip() for k, v in row.items()}
        title = cells.get("book title", "")
        if title and not _left_out(cells):
            sources.setdefault(title, []).append(cells)
    names = MemberNames()
    return [(names.name_for(title), _note(title, rows)) for title, rows in sources.items()]


def _left_out(cells: dict[str, str]) -> bool:
    author = cells.get("book author", "")
    return bool(
        cells.get("amazon book id")  # a Kindle book
        or cells.get("location type") == "time_offset"  # a podcast episode
        or author.startswith("@")  # a tweet or a thread
        or author.casefold() in _STARTER_AUTHORS
    )


def _note(title: str, rows: list[dict[str, str]]) -> str:
    first = rows[0]
    blocks = [f"Author: {first['book author']}"] if first.get("book author") else []
    for row in rows:
        highlight, note = row.get("highlight", ""), row.get("note", "")
        if heading := _HEADING_NOTE_RE.match(note):
            blocks.append(f"{'#' * (int(heading[1]) + 1)} {' '.join(highlight.split())}")
            continue
        blocks.append("\n".join(f"> {line}" for line in highlight.splitlines() if line.strip()))
        blocks += [note] if note else []
    tags = [t.strip() for t in re.split(r"[,;]", first.get("document tags", "")) if t.strip()]
    return markdown_note(title, "\n\n".join(b for b in blocks if b), tags)
