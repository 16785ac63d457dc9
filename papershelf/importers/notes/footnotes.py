"""A text that cites its papers in footnotes: a thesis chapter, a review, a Pandoc draft.

Pandoc's Markdown (and GitHub's, Obsidian's, MultiMarkdown's) writes a footnote as a
marker in the text (``…hard to generalise.[^2]``) and its definition elsewhere, usually
at the end (``[^2]: McDonnell, J. J., … (2007). Moving beyond heterogeneity … *Water
Resources Research*, 43(7). https://doi.org/…``), continued on lines indented by four
spaces; an inline note is ``^[…]``. In a literature review most definitions are the
references of the papers the author read, some are comments ("I use 'catchment'
throughout"), and the same paper may be cited twice or by a short form.

Each definition that is a reference is listed, as a reading list's entry, at the end of
the section where the text first cites it, so the sections keep their order and each
paper sits where the review discusses it; the prose stays as the sections' notes.
Comments, short forms and references the author says were not consulted are left to the
reading-list reader, which skips what names no paper.
"""

from __future__ import annotations

import re
from functools import lru_cache

from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.single import names_an_edition

_DEFINITION_RE = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:\s?(?P<text>.*)$")
_MARKER_RE = re.compile(r"\[\^(?P<label>[^\]\s]+)\](?!:)")
_INLINE_RE = re.compile(r"\^\[(?P<text>[^\[\]]*(?:\[[^\]]*\][^\[\]]*)*)\]")
_HEADING_RE = re.compile(r"^#{1,6}\s")
_CONTINUATION_RE = re.compile(r"^(?: {4}|\t)\S")
_FENCE_RE = re.compile(r"^\s*(?:```|~~~)")
# "See Clark, M. P., … (2011) …; and, for the ungauged case, Hrachowitz et al. (2013)":
# a lead-in before the reference, and several references in one note.
_LEAD_IN_RE = re.compile(r"^(?:see(?:\s+also)?|cf\.|e\.g\.,?|i\.e\.,?|also|and)\s+", re.I)
_MIN_DEFINITIONS = 4
_MIN_REFERENCES = 3


def looks_like_footnoted_text(lines: list[str]) -> bool:
    """Footnotes defined, several of them references of papers."""
    lines = _inline_notes_joined(lines)
    definitions = _definitions(lines)
    inline = [note for line in lines for note in _INLINE_RE.findall(line)]
    if len(definitions) + len(inline) < _MIN_DEFINITIONS:
        return False
    cited = sum(1 for text in [*definitions.values(), *inline] if _references(text))
    return cited >= _MIN_REFERENCES


def footnotes_as_entries(lines: list[str]) -> list[str]:
    """The text without its definitions, each section ending with the references it is
    the first to cite (as list items), and inline notes that are references likewise."""
    lines = _inline_notes_joined(lines)
    definitions = _definitions(lines)
    body = _without_definitions(lines)
    out: list[str] = []
    pending: list[str] = []
    listed: set[str] = set()

    def close_section() -> None:
        if pending:
            out.extend(["\n", *(f"- {reference}\n" for reference in pending), "\n"])
            pending.clear()

    fenced = False
    for line in body:
        if _FENCE_RE.match(line):
            fenced = not fenced
        if not fenced and _HEADING_RE.match(line):
            close_section()
        if fenced:
            out.append(line)
            continue
        for label in _MARKER_RE.findall(line):
            if label not in listed and label in definitions:
                listed.add(label)
                pending.extend(_references(definitions[label]))
        for inline in _INLINE_RE.findall(line):
            pending.extend(_references(inline))
        # An inline reference is listed below: the text keeps its words, not the reference.
        out.append(_INLINE_RE.sub(lambda m: "" if _references(m["text"]) else m[0], line))
    # Defined, never cited in the text (a draft's leftovers): still the author's references.
    for label, text in definitions.items():
        if label not in listed:
            pending.extend(_references(text))
    close_section()
    return out


def _inline_notes_joined(lines: list[str]) -> list[str]:
    """Lines with an inline note wrapped over several lines joined into one (the note's
    brackets balanced), so that each note is read whole."""
    joined: list[str] = []
    open_note = False
    for line in lines:
        if open_note and line.strip():
            joined[-1] = joined[-1].rstrip("\r\n") + " " + line.lstrip()
        else:
            joined.append(line)
        tail = joined[-1][joined[-1].rfind("^[") :] if "^[" in joined[-1] else ""
        open_note = bool(tail) and tail.count("[") > tail.count("]") and len(joined[-1]) < 5000
    return joined


def _definitions(lines: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    label = ""
    for line in lines:
        definition = _DEFINITION_RE.match(line)
        if definition:
            label = definition["label"]
            found[label] = definition["text"].strip()
        elif label and _CONTINUATION_RE.match(line):
            found[label] += " " + line.strip()
        elif line.strip():
            label = ""
    return found


def _without_definitions(lines: list[str]) -> list[str]:
    kept: list[str] = []
    inside = False
    for line in lines:
        if _DEFINITION_RE.match(line):
            inside = True
            continue
        if inside and (_CONTINUATION_RE.match(line) or not line.strip()):
            continue
        inside = False
        kept.append(line)
    return kept


# Remembered: a note is asked about when the text is sniffed, when its marker is met and
# when an inline note leaves the line, and reading a citation is the costly part.
@lru_cache(maxsize=4096)
def _references(text: str) -> tuple[str, ...]:
    """The parts of a footnote that are references of papers the author read, as written."""
    if _NOT_CONSULTED_RE.search(text):
        return ()  # "original not consulted; cited via Beven (2012)"
    found = []
    for part in re.split(r";\s+(?:and,?\s+)?", text):
        part = _LEAD_IN_RE.sub("", part.strip())
        if not _ARTICLE_RE.search(part) or names_an_edition(part):
            continue  # a short form ("Beven (2006)"), a comment, a book, data, software
        cited = read_citation(part)
        if cited is None or not (cited.title and cited.year and cited.authors):
            continue
        if not _BOOK_RE.search(part.replace(cited.title, "")):  # "(book, borrowed …)"
            found.append(part)
    return tuple(found)


# An article's reference: its journal in italics and a volume ("*J. Hydrol.*, 10(3)"), or
# a DOI. Books, data sets and programs have a publisher or an address instead.
_ARTICLE_RE = re.compile(
    r"[*_][^*_]{3,}[*_],?\s*(?:vol\.?\s*)?\d|\b10\.\d{4,9}/\S+|\barXiv:\s*\d{4}\.\d{4,5}", re.I
)
_BOOK_RE = re.compile(r"\b(?:book|textbook|monograph|software|package|data\s?set)\b", re.I)
_NOT_CONSULTED_RE = re.compile(
    r"\bnot\s+(?:consulted|read|seen)\b|\bcited\s+(?:via|in|after)\b|\bsecondary\s+source\b", re.I
)
