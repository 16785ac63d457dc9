"""A bibliography beside notes that cite it is their reference list, not a reading list.

R Markdown, Quarto, Pandoc, LaTeX and Typst notes cite a ``refs.bib`` (``[@key]``,
``@key``): the papers read are the ones the notes cite, or name by key; the rest of the
file is background — textbooks, software manuals, the papers a note says it has not
read. A bibliography that no note cites (or that its notes cite only once) is kept
whole: it is the collection itself, as a Zotero export is.
"""

from __future__ import annotations

import re

from papershelf.importers.notes.citations import says_not_read
from papershelf.importers.records import Entry, ImportWarning, ParsedDocument

BIBLIOGRAPHIES = frozenset({"bibtex", "csl", "ris", "hayagriva"})
# "[@knuth1984; @lamport1994, p. 3]", "@knuth1984 says", "[-@knuth1984]": Pandoc's forms.
_CITE_RE = re.compile(r"(?<![\w@.])-?@([\w][\w:.#$%&+?<>~/\-]*[\w])")
# Notes must cite this many of a bibliography's keys before its other entries are background.
_MIN_CITED = 2
_LISTED = 5  # keys named in the warning


def drop_uncited_background(documents: list[ParsedDocument]) -> None:
    """Leave out the entries of each bibliography its notes cite that no note cites."""
    cited = _cited_keys(documents)
    for document in documents:
        if document.format not in BIBLIOGRAPHIES:
            continue
        keys = [_key(entry) for entry in document.entries]
        if sum(1 for key in set(keys) if key and key in cited) < _MIN_CITED:
            continue
        kept = [e for e, key in zip(document.entries, keys, strict=True) if key in cited]
        left = [key for key in keys if key not in cited]
        if left and kept:
            document.entries = kept
            document.entry_topics = {}
            names = ", ".join(left[:_LISTED]) + (" …" if len(left) > _LISTED else "")
            message = (
                f"left out {len(left)} entries that no note cites (background: {names}); "
                "import the bibliography on its own to keep them"
            )
            document.warnings.append(ImportWarning(document.path, None, message))


def _key(entry: Entry) -> str:
    return entry.paper.bibtex_key.casefold() if entry.paper and entry.paper.bibtex_key else ""


def _cited_keys(documents: list[ParsedDocument]) -> set[str]:
    """Keys the notes cite (outside sentences saying they were not read) or name."""
    keys: set[str] = set()
    for document in documents:
        if document.format in BIBLIOGRAPHIES:
            continue
        texts = [text for _, text in document.section_notes.values()]
        for entry in document.entries:
            keys |= {entry.cites.casefold()} if entry.cites else set()
            keys |= {_key(entry)} - {""}  # a note paired with the entry by its key
            texts += [entry.summary.markdown] if entry.summary else []
        for text in texts:
            for line in re.split(r"(?<=[.!?])\s+|\n", text):
                if not says_not_read(line):
                    keys |= {key.casefold() for key in _CITE_RE.findall(line)}
    return keys
