"""A page that orders other notes of the import: a reading path made of links.

Craft, Obsidian and Notion write a course or a seminar log as a page of links to one
note per paper, under "Week 1 — …" headings: "[Prospect
theory](Seminar%20Reading%20Log/Prospect%20theory.md)" or "[[Prospect theory]]", on
lines of their own. The page names no paper itself; each link is an entry whose paper is
the linked note's (``collection.follow_note_links`` fills it in), in the page's order
and under its headings, so the import makes it a reading list with those sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from pathlib import PurePosixPath
from urllib.parse import unquote

from papershelf.importers.notes.status import is_status_note
from papershelf.importers.records import Entry

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# A line that is one link and nothing else, bare or as a list item.
_LINKED_LINE_RE = re.compile(
    r"^\s*(?:(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)?"  # a board's card: "- [x] [[…]]"
    r"(?:\[(?P<text>[^\]]+)\]\((?P<url><[^>]+>|(?:[^()\s]|\([^()\s]*\))+)\)|\[\[(?P<wiki>[^\]|#]+)"
    r"(?:#[^\]|]*)?(?:\|[^\]]*)?\]\])\s*$"
)
# Pages of notes a link may name (a book's chapters are .qmd, .Rmd, .ipynb, .rst too).
_NOTE_SUFFIXES = frozenset(
    {".md", ".markdown", ".mdx", ".html", ".htm", ".txt", ".org", ".qmd", ".rmd", ".ipynb", ".rst"}
)
_NOT_A_FILE_RE = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:|[/#])", re.IGNORECASE)
MIN_LINKS = 2
EVIDENCE = "a link on an index page to the note on this paper"
# A book's contents put each chapter's link under a heading of its own title.
CHAPTER_EVIDENCE = "a chapter of a book's contents, the note on this paper"


def is_contents_page(name: str) -> bool:
    """A folder's README or index (an export's, a wiki's): its table of contents."""
    return PurePosixPath(name).stem.casefold() in ("readme", "index", "_index", "home")


def linked_notes(text: str) -> list[Entry]:
    """Entries for the notes a page links on lines of their own, with the headings over
    them; none unless it links at least two."""
    entries: list[Entry] = []
    headings: list[tuple[int, str]] = []
    sections_seen: list[str] = []
    fence = False
    lines = _outline_groups(text.split("\n"))
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if fence:
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            level = len(heading[1])
            headings = [(lv, name) for lv, name in headings if lv < level]
            headings.append((level, heading[2].strip()))
            if level > 1:
                sections_seen.append(heading[2].strip())
            continue
        target = _target(line)
        if target:
            sections = tuple(name for level, name in headings if level > 1)
            chapter = bool(sections) and sections[-1] == _link_text(line)
            evidence = CHAPTER_EVIDENCE if chapter else EVIDENCE
            entries.append(
                Entry(None, line=number, sections=sections, evidence=evidence, note_link=target)
            )
    if sections_seen and all(_is_tracker_lane(name) for name in sections_seen):
        return []  # lanes "Inbox", "Reading", "Done": a tracker's statuses, not a path
    return entries if len(entries) >= MIN_LINKS else []


_TOP_ITEM_RE = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+(?P<text>\S.*?)\s*$")
# "**Variational autoencoders** — latent variables, the ELBO": the bold words name it.
_BOLD_LEAD_RE = re.compile(r"^(?:\*\*|__)(?P<name>[^*_]{2,80})(?:\*\*|__)(?=\s*(?:[—–:-]\s|$))")
_NESTED_ITEM_RE = re.compile(r"^(?:\s{2,}|\t)(?:[-*+]|\d+[.)])\s")


def _outline_groups(lines: list[str]) -> list[str]:
    """An outline's top-level item over the links nested under it ("- Week 3 – Core
    knowledge" / "    - [[Wynn 1992]]", as RemNote, Logseq or Workflowy keep a syllabus)
    groups them as a heading would: it is written as one, line numbers unchanged."""
    grouped = list(lines)
    for index, line in enumerate(lines[:-1]):
        top = _TOP_ITEM_RE.match(line)
        if top is None or _target(line) or not _NESTED_ITEM_RE.match(lines[index + 1]):
            continue
        if any(_target(nested) for nested in _nested_under(lines, index)):
            bold = _BOLD_LEAD_RE.match(top["text"])
            grouped[index] = f"## {bold['name'] if bold else top['text'].strip('*_ ')}"
    return grouped


def _nested_under(lines: list[str], index: int) -> Iterator[str]:
    """The indented lines under the item at ``index``, up to the next top-level line."""
    for line in islice(lines, index + 1, None):
        if line.strip() and not line.startswith((" ", "\t")):
            return
        yield line


# A board's lanes that are where a card is in its life, beside the reading statuses.
_TRACKER_LANES = frozenset({"inbox", "archive", "archived", "doing", "in review", "blocked"})


def _is_tracker_lane(name: str) -> bool:
    return is_status_note(name) or name.casefold().strip(" :") in _TRACKER_LANES


def _link_text(line: str) -> str:
    match = _LINKED_LINE_RE.match(line)
    return (match["text"] or "").strip() if match else ""


def _target(line: str) -> str:
    match = _LINKED_LINE_RE.match(line)
    if match is None:
        return ""
    if match["wiki"]:
        return f"{match['wiki'].strip()}.md"  # Obsidian leaves the suffix out
    url = match["url"].strip("<>")
    path = unquote(url.split("#", 1)[0].split("?", 1)[0])
    if not path or _NOT_A_FILE_RE.match(url):
        return ""
    return path if PurePosixPath(path).suffix.lower() in _NOTE_SUFFIXES else ""
