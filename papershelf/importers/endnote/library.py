"""What a reference manager's library export says beyond each record's facts.

Shared by the EndNote XML and Zotero RDF readers:

* **Reading status.** People mark what they have not read yet in a label ("To read"),
  a tag or keyword ("unread", "_toread"), or a note that says only that. A record so
  marked that has no notes of its own is no paper the person read, *when the import
  holds notes* — in the export, or in files beside it (the export's container says so,
  see ``NOTES_BESIDE``). A library exported on its own, with no notes anywhere, is the
  collection itself (as ``notes.background`` keeps a bibliography no note cites): every
  record goes in. "Skimmed" or "read" marks keep a record.
* **Notes.** What the person wrote on a paper becomes its summary; what a database
  wrote into a notes field when the record was imported (PubMed's publication types,
  Web of Science's "Times Cited") is not theirs, and a note that is only a status
  ("to read", "skimmed") is a mark, not a summary.
* **Topics.** Tags or keywords shared by two records or more become topics, but not
  status or workflow tags, MeSH's check tags ("Humans", "Female"), or a tag on (nearly)
  every record, which names the library rather than a topic in it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from papershelf.importers.notes.status import (  # noqa: F401 -- the readers' vocabulary
    PART_READ,
    READ,
    TO_READ,
    is_status_note,
    marks_read,
    marks_unread,
    note_says_unread,
    status_key,
)
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
    SummaryRecord,
    TopicRecord,
)

R = TypeVar("R")  # a record of a tagged export

# Put in front of an export's text by its container when notes lie beside the export
# (see endnote/container.py): the reader cannot see the folder, the container can.
NOTES_BESIDE = "<?papershelf notes-beside?>"

# Tags that say where a record stands or what it is, not what it is about.
_WORKFLOW = (
    TO_READ
    | READ
    | PART_READ
    | frozenset(
        {"todo", "inbox", "paper", "papers", "important", "favourite", "favorite", "cited"}
        | {"starred", "priority", "key paper", "key", "review", "reviewed", "notes", "core"}
    )
)
# MeSH's check tags: PubMed puts them on nearly every clinical paper.
_CHECK_TAGS = frozenset(
    {"humans", "animals", "male", "female", "adult", "aged", "middle aged", "young adult"}
    | {"adolescent", "child", "child, preschool", "infant", "infant, newborn", "mice", "rats"}
    | {"aged, 80 and over", "pregnancy", "retrospective studies", "prospective studies"}
)
_MIN_RECORDS_FOR_A_TAG = 2
_EVERYWHERE_SHARE = 0.9
_MIN_RECORDS_FOR_EVERYWHERE = 3

# Lines a database writes into EndNote's Notes field on import: PubMed's language,
# publication types and dates, Web of Science's and Scopus's counts and sources.
_DATABASE_LINE_RE = re.compile(
    r"^(?:times cited|cited reference count|cited references|export date|source:|pubmed id"
    r"|pmid|pmcid|correspondence address|funding (?:details|text)|language of original"
    r"|coden|chemicals/cas|tradenames|manufacturers|references:|article number"
    r"|accession number|publication types?|research support|comparative study"
    r"|journal article|randomized controlled trial|clinical trial|multicenter study"
    r"|review$|eng$|english$|epub |isi document delivery|usage count|web of science"
    r"|\d{4}/\d{2}/\d{2} \d{2}:\d{2}$|[a-z]{3}$)",
    re.IGNORECASE,
)
_MIN_DATABASE_LINES = 2


def is_database_note(text: str) -> bool:
    """Notes a database wrote on import, not the person: most lines are its fields."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    hits = sum(1 for line in lines if _DATABASE_LINE_RE.match(line))
    return hits >= _MIN_DATABASE_LINES and hits * 3 >= len(lines)


def add_tag_topics(document: ParsedDocument, tags_at: dict[int, list[str]]) -> None:
    """Tags shared by records become topics of those records (see the module's notes)."""
    counts = Counter(_key(tag) for tags in tags_at.values() for tag in {_key(t) for t in tags})
    records = len(document.entries)
    everywhere = {
        key
        for key, count in counts.items()
        if records >= _MIN_RECORDS_FOR_EVERYWHERE and count >= _EVERYWHERE_SHARE * records
    }
    for index, tags in tags_at.items():
        kept = [
            " ".join(tag.split())
            for tag in tags
            if counts[_key(tag)] >= _MIN_RECORDS_FOR_A_TAG
            and _key(tag) not in everywhere
            and _is_topic(tag)
        ]
        add_entry_topics(document, index, kept)


def document_of_records(
    records: Sequence[R],
    path: str,
    format_name: str,
    entry_of: Callable[[R, str, list[ImportWarning]], Entry],
    tags_of: Callable[[R], list[str]],
) -> ParsedDocument:
    """A tagged export's records (PubMed's, Web of Science's) as one document: an entry a
    record, and the tags several records share as topics."""
    if not records:
        raise ParseError(path, None, "no entries")
    document = ParsedDocument(path=path, format=format_name)
    tags_at: dict[int, list[str]] = {}
    for record in records:
        entry = entry_of(record, path, document.warnings)
        if entry.paper is not None:
            tags_at[len(document.entries)] = tags_of(record)
        document.entries.append(entry)
    add_tag_topics(document, tags_at)
    return document


def record_entry(
    paper: PaperRecord | None, kind: str, line: int, path: str, warnings: list[ImportWarning]
) -> Entry:
    """A tagged record's entry: its paper, or none with the reason warned (``kind`` names
    what the record is when it is no paper: "an erratum", "a patent")."""
    if paper is not None and (paper.title or paper.doi or paper.arxiv_id):
        return Entry(paper=paper, line=line)
    reason = f"record is {kind}, not a paper: skipped" if kind else "record has no title"
    warnings.append(ImportWarning(path, line, reason))
    return Entry(paper=None, line=line)


def library_entry(
    paper: PaperRecord,
    note: str,
    *,
    unread: bool,
    place: tuple[str, int],
    warnings: list[ImportWarning],
    evidence: str,
    noun: str = "record",
) -> Entry:
    """A reference manager's record as an entry with its notes; none, with the reason
    warned, when it has neither title nor identifier or is marked to read (``unread``)
    with no notes of its own. ``place`` is the file and line it is read from."""
    path, line = place
    if not paper.title and not (paper.arxiv_id or paper.doi):
        warnings.append(ImportWarning(path, line, f"{noun} has no title"))
        return Entry(paper=None, line=line)
    if unread and not note:
        message = f"“{paper.title}” is marked to read and has no notes: not read, skipped"
        warnings.append(ImportWarning(path, line, message))
        return Entry(paper=None, line=line)
    summary = SummaryRecord(markdown=note) if note else None
    return Entry(paper=paper, summary=summary, line=line, evidence=evidence)


def add_entry_topics(document: ParsedDocument, index: int, names: list[str]) -> None:
    if not names:
        return
    known = {topic.name.casefold() for topic in document.topics}
    for name in names:
        if name.casefold() not in known:
            document.topics.append(TopicRecord(name=name))
            known.add(name.casefold())
    current = document.entry_topics.get(index, [])
    document.entry_topics[index] = list(dict.fromkeys([*current, *names]))


def _key(tag: str) -> str:
    return " ".join(tag.casefold().split())


def _is_topic(tag: str) -> bool:
    key = _key(tag)
    # "Neoplasms/*epidemiology": a MeSH heading with its qualifier is indexing, not a topic.
    if "/" in tag or "*" in tag or key in _CHECK_TAGS:
        return False
    return status_key(tag) not in _WORKFLOW and bool(re.search(r"[^\W\d_]", tag))
