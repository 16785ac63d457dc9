"""What a JabRef library says beyond each entry's facts: read status, notes and groups.

JabRef keeps the person's reading in fields of the ``.bib`` itself: ``readstatus``
(``read`` or ``skimmed``; JabRef's special field), ``comment`` (its notes tab; biblatex's
``annotation`` and BibTeX's ``annote`` alike) and ``groups`` (static groups the entry is
in). A library whose entries carry a read status is the person's record of what was
read: an entry with ``read`` (or ``skimmed``, unless its note says it does not count) is
a paper read, with its comment as the summary and its groups as topics; an entry with no
status is on the list but not read, and books, web pages and unpublished drafts are
background. A library with no read status at all is the collection itself, as any
bibliography on its own (``notes.background``).
"""

from __future__ import annotations

from papershelf.importers.notes.citations import says_not_read
from papershelf.importers.records import Entry, ImportWarning, ParsedDocument, SummaryRecord

_NOTE_FIELDS = ("comment", "annotation", "annote")
_READ = frozenset({"read", "skimmed"})
_NOT_PAPERS = frozenset({"book", "online", "www", "electronic", "unpublished", "misc"})


def apply_reading(document: ParsedDocument, fields_of: list[dict[str, str]]) -> None:
    """``fields_of[i]`` are the raw fields of ``document.entries[i]``."""
    if not any(fields.get("readstatus") for fields in fields_of):
        for entry, fields in zip(document.entries, fields_of, strict=True):
            _add_notes(entry, fields)
        return
    kept: list[tuple[Entry, dict[str, str]]] = []
    for entry, fields in zip(document.entries, fields_of, strict=True):
        reason = _not_read(entry, fields)
        if reason:
            title = entry.paper.title if entry.paper else "an entry"
            document.warnings.append(
                ImportWarning(document.path, entry.line, f"“{title}” {reason}")
            )
            continue
        _add_notes(entry, fields)
        kept.append((entry, fields))
    document.entries = [entry for entry, _ in kept]
    document.entry_topics = {}
    for index, (_, fields) in enumerate(kept):
        groups = [g.strip() for g in fields.get("groups", "").split(",") if g.strip()]
        if groups:
            document.entry_topics[index] = groups


def _not_read(entry: Entry, fields: dict[str, str]) -> str:
    status = fields.get("readstatus", "").strip().casefold()
    if status not in _READ:
        return "has no read status in a library that marks what was read: not read"
    notes = _notes(fields)
    if status == "skimmed" and says_not_read(notes):
        return "is marked skimmed and its note says it does not count as read"
    if entry.paper is not None and entry.paper.entry_type in _NOT_PAPERS:
        return f"is a {entry.paper.entry_type} entry, not a paper"
    return ""


def _notes(fields: dict[str, str]) -> str:
    return "\n\n".join(text for key in _NOTE_FIELDS if (text := fields.get(key, "").strip()))


def _add_notes(entry: Entry, fields: dict[str, str]) -> None:
    notes = _notes(fields)
    if notes and entry.paper is not None and entry.summary is None:
        entry.summary = SummaryRecord(notes)
