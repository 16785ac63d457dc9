"""Whether a person read a paper, as their tracker, tags or a short note say it.

A reading status is written many ways: a Status column or property ("To read",
"Backlog", "Skimmed"), a tag ("_toread"), a checkbox, or a note that says only that.
Shared by the notes reader (tables, one-paper notes) and the reference-manager readers
(EndNote, Zotero RDF, Mendeley): a paper marked to read is no paper the person read.
"""

from __future__ import annotations

import re

from papershelf.importers.notes.citations import says_not_read

TO_READ = frozenset(
    {"to read", "toread", "unread", "not read", "not yet read", "read later", "to be read"}
    | {"want to read", "reading queue", "queue", "backlog", "tbr", "todo read", "read next"}
    | {"still to read", "not read yet", "must read", "should read", "to read later"}
    | {"maybe later", "maybe", "someday", "wishlist"}  # put off, not read
    # A journal club's schedule: a session not held yet has not been read.
    | {"planned", "tbd", "upcoming", "scheduled", "next", "proposed", "suggested", "announced"}
    # A systematic review's candidates, not screened yet.
    | {"search results", "candidates", "to screen", "screening", "unscreened"}
    | {"待读", "未读", "想读", "稍后读"}  # Chinese note apps' statuses (SiYuan, Notion, Wolai)
    | {"積読", "読みたい", "未読"}  # Japanese: the unread pile, "want to read"
)
# Read, and said so: the mark wins over a note mentioning papers not read.
READ = frozenset(
    {"read", "done", "finished", "have read", "already read", "read it", "read fully"}
    | {"已读", "读完", "已完成"}
)
# Read in part: kept, unless the person's note says it was not really read.
PART_READ = frozenset(
    {"skimmed", "skim", "reading", "in progress", "partly read", "partially read", "在读"}
)
# A tracker's status for a paper it dropped: never read, whatever else the row says.
_NEVER_READ = frozenset(
    {"skipped", "dropped", "abandoned", "not started", "won't read", "wont read", "cancelled"}
    | {"canceled", "rejected", "declined", "wishlist", "someday", "maybe", "icebox"}
    # Kept in a library to be cited ("cite-only"), not read.
    | {"cite only", "citation only", "reference only", "for citing", "to cite"}
)
# A systematic review's screening: excluded (the reason beside it is the screener's, not
# notes on the paper) or a duplicate record; never read through, whatever the row says.
_SCREENED_OUT = frozenset({"excluded", "exclude", "excluded at screening", "duplicate"})
# Skimmed is read in part: with no notes of its own, the mark is all there is of it.
_SKIMMED = frozenset({"skimmed", "skim", "skimming", "glanced", "abstract only"})
_CHECKED = frozenset({"checked", "true", "yes", "y", "x", "1", "✓", "✔", "✅", "☑", "done", "read"})
_STATUS_PREFIX_RE = re.compile(r"^(?:reading\s+)?status\s*[:=\-]\s*")
_EDGE_RE = re.compile(r"^[\W_\d]+|[\W_]+$")
_MAX_STATUS_WORDS = 5
_MAX_NOT_READ_WORDS = 15  # "Haven't read it yet; Sam says the intro is good."
# "(not read)" after a paper's name is about that paper, not the note's.
# "Haven't read it fully": read in part, which counts.
_READ_IN_PART_RE = re.compile(
    r"\bread\s+(?:it\s+|this\s+)?(?:fully|properly|closely|carefully|thoroughly|in detail)",
    re.IGNORECASE,
)
_ASIDE_RE = re.compile(r"\([^()]*\)")


def status_key(text: str) -> str:
    """ "☐ To-Read", "_toread", "Status: unread" → "to read", "toread", "unread";
    "TBD — vote in #journal-club" → "tbd": a status, then a remark on it."""
    text = _REMARK_RE.split(text, maxsplit=1)[0]
    words = " ".join(text.casefold().replace("_", " ").replace("-", " ").split())
    return _STATUS_PREFIX_RE.sub("", _EDGE_RE.sub("", words))


_REMARK_RE = re.compile(r"\s+[—–]\s+|\s+-\s+(?=\S)")


def marks_unread(text: str) -> bool:
    """A label, tag or keyword that says the paper is still to be read."""
    return status_key(text) in TO_READ


def is_status_note(text: str) -> bool:
    """A note that is only a reading status: a mark, not notes on the paper."""
    key = status_key(text)
    return len(key.split()) <= _MAX_STATUS_WORDS and key in TO_READ | READ | PART_READ


def marks_read(text: str) -> bool:
    """A label, tag or keyword that says the paper was read (or skimmed): it wins."""
    return status_key(text) in READ


def note_says_unread(text: str) -> bool:
    """A short note that says the paper is not (really) read: "Not read yet — for week
    5", "Only skimmed the intro. Haven't really read it." A longer note is notes on a
    paper read, whatever it says of others ("… see EDIC (not read)", "the metformin arm
    is a separate paper – didn't read it")."""
    if marks_unread(text):
        return True
    if len(text.split()) > _MAX_NOT_READ_WORDS or _READ_IN_PART_RE.search(text):
        return False
    return says_not_read(_ASIDE_RE.sub("", text))


def status_says_unread(status: str, notes: str = "") -> bool:
    """A tracker's Status (a column, a property, a field) that says the paper was not
    read — "To read", "Backlog", "Skipped", "Skimmed" — on a row or page with no notes
    of its own (or notes that say just that), as for a reference manager's records."""
    key = status_key(status)
    if key in _SCREENED_OUT:
        return True
    if key in _NEVER_READ:
        # Dropped: its note says why ("covered by the HF1 discussion"), unless it says how
        # far the person got ("stopped at sec 4"), which is reading in part.
        return not _READ_SOME_RE.search(notes)
    if key not in TO_READ and key not in _NEVER_READ and key not in _SKIMMED:
        return False
    if not notes.strip():
        return True
    if key in TO_READ and len(notes.split()) <= _BARE_REMARK_WORDS:
        return True  # "Slot for April 18.": a remark beside the mark, no notes on a paper
    if key in TO_READ and _PLACEHOLDER_RE.search(notes):
        return True  # "(stub created with citar-denote, nothing here yet)"
    if len(notes.split()) <= _REMARK_WORDS and _PLAN_RE.search(notes):
        return True  # "Next term, with Williamson.": a remark on the plan, no notes
    return note_says_unread(notes) or says_not_read(_ASIDE_RE.sub("", notes))


_REMARK_WORDS = 12
_PLACEHOLDER_RE = re.compile(r"\bnothing (?:here|written|in here) yet\b|\bempty stub\b", re.I)
_READ_SOME_RE = re.compile(
    r"\b(?:stopped|gave up|got|read)\s+(?:at|after|up to|until|through|to|as far as|half)"
    r"|\b(?:skimmed|halfway|half-way|partly|partially)\b|\bsec(?:tion)?\.?\s*\d",
    re.IGNORECASE,
)
_BARE_REMARK_WORDS = 5
# What a remark beside a to-read mark speaks of: when, or what for ("only cite it").
_PLAN_RE = re.compile(
    r"\b(?:next|later|soon|someday|after|before|week|term|semester|month|todo|to do|queue"
    r"|pile|plan(?:ned)?|maybe|cite|citing|skim)\b",
    re.IGNORECASE,
)


def is_checked(value: str) -> bool:
    """A checkbox cell as trackers export it: "checked" (Airtable), "Yes" (Notion),
    "TRUE" (Google Sheets), "x", "✓"."""
    return status_key(value) in _CHECKED or value.strip(" *_`") in _CHECKED
