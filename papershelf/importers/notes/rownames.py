"""A schedule or index that names the collection's papers by nickname.

A journal club's wiki keeps a page per paper (its title, authors, DOI) and a schedule
table that names each by what people call it: "AlphaFold2", "Top7 — Kuhlman et al.
2003", "ESM-1b (Rives 2021)". Read alone, each row is a paper titled by its nickname,
a second copy of one the notes already hold. ``resolve_row_nicknames`` gives such a row
the paper of the note it names, when exactly one note fits: by first author and year
("Kuhlman et al. 2003"), or by the name the note goes by — its file's name before the
authors ("alphafold2-jumper-et-al-2021.md"), or its title's short name ("ColabFold: …").
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath

from papershelf.importers.ids.titles import unconfirmed_message
from papershelf.importers.notes.metadata import identifier_of, states_facts
from papershelf.importers.records import Entry, PaperRecord, ParsedDocument

_ROW_EVIDENCE = ("a row of a table",)
# "Kuhlman et al. 2003", "Rives 2021", "Dill & MacCallum 2012".
_AUTHOR_YEAR_RE = re.compile(
    r"\b(?P<name>[A-Z][\w'’\-]+)(?:\s+(?:et al\.?|and [A-Z][\w'’\-]+|& [A-Z][\w'’\-]+))?"
    r",?\s+\(?(?P<year>(?:19|20)\d{2})\b"
)
_ASIDE_RE = re.compile(r"\([^()]*\)")
# What a nickname trails: "the AlphaFold DB paper", "ESMFold preprint".
_FILLER_WORDS = frozenset({"paper", "preprint", "article", "the", "original"})
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")


def resolve_row_nicknames(documents: list[ParsedDocument]) -> None:
    notes = [d.entries[0].paper for d in documents if len(d.entries) == 1]
    known = [p for p in notes if p is not None and states_facts(p)]
    if not known:
        return
    by_name = _names(documents)
    by_author_year: dict[str, list[PaperRecord]] = {}
    for paper in known:
        if paper.authors and paper.year:
            key = f"{_family(paper.authors[0])} {paper.year}"
            by_author_year.setdefault(key, []).append(paper)
    for document in documents:
        if len(document.entries) < 2:
            continue
        for entry in document.entries:
            if _is_nickname_row(entry):
                found = _named(entry, by_name, by_author_year)
                if found is not None and entry.paper is not None:
                    stale = unconfirmed_message(entry.paper.title.strip())
                    document.warnings = [
                        w for w in document.warnings if not w.message.startswith(stale)
                    ]
                    entry.paper = replace(found)
                    entry.evidence = "names a paper of this import's notes"


def _is_nickname_row(entry: Entry) -> bool:
    paper = entry.paper
    return (
        paper is not None
        and entry.evidence.startswith(_ROW_EVIDENCE)
        and not identifier_of(paper)
        and not paper.authors
    )


def _named(
    entry: Entry,
    by_name: dict[str, list[PaperRecord]],
    by_author_year: dict[str, list[PaperRecord]],
) -> PaperRecord | None:
    title = entry.paper.title if entry.paper else ""
    found = _one(by_name.get(_nickname(title), []))
    if found is None:
        cited = {f"{_family(m['name'])} {m['year']}" for m in _AUTHOR_YEAR_RE.finditer(title)}
        found = _one([p for key in cited for p in by_author_year.get(key, [])])
    return found


def _one(papers: list[PaperRecord]) -> PaperRecord | None:
    """The paper, when these are one, however many notes hold it (a page, its copy)."""
    unique = {identifier_of(p) or p.title.casefold(): p for p in papers}
    return next(iter(unique.values())) if len(unique) == 1 else None


def _names(documents: list[ParsedDocument]) -> dict[str, list[PaperRecord]]:
    """Each one-paper note's paper under the names it goes by."""
    names: dict[str, list[PaperRecord]] = {}
    for document in documents:
        paper = document.entries[0].paper if len(document.entries) == 1 else None
        if paper is None or not states_facts(paper):
            continue
        found = {_file_name(document.path, paper), _short_name(paper.title)} - {""}
        for name in found:
            names.setdefault(name, []).append(paper)
    return names


def _file_name(path: str, paper: PaperRecord) -> str:
    """ "alphafold2-jumper-et-al-2021.md" → "alphafold2": the words before the authors."""
    words = re.split(r"[\s_\-]+", PurePosixPath(path.replace("\\", "/")).stem.casefold())
    first_author = _family(paper.authors[0]).casefold() if paper.authors else ""
    kept: list[str] = []
    for word in words:
        if word in ("et", first_author) or _YEAR_RE.match(word):
            break
        kept.append(word)
    return _nickname(" ".join(kept)) if len(kept) <= _MAX_NAME_WORDS else ""


_MAX_NAME_WORDS = 3


def _short_name(title: str) -> str:
    """ "ColabFold: making protein folding accessible to all" → "colabfold"."""
    head, colon, _ = title.partition(":")
    return _nickname(head) if colon and len(head.split()) <= _MAX_NAME_WORDS else ""


def _nickname(text: str) -> str:
    words = re.split(r"[\s_\-—–]+", _ASIDE_RE.sub(" ", text).casefold())
    return " ".join(w for w in words if w and w not in _FILLER_WORDS)


def _family(name: str) -> str:
    """ "B Kuhlman", "Kuhlman, B.", "Kuhlman B" (Vancouver), "Kuhlman" → "kuhlman"."""
    name = name.strip()
    if "," in name:
        return name.split(",")[0].strip(" .").casefold()
    words = name.split()
    if len(words) > 1 and _INITIALS_RE.match(words[-1]):
        return words[0].strip(" .").casefold()
    return words[-1].strip(" .").casefold() if words else ""


_INITIALS_RE = re.compile(r"^(?:[A-Z]\.?){1,3}$")
