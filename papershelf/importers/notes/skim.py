"""Skim's "Notes as Text" (and as RTF): a PDF's notes, each under "* <kind>, page <label>".

Skim, the macOS PDF reader, exports a document's notes in page order: a typed note
("Text Note", "Anchored Note"), a highlight's or underline's text, or a shape (Circle,
Box, Line…) with no text. There is no title: the file is named after the PDF, and the
person's first note often cites the paper, or a highlight on its first page is the
title line. Highlighted text keeps the PDF's ligatures (ﬁ, ﬂ) and line-end hyphens.

The notes become Markdown: the person's notes as paragraphs, highlights as quotes; the
first-page highlight that reads like a title is given as the title.
"""

from __future__ import annotations

import re
import unicodedata

_HEADER_RE = re.compile(
    r"^\s*(?:\*\s+|\*\*)?(?P<kind>Text Note|Anchored Note|Note|Highlight|Underline|Strike Out"
    r"|Circle|Box|Square|Freehand|Line|Ink)(?:\*\*)?,\s*page\s+(?P<page>\S+?)(?:\*\*)?\s*$"
)
_QUOTED = frozenset({"Highlight", "Underline", "Strike Out"})
_SHAPES = frozenset({"Circle", "Box", "Square", "Freehand", "Line", "Ink"})
_MIN_HEADERS = 2
_BROKEN_WORD_RE = re.compile(r"(\w)-\n(\w)")  # "off-\nset": a word the PDF's line broke


def looks_like_skim_notes(lines: list[str]) -> bool:
    """The first line with text is a note's header, and there are others."""
    first = next((line for line in lines if line.strip()), "")
    return bool(_HEADER_RE.match(first)) and (
        sum(1 for line in lines if _HEADER_RE.match(line)) >= _MIN_HEADERS
    )


def skim_as_markdown(lines: list[str], path: str) -> list[str]:
    notes = _notes(lines)
    # No heading from the file's name: it is the PDF's ("207343a0"), and the notes
    # reader guesses from it only when the notes state the paper's facts.
    out: list[str] = []
    first_page = notes[0][1] if notes else ""
    title = next(
        (
            text
            for kind, page, text in notes
            if kind in _QUOTED and page == first_page and reads_like_title(text)
        ),
        "",
    )
    if title:
        out += [f"Title: {title}", ""]
    for kind, _, text in notes:
        if kind in _SHAPES or not text or (text == title and kind in _QUOTED):
            continue  # a shape has no text; the title line is given once, as the title
        if kind in _QUOTED:
            out += [*(f"> {line}" for line in text.split("\n")), ""]
        else:
            out += [*text.split("\n"), ""]
    return [line + "\n" for line in out]  # lines keep their endings (source.split_lines)


def _notes(lines: list[str]) -> list[tuple[str, str, str]]:
    """(kind, page label, text) of each note, in order."""
    notes: list[tuple[str, str, list[str]]] = []
    for line in lines:
        header = _HEADER_RE.match(line)
        if header:
            notes.append((header["kind"], header["page"], []))
        elif notes:
            notes[-1][2].append(line.rstrip("\r\n"))
    return [(kind, page, _clean(body, kind in _QUOTED)) for kind, page, body in notes]


def _clean(body: list[str], quoted: bool) -> str:
    text = "\n".join(body).strip()
    if quoted:
        # A highlight is the PDF's text: ligatures spelt out, line-end hyphens joined.
        text = _BROKEN_WORD_RE.sub(r"\1\2", unicodedata.normalize("NFKC", text))
        text = " ".join(text.split())
    return text


def reads_like_title(text: str) -> bool:
    """A title set as journals set them, in title case or capitals ("A New Class of Faults
    and their Bearing on Continental Drift"); a highlighted sentence ("American geologists
    rejected continental drift") is a finding, not the paper's name."""
    words = text.split()
    if not 2 <= len(words) <= 30 or not text[:1].isupper() or text.endswith((".", ";", ",")):
        return False
    long = [word for word in words if len(word.strip("-:,()")) >= 4]
    capitalised = [word for word in long if word[:1].isupper()]
    return bool(long) and len(capitalised) >= _TITLE_CASE_SHARE * len(long)


_TITLE_CASE_SHARE = 0.75
