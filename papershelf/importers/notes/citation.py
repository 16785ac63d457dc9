"""Split a bookmark's link text, "Title, Organisation(s), Venue Year", into its fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from papershelf.importers.notes.text import YEAR_RE, strip_decoration

_VENUE_WORD_RE = re.compile(
    r"\b(NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|JMLR|TPAMI|arXiv"
    r"|Journal|Conference|Proceedings|Transactions|Workshop|Symposium)\b",
    re.IGNORECASE,
)
# "D. Bahdanau", "K. Cho": people given by initials, so the part lists authors.
_INITIALS_NAME_RE = re.compile(r"^(?:[A-Z]\.\s?-?)+\s*[A-Z][\w'\-]+$")
_ORGANISATION_SEPARATOR_RE = re.compile(r"\s+(?:and|&)\s+|\s*;\s*")
_PLACEHOLDER = " .…"  # "..." stands for organisations the author did not list


@dataclass
class Citation:
    title: str
    organisations: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    venue: str = ""
    year: int | None = None  # the year the citation states, which may differ from the row's


def split_citation(text: str) -> Citation:
    parts = [part.strip() for part in _split_outside_brackets(text)]
    title = parts.pop(0)
    # "Reduced, Reused and Recycled: The Life of …": a one-word head is not the whole title.
    if len(title.split()) == 1 and parts and (":" in parts[0] or len(parts[0].split()) >= 6):
        title = f"{title}, {parts.pop(0)}"
    citation = Citation(title=title)
    if parts and (YEAR_RE.search(parts[-1]) or _VENUE_WORD_RE.search(parts[-1])):
        venue = parts.pop()
        year = YEAR_RE.search(venue)
        citation.year = int(year[1]) if year else None
        citation.venue = strip_decoration(YEAR_RE.sub("", venue).strip())
    named = [part for part in parts if part.strip(_PLACEHOLDER)]
    if named and all(_INITIALS_NAME_RE.match(part) for part in named):
        citation.authors = named
    else:
        for part in named:
            citation.organisations += [
                org.strip() for org in _ORGANISATION_SEPARATOR_RE.split(part) if org.strip()
            ]
    return citation


def _split_outside_brackets(text: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += (char in "([") - (char in ")]")
        if char == "," and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts
