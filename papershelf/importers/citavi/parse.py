"""Read a Citavi project's XML export (``<CitaviExchangeData>``) into paper records.

Each reference that is a paper (``references``) becomes an entry; its knowledge items
(quotations, summaries, comments, in Citavi's order) and the person's own
``<Evaluation>`` and ``<Notes>`` become its summary (``knowledge``). The category
system becomes the reading list's sections, in outline order, a paper listed in each
of its categories, the uncategorised first (``categories``). Keywords and groups are
tags: shared ones become topics, and reading status follows ``endnote.library`` (a
pending "Read" task counts as marking a paper to read).
"""

from __future__ import annotations

from copy import deepcopy

from papershelf.importers.citavi.categories import category_paths
from papershelf.importers.citavi.knowledge import knowledge_markdown, rich_text
from papershelf.importers.citavi.project import ROOT, Project, id_of, line_value, read_project
from papershelf.importers.citavi.references import (
    NOT_PAPERS,
    paper_of,
    reference_type,
    tags_of,
    title_of,
)
from papershelf.importers.endnote.library import (
    NOTES_BESIDE,
    add_tag_topics,
    is_database_note,
    is_status_note,
    library_entry,
    marks_read,
    marks_unread,
    note_says_unread,
    status_key,
)
from papershelf.importers.endnote.xmlnodes import Element, parse_xml
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    ParsedDocument,
    ParseError,
)

FORMAT = "citavi"
EVIDENCE = "a Citavi reference"

# A task's name is what is still to do: a pending "Read" means not read yet.
_READING_TASKS = frozenset({"read", "read again", "lesen", "erneut lesen"})
_DONE = frozenset({"done", "completed", "complete", "erledigt", "true"})

Placement = tuple[Element, tuple[str, ...]]


def parse(text: str, path: str) -> ParsedDocument:
    root = parse_xml(text, path)
    if root.name != ROOT:
        raise ParseError(path, root.line, f"not a Citavi project export (no <{ROOT}>)")
    project = read_project(root)
    if not project.references:
        raise ParseError(path, root.line, "no references")
    document = ParsedDocument(path=path, format=FORMAT)
    notes = {id_of(reference): _notes(project, reference, path) for reference in project.references}
    # Notes in the export or beside it say what was read; a bare library is kept whole.
    with_notes = any(notes.values()) or text.lstrip("\ufeff").startswith(NOTES_BESIDE)
    first: dict[str, Entry] = {}
    tags_at: dict[int, list[str]] = {}
    for reference, sections in _placements(project):
        own = id_of(reference)
        if own in first:
            # Listed again in another category: the same paper, its notes said once.
            if (earlier := first[own]).paper is not None:
                again = Entry(deepcopy(earlier.paper), line=earlier.line, evidence=EVIDENCE)
                again.sections = sections
                document.entries.append(again)
            continue
        entry = _entry(project, reference, notes[own], with_notes, path, document.warnings)
        entry.sections = sections if entry.paper is not None else ()
        first[own] = entry
        if entry.paper is not None:
            tags_at[len(document.entries)] = entry.paper.keywords
        document.entries.append(entry)
    add_tag_topics(document, tags_at)
    if project.loose_knowledge:
        message = (
            f"{project.loose_knowledge} knowledge item(s) belong to no reference "
            "(thoughts): not imported, as a summary belongs to a paper"
        )
        document.warnings.append(ImportWarning(path, None, message))
    return document


def _placements(project: Project) -> list[Placement]:
    """Each reference where the reading list shows it: the uncategorised first, then
    each category's references in outline order, a reference in each of its categories."""
    paths = category_paths(project)
    in_category: dict[str, list[Element]] = {category: [] for category in paths}
    placed: list[Placement] = []
    for reference in project.references:
        categories = [
            c for c in project.linked("ReferenceCategories", id_of(reference)) if c in paths
        ]
        for category in categories:
            in_category[category].append(reference)
        if not categories:
            placed.append((reference, ()))
    for category, references in in_category.items():
        placed += [(reference, paths[category]) for reference in references]
    return placed


def _entry(
    project: Project,
    reference: Element,
    note: str,
    with_notes: bool,
    path: str,
    warnings: list[ImportWarning],
) -> Entry:
    line = reference.line
    kind = NOT_PAPERS.get(reference_type(reference))
    if kind:
        name = title_of(reference) or "a reference"
        message = f"“{name}” is {kind}, not a paper: skipped"
        warnings.append(ImportWarning(path, line, message))
        return Entry(paper=None, line=line)
    paper = paper_of(project, reference, path)
    unread = with_notes and not note and _unread(project, reference)
    return library_entry(
        paper,
        note,
        unread=unread,
        place=(path, line),
        warnings=warnings,
        evidence=EVIDENCE,
        noun="reference",
    )


def _notes(project: Project, reference: Element, path: str) -> str:
    """The person's notes on the reference as Markdown: knowledge items, evaluation,
    notes (not a database's, nor a bare reading status)."""
    items = knowledge_markdown(project.knowledge.get(id_of(reference), []), path)
    own = [rich_text(reference, name, path) for name in ("Evaluation", "Notes")]
    kept = [
        text
        for text in own
        if text
        and not is_status_note(text)
        and not note_says_unread(text)
        and not is_database_note(text)
    ]
    return "\n\n".join(part for part in (items, *kept) if part)


def _unread(project: Project, reference: Element) -> bool:
    """Marked to read by a keyword or group, or by a task still open to read it."""
    marks = tags_of(project, reference)
    if any(marks_read(mark) for mark in marks):
        return False
    if any(marks_unread(mark) for mark in marks):
        return True
    tasks = [task for task in project.tasks.get(id_of(reference), []) if not _done(task)]
    names = [line_value(task, "Name") for task in tasks]
    return any(marks_unread(name) or status_key(name) in _READING_TASKS for name in names)


def _done(task: Element) -> bool:
    return line_value(task, "Status", "IsCompleted", "IsDone").casefold() in _DONE
