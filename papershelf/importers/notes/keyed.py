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
# A note that cites its paper's key as it opens (a blog post), not one named by it.
OPENS_WITH_KEY = "opens by citing"


def name_by_citation_key(document: ParsedDocument, front: FrontMatter, lines: list[str]) -> None:
    key = _front_key(front) or _heading_key(lines, front.end)
    lead = "" if key else _lead_key(lines, front.end)
    key = key or lead
    if not key:
        return
    if len(document.entries) > 1:
        if not (lead and all(_is_weak(entry) for entry in document.entries)):
            return
        # "{% cite "zahavi1975mate" %}: *Mate selection …*" atop "## The argument", "## The
        # rescue": the headings are sections of the notes on the paper it opens by citing.
        document.entries = []
    if document.entries:
        entry = document.entries[0]
        if lead and not entry.cites:
            entry.evidence = ", ".join(filter(None, [entry.evidence, f"{OPENS_WITH_KEY} it"]))
        entry.cites = entry.cites or key
        return
    if any(w.message.startswith(_NOT_READ_PREFIX) for w in document.warnings):
        return
    body = "".join(lines[front.end :]).strip()
    if not body or says_not_read(_opening(body)):
        return  # "STUB — haven't read it yet": the note only holds the place
    summary = SummaryRecord(body, front.title)
    evidence = f"{OPENS_WITH_KEY} its paper's key" if lead else "the citation key it is named by"
    entry = Entry(None, summary, front.end + 1, evidence=evidence)
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
    # Pandoc's "nocite: @crooks1999" (one key: the note's paper), or "paper: "@key"".
    cited = front.text("nocite", "paper").strip()
    match = match or (_KEY_RE.match(cited) if cited.startswith("@") else None)
    return match["key"] if match else ""


def _heading_key(lines: list[str], start: int) -> str:
    headings = [line.strip() for line in lines[start:] if line.lstrip().startswith("#")]
    match = _HEADING_KEY_RE.match(headings[0]) if headings else None
    keys = re.findall(r"@([\w][\w\-:.]*[\w])", headings[0]) if headings else []
    # "## Reaction norms [@dingemanse2010]" then "## Repeatability [@nakagawa2010]": each
    # section cites its own paper, so the first names none for the whole note.
    keyed = sum(1 for heading in headings if _HEADING_KEY_RE.match(heading))
    return match["key"] if match and len(keys) == 1 and keyed == 1 else ""


# "**[@charnov1976optimal]** — *Optimal foraging, …*", "Paper: [@key]": a paragraph of the
# note's opening that starts by citing one key cites the note's paper.
_LEAD_KEY_RE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*[^*\n]{1,30}\*\*:?\s*|[A-Z][a-z]{1,12}:\s*)?[*_]{0,2}"
    r"\[@(?P<key>[\w][\w\-:.]*[\w])\][*_]{0,2}\s*(?:$|[—–:.,;(]|-\s)"
)
_LEAD_PARAGRAPHS = 3


def _lead_key(lines: list[str], start: int) -> str:
    """The key the first paragraph that opens with a citation cites, among the note's
    first few paragraphs under its title."""
    paragraphs = 0
    for line, previous in zip(lines[start:], ["", *lines[start:]], strict=False):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not previous.strip() or previous.lstrip().startswith("#"):
            paragraphs += 1
            if paragraphs > _LEAD_PARAGRAPHS:
                return ""
            if match := _LEAD_KEY_RE.match(line):
                return match["key"]
    return ""


# "[@Weinreich_etal:1968; @labov1963]", "@eckert2008 formalises", "[-@trudgill1972]".
_PANDOC_CITE_RE = re.compile(r"(?<![\w@.])\[?-?@(?P<key>[A-Za-z][\w\-:.]*[\w])")
_MIN_KEYS_CITED = 3  # distinct keys: prose that cites its papers by key
_WEAK_EVIDENCE = ("a heading that reads like a paper title", "a paper link under its heading")


def _is_weak(entry: Entry) -> bool:
    paper = entry.paper
    if paper is None:
        return True
    stated = paper.doi or paper.arxiv_id or paper.authors or entry.cites
    return entry.evidence.startswith(_WEAK_EVIDENCE) and not stated


def drop_sections_of_keyed_prose(document: ParsedDocument, lines: list[str]) -> None:
    """A chapter or essay that cites its papers by key ("… a change [@labov1963]") names
    them by those keys; its headings ("## Sound change in the speech community") are
    sections of its prose, not papers, unless one gives a paper's identifier or authors."""
    keys = {m["key"] for line in lines for m in _PANDOC_CITE_RE.finditer(line)}
    if len(keys) < _MIN_KEYS_CITED:
        return
    for entry in document.entries:
        paper = entry.paper
        if paper is not None and _is_weak(entry):
            entry.paper, entry.evidence = None, ""
            message = f"“{paper.title}” is a section of prose that cites its papers by key"
            document.warnings.append(ImportWarning(document.path, entry.line, message))
