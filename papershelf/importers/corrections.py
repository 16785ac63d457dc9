"""A person's corrections from the preview, applied to what a parser found.

"This is not a paper" keeps the part's text as notes of the paper before it (or, with
none before, drops it with a warning): text is never lost silently and never invents a
paper. "This is the title" names the paper. Where papers start (a heading level, a
separator line) is the parser's business: see ``ParseHints``.
"""

from __future__ import annotations

from papershelf.importers.notes.layout import make_summary
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    ParseHints,
)


def apply_hints(document: ParsedDocument, hints: ParseHints) -> None:
    kept: list[Entry] = []
    topics: dict[int, list[str]] = {}
    for index, entry in enumerate(document.entries):
        line = entry.line or 0
        if line in hints.not_papers:
            _keep_as_notes(document, kept, entry)
            continue
        if line in hints.titles and hints.titles[line].strip():
            title = " ".join(hints.titles[line].split())
            entry.paper = entry.paper or PaperRecord(title=title)
            entry.paper.title = title
            entry.evidence = "a title you gave"
        if index in document.entry_topics:
            topics[len(kept)] = document.entry_topics[index]
        kept.append(entry)
    document.entries = kept
    document.entry_topics = topics


def _keep_as_notes(document: ParsedDocument, kept: list[Entry], entry: Entry) -> None:
    text = entry.summary.markdown if entry.summary else ""
    if not kept:
        message = "you said this is not a paper; no paper comes before it, so it was left out"
        document.warnings.append(ImportWarning(document.path, entry.line, message))
        return
    previous = kept[-1]
    if text.strip():
        heading = previous.summary.heading if previous.summary else ""
        body = f"{previous.summary.markdown}\n\n{text}" if previous.summary else text
        previous.summary = make_summary(body, heading)
    message = "you said this is not a paper: kept as notes of the paper before it"
    document.warnings.append(ImportWarning(document.path, entry.line, message))
