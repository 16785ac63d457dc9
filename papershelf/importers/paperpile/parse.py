"""Read a Paperpile library exported as JSON (Settings → Export → JSON).

The export is an array of references: ``title``, ``author`` ([{first, last}]),
``published`` ({year}), ``journalfull``/``journal``, ``doi``, ``id_list`` ("doi:…",
"arxiv:…", "pmid:…", "url:…"), ``url``, ``citekey``, ``pubtype`` (PP_ARTICLE,
PP_PREPRINT, PP_BOOK, PP_WEB…), the person's ``note`` (HTML), ``labelsNamed`` and
``foldersNamed``, and ``trashed``/``incomplete`` flags.

As for the other reference managers (``endnote.library``): a reference becomes a paper
with its note as the summary; folders are topics (a folder holding every reference names
the library, not a topic), and so are labels shared by two references or more; what is
in the trash, web pages and incomplete web clips are left out. When the library holds
notes, a reference labelled to read or "cite only" with no note of its own, and books,
are not papers the person read. A preprint and the paper it became (the same first
author, nearly the same title, within two years) are one paper, the published one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from papershelf.importers.endnote.library import (
    add_entry_topics,
    add_tag_topics,
    is_status_note,
    marks_read,
    marks_unread,
)
from papershelf.importers.html.parse import to_markdown
from papershelf.importers.notes.links import add_link
from papershelf.importers.notes.status import status_says_unread
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseError,
    SummaryRecord,
)
from papershelf.lib.identifiers import identify

FORMAT = "paperpile"
EVIDENCE = "a Paperpile reference"
_NOT_PAPERS = {"PP_WEB": "a web page", "PP_SOFTWARE": "software", "PP_VIDEO": "a video"}
_BOOKS = frozenset({"PP_BOOK", "PP_EDITED_BOOK"})
_MIN_FOR_EVERYWHERE = 4  # a folder holding every one of this many references names the library
_PREPRINT_YEARS = 2
_SAME_TITLE_SHARE = 0.8


@dataclass
class _Reference:
    line: int
    paper: PaperRecord
    kind: str
    notes: str
    labels: list[str]
    folders: list[str]
    preprint_of: _Reference | None = field(default=None, repr=False)


def looks_like_paperpile(text: str) -> bool:
    head = text.lstrip("\ufeff \t\n")[:4000]
    return (
        head.startswith("[")
        and '"citekey"' in head
        and (
            '"labelsNamed"' in text[:200_000]
            or '"pubtype": "PP_' in head
            or '"pubtype":"PP_' in head
        )
    )


def parse(text: str, path: str) -> ParsedDocument:
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError(path, error.lineno, f"not readable JSON: {error.msg}") from None
    if not isinstance(rows, list):
        raise ParseError(path, 1, "not a Paperpile export: it is no list of references")
    document = ParsedDocument(path=path, format=FORMAT)
    found: list[_Reference] = []
    for index, row in enumerate(r for r in rows if isinstance(r, dict)):
        reference = _reference(row, index + 1)
        reason = _left_out(row, reference)
        if reason:
            document.warnings.append(ImportWarning(path, reference.line, reason))
        else:
            found.append(reference)
    kept = _read(_published_only(found, document), document)
    document.entries = [
        Entry(r.paper, SummaryRecord(r.notes) if r.notes else None, r.line, evidence=EVIDENCE)
        for r in kept
    ]
    _add_topics(document, kept)
    return document


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _texts(value: Any) -> list[str]:
    return [t for item in value if (t := _text(item))] if isinstance(value, list) else []


def _reference(row: dict[str, Any], line: int) -> _Reference:
    published = row.get("published")
    published = published if isinstance(published, dict) else {}
    year = re.match(r"(?:19|20)\d{2}", _text(str(published.get("year", ""))))
    paper = PaperRecord(
        title=_text(row.get("title")),
        authors=[_name(a) for a in row.get("author") or [] if isinstance(a, dict) and _name(a)],
        year=int(year[0]) if year else None,
        venue=_text(row.get("journalfull")) or _text(row.get("journal")),
        bibtex_key=_text(row.get("citekey")),
    )
    for value in [_text(row.get("doi")), *_texts(row.get("id_list")), *_texts(row.get("url"))]:
        _add_identifier(paper, value)
    note = _text(row.get("note")) and to_markdown(row["note"]).strip()
    return _Reference(
        line=line,
        paper=paper,
        kind=_text(row.get("pubtype")),
        notes="" if is_status_note(note) else note,
        labels=_texts(row.get("labelsNamed")),
        folders=_texts(row.get("foldersNamed")),
    )


def _name(author: dict[str, Any]) -> str:
    return " ".join(p for p in (_text(author.get("first")), _text(author.get("last"))) if p) or (
        _text(author.get("formatted")) or _text(author.get("collective"))
    )


def _add_identifier(paper: PaperRecord, value: str) -> None:
    kind, _, rest = value.partition(":")
    if kind in ("doi", "arxiv") and rest and not rest.startswith("//"):
        value = f"{kind}:{rest}"
    identifier = identify(value)
    if identifier is not None and identifier.kind == "doi" and not paper.doi:
        paper.doi = identifier.value
    elif identifier is not None and identifier.kind == "arxiv" and not paper.arxiv_id:
        paper.arxiv_id = identifier.value
    elif value.startswith(("http://", "https://")):
        add_link(paper, value)


def _left_out(row: dict[str, Any], reference: _Reference) -> str:
    title = reference.paper.title or "a reference without a title"
    if row.get("trashed") in (1, True, "1"):
        return f"“{title}” is in Paperpile's trash, left out"
    if reference.kind in _NOT_PAPERS:
        return f"“{title}” is {_NOT_PAPERS[reference.kind]}, not a paper, left out"
    if row.get("incomplete") in (1, True, "1") and not reference.paper.authors:
        return f"“{title}” is an incomplete web clip (no authors), left out"
    if not reference.paper.title:
        return "a reference without a title, left out"
    return ""


def _published_only(found: list[_Reference], document: ParsedDocument) -> list[_Reference]:
    """A preprint and the paper it became are one: the paper, with both notes."""
    published = [r for r in found if r.kind != "PP_PREPRINT"]
    kept = []
    for reference in found:
        later = (
            _published_version(reference, published) if reference.kind == "PP_PREPRINT" else None
        )
        if later is None:
            kept.append(reference)
            continue
        if reference.notes:
            later.notes = "\n\n---\n\n".join(n for n in (later.notes, reference.notes) if n)
        later.labels = list(dict.fromkeys([*later.labels, *reference.labels]))
        message = f"“{reference.paper.title}” is the preprint of “{later.paper.title}”: one paper"
        document.warnings.append(ImportWarning(document.path, reference.line, message))
    return kept


def _published_version(preprint: _Reference, published: list[_Reference]) -> _Reference | None:
    words = _words(preprint.paper.title)
    first = _family(preprint.paper.authors)
    for other in published:
        theirs = _words(other.paper.title)
        close = len(words & theirs) >= _SAME_TITLE_SHARE * max(len(words), len(theirs), 1)
        years = (preprint.paper.year or 0, other.paper.year or 0)
        if (
            close
            and first
            and first == _family(other.paper.authors)
            and (abs(years[0] - years[1]) <= _PREPRINT_YEARS)
        ):
            return other
    return None


def _words(title: str) -> set[str]:
    return set(re.findall(r"\w+", title.casefold()))


def _family(authors: list[str]) -> str:
    return authors[0].split()[-1].casefold() if authors and authors[0].split() else ""


def _read(found: list[_Reference], document: ParsedDocument) -> list[_Reference]:
    """Beside notes, references to read, to cite only, and books are no papers read."""
    if not any(r.notes for r in found):
        return found  # the library alone is the collection
    kept = []
    for reference in found:
        title = reference.paper.title
        labels, notes = reference.labels, reference.notes
        read = any(marks_read(label) for label in labels)
        unread = any(status_says_unread(label, notes) for label in labels)
        if reference.kind in _BOOKS and not read:
            reason = f"“{title}” is a book, left out beside the notes on papers"
        elif unread and not read:
            reason = f"“{title}” is labelled to read or to cite only, with no notes of its own"
        else:
            kept.append(reference)
            continue
        document.warnings.append(ImportWarning(document.path, reference.line, reason))
    return kept


def _add_topics(document: ParsedDocument, kept: list[_Reference]) -> None:
    """Folders are topics, unless one holds every reference; shared labels too."""
    statuses = {name for r in kept for name in r.labels if marks_read(name) or marks_unread(name)}
    labels = {i: [n for n in r.labels if n not in statuses] for i, r in enumerate(kept)}
    add_tag_topics(document, labels)
    members: dict[str, list[int]] = {}
    for index, reference in enumerate(kept):
        for folder in reference.folders:
            members.setdefault(folder, []).append(index)
    for folder, indexes in members.items():
        if len(kept) >= _MIN_FOR_EVERYWHERE and len(indexes) == len(kept):
            continue
        for index in indexes:
            add_entry_topics(document, index, [folder])
