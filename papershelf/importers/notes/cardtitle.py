"""The one-line name of a ticket or a flashcard, as the top of its note.

An issue's Summary or a card's front names its paper the way a to-do names a task:
"Read: Conformer: Convolution-augmented Transformer … (Gulati et al., Interspeech
2020)", "Gulati et al. 2020 — Conformer: …", "PARADIGM-HF (McMurray 2014)". The notes
reader reads a heading's trailing year but not the names beside it, so who, where and
when become labelled lines under a heading that holds the title alone.
"""

from __future__ import annotations

import re

from papershelf.importers.notes.citations import read_citation

# "Read:", "Summarise -", "Review —": what the ticket asks done with the paper.
_TASK_RE = re.compile(
    r"^\s*(?:to[ -]?read|re-?read|read|reading|skim|review|summari[sz]e|present|study"
    r"|paper|go through|write[ -]?up|notes?)\s*[:—–-]\s*(?=\S)",
    re.IGNORECASE,
)
# A family name is capitalised, not an acronym: "ICASSP 2016" is where, not who.
_SURNAME = r"[A-ZÀ-Þ][a-zß-ÿ'’][\w'’\-]*"
# "(Gulati et al. 2020)", "(Chan, Jaitly, Le & Vinyals, ICASSP 2016)", "(Baevski 2020)".
_WHO_AND_WHEN_RE = re.compile(
    rf"\s*[(\[](?P<who>{_SURNAME}(?:\s*(?:,|&|\band\b)\s*{_SURNAME})*?(?:\s+et\s+al\.?)?)"
    r"[,;]?\s+(?:(?P<venue>[A-Z][\w&.\-]*(?:\s[A-Z][\w&.\-]*){0,3})[,]?\s+)?"
    r"(?P<year>(?:19|20)\d{2})[a-z]?[)\]]\s*$"
)
_ET_AL_RE = re.compile(r"\s+et\s+al\.?$")


def names_a_reading(name: str) -> bool:
    """ "Read: …", "Paper - …", "Summarise: …": the ticket is about reading a paper."""
    return bool(_TASK_RE.match(name))


def card_heading(name: str) -> str:
    """Markdown for the top of the note: the title as a heading, then what else the name
    says (authors, venue, year) as labelled lines the notes reader takes as facts."""
    name = " ".join(name.split())
    name = _TASK_RE.sub("", name, count=1)
    if not name:
        return ""
    cited = _WHO_AND_WHEN_RE.search(name)
    if cited and cited.start() > 0:
        authors = ", ".join(_ET_AL_RE.sub("", who.strip()) for who in _split(cited["who"]))
        return _heading(name[: cited.start()], authors, cited["venue"] or "", cited["year"])
    paper = read_citation(name)
    if paper is not None and paper.authors and paper.year and paper.title in name:
        return _heading(paper.title, ", ".join(paper.authors), paper.venue, str(paper.year))
    return f"# {name}"


def _split(who: str) -> list[str]:
    return [part for part in re.split(r"\s*(?:,|&|\band\b)\s*", who) if part.strip()]


def _heading(title: str, authors: str, venue: str, year: str) -> str:
    return f"# {title.strip(' .,;:—–-')}\n\n{labelled_facts(authors, venue, year)}"


def labelled_facts(authors: str, venue: str, year: str) -> str:
    """ "Authors: …", "Year: …", "Venue: …" lines, in that order: the notes reader takes
    a venue line straight under names for a title over its authors."""
    lines = [f"Authors: {authors}"] if authors else []
    lines += [f"Year: {year}"] if year else []
    lines += [f"Venue: {venue}"] if venue else []
    return "\n".join(lines)
