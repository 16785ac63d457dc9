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
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

import yaml

from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.notes.metadata import identifier_of, states_facts
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    ParsedDocument,
    ParseError,
    ParseHints,
    SummaryRecord,
)
from papershelf.importers.typst import scan
from papershelf.importers.typst.blocks import Converter
from papershelf.importers.typst.inline import Line

FORMAT = "typst"
_CITED_RE = re.compile(r"\[@(?P<key>[\w\-:.]*[\w\-])(?:,[^\]]*)?\]")
# "[@lee2012] — …", "**Paper:** [@lee2012]": a part that opens by citing its paper.
_LEAD_CITATION_RE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*[^*\n]{1,30}\*\*:?\s*)?\[@(?P<key>[\w\-:.]*[\w\-])(?:,[^\]]*)?\]"
    r"\s*(?:$|[—–:.,;(]|-\s)",
    re.M,
)
_KEY_LINE_RE = re.compile(
    r"^\s*[-*+]\s+\*\*(?:Key|Cite ?key|Citation key)\*\*:\s*\[@(?P<key>[\w\-:.]*[\w\-])\]", re.M
)
# A link, an identifier, a citation or a year: what names a paper under its heading.
_STATES_A_PAPER_RE = re.compile(r"https?://|\bdoi\b|arxiv|\[@|\b(?:19|20)\d\d\b", re.I)
_FRONT_KEY_RE = re.compile(r"\A---\n(?:.*\n)*?citekey: '?(?P<key>[\w\-:.]+)'?\n(?:.*\n)*?---\n")
_HEADING_RE = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.*)$")
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
    document = parse_converted(markdown, path, FORMAT, hints, origins)
    sections = read_sections(markdown)
    level = _citing_level(sections)
    if level and not (hints and hints.split_level) and _misses_cited(document, sections, level):
        # "== Moisture @niu2015": headings that name their papers by citation keys only,
        # which the notes reader cannot see are papers: each heading there starts one.
        forced = replace(hints or ParseHints(), split_level=level)
        document = parse_converted(markdown, path, FORMAT, forced, origins)
        _settle_forced(document, sections)
    if _is_sectioned_document(document, markdown, sections):
        reason = (
            "names no paper: a document of several sections (lecture notes, a report), "
            "whose first heading names a section, not a paper"
        )
        return ParsedDocument(
            path, FORMAT, title=sections[0].heading, warnings=[ImportWarning(path, None, reason)]
        )
    if key := _FRONT_KEY_RE.match(markdown):
        _name_by_front_key(document, markdown, key)
    for entry in document.entries:
        _note_cited_key(entry, document)
        # Each part where the .typ file has it, as the warnings about it say.
        if entry.line and 0 < entry.line <= len(origins):
            entry.line = origins[entry.line - 1] + 1
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
    lines = _squeezed(lines)
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


@dataclass
class Section:
    level: int
    heading: str
    body: str = ""  # its text up to the next heading


def read_sections(markdown: str) -> list[Section]:
    """The Markdown's headings (outside code) with the text under each."""
    sections: list[Section] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        heading = None if fenced else _HEADING_RE.match(line)
        if heading is not None:
            sections.append(Section(len(heading["marks"]), heading["text"].strip()))
        elif sections:
            sections[-1].body += line + "\n"
    return sections


def cited_key(heading: str, body: str) -> str:
    """The citation key a part names its paper by: the one its heading cites
    (``Moisture [@niu2015]``); the one its opening starts with or states as its key
    (``[@lee2012] — …``, ``- **Key**: [@lee2012]``); or the one it cites whose author
    its heading names (``Kojima 2009 — where it started`` over ``… [@kojima2009] …``).
    A key cited in passing names none."""
    keys = {m["key"] for m in _CITED_RE.finditer(heading)}
    opening = _opening(body)
    if not keys and (lead := _LEAD_CITATION_RE.match(opening)):
        keys = {lead["key"]}
    if not keys:
        keys = {m["key"] for m in _KEY_LINE_RE.finditer(opening)}
    if not keys:
        words = set(re.findall(r"[^\W\d_]+", heading.casefold()))
        keys = {key for m in _CITED_RE.finditer(body) if _author_of(key := m["key"]) in words}
    return next(iter(keys)) if len(keys) == 1 else ""


def _author_of(key: str) -> str:
    """The name a key starts with ("kojima2009", "lee_2012a", "Xing2013") or "" when it
    starts with none a heading could name."""
    match = re.match(r"[^\W\d_]{3,}", key.casefold())
    return match[0] if match else ""


def _citing_level(sections: list[Section]) -> int:
    """The heading level where most parts name their paper by a citation key."""
    levels = Counter(s.level for s in sections if cited_key(s.heading, s.body))
    return min(levels, key=lambda level: (-levels[level], level)) if levels else 0


def _misses_cited(document: ParsedDocument, sections: list[Section], level: int) -> bool:
    """Whether a heading citing its paper's key has no part of its own."""
    headings = {e.summary.heading.strip() for e in document.entries if e.summary is not None}
    return any(
        s.level == level and cited_key(s.heading, s.body) and s.heading not in headings
        for s in sections
    )


def _settle_forced(document: ParsedDocument, sections: list[Section]) -> None:
    """After splitting at the citing headings: the document's title is no section of its
    papers, and a heading there that neither cites a key nor states a fact ("Ion
    migration", "Open questions") is a section of notes, not a paper."""
    titles = [s.heading for s in sections if s.level == 1]
    title = titles[0] if len(titles) == 1 and sections[0].level == 1 else ""
    for entry in document.entries:
        if title and entry.sections[:1] == (title,):
            entry.sections = entry.sections[1:]
        summary = entry.summary
        cited = cited_key(summary.heading, summary.markdown) if summary else ""
        if not cited and not states_facts(entry.paper) and not identifier_of(entry.paper):
            entry.paper, entry.evidence = None, ""
    if title:
        document.title = document.title or title


def _is_sectioned_document(
    document: ParsedDocument, markdown: str, sections: list[Section]
) -> bool:
    """Lecture notes or a report (``= Imitation learning`` … ``= Policy gradients``)
    read as one note on a paper because a link somewhere in it names one: its first
    heading is one of several sections, and states no paper of its own."""
    if len(document.entries) != 1 or not sections:
        return False
    evidence = document.entries[0].evidence
    if not evidence.startswith(("the heading that opens the note", "the note's title")):
        return False
    top = min(section.level for section in sections)
    if sum(section.level == top for section in sections) < 2 or sections[0].level != top:
        return False
    return not _STATES_A_PAPER_RE.search(_first_section(markdown))


def _first_section(markdown: str) -> str:
    """The text under the first heading, up to the next one."""
    lines = markdown.split("\n")
    start = next((i for i, line in enumerate(lines) if _HEADING_RE.match(line)), len(lines))
    end = next((i for i in range(start + 1, len(lines)) if _HEADING_RE.match(lines[i])), len(lines))
    return "\n".join(lines[start:end])


def _name_by_front_key(document: ParsedDocument, markdown: str, key: re.Match[str]) -> None:
    """ "#show: note.with(title: \"MSSC\", key: <lee2012>)": the note is on that entry,
    whatever its own title says."""
    if len(document.entries) > 1:
        return
    if not document.entries:
        title = re.search(r"^title: (.*)$", key[0], re.M)
        summary = SummaryRecord(markdown[key.end() :].strip(), title[1] if title else "")
        document.entries = [Entry(None, summary, 1, evidence="the citation key of its template")]
        document.warnings = [w for w in document.warnings if not w.message.startswith("found no")]
    document.entries[0].cites = key["key"]


def _note_cited_key(entry: Entry, document: ParsedDocument) -> None:
    """Records the key a part cites as its paper; the heading keeps its words alone,
    and the warning that the heading names no paper goes (the key may name it)."""
    summary = entry.summary
    if summary is None or entry.cites:
        return
    entry.cites = cited_key(summary.heading, summary.markdown)
    if not entry.cites:
        return
    unnamed = f"“{summary.heading}” names no paper"
    document.warnings = [w for w in document.warnings if not w.message.startswith(unnamed)]
    summary.heading = " ".join(_CITED_RE.sub("", summary.heading).split()) or summary.heading


def _opening(markdown: str) -> str:
    """The first paragraph or list of a part's notes."""
    blocks = [block for block in re.split(r"\n\s*\n", markdown.strip()) if block.strip()]
    return blocks[0] if blocks else ""


def _has_notes(markdown: str) -> bool:
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    return any(line.strip() and not line.startswith("#") for line in body.split("\n"))


def _squeezed(lines: list[Line]) -> list[Line]:
    """One blank line between blocks, none at either end."""
    kept: list[Line] = []
    for line in lines:
        if line[0].strip() or (kept and kept[-1][0].strip()):
            kept.append((line[0].rstrip(), line[1]))
    while kept and not kept[-1][0].strip():
        kept.pop()
    return kept
