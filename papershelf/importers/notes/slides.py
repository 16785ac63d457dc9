"""Slide decks written in Markdown: Marp, reveal.js (reveal-md), HackMD/CodiMD slides.

A journal club presents a paper as a deck: front matter that says so (``marp: true``,
``revealOptions:``, ``type: slide``), slides between ``---`` lines, a title slide that
names the paper — its title as ``# Title`` with the subtitle under it (``## Subtitle``
or a plain line), then who and where — and slides headed ``## Study 2`` or
``## Discussion`` that are notes on it. Directives (``<!-- _class: lead -->``,
``<!-- fit -->``) are layout, not notes. The deck keeps its line count, so every line
the import reports is the file's own. A PowerPoint or Impress deck is written in this
shape (``slide_deck:`` in its front matter, see ``containers/slides.py``).

A title slide that names its paper by a nickname ("CRISPR scissors") cites it under
the title: the title, then who and where on the lines below. That line is the title of
the citation, not the rest of the nickname; nor is a line of names, a labelled line
("Paper: …") or who presents the deck.
"""

from __future__ import annotations

import re

from papershelf.importers.notes.citations import names_only
from papershelf.importers.notes.frontmatter import FrontMatter
from papershelf.importers.notes.metadata import LABEL_LINE_RE
from papershelf.lib.titles import is_probably_title

_DECK_KEYS = ("marp", "revealoptions", "slideoptions", "slide_deck")
# "<!-- _class: lead -->", "<!-- paginate: false -->", "<!-- fit -->": Marp's directives.
_DIRECTIVE_RE = re.compile(r"<!--\s*(?:_?[a-zA-Z]+\s*:\s*[^>]*?|fit)\s*-->")
_SLIDE_BREAK_RE = re.compile(r"^(?:---|\*\*\*|___)\s*$")
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
# A line of names, a venue or a date under the title is no subtitle.
_NOT_SUBTITLE_RE = re.compile(r"\b(?:19|20)\d{2}\b|\bet al\b|·|\||https?://|[*_]{1,2}\S.*[*_]")
_PRESENTER_RE = re.compile(r"^(?:presented by|presenter|speaker|by)\b", re.IGNORECASE)


def is_slide_deck(front: FrontMatter) -> bool:
    if any(front.data.get(key) for key in _DECK_KEYS):
        return True
    return str(front.data.get("type", "")).casefold() == "slide"


def deck_as_notes(lines: list[str], start: int) -> list[str]:
    """The deck's lines with directives gone and the title slide's title and subtitle
    on one heading line ("# False-Positive Psychology: Undisclosed Flexibility …")."""
    lines = [_DIRECTIVE_RE.sub("", line) if "<!--" in line else line for line in lines]
    first_slide = _first_slide(lines, start)
    headings = [i for i in first_slide if _HEADING_RE.match(lines[i])]
    if not headings:
        return lines
    title_at = headings[0]
    level, title = _HEADING_RE.match(lines[title_at]).groups()  # type: ignore[union-attr]
    following = next((i for i in first_slide if i > title_at and lines[i].strip()), None)
    if following is None:
        return lines
    subtitle = _subtitle(lines[following], len(level))
    # A plain line right over who and where is the title of a citation, not the rest of
    # this title, when the title is a nickname ("CRISPR scissors"); under a title's first
    # half ("Many Analysts, One Data Set") it is the second.
    cites = _is_plain(lines[following]) and _cites(lines, following + 1, first_slide)
    if not subtitle or (cites and _is_nickname(title)):
        return lines
    merged = list(lines)
    merged[title_at] = f"{level} {title.rstrip(':')}: {subtitle}\n"
    merged[following] = "\n"
    return merged


def _first_slide(lines: list[str], start: int) -> list[int]:
    end = next((i for i in range(start, len(lines)) if _SLIDE_BREAK_RE.match(lines[i])), len(lines))
    return list(range(start, end))


def _is_nickname(title: str) -> bool:
    words = _DIRECTIVE_RE.sub("", title).split()
    return len(words) <= _NICKNAME_WORDS or not is_probably_title(" ".join(words))


_NICKNAME_WORDS = 3


def _subtitle(line: str, title_level: int) -> str:
    """ "## Undisclosed Flexibility …" under "# False-Positive Psychology", or a plain
    line that reads as the rest of a title; "" for names, venues and dates."""
    heading = _HEADING_RE.match(line)
    if heading:
        deeper = len(heading[1]) == title_level + 1
        return heading[2].strip() if deeper and is_probably_title(heading[2]) else ""
    text = line.strip()
    if _NOT_SUBTITLE_RE.search(text) or text.startswith(("-", "*", "!", "[", ">", "<")):
        return ""
    if names_only(text) or LABEL_LINE_RE.match(text) or _PRESENTER_RE.match(text):
        return ""
    return text if is_probably_title(text) and not text.endswith((".", "?", "!")) else ""


def _is_plain(line: str) -> bool:
    return _HEADING_RE.match(line) is None


def _cites(lines: list[str], index: int, first_slide: list[int]) -> bool:
    """The line right under a title-like line names who and where: a citation."""
    if index not in first_slide or not lines[index].strip():
        return False
    text = lines[index].strip()
    return bool(_NOT_SUBTITLE_RE.search(text) or names_only(text.rstrip(".")))
