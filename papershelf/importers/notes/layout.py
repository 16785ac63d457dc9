"""What every reader of a document kind produces, and how it becomes a ParsedDocument.

A reader marks the *parts* (one paper each) and the *markers* (grouping headings,
headings to skip, the document's title heading, list labels). Everything else is a
gap between them; :func:`assemble` decides where each gap belongs (a list item's
continuation, a topic's description, the intro) and warns about what it leaves out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from papershelf.importers.notes.frontmatter import FrontMatter
from papershelf.importers.notes.source import Heading, Source
from papershelf.importers.notes.text import relative_images, strip_decoration
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    SummaryRecord,
    TopicRecord,
)
from papershelf.lib.titles import is_probably_title

FORMAT = "notes"

# group: a heading that encloses papers; skip: a heading whose section is no paper;
# title: the document's own title; label: a list item holding a nested list of papers;
# aside: a list item among papers that names none.
# "close": a paper's heading above the paper level ends the groups at its level.
MarkerRole = Literal["group", "skip", "title", "label", "aside", "close"]

# Headings that order a path (years, modules, weeks) rather than name a topic.
_SEQUENCE_HEADING_RE = re.compile(
    r"^(?:(?:19|20)\d{2}s?\b"
    r"|(?:module|week|lesson|part|chapter|day|unit|step|phase|stage"
    r"|session|lecture|level|semester|term|month|round|section|theme|topic)\s*[\dIVXivx]+\b)",
    re.IGNORECASE,
)
# Headings of a document's own furniture, never a paper nor a topic.
_BOILERPLATE_HEADINGS = frozenset(
    {"table of contents", "contents", "toc", "introduction", "intro", "overview", "about"}
    | {"references", "bibliography", "acknowledgements", "acknowledgments", "appendix"}
    | {"further reading", "related posts", "comments", "footnotes", "changelog", "todo"}
    | {"to do", "to read", "index", "resources", "see also", "conclusion", "conclusions"}
    | {"final thoughts", "closing thoughts", "tl;dr", "tldr", "preface", "foreword"}
    | {"license", "credits", "updates"}
    | {"links", "quick links", "elsewhere", "link roundup", "odds and ends", "in other news"}
)


# Headings of a summary's own parts: they recur from post to post and name no paper.
_SECTION_LABELS = frozenset(
    {"summary", "implications", "results", "background", "key points", "key ideas", "key idea"}
    | {"main idea", "main ideas", "idea", "method", "methods", "methodology", "approach"}
    | {"motivation", "problem", "contributions", "contribution", "strengths", "weaknesses"}
    | {"experiments", "experiment", "evaluation", "related work", "discussion", "limitations"}
    | {"takeaways", "key takeaways", "questions", "open questions", "thoughts", "my thoughts"}
    | {"notes", "abstract", "what", "why", "how", "details", "pros", "cons", "critique"}
    | {"future work", "datasets", "dataset", "setup", "architecture", "model", "analysis"}
    | {"highlights", "quotes", "takeaway", "opinion", "comments", "review", "tldr", "tl;dr"}
    | {"links", "link", "related", "related papers"}
    # A meeting's minutes: the same labels every week.
    | {"action items", "attendees", "presenter", "agenda", "minutes", "papers", "paper list"}
)
# "0. TLDR", "3) Results": a template's numbered steps.
_NUMBERED_STEP_RE = re.compile(r"^\d{1,2}\s*[.)]\s*\S+(?:\s+\S+){0,3}$")


def normalised_heading(text: str) -> str:
    return " ".join(strip_decoration(text).casefold().rstrip(".:").split())


def is_section_label(text: str, recurring: frozenset[str] = frozenset()) -> bool:
    """Whether a heading labels a part of a summary rather than naming a paper."""
    key = normalised_heading(text)
    if key in recurring or key in _SECTION_LABELS:
        return True
    # "0. TLDR" is a template's step; "2. Denoising Diffusion Probabilistic Models" a paper.
    return bool(_NUMBERED_STEP_RE.match(key)) and not is_probably_title(without_numbering(text))


# "1 Foundations", "2.3 Optimization": a numbered section of a path.
# "2.2 Spectral Methods", "6. ⚡ Graph Transformers" (an emoji between number and words)
_NUMBERED_HEADING_RE = re.compile(
    r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?:[^\w\s]{1,3}\s+)?(?P<rest>\w.*)$"
)


# "2024-03-16 — Self-Consistency Improves …": a dated entry of a reading log.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATED_HEADING_RE = re.compile(
    rf"^(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
    r"\s*[—–\-:|·]\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def is_dated_heading(text: str) -> bool:
    """ "2024-03-23 — Toolformer", "Sept 14 — base editors": an entry of a log."""
    return bool(_DATED_HEADING_RE.match(text.strip()))


def is_sequence_heading(text: str) -> bool:
    text = text.strip()
    numbered = _NUMBERED_HEADING_RE.match(text) or _DATED_HEADING_RE.match(text)
    if numbered:
        # "1. Deep Unsupervised Learning using …" numbers a paper, not a section.
        return not is_probably_title(numbered["rest"])
    return bool(_SEQUENCE_HEADING_RE.match(text))


def without_numbering(text: str) -> str:
    """ "1. Deep Residual Learning …" → "Deep Residual Learning …"."""
    text = text.strip()
    numbered = _NUMBERED_HEADING_RE.match(text) or _DATED_HEADING_RE.match(text)
    return numbered["rest"] if numbered else text


def is_boilerplate_heading(text: str) -> bool:
    return strip_decoration(text).casefold().rstrip(".:") in _BOILERPLATE_HEADINGS


@dataclass
class Part:
    """One paper's stretch of lines, ``start`` to ``end`` (0-based, end exclusive)."""

    start: int
    end: int
    paper: PaperRecord | None
    summary: SummaryRecord | None
    sections: tuple[str, ...] = ()  # groupings inside the part's own structure (a year cell)
    takes_following_text: bool = False  # loose paragraphs after a list item continue it
    evidence: str = ""  # what says this part is a paper, for the preview
    numbered: bool = False  # an item of a numbered list
    note_link: str = ""  # the note of this import the part links (see Entry.note_link)
    tags: list[str] = field(default_factory=list)  # its own tags ("… #lqg #robust")


@dataclass
class Marker:
    line: int
    role: MarkerRole
    text: str
    level: int = 0  # heading level; 0 for list labels, which do not nest with headings
    end: int = 0  # the line after the marker's own lines

    def __post_init__(self) -> None:
        self.end = max(self.end, self.line + 1)


@dataclass
class Layout:
    parts: list[Part]
    markers: list[Marker] = field(default_factory=list)
    ordered: bool = True
    warnings: list[ImportWarning] = field(default_factory=list)
    # Headings over numbered lists are a path's sections; over anything else, categories.
    sections_only: bool = False


def heading_marker(heading: Heading, role: MarkerRole) -> Marker:
    return Marker(heading.line, role, heading.text, heading.level, heading.end)


def title_heading(source: Source, front_title: str, paper_level: int = 0) -> Heading | None:
    """The heading that names the whole document ("# Papers"), if there is one.

    Either it is the one heading above all others, or it opens the document and
    repeats the front matter title, or — in a heading-per-paper document — opens it at
    the paper level without reading like a paper title (a Notion page's name is an H1
    like its papers').
    """
    if not source.headings:
        return None
    first = source.headings[0]
    alone_at_level = sum(h.level == first.level for h in source.headings) == 1
    top_level = min(h.level for h in source.headings)
    if (
        alone_at_level
        and first.level == top_level
        and first.level != paper_level
        and not is_sequence_heading(first.text)  # a lone "# 2017" still groups its papers
    ):
        return first  # one heading above all the others names the document
    if next(source.content_lines(source.start, first.line), None) is not None:
        return None
    if first.text == front_title:
        return first
    return first if first.level == paper_level and not is_probably_title(first.text) else None


def make_summary(markdown: str, heading: str = "") -> SummaryRecord | None:
    if not markdown.strip():
        return None
    return SummaryRecord(markdown=markdown, heading=heading, images=relative_images(markdown))


def line_span(source: Source, start: int, end: int) -> str:
    """ "lines 3–7" for the non-blank stretch of a gap (1-based, as an editor shows)."""
    filled = [i for i in range(start, end) if source.lines[i].strip()]
    first, last = filled[0] + 1, filled[-1] + 1
    return f"line {first}" if first == last else f"lines {first}–{last}"


@dataclass
class _Assembly:
    source: Source
    document: ParsedDocument
    groups: list[Marker] = field(default_factory=list)  # enclosing grouping headings
    sections_only: bool = False  # group headings make sections, never topics
    # marker line -> (text under it, its first line): a topic's description, or left out
    descriptions: dict[int, tuple[str, int]] = field(default_factory=dict)
    topic_lines: dict[str, int] = field(default_factory=dict)  # topic name -> marker line
    markers: dict[int, Marker] = field(default_factory=dict)  # by line
    paths: dict[int, tuple[str, ...]] = field(default_factory=dict)  # group line -> its path


def assemble(source: Source, layout: Layout, front: FrontMatter) -> ParsedDocument:
    """Turn a reader's layout into entries in document order, with sections and topics."""
    title = next((m.text for m in layout.markers if m.role == "title"), "")
    document = ParsedDocument(
        path=source.path, format=FORMAT, title=front.title or title, ordered=layout.ordered
    )
    document.warnings += front.warnings + layout.warnings
    document.declared_topics = list(front.declared)
    state = _Assembly(
        source,
        document,
        markers={m.line: m for m in layout.markers},
        sections_only=layout.sections_only,
    )
    events: list[Part | Marker] = [*layout.parts, *layout.markers]
    events.sort(key=lambda event: (_first_line(event), not _closes(event)))
    owner: Part | Marker | None = None
    cursor = source.start
    for event in events:
        _settle_gap(state, owner, cursor, _first_line(event))
        if isinstance(event, Part):
            _add_entry(state, event, front.topics)
            cursor = event.end
        else:
            _enter_marker(state, event)
            # An aside's own line is the text it leaves out; a heading's line is structure.
            cursor = event.line if event.role == "aside" else event.end
        owner = event
    _settle_gap(state, owner, cursor, len(source.lines))
    _add_topics(state, front.topics)
    document.warnings.sort(key=lambda warning: warning.line or 0)
    return document


def _closes(event: Part | Marker) -> bool:
    return isinstance(event, Marker) and event.role == "close"


def _first_line(event: Part | Marker) -> int:
    return event.start if isinstance(event, Part) else event.line


def _enter_marker(state: _Assembly, marker: Marker) -> None:
    if marker.role in ("group", "skip", "close"):
        # A heading closes every grouping at its level or deeper.
        state.groups = [group for group in state.groups if group.level < marker.level]
    if marker.role == "group":
        state.groups.append(marker)
        state.paths[marker.line] = tuple(group.text for group in state.groups)


def _add_entry(state: _Assembly, part: Part, front_topics: list[str]) -> None:
    sections = tuple(group.text for group in state.groups) + part.sections
    entry = Entry(
        paper=part.paper,
        summary=part.summary,
        line=part.start + 1,
        sections=sections,
        evidence=part.evidence,
        note_link=part.note_link,
    )
    state.document.entries.append(entry)
    categories = [
        group
        for group in state.groups
        if not is_sequence_heading(group.text) and not state.sections_only
    ]
    names = [without_numbering(group.text) for group in categories]  # "2.2 Spectral …"
    for name, group in zip(names, categories, strict=True):
        state.topic_lines.setdefault(name, group.line)
    topics = names + front_topics + part.tags
    if topics:
        state.document.entry_topics[len(state.document.entries) - 1] = list(dict.fromkeys(topics))


def _settle_gap(state: _Assembly, owner: Part | Marker | None, start: int, end: int) -> None:
    """Give the text between two events to the event before it, or warn that it is left out."""
    source = state.source
    filled = [i for i in range(max(start, source.start), end) if source.lines[i].strip()]
    if not filled:
        return
    start, text = filled[0], source.text(filled[0], end)
    if isinstance(owner, Part) and owner.takes_following_text:
        _continue_summary(owner, state.document.entries, text)
    elif isinstance(owner, Marker) and owner.role in ("group", "label"):
        state.descriptions[owner.line] = (text, start)
    else:
        line = owner.line if isinstance(owner, Marker) and owner.role == "skip" else start
        message = _left_out_message(owner, line_span(source, start, end))
        state.document.warnings.append(ImportWarning(source.path, line + 1, message))


def _left_out_message(owner: Part | Marker | None, where: str) -> str:
    if isinstance(owner, Part):
        return f"did not import {where} after the entry on line {owner.start + 1}: not part of it"
    if owner is None or owner.role == "title":
        return f"ignored the introduction before the first paper ({where})"
    if owner.role == "aside":
        return f"did not import the list item “{owner.text}” ({where}): it names no paper"
    return f"skipped the section “{owner.text}” ({where}): it names no paper"


def _continue_summary(part: Part, entries: list[Entry], text: str) -> None:
    entry = next(entry for entry in reversed(entries) if entry.line == part.start + 1)
    markdown = f"{entry.summary.markdown}\n\n{text}" if entry.summary else text
    heading = entry.summary.heading if entry.summary else ""
    entry.summary = make_summary(markdown, heading)


def _add_topics(state: _Assembly, front_topics: list[str]) -> None:
    document = state.document
    for name, line in state.topic_lines.items():
        description, _ = state.descriptions.pop(line, ("", 0))
        document.topics.append(TopicRecord(name=name, description=description))
    for name in front_topics:
        if name not in state.topic_lines:
            document.topics.append(TopicRecord(name=name))
    if state.topic_lines:
        document.ordered = False  # papers filed under categories, not a path to follow
    for line, (text, start) in list(state.descriptions.items()):
        if line in state.paths:
            # A lesson's or a year's text: notes of that section of the list.
            document.section_notes[state.paths[line]] = (start + 1, text)
            del state.descriptions[line]
    for line, (text, start) in state.descriptions.items():
        where = line_span(state.source, start, start + text.count("\n") + 1)
        message = f"did not import the text under “{state.markers[line].text}” ({where})"
        document.warnings.append(ImportWarning(state.source.path, start + 1, message))
