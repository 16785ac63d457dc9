"""A Beamer deck of a journal club or reading group: the notes on the papers it presents.

A deck is one talk on one paper, sometimes two (a ``\\section`` each, or a "Papers"
frame citing both), never a list of papers: its frames are the notes, whatever their
titles read like. Its paper is named (``naming``), most surely first, by a key its
``\\title``/``\\subtitle`` cites; a "Paper" frame citing it or giving its reference; a
title and subtitle that are the paper's title and its "Author et al. Year"; a reference
the first frame opens with; the key the deck cites on most frames; a subtitle that reads
like a title. Keys are paired with the import's bibliography afterwards
(``collection.pair_with_bibliography``).
"""

from __future__ import annotations

import re

from papershelf.importers.latex.document import TexDocument
from papershelf.importers.latex.naming import Frame, Named, name_paper, name_section
from papershelf.importers.notes.citing import CITED_RE, HEADING_RE, author_of
from papershelf.importers.notes.layout import make_summary
from papershelf.importers.records import Entry, ImportWarning, ParsedDocument

FORMAT = "latex"


def read_deck(document: TexDocument, path: str) -> ParsedDocument:
    """The deck's papers, the deck (or each paper's part of it) their notes."""
    lines = document.markdown.rstrip("\n").split("\n")
    start = document.title_lines
    frames = _frames(lines[start:], document.origins[start:])
    parsed = ParsedDocument(path=path, format=FORMAT, title=document.title)
    parts = _sectioned(frames, document)
    if parts is None:
        named = name_paper(frames, document.title, document.subtitle)
        parts = _by_author(frames, named)
    for part, one in parts:
        _add_entry(parsed, part, one, document, whole=len(parts) == 1)
    if not parsed.entries:
        reason = (
            "a Beamer deck that names no paper: no key cited in its title or on a "
            "“Paper” frame, and no reference with its DOI or link on one"
        )
        parsed.warnings.append(ImportWarning(path, None, reason))
    return parsed


def _add_entry(
    parsed: ParsedDocument, part: list[Frame], named: Named, document: TexDocument, *, whole: bool
) -> None:
    kept = [f for f in part if f.level != document.frame_level or f.has_text() or not f.heading]
    body = "\n".join(line for frame in kept for line in frame.body).strip()
    heading = named.paper.title if named.paper else _own_heading(part, document, whole=whole)
    parsed.entries.append(
        Entry(
            paper=named.paper,
            summary=make_summary(body, heading=heading),
            line=(part[0].line if part else 0) + 1,
            evidence=named.evidence,
            cites=named.key,
        )
    )


def _frames(lines: list[str], origins: list[int]) -> list[Frame]:
    """The deck's headings (sections and frames) with the lines under each; what
    stands before the first heading is a frame of its own, untitled."""
    frames = [Frame("", 0, origins[0] if origins else 0)]
    fenced = False
    for line, origin in zip(lines, origins, strict=True):
        fenced = fenced != line.startswith("```")
        heading = None if fenced else HEADING_RE.match(line)
        if heading is not None:
            frames.append(Frame(heading["text"].strip(), len(heading["marks"]), origin))
        frames[-1].body.append(line)
    return [frame for frame in frames if frame.heading or frame.has_text()]


def _sectioned(
    frames: list[Frame], document: TexDocument
) -> list[tuple[list[Frame], Named]] | None:
    """A talk on two papers that gives each a ``\\section``: the sections naming a paper,
    each with the sections after it that name none (a discussion of both); None when
    fewer than two sections name a paper."""
    sections: list[list[Frame]] = []
    for frame in frames:
        if frame.level == document.section_level or not sections:
            sections.append([])
        sections[-1].append(frame)
    named = [(section, name_section(section)) for section in sections]
    if sum(one.names_a_paper() for _, one in named) < 2:
        return None
    parts: list[tuple[list[Frame], Named]] = []
    waiting: list[Frame] = []
    for section, one in named:
        if one.names_a_paper():
            parts.append((waiting + section, one))
            waiting = []
        elif parts:
            parts[-1][0].extend(section)
        else:
            waiting.extend(section)
    return parts


def _by_author(frames: list[Frame], named: list[Named]) -> list[tuple[list[Frame], Named]]:
    """Two papers of one deck ("Papers: [@vellend2013], [@dornelas2014]"): the frames
    whose titles name a paper's first author ("Vellend et al.") are its notes, the rest
    go with the first paper; without such frames each paper has the whole deck."""
    if len(named) < 2:
        return [(frames, one) for one in named]
    owners = [_owner(frame, named) for frame in frames]
    if all(owner is None for owner in owners):
        return [(frames, one) for one in named]
    parts: list[tuple[list[Frame], Named]] = [([], one) for one in named]
    for frame, owner in zip(frames, owners, strict=True):
        parts[owner if owner is not None else 0][0].append(frame)
    return parts


def _owner(frame: Frame, named: list[Named]) -> int | None:
    words = set(re.findall(r"[^\W\d_]+", frame.heading.casefold()))
    owners = [i for i, one in enumerate(named) if one.key and author_of(one.key) in words]
    return owners[0] if len(owners) == 1 else None


def _own_heading(part: list[Frame], document: TexDocument, *, whole: bool) -> str:
    """The deck's subtitle or title, or its section's title: what it calls its paper."""
    heading = (document.subtitle or document.title) if whole or not part else part[0].heading
    return " ".join(CITED_RE.sub("", heading).split())
