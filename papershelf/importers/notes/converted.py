"""Other markup read as notes: a wiki page, a notebook, an outline or a tiddler turned
into Markdown, parsed by the notes reader, and reported under its own file and format."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from papershelf.importers.notes.citations import (
    citation_says_not_read,
    read_citation,
    read_identified_line,
    says_not_read,
)
from papershelf.importers.notes.metadata import expects_facts, identifier_of, states_facts
from papershelf.importers.notes.parse import parse
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseHints,
    SummaryRecord,
)
from papershelf.lib.titles import is_probably_title, normalise_title

_LINES_RE = re.compile(r"(?P<word>\blines? )(\d+(?:–\d+)?)")


# A converted line and the 0-based line of the source file it comes from.
SourcedLine = tuple[str, int]


def squeezed(lines: list[SourcedLine]) -> list[SourcedLine]:
    """Converted lines with one blank line between blocks, none at either end."""
    kept: list[SourcedLine] = []
    for line in lines:
        if line[0].strip() or (kept and kept[-1][0].strip()):
            kept.append((line[0].rstrip(), line[1]))
    while kept and not kept[-1][0].strip():
        kept.pop()
    return kept


def parse_converted(
    markdown: str,
    path: str,
    format_name: str,
    hints: ParseHints | None = None,
    origins: list[int] | None = None,
) -> ParsedDocument:
    """The notes document ``markdown`` gives, as read from ``path``. ``origins`` maps each
    Markdown line (0-based) to its line in the source, where the two differ."""
    # Under its own suffix (".tid", ".txt") the notes reader would not know it is Markdown.
    markdown_path = str(PurePosixPath(path).with_suffix(".md")) if path else "converted.md"
    document = parse(markdown, markdown_path, hints)
    document.format, document.path = format_name, path
    for warning in document.warnings:
        if warning.path != markdown_path:
            continue
        warning.path = path
        if origins is not None:
            warning.line = _source_line(origins, warning.line) if warning.line else warning.line
            # "ignored the introduction (lines 3–4)": the source's lines there too.
            warning.message = _LINES_RE.sub(
                lambda m: (
                    m["word"]
                    + "–".join(str(_source_line(origins, int(n))) for n in m[2].split("–"))
                ),
                warning.message,
            )
    return document


def _source_line(origins: list[int], line: int) -> int:
    return origins[line - 1] + 1 if 0 < line <= len(origins) else line


def parse_each(
    notes: list[str],
    path: str,
    format_name: str,
    empty: str,
    *,
    chat: bool = False,
    starts: list[int] | None = None,
    needs_facts: list[bool] | None = None,
) -> ParsedDocument:
    """Each of ``notes`` (Markdown) read as a notes document of its own, the papers of all
    in one document of ``path``: a chat's messages, a board's cards, a page's annotations
    are separate notes, and one sharing a paper must not become the title of the next.
    Lines count in the notes joined one after another, unless ``starts`` gives the source
    line each note comes from (a sheet's row: its Markdown lines are none of the file's,
    so all the note holds is reported there); ``empty`` says why none named a paper. In a
    ``chat``, a message that gives a paper's identifier beside its title shares that
    paper, wherever the line stands in it. A note that ``needs_facts`` is about a paper
    only when it states the paper's facts, however few of the others do (a flashcard's
    front is a question or a drug's name, a ticket's summary a task, far more often than
    a title)."""
    markdown_path = str(PurePosixPath(path).with_suffix(".md")) if path else "converted.md"
    document = ParsedDocument(path=path, format=format_name)
    found: list[tuple[int, ParsedDocument, bool]] = []
    offset = 0
    for number, note in enumerate(notes):
        if note.strip():
            part = parse(note, markdown_path)
            if chat and _put_off(note):
                part.entries = []  # "maybe next term?" in reply: a suggestion, not a session
            elif chat:
                part.entries += _shared_papers(note, part.entries)
            if starts is not None:
                _place_at(part, starts[number])
            needs = bool(needs_facts and needs_facts[number])
            found.append((0 if starts is not None else offset, part, needs))
        offset += note.count("\n")
    named = [
        (start, part)
        for start, part, needs in found
        if part.entries and (not needs or _states_its_paper(part))
    ]
    for start, part in _without_facts(named):
        _append(document, part, start, path)
    if not document.entries:
        document.warnings = [ImportWarning(path, None, empty)]
    return document


def _place_at(part: ParsedDocument, line: int) -> None:
    for entry in part.entries:
        entry.line = line
    for warning in part.warnings:
        warning.line = line


def _without_facts(named: list[tuple[int, ParsedDocument]]) -> list[tuple[int, ParsedDocument]]:
    """Where most notes state their paper's facts (an identifier, authors, a venue or a
    year), a note that states none and only has a heading ("ECS abstract due Apr 15",
    "Order: Swagelok cells") is about something else: a card for an errand."""
    stated = [part for _, part in named if any(_states_facts(e.paper) for e in part.entries)]
    if not expects_facts(len(named), len(stated)):
        return named
    return [(start, part) for start, part in named if _states_its_paper(part)]


def _states_its_paper(part: ParsedDocument) -> bool:
    """Its paper's facts, or a title it labels as one ("Title: …", front matter)."""
    return any(
        _states_facts(entry.paper) or "labelled title" in entry.evidence for entry in part.entries
    )


def _states_facts(paper: PaperRecord | None) -> bool:
    """Facts, or the paper's own page ("https://distill.pub/2020/circuits/zoom-in/")."""
    return states_facts(paper) or bool(paper and (paper.url or paper.pdf_url))


def _append(document: ParsedDocument, found: ParsedDocument, offset: int, path: str) -> None:
    first = len(document.entries)
    for entry in found.entries:
        entry.line = entry.line + offset if entry.line else entry.line
        document.entries.append(entry)
    for index, names in found.entry_topics.items():
        document.entry_topics[first + index] = names
    document.topics += [topic for topic in found.topics if topic not in document.topics]
    for warning in found.warnings:
        warning.path = path
        warning.line = warning.line + offset if warning.line else warning.line
        document.warnings.append(warning)


def _put_off(thread: str) -> bool:
    """A chat thread whose later message puts its paper off: the suggestion is no
    paper read ("Could we do the enterotypes paper?" — "maybe next term?")."""
    messages = [m for m in thread.split("\n\n") if m.strip()]
    asked = len(messages) > 1 and "?" in messages[0]  # a suggestion, asked
    return asked and any(says_not_read(m) for m in messages[1:])


def _shared_papers(message: str, found: list[Entry]) -> list[Entry]:
    """ "📌 **Week 3** — IOI: *Interpretability in the Wild: …* https://arxiv.org/…", or
    "+ as a pair: Carhart (1997) *On Persistence in Mutual Fund Performance* doi:…": each
    line of a chat message that gives a paper (a citation, or an identifier beside a
    title) shares it, beside what the message read as a note already named."""
    seen = {_key(entry.paper) for entry in found if entry.paper}
    entries: list[Entry] = []
    bare: list[Entry] = []  # "ALOHA paper is out!! <arxiv.org/pdf/…>": a link alone
    for number, line in enumerate(message.splitlines(), start=1):
        if citation_says_not_read(line):
            continue  # "… https://arxiv.org/abs/1808.00023 haven't read it": for the pile
        paper = read_citation(line) or read_identified_line(line)
        if paper is None or _key(paper) in seen or not (identifier_of(paper) or paper.year):
            continue
        summary = SummaryRecord(markdown=message.strip())
        entry = Entry(paper, summary, number, evidence="a message sharing a paper")
        if is_probably_title(paper.title):
            seen.add(_key(paper))
            entries.append(entry)
        elif identifier_of(paper) and not paper.title:
            bare.append(entry)
    # A link alone names a paper only in a message that names no other: beside a
    # citation it is that paper's own link ("Gu, Kelly & Xiu (2020) …" over "doi …").
    # Nor in one that says it was not read (its embed repeats the link it dropped).
    return entries or ([] if found or says_not_read(message) else bare[:1])


def _key(paper: PaperRecord | None) -> str:
    if paper is None:
        return ""
    return identifier_of(paper) or normalise_title(paper.title)
