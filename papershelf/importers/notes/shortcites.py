"""A heading that cites its paper by a short form, with the title on the line below.

"# Rundlöf et al. 2015 Nature 521: 77-80" over "Seed coating with a neonicotinoid
insecticide negatively affects wild bees", or "## Whitehorn, O'Connor & Goulson 2012,
Science 336: 351-352" over the title in quotes: who, when and where in the heading, what
on the next line. The two trade places, so that the heading names the paper as headings
do elsewhere and the line below it gives the facts.
"""

from __future__ import annotations

import re

from papershelf.importers.notes.citations import identifiers_in, read_citation
from papershelf.importers.notes.single import is_nickname
from papershelf.lib.titles import is_probably_title

# "Rundlöf", "O'Connor", "van der Putten".
_NAME = r"(?:(?:van|von|der|den|de|du|da|di|del|le|la)\s+)*[A-Z][\w'’\-]+"
_SHORT_CITE_RE = re.compile(
    rf"^(?P<marks>#{{1,6}})\s+"
    rf"(?P<who>{_NAME}(?:\s+et\s+al\.?|(?:\s*(?:,|&|\band\b)\s*{_NAME})+)?)"
    r",?\s+\(?(?P<year>(?:19|20)\d{2})[a-z]?\)?,?\s+"
    r"(?P<where>[A-Z][A-Za-z.&' ]{0,60}?\s+\d{1,4}(?:\(\d+\))?"
    r"\s*[:,]\s*(?:[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?))\.?\s*$"
)
_QUOTES = "\"“”'‘’"


def titles_under_short_cites(lines: list[str]) -> list[str]:
    out = list(lines)
    for index, line in enumerate(lines):
        heading = _SHORT_CITE_RE.match(line.rstrip("\r\n"))
        if heading is None:
            continue
        below = next(
            (i for i in range(index + 1, min(index + 4, len(lines))) if lines[i].strip()), None
        )
        if below is None:
            continue
        title = lines[below].strip().strip("*_").strip(_QUOTES).strip()
        if _is_title_line(lines[below], title):
            ending = line[len(line.rstrip("\r\n")) :] or "\n"
            out[index] = f"{heading['marks']} {title}{ending}"
            # The whole reference under it, as a reference list writes one.
            cite = f"{heading['who']} ({heading['year']}). {title.rstrip('.')}. {heading['where']}."
            out[below] = cite + (lines[below][len(lines[below].rstrip("\r\n")) :] or "\n")
    return out


def _is_title_line(line: str, title: str) -> bool:
    stripped = line.strip()
    if stripped.startswith(("-", "*", "+", "#", ">", "|", "[", "!")) and not stripped.startswith(
        "**"
    ):
        return False
    quoted = stripped[:1] in _QUOTES or stripped.startswith(("*", "_"))
    words = title.split()
    return (
        3 <= len(words) <= 30 and (quoted or is_probably_title(title)) and not title.endswith(":")
    )


_HEADING_RE = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>\S.*?)\s*#*\s*$")


def titles_under_nicknames(lines: list[str]) -> list[str]:
    """ "# Liu, Johnston, Snaith 2013 - vapour deposition" over "#### Efficient planar
    heterojunction perovskite solar cells by vapour deposition": a note named by its
    nickname (a CherryTree node's, a vault page's), whose first line is the title set
    large. That line is the paper's labelled title, not a section of the notes."""
    headings = [i for i, line in enumerate(lines) if _HEADING_RE.match(line.rstrip("\r\n"))]
    if len(headings) < 2:
        return lines
    first = _HEADING_RE.match(lines[headings[0]].rstrip("\r\n"))
    second = _HEADING_RE.match(lines[headings[1]].rstrip("\r\n"))
    if first is None or second is None:
        return lines
    between = [line for line in lines[headings[0] + 1 : headings[1]] if line.strip()]
    title = second["text"].strip("*_ ")
    if (
        between
        or len(second["marks"]) <= len(first["marks"])
        or not is_nickname(first["text"])
        or not is_probably_title(title)
    ):
        return lines
    # A title heading over the paper's identifier already reads as the paper's section.
    section = "".join(lines[headings[1] + 1 : headings[2] if len(headings) > 2 else None])
    if identifiers_in(section):
        return lines
    out = list(lines)
    ending = lines[headings[1]][len(lines[headings[1]].rstrip("\r\n")) :] or "\n"
    out[headings[1]] = f"Title: {title}{ending}"
    return out


# "**(1)** Stranks SD, Eperon GE, … Science 342 (2013) 341-344. doi:10.1126/…": papers
# read together, each cited whole after a bold number, its notes below.
_BOLD_NUMBERED_RE = re.compile(r"^\*\*[(\[]?\d{1,2}[)\].]?\*\*\s+(?P<cite>\S.*?)\s*$")


def numbered_citations_as_headings(lines: list[str]) -> list[str]:
    """Bold-numbered paragraphs that each cite a paper by its identifier become that
    paper's headings, one level below the note's own, when there are several in a note
    with no sections of its own."""
    cited = [
        i
        for i, line in enumerate(lines)
        if (match := _BOLD_NUMBERED_RE.match(line.rstrip("\r\n")))
        and identifiers_in(match["cite"])
        and read_citation(match["cite"]) is not None
    ]
    headings = [m for line in lines if (m := _HEADING_RE.match(line.rstrip("\r\n")))]
    if len(cited) < 2 or len(headings) > 1:
        return lines  # a roadmap's "**[3]** …" entries sit under its sections: a list
    first = headings[0] if headings else None
    marks = "#" * min(6, len(first["marks"]) + 1) if first else "##"
    out = list(lines)
    for i in cited:
        match = _BOLD_NUMBERED_RE.match(lines[i].rstrip("\r\n"))
        if match:
            out[i] = f"{marks} {match['cite']}{lines[i][len(lines[i].rstrip(chr(13) + chr(10))) :]}"
    return out
