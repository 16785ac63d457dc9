"""A Typst file becomes Markdown, then a notes document like any other.

Students write reading notes, lecture notes and theses in Typst: ``= Heading`` lines,
``*strong*``/``_emphasis_``, ``$math$``, lists, ``#link``/``#figure``/``#table``
calls, citations ``@key`` into the project's ``#bibliography("refs.yml")``, and often a
function of their own per paper (``#paper(title: […], doi: "…")[notes]``). The file is
converted with no Typst compiler (nothing in it is run, nothing ``#include``d is
followed: each file of a project is read on its own), and the notes reader finds the
papers in the Markdown. A part of the notes that names its paper by a citation key
(``== Lee 2012 @lee2012``) records the key; the import pairs it with the entry of a
bibliography of the same import (``collection.pair_with_bibliography``).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import yaml

from papershelf.importers.notes.citing import read_citing_notes
from papershelf.importers.notes.converted import squeezed
from papershelf.importers.records import ImportWarning, ParsedDocument, ParseError, ParseHints
from papershelf.importers.typst import scan
from papershelf.importers.typst.blocks import Converter
from papershelf.importers.typst.inline import Line

FORMAT = "typst"
_CHAPTER_NAME_RE = re.compile(
    r"^(?:ch(?:ap(?:ter)?)?|part|week|lecture|lec|module|sec(?:tion)?)?[-_ ]?\d{1,3}(?!\d)", re.I
)
_CHAPTER_FOLDERS = frozenset({"chapters", "chapter", "parts", "sections", "kapitel", "chapitres"})


def looks_like_typst(text: str) -> bool:
    """Any text in a ``.typ`` file is Typst markup, unless it is a saved page or data."""
    return not text.lstrip("\ufeff").lstrip().startswith(("<", "{", "["))


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    markdown, origins, chapter = to_markdown(text, path)
    if not _has_notes(markdown):
        # template.typ, a main.typ of #include lines: machinery, or a book's spine.
        reason = "a Typst file of settings, definitions or #include lines only, no notes"
        return ParsedDocument(path, FORMAT, warnings=[ImportWarning(path, None, reason)])
    document = read_citing_notes(markdown, path, FORMAT, hints, origins)
    if chapter:
        for entry in document.entries:
            entry.sections = (chapter, *entry.sections)
        document.title, document.ordered = chapter, True
    return document


def to_markdown(text: str, path: str = "") -> tuple[str, list[int], str]:
    """The Markdown, the 0-based ``.typ`` line of each of its lines, and the chapter
    title when the file is a chapter of a book or thesis (its title is left out)."""
    source = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    converter = Converter(source)
    try:
        lines = converter.convert(0, len(source))
    except scan.Unclosed as error:
        line = scan.line_of(source, error.position) + 1
        raise ParseError(path, line, f"{error.what} opened here is never closed") from None
    chapter = _chapter_title(lines, path)
    if chapter:
        index = next(i for i, (line, _) in enumerate(lines) if line.startswith("# "))
        lines = lines[:index] + lines[index + 1 :]
    lines = _front_matter(converter.front) + lines
    last = source.count("\n")
    lines += [("", last)] + [
        (f"[^{number}]: {note}", last) for number, note in enumerate(converter.footnotes, 1)
    ]
    lines = squeezed(lines)
    return "\n".join(line for line, _ in lines) + "\n", [origin for _, origin in lines], chapter


def _front_matter(facts: dict[str, object]) -> list[Line]:
    """A note template given its paper's facts (``#show: note.with(title: …, doi: …)``):
    front matter, as a Markdown note states them."""
    if not facts:
        return []
    data = {("citekey" if key == "key" else key): value for key, value in facts.items()}
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return [(line, 0) for line in ["---", *dumped.rstrip("\n").split("\n"), "---"]]


def _chapter_title(lines: list[Line], path: str) -> str:
    """ "chapters/02-background.typ" opening "= Background": a chapter, whose title names
    the section its papers are in, not a paper (as a one-paper note's title would)."""
    location = PurePosixPath(path.replace("\\", "/"))
    folders = {part.casefold() for part in location.parts[:-1]}
    if not (_CHAPTER_NAME_RE.match(location.stem) or folders & _CHAPTER_FOLDERS):
        return ""
    headings = [line for line, _ in lines if re.match(r"#{1,6} ", line)]
    titles = [line for line in headings if line.startswith("# ")]
    if len(titles) != 1 or headings[0] != titles[0]:
        return ""
    return titles[0][2:].strip()


def _has_notes(markdown: str) -> bool:
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    return any(line.strip() and not line.startswith("#") for line in body.split("\n"))
