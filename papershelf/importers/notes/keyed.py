"""A literature note named by the citation key of its paper.

Zettlr, Obsidian's Zotero Integration and Bibnotes, and Pandoc users keep one note per
paper and say which by its key: ``citekey: gibson1998linguistic`` in the front matter, or
a first heading that cites it alone (``# Notes on [@gibson1998linguistic]``, ``# @key``).
The note is then about that entry of the bibliography beside it, whatever its own title
("Gibson 1998 — locality (DLT/SPLT)") says: the key is recorded in ``Entry.cites`` and
the import pairs it with the entry (``collection.pair_with_bibliography``). A note that
names no paper otherwise still holds the notes on that one; a note that says it was not
read (a stub "haven't read it yet") stays unread.
"""

from __future__ import annotations

import re

from papershelf.importers.notes.citations import says_not_read
from papershelf.importers.notes.frontmatter import FrontMatter
from papershelf.importers.records import Entry, ImportWarning, ParsedDocument, SummaryRecord

_KEY_FIELDS = ("citekey", "citation-key", "citation_key", "citationkey", "cite-key", "bibkey")
_KEY_RE = re.compile(r"^@?(?P<key>[\w][\w\-:.]*[\w])$")
# "# Notes on [@key]", "# @key", "# [@key] — Title": a first heading citing one key.
_HEADING_KEY_RE = re.compile(r"^#{1,6}\s+(?:[^@\[\n]{0,40}?)\[?@(?P<key>[\w][\w\-:.]*[\w])\]?")
_NOT_READ_PREFIX = "names no paper read"


def name_by_citation_key(document: ParsedDocument, front: FrontMatter, lines: list[str]) -> None:
    key = _front_key(front) or _heading_key(lines, front.end)
    if not key or len(document.entries) > 1:
        return
    if document.entries:
        document.entries[0].cites = document.entries[0].cites or key
        return
    if any(w.message.startswith(_NOT_READ_PREFIX) for w in document.warnings):
        return
    body = "".join(lines[front.end :]).strip()
    if not body or says_not_read(_opening(body)):
        return  # "STUB — haven't read it yet": the note only holds the place
    summary = SummaryRecord(body, front.title)
    entry = Entry(None, summary, front.end + 1, evidence="the citation key it is named by")
    entry.cites = key
    document.entries = [entry]
    document.warnings = [w for w in document.warnings if not w.message.startswith("found no")]


def _opening(body: str) -> str:
    """The note's first paragraph past its headings, where a stub says what it is."""
    paragraphs = [p for p in re.split(r"\n\s*\n", body) if not p.lstrip().startswith("#")]
    return paragraphs[0][:_OPENING_CHARS] if paragraphs else ""


_OPENING_CHARS = 400


def _front_key(front: FrontMatter) -> str:
    match = _KEY_RE.match(front.text(*_KEY_FIELDS).strip())
    return match["key"] if match else ""


def _heading_key(lines: list[str], start: int) -> str:
    heading = next((line for line in lines[start:] if line.lstrip().startswith("#")), "")
    match = _HEADING_KEY_RE.match(heading.strip())
    keys = re.findall(r"@([\w][\w\-:.]*[\w])", heading)
    return match["key"] if match and len(keys) == 1 else ""


# "[@Weinreich_etal:1968; @labov1963]", "@eckert2008 formalises", "[-@trudgill1972]".
_PANDOC_CITE_RE = re.compile(r"(?<![\w@.])\[?-?@(?P<key>[A-Za-z][\w\-:.]*[\w])")
_MIN_KEYS_CITED = 3  # distinct keys: prose that cites its papers by key
_WEAK_EVIDENCE = ("a heading that reads like a paper title", "a paper link under its heading")


def drop_sections_of_keyed_prose(document: ParsedDocument, lines: list[str]) -> None:
    """A chapter or essay that cites its papers by key ("… a change [@labov1963]") names
    them by those keys; its headings ("## Sound change in the speech community") are
    sections of its prose, not papers, unless one gives a paper's identifier or authors."""
    keys = {m["key"] for line in lines for m in _PANDOC_CITE_RE.finditer(line)}
    if len(keys) < _MIN_KEYS_CITED:
        return
    for entry in document.entries:
        paper = entry.paper
        weak = entry.evidence.startswith(_WEAK_EVIDENCE) and not entry.cites
        if paper is not None and weak and not (paper.doi or paper.arxiv_id or paper.authors):
            entry.paper, entry.evidence = None, ""
            message = f"“{paper.title}” is a section of prose that cites its papers by key"
            document.warnings.append(ImportWarning(document.path, entry.line, message))
