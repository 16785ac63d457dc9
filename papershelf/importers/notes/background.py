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

BIBLIOGRAPHIES = frozenset({"bibtex", "csl", "ris", "hayagriva", "endnote", "zotero-rdf"})
# "[@knuth1984; @lamport1994, p. 3]", "@knuth1984 says", "[-@knuth1984]": Pandoc's forms,
# and Typst's "@knuth1984".
_CITE_RE = re.compile(r"(?<![\w@.])-?@([\w][\w:.#$%&+?<>~/\-]*[\w])")
# "\citep[p. 3]{knuth1984, lamport1994}", "\textcite{…}", "#cite(<knuth1984>)".
_COMMAND_RE = re.compile(r"\\\w*cite\w*\*?(?:\[[^\]]*\]){0,2}\{([^}]+)\}|#cite\(<([^>]+)>")
# Where a sentence ends: "… not read. Tierney", never "p. 3" or "et al. (2014)".
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n")
# Notes must cite this many of a bibliography's keys before its other entries are background.
_MIN_CITED = 2
_LISTED = 5  # keys named in the warning


def keys_cited_in(text: str, format_name: str) -> set[str]:
    """The keys a document's text cites (a bibliography's own text cites none), outside
    sentences that say the paper was not read."""
    if format_name in BIBLIOGRAPHIES:
        return set()
    keys: set[str] = set()
    for line in _SENTENCE_END_RE.split(text):
        if says_not_read(line):
            continue
        keys |= {key.casefold() for key in _CITE_RE.findall(line)}
        for command, typst in _COMMAND_RE.findall(line):
            keys |= {key.strip().casefold() for key in (command or typst).split(",")}
    return keys


def drop_uncited_background(documents: list[ParsedDocument], cited: set[str]) -> None:
    """Leave out the entries of each bibliography its notes cite that no note cites:
    ``cited`` holds what every file of the import cites, papers named or not."""
    cited = cited | _cited_keys(documents)
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
    """Keys the notes name their papers by."""
    keys: set[str] = set()
    for document in documents:
        if document.format in BIBLIOGRAPHIES:
            continue
        for entry in document.entries:
            keys |= {entry.cites.casefold()} if entry.cites else set()
            keys |= {_key(entry)} - {""}  # a note paired with the entry by its key
    return keys
