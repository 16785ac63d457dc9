"""A ``.tex`` file read as a whole: its title, whether it is a Beamer deck or a chapter,
and its body as Markdown.

Nothing is run and nothing ``\\input`` is followed: each file of a project is read on
its own (the folder import reads the others). The preamble (``\\documentclass``,
``\\usepackage``, ``\\newcommand``…) says nothing; ``\\title``, ``\\subtitle``,
``\\author`` and ``\\date`` are the document's own, wherever they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from papershelf.importers.latex import scan
from papershelf.importers.latex.blocks import DEPTHS, Converter, Line
from papershelf.importers.latex.inline import styled
from papershelf.importers.notes.converted import squeezed
from papershelf.importers.records import ParseError

_DOCUMENT_RE = re.compile(r"\\begin\s*\{document\}")
_METADATA_RE = re.compile(r"\\(title|subtitle|author|date)(?![A-Za-z@])")
_BEAMER_RE = re.compile(r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{beamer\}")
_FRAME_RE = re.compile(r"\\begin\s*\{frame\}|\\frametitle\b|\\frame\s*\{")
_CHAPTER_RE = re.compile(r"\\chapter\*?\s*[\[{]")
_FIRST_SECTIONING_RE = re.compile(
    r"\\(part|chapter|section|subsection|subsubsection|paragraph|subparagraph)\*?\s*[\[{]"
)


@dataclass
class TexDocument:
    markdown: str
    origins: list[int]  # the 0-based .tex line of each Markdown line
    title: str = ""  # \title, as Markdown on one line
    subtitle: str = ""
    author: str = ""
    date: str = ""
    deck: bool = False  # a Beamer presentation: its frames are its sections
    chapter: str = ""  # the title of the one \chapter a chapter file is
    frame_level: int = 0  # the Markdown heading level of a deck's frames
    section_level: int = 0  # of its \section
    title_lines: int = 0  # the Markdown lines of its title and subtitle, at the top


def read_tex(text: str, path: str) -> TexDocument:
    """The Markdown of a ``.tex`` file; an unclosed brace, bracket, environment or math
    is a ParseError at the line where it opens."""
    source = scan.strip_comments(text.removeprefix("\ufeff"))
    try:
        return _read(source)
    except scan.Unclosed as error:
        line = source.line_of(error.position) + 1
        raise ParseError(path, line, f"{error.what} opened here is never closed") from None
    except RecursionError:
        # Groups in groups a thousand deep: no one's notes, and no reason to crash.
        raise ParseError(path, None, "braces or environments nested too deeply") from None


def _read(source: scan.Source) -> TexDocument:
    text = source.text
    begun = _DOCUMENT_RE.search(text)
    body = (0, len(text))
    if begun is not None:
        body = (begun.end(), scan.environment_end(text, "document", begun.end())[0])
    deck = bool(_BEAMER_RE.search(text) or _FRAME_RE.search(text, *body))
    metadata = _metadata(source)
    chapter = _chapter(text, body) if not metadata.get("title") else None
    converter = Converter(source, body, titled=bool(metadata.get("title")), deck=deck)
    read = {name: _undecorated(converter.one_line(span)) for name, span in metadata.items()}
    lines: list[Line] = []
    if read.get("title"):
        lines.append(("# " + read["title"], source.line_of(metadata["title"][0])))
    if read.get("subtitle"):
        lines.append((styled(read["subtitle"], "*"), source.line_of(metadata["subtitle"][0])))
    title_lines = len(lines)
    lines += [("", lines[-1][1])] if lines else []
    lines += converter.blocks(*body)
    chapter_title = ""
    if chapter is not None:
        chapter_title, lines = _without_chapter_heading(lines)
    last = source.line_of(body[1])
    lines += [("", last)] + [
        (f"[^{number}]: {note}", last) for number, note in enumerate(converter.footnotes, 1)
    ]
    lines = squeezed(lines)
    return TexDocument(
        markdown="\n".join(line for line, _ in lines) + "\n",
        origins=[origin for _, origin in lines],
        title=read.get("title", ""),
        subtitle=read.get("subtitle", ""),
        author=read.get("author", ""),
        date=read.get("date", ""),
        deck=deck,
        chapter=chapter_title,
        frame_level=converter.level(converter.frame_depth) if deck else 0,
        section_level=converter.level(DEPTHS["section"]),
        title_lines=title_lines,
    )


def _undecorated(text: str) -> str:
    """ "\\title{\\textbf{Attention Is All You Need}}": the words, not the font."""
    while (bold := re.fullmatch(r"(\*\*?)(?!\*)(.+?)(?<!\*)\1", text)) is not None:
        text = bold[2].strip()
    return text


def _metadata(source: scan.Source) -> dict[str, scan.Span]:
    """Where the first ``\\title``, ``\\subtitle``, ``\\author`` and ``\\date`` hold their
    text (the short form in ``[…]`` left out)."""
    found: dict[str, scan.Span] = {}
    for match in _METADATA_RE.finditer(source.text):
        name = match[1]
        if name in found:
            continue
        (_, span), _ = scan.read_arguments(source.text, match.end(), "og")
        if span is not None:
            found[name] = span
    return found


def _chapter(text: str, body: scan.Span) -> str | None:
    """ "chapters/litreview.tex" opening ``\\chapter{Literature review}``: a chapter of a
    thesis or book, whose title names the section its papers are in, not a paper."""
    first = _FIRST_SECTIONING_RE.search(text, *body)
    if first is None or first[1] != "chapter":
        return None
    return "chapter" if len(_CHAPTER_RE.findall(text, *body)) == 1 else None


def _without_chapter_heading(lines: list[Line]) -> tuple[str, list[Line]]:
    index = next((i for i, (line, _) in enumerate(lines) if line.startswith("# ")), None)
    if index is None:
        return "", lines
    return lines[index][0][2:].strip(), lines[:index] + lines[index + 1 :]
