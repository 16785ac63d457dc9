"""Org notes kept by citation key: org-ref's notes file, org-roam-bibtex's headings.

org-ref writes one heading per paper into a single notes file (``* TODO 1965 - Self-
Consistent Equations …``) over a ``:PROPERTIES:`` drawer holding the paper's key and
facts (``:Custom_ID:``, ``:AUTHOR:``, ``:JOURNAL:``, ``:YEAR:``, ``:DOI:``); org-roam-bibtex
names the key in ``:ROAM_REFS:``. People rename the headings to what they call the paper
("B3LYP paper (Becke '93)"), so the key, not the heading, says which paper a heading is
about: each such heading is a paper's notes, paired by key with the bibliography beside
it (``collection.pair_with_bibliography``) and otherwise taken from its drawer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from papershelf.importers.notes.metadata import parse_authors
from papershelf.importers.org.syntax import HEADING_RE, PLANNING_RE, PROPERTY_RE, TAGS_RE
from papershelf.importers.records import Entry, ImportWarning, PaperRecord, SummaryRecord
from papershelf.lib.identifiers import parse_arxiv_id, parse_doi
from papershelf.lib.titles import is_probably_title

_ROAM_KEY_RE = re.compile(r"(?:cite\w*:&?|@)(?P<key>\w[\w:.\-]*\w)")
# org-ref's default note title is "%y - %t": the year, a dash, then the title.
_YEAR_PREFIX_RE = re.compile(r"^(?:19|20)\d{2}[a-z]?\s+[-–—]\s+")
_FACTS = ("AUTHOR", "JOURNAL", "YEAR", "DOI", "URL", "BOOKTITLE", "EPRINT", "ARXIV")
# A heading tagged so, or of this entry type, is a book or manual, not a paper.
_NOT_PAPER_TAGS = frozenset({"book", "books", "textbook", "manual", "software_manual"})
_NOT_PAPER_TYPES = frozenset({"book", "manual", "misc", "software", "inbook", "proceedings"})
MIN_KEYED_HEADINGS = 2  # fewer, and the file is an ordinary outline with a drawer or two


@dataclass
class KeyedHeading:
    line: int  # 0-based line of the heading
    level: int
    text: str  # the heading as written, TODO keyword and tags removed
    tags: list[str]
    properties: dict[str, str]
    body: list[str]  # the lines under it, drawer and planning lines left out

    @property
    def key(self) -> str:
        if key := self.properties.get("CUSTOM_ID", ""):
            return key
        match = _ROAM_KEY_RE.search(self.properties.get("ROAM_REFS", ""))
        return match["key"] if match else ""


def keyed_headings(text: str, states: frozenset[str]) -> list[KeyedHeading]:
    """The headings whose drawer names a paper by its key, each with the
    text under it up to the next heading at its level or above."""
    lines = text.removeprefix("\ufeff").split("\n")
    headings = [(i, m) for i, line in enumerate(lines) if (m := HEADING_RE.match(line))]
    drawers = {i: _drawer(lines, i + 1)[0] for i, _ in headings}
    keyed = {i for i, props in drawers.items() if _names_a_paper(props)}
    found: list[KeyedHeading] = []
    for position, (index, match) in enumerate(headings):
        if index not in keyed:
            continue
        level = len(match["stars"])
        # Up to the next heading at its level or above, or the next paper's heading.
        ends = [i for i, m in headings[position + 1 :] if len(m["stars"]) <= level or i in keyed]
        text_, tags = _heading_text(match["text"], states)
        body = _body(lines, index + 1, ends[0] if ends else len(lines))
        found.append(KeyedHeading(index, level, text_, tags, drawers[index], body))
    return found


def _names_a_paper(properties: dict[str, str]) -> bool:
    """org-ref's key beside a fact of the paper, or org-roam-bibtex's cited key; a key
    alone is as likely an export anchor (":CUSTOM_ID: intro")."""
    if _ROAM_KEY_RE.search(properties.get("ROAM_REFS", "")):
        return True
    return bool(properties.get("CUSTOM_ID")) and any(properties.get(name) for name in _FACTS)


def _drawer(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """The properties of the drawer right under a heading (past its planning lines)."""
    index = start
    while index < len(lines) and PLANNING_RE.match(lines[index]):
        index += 1
    if index >= len(lines) or lines[index].strip().upper() != ":PROPERTIES:":
        return {}, start
    properties: dict[str, str] = {}
    for end in range(index + 1, len(lines)):
        if lines[end].strip().upper() == ":END:":
            return properties, end + 1
        if (match := PROPERTY_RE.match(lines[end])) and match["value"]:
            properties.setdefault(match["key"].upper(), match["value"])
    return properties, len(lines)


def _body(lines: list[str], start: int, end: int) -> list[str]:
    """The heading's text without its drawer and planning lines."""
    _, after = _drawer(lines, start)
    return [line for line in lines[after:end] if not PLANNING_RE.match(line)]


def _heading_text(text: str, states: frozenset[str]) -> tuple[str, list[str]]:
    tags: list[str] = []
    if match := TAGS_RE.search(text):
        tags = [tag for tag in match["tags"].split(":") if tag]
        text = text[: match.start()]
    first, _, rest = text.strip().partition(" ")
    if first in states:
        text = rest
    return re.sub(r"\s*\[#[A-Z0-9]\]\s*", " ", text).strip(), tags


def keyed_entry(
    heading: KeyedHeading, path: str, summary: str
) -> tuple[Entry | None, ImportWarning | None]:
    """The paper a keyed heading is about, with its notes; None for a book or manual."""
    properties = heading.properties
    kind = properties.get("TYPE", properties.get("ENTRY_TYPE", "")).casefold()
    if _NOT_PAPER_TAGS & {tag.casefold() for tag in heading.tags} or kind in _NOT_PAPER_TYPES:
        message = f"did not import “{heading.text}”: its tags or type say it is no paper"
        return None, ImportWarning(path, heading.line + 1, message)
    paper = PaperRecord(title=_title(heading), bibtex_key=heading.key)
    paper.authors = _authors(properties.get("AUTHOR", ""))
    year = re.search(r"\b(1[5-9]\d{2}|20\d{2})\b", properties.get("YEAR", ""))
    paper.year = int(year[1]) if year else None
    paper.venue = properties.get("JOURNAL", "") or properties.get("BOOKTITLE", "")
    paper.doi = parse_doi(properties.get("DOI", "")) or ""
    arxiv = parse_arxiv_id(properties.get("EPRINT", "") or properties.get("ARXIV", ""))
    paper.arxiv_id = arxiv[0] if arxiv else ""
    paper.url = properties.get("URL", "")
    entry = Entry(
        paper=paper,
        summary=SummaryRecord(summary, heading.text) if summary.strip() else None,
        line=heading.line + 1,
        evidence="a heading whose drawer gives the paper's citation key or facts",
        cites=heading.key,
    )
    return entry, None


def _title(heading: KeyedHeading) -> str:
    """The drawer's title, the heading's once past org-ref's "1965 - ", or the heading as
    the name someone gave the paper (its key or identifier then says which it is)."""
    if title := heading.properties.get("TITLE", ""):
        return title
    return (
        _YEAR_PREFIX_RE.sub("", heading.text) if is_probably_title(heading.text) else heading.text
    )


def _authors(text: str) -> list[str]:
    """ "Hohenberg, P., & Kohn, W." (org-ref's APA-like "%9a") or BibTeX's "and" list."""
    return parse_authors(text) if text else []
