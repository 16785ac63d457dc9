"""Notes converted from a typesetting language that cites by key (Typst, LaTeX).

Their citations arrive as Pandoc's ``[@key]``. A part of the notes that names its paper
by one key (``== Lee 2012 @lee2012``, ``\\section{\\citetitle{lee2012}}``) records it in
``Entry.cites``, and the import pairs it with the entry of a bibliography of the same
import (``collection.pair_with_bibliography``). Headings that cite keys the notes reader
could not see are papers split the file there. Lecture notes or a report whose first
section names no paper name none, whatever a link somewhere in them says.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.notes.metadata import identifier_of, states_facts
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    ParsedDocument,
    ParseHints,
    SummaryRecord,
)
from papershelf.lib.titles import folded

CITED_RE = re.compile(r"\[@(?P<key>[\w\-:.]*[\w\-])(?:,[^\]]*)?\]")
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
STATES_A_PAPER_RE = re.compile(r"https?://|\bdoi\b|arxiv|\[@|\b(?:19|20)\d\d\b", re.I)
_FRONT_KEY_RE = re.compile(r"\A---\n(?:.*\n)*?citekey: '?(?P<key>[\w\-:.]+)'?\n(?:.*\n)*?---\n")
HEADING_RE = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.*)$")


def read_citing_notes(
    markdown: str,
    path: str,
    format_name: str,
    hints: ParseHints | None,
    origins: list[int],
    *,
    below_title: bool = False,
) -> ParsedDocument:
    """The papers of ``markdown`` converted from ``path``, each part that cites its paper's
    key recording it; ``origins`` gives the source line (0-based) of each Markdown line.
    With ``below_title`` the first heading is the document's own title, over its sections
    (LaTeX's ``\\title``), and lecture notes are told apart by the sections under it."""
    document = parse_converted(markdown, path, format_name, hints, origins)
    sections = read_sections(markdown)
    level = _citing_level(sections)
    if level and not (hints and hints.split_level) and _misses_cited(document, sections, level):
        # "== Moisture @niu2015": headings that name their papers by citation keys only,
        # which the notes reader cannot see are papers: each heading there starts one.
        forced = replace(hints or ParseHints(), split_level=level)
        document = parse_converted(markdown, path, format_name, forced, origins)
        _settle_forced(document, sections)
    if _is_sectioned_document(document, markdown, sections, below_title=below_title):
        reason = (
            "names no paper: a document of several sections (lecture notes, a report), "
            "whose first heading names a section, not a paper"
        )
        title = sections[0].heading
        return ParsedDocument(
            path, format_name, title=title, warnings=[ImportWarning(path, None, reason)]
        )
    if _reviews_several(document, markdown):
        reason = "names no paper: a section that discusses several cited papers"
        title = sections[0].heading if sections else ""
        return ParsedDocument(
            path, format_name, title=title, warnings=[ImportWarning(path, None, reason)]
        )
    if key := _FRONT_KEY_RE.match(markdown):
        _name_by_front_key(document, markdown, key)
    for entry in document.entries:
        _note_cited_key(entry, document)
        # Each part where the source file has it, as the warnings about it say.
        if entry.line and 0 < entry.line <= len(origins):
            entry.line = origins[entry.line - 1] + 1
    return document


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
        heading = None if fenced else HEADING_RE.match(line)
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
    keys = {m["key"] for m in CITED_RE.finditer(heading)}
    opening = _opening(body)
    if not keys and (lead := _LEAD_CITATION_RE.match(opening)):
        keys = {lead["key"]}
    if not keys:
        keys = _key_of_named_author(opening.split("\n")[0])
    if not keys:
        keys = {m["key"] for m in _KEY_LINE_RE.finditer(opening)}
    if not keys:
        words = set(re.findall(r"[^\W\d_]+", heading.casefold()))
        keys = {key for m in CITED_RE.finditer(body) if author_of(key := m["key"]) in words}
    return next(iter(keys)) if len(keys) == 1 else ""


def _key_of_named_author(line: str) -> set[str]:
    """ "Candès, Romberg, Tao — *Robust uncertainty principles* [@candes2006robust]": a
    line that opens with the first author of the one key it cites names that paper."""
    keys = {m["key"] for m in CITED_RE.finditer(line)}
    words = re.findall(r"[^\W\d_]+", folded(line))
    if len(keys) != 1 or not words:
        return set()
    return keys if author_of(next(iter(keys))) == words[0] else set()


def author_of(key: str) -> str:
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
    document: ParsedDocument, markdown: str, sections: list[Section], *, below_title: bool
) -> bool:
    """Lecture notes or a report (``= Imitation learning`` … ``= Policy gradients``)
    read as one note on a paper because a link somewhere in it names one: its first
    heading is one of several sections, and states no paper of its own. Below a
    document title, the sections under it are the ones that count, and the title must
    state no paper either."""
    if len(document.entries) != 1 or not sections:
        return False
    evidence = document.entries[0].evidence
    if not evidence.startswith(("the heading that opens the note", "the note's title")):
        return False
    first = _first_section(markdown)
    if below_title and sections[0].level == 1 and len(sections) > 1:
        if STATES_A_PAPER_RE.search(first):
            return False  # "\title{Notes on Tilman et al. (1996)}": the title names it
        sections = sections[1:]
        first = sections[0].heading + "\n" + sections[0].body
    top = min(section.level for section in sections)
    if sum(section.level == top for section in sections) < 2 or sections[0].level != top:
        return False
    return not STATES_A_PAPER_RE.search(first)


def _reviews_several(document: ParsedDocument, markdown: str) -> bool:
    """A chapter's section ("Introduction and the detailed-balance limit") read as one
    paper's notes by its heading alone: it cites several keys and names none of them as
    its own paper — a review of papers, each of which the bibliography holds."""
    if len(document.entries) != 1:
        return False
    entry, summary = document.entries[0], document.entries[0].summary
    if summary is None:
        return False
    if not entry.evidence.startswith("the heading that opens the note") or states_facts(
        entry.paper
    ):
        return False
    keys = {m["key"] for m in CITED_RE.finditer(markdown)}
    return len(keys) >= _SEVERAL_KEYS and not cited_key(summary.heading, summary.markdown)


_SEVERAL_KEYS = 2


def _first_section(markdown: str) -> str:
    """The text under the first heading, up to the next one."""
    lines = markdown.split("\n")
    start = next((i for i, line in enumerate(lines) if HEADING_RE.match(line)), len(lines))
    end = next((i for i in range(start + 1, len(lines)) if HEADING_RE.match(lines[i])), len(lines))
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
    summary.heading = " ".join(CITED_RE.sub("", summary.heading).split()) or summary.heading
    if not states_facts(entry.paper) and not identifier_of(entry.paper):
        # "Lower bounds for nonconvex problems" over "[@carmon2017lower]": the heading is
        # the note-taker's name for the paper the key names, not its title.
        entry.paper, entry.evidence = None, ""


def _opening(markdown: str) -> str:
    """The first paragraph or list of a part's notes, past a short line above it that
    says when or how it was read ("Oct 2022", "✔ read twice")."""
    blocks = [block for block in re.split(r"\n\s*\n", markdown.strip()) if block.strip()]
    if not blocks:
        return ""
    first, _, rest = blocks[0].partition("\n")
    if _is_a_note_of_reading(first):
        if rest.strip():
            return rest
        if len(blocks) > 1:
            return blocks[1]
    return blocks[0]


_MAX_READING_NOTE_WORDS = 4


def _is_a_note_of_reading(line: str) -> bool:
    return len(line.split()) <= _MAX_READING_NOTE_WORDS and "[@" not in line
