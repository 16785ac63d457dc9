"""Import documents into the shelf: parse every file, then apply them in one transaction.

Parsing happens first and outside the database. A file that cannot be read, or that
names no paper, is reported and left out while the rest of a folder goes in; with
``strict`` it stops the whole run before anything is written. Applying goes through
the same services as the web views.
"""

from __future__ import annotations

import logging
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from django.db import transaction

from papershelf.accounts.models import User
from papershelf.importers import containers, registry
from papershelf.importers.apply import KEEP_WITH_AN_OWNER, DocumentApplier, ListPlan, sync_list
from papershelf.importers.containers.sitenav import is_navigation_page
from papershelf.importers.corrections import apply_hints
from papershelf.importers.notes.background import (
    drop_uncited_background,
    keys_cited_in_order,
    pair_by_author_year,
)
from papershelf.importers.notes.collection import (
    apply_topics_pages,
    chapters_cite_their_papers,
    content_skip_reason,
    follow_note_links,
    is_topics_page,
    keep_data_over_renderings,
    only_journal_pages,
    pair_with_bibliography,
    read_topics_page,
    resolve_bare_titles,
    resolve_nicknames,
    settle_collection,
    skip_reason,
    syntheses_name_no_paper,
)
from papershelf.importers.notes.index_pages import is_contents_page, linked_notes
from papershelf.importers.notes.joplin import JoplinExport, read_export
from papershelf.importers.notes.rownames import resolve_row_nicknames
from papershelf.importers.reading import Document, expand_paths, read_document
from papershelf.importers.records import ImportWarning, ParsedDocument, ParseError, ParseHints
from papershelf.importers.yamldata.parse import FORMAT as YAML_DATA
from papershelf.papers.identity import PaperIndex
from papershelf.readinglists.models import ReadingList
from papershelf.readinglists.services import create_list
from papershelf.summaries.models import Visibility

log = logging.getLogger(__name__)


class Progress(Protocol):
    def start(self, total: int, label: str) -> None: ...

    def advance(self, amount: int = 1) -> None: ...


class _Silent:
    def start(self, total: int, label: str) -> None:
        pass

    def advance(self, amount: int = 1) -> None:
        pass


@dataclass
class ImportOptions:
    # None: a bibliography imported before the shelf has accounts (only_bibliographies).
    # Its papers are the shelf's; what is someone's (summaries, lists) is left out, warned.
    user: User | None
    format: str = "auto"
    dry_run: bool = False
    list_name: str = ""
    topics: list[str] = field(default_factory=list)
    visibility: str = Visibility.PUBLIC
    fetch_metadata: bool = True  # look identifiers up online (arXiv, Crossref, OpenReview)
    cache_dir: Path | None = None
    # Files staged from a web upload live here; they are known by name, not by this path,
    # so uploading the same file again updates what the first upload made.
    upload_root: Path | None = None
    metadata_client: Any = None  # an ids.fetch.MetadataClient; tests point it at a local server
    title_lookups: Any = None  # this run's ids.titles.TitleLookups (its budget), made on first use
    strict: bool = False  # one unreadable or paper-less file stops the whole run
    # A person's corrections from the preview, by file name as the report shows it.
    corrections: dict[str, ParseHints] = field(default_factory=dict)


@dataclass
class FileOutcome:
    """What became of one file: imported (and as what), skipped (why) or failed (where)."""

    name: str
    status: str  # imported, skipped, failed
    detail: str
    format: str = ""  # the parser that read it, when one did: "notes", "bibtex", …

    def __str__(self) -> str:
        return f"{self.name}: {self.status} ({self.detail})"


@dataclass
class Action:
    kind: str  # created, merged, updated, unchanged, skipped
    what: str
    where: str
    detail: str = ""
    file: str = ""  # the file as the report names it, and the entry's line: a correction's key
    line: int | None = None
    evidence: str = ""  # what says this is a paper
    sections: str = ""  # "Module 1 / Lesson 2"


@dataclass
class ImportReport:
    dry_run: bool
    files: list[FileOutcome] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    summaries_created: int = 0
    summaries_updated: int = 0
    summaries_unchanged: int = 0
    lists_created: int = 0
    lists_updated: int = 0
    topics_created: int = 0
    attachments: int = 0
    warnings: list[ImportWarning] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for action in self.actions if action.kind == kind)

    def files_with(self, status: str) -> list[FileOutcome]:
        return [outcome for outcome in self.files if outcome.status == status]

    def lines(self) -> list[str]:
        verb = "would be" if self.dry_run else "were"
        return [
            f"files: {len(self.files_with('imported'))} imported, "
            f"{len(self.files_with('skipped'))} skipped, {len(self.files_with('failed'))} failed",
            f"papers: {self.count('created')} created, {self.count('merged')} merged with "
            f"existing papers, {self.count('updated')} updated, {self.count('unchanged')} "
            f"unchanged, {self.count('skipped')} skipped",
            f"summaries: {self.summaries_created} created, {self.summaries_updated} updated, "
            f"{self.summaries_unchanged} unchanged",
            f"reading lists: {self.lists_created} created, {self.lists_updated} updated; "
            f"topics: {self.topics_created} created; images: {self.attachments} stored",
            f"warnings: {len(self.warnings)}"
            + (f" (nothing {verb} written)" if self.dry_run else ""),
        ]


# Formats that only name papers. A paper belongs to the shelf, not to a person, so a
# shelf with no accounts yet can take these in; only their notes wait for an owner.
BIBLIOGRAPHY_FORMATS = frozenset({"bibtex", "csl", "ris", "ids", "hayagriva", "medline", "wos"})


def only_bibliographies(paths: list[Path], format: str = "auto") -> bool:
    """Whether every path is one file read as a bibliography, by ``format`` or, with
    ``auto``, by the format detected in it: an import that needs no owner.

    A folder, an archive or a container (a Word file, an Evernote export) may hold
    notes: no. A path that cannot be read imports nothing, so it needs no owner either;
    the import itself then says what is wrong with it.
    """
    if format != "auto" and format not in BIBLIOGRAPHY_FORMATS:
        return False
    openers = containers.readers()
    for path in paths:
        if not path.exists():
            continue
        if not path.is_file() or path.suffix.lower() == ".zip":
            return False
        if containers.reader_for(path, openers) is not None:
            return False
        if format == "auto" and not _reads_as_bibliography(path):
            return False
    return True


def _reads_as_bibliography(path: Path) -> bool:
    # Read as the import will read it (encodings, size limit), and detected the same way.
    try:
        document = read_document(path, str(path.resolve()), path.name)
    except ParseError:
        return True
    return registry.detect(document.path, document.text).name in BIBLIOGRAPHY_FORMATS


class _DryRunDone(Exception):
    """Raised to roll a dry run back once its report is complete."""


def import_paths(
    paths: list[Path], options: ImportOptions, progress: Progress | None = None
) -> ImportReport:
    """Import files, folders and zips.

    Raises ParseError (file and line) when a file named on its own cannot be imported,
    or, with ``options.strict``, when any file cannot be. A folder in which no file
    names a paper gives a report that says why for each file.
    """
    progress = progress or _Silent()
    report = ImportReport(dry_run=options.dry_run)
    with tempfile.TemporaryDirectory(prefix="papershelf-import-") as workdir:
        unread: list[tuple[str, str, str]] = []
        found = expand_paths(paths, Path(workdir), None if options.strict else unread)
        if options.upload_root is not None:
            found = [_as_upload(item, options.upload_root) for item in found]
        report.files += [FileOutcome(name, status, why) for name, status, why in unread]
        if not found:
            raise ParseError(", ".join(map(str, paths)), None, _no_documents(unread))
        progress.start(len(found), "Reading")
        joplin = read_export(found) if options.format in ("auto", "notes") else JoplinExport()
        parsed = []
        cited: dict[str, list[str]] = {}  # by file: the keys its notes cite, in order
        # A file named on its own is imported as asked or not at all; a folder (or an
        # archive) that holds one file reports it as it would any other of its files.
        named_alone = len(found) == 1 and len(paths) == 1 and found[0][0] == paths[0]
        strict = options.strict or named_alone
        diary_alone = only_journal_pages([name for *_, name in found])
        for item in found:
            document = _read_and_parse(
                item, (len(found), diary_alone), strict, options, report, joplin, cited
            )
            if document is not None:
                parsed.append(document)
            progress.advance()
        if not parsed and strict:
            raise ParseError(", ".join(map(str, paths)), None, _nothing_to_import(report))
        if not parsed:
            return report  # a folder that names no paper: each file says why, nothing fails
        apply_topics_pages([document for _, document in parsed])
        for dropped in settle_collection([document for _, document in parsed]):
            if not _as_contents_page(dropped, parsed):
                _skip_factless(dropped, parsed, report)
        follow_note_links([document for _, document in parsed], [name for *_, name in found], cited)
        resolve_nicknames([document for _, document in parsed])
        resolve_row_nicknames([document for _, document in parsed])
        resolve_bare_titles([document for _, document in parsed])
        pair_with_bibliography([document for _, document in parsed])
        pair_by_author_year([document for _, document in parsed])
        keep_data_over_renderings([document for _, document in parsed], YAML_DATA)
        drop_uncited_background([document for _, document in parsed], set().union(*cited.values()))
        chapters_cite_their_papers([document for _, document in parsed], cited)
        syntheses_name_no_paper([document for _, document in parsed], cited)
        report.warnings += [w for _, document in parsed for w in document.warnings]
        progress.start(sum(len(p.entries) for _, p in parsed), "Importing")
        try:
            with transaction.atomic():
                _apply_all(parsed, options, report, progress)
                if options.dry_run:
                    raise _DryRunDone
        except _DryRunDone:
            pass
    return report


def _no_documents(unread: list[tuple[str, str, str]]) -> str:
    failed = [f"{name}: {why}" for name, status, why in unread if status == "failed"]
    return "no documents to import here" + (f" ({'; '.join(failed[:3])})" if failed else "")


def _read_and_parse(
    item: tuple[Path, str, str],
    files: tuple[int, bool],  # how many the import holds; whether all are diary pages
    strict: bool,
    options: ImportOptions,
    report: ImportReport,
    joplin: JoplinExport,
    cited: dict[str, list[str]],
) -> tuple[Document, ParsedDocument] | None:
    """One file read and parsed, or None with the reason in the report; the citation
    keys it cites are ``cited[name]``."""
    path, _, name = item
    reason = skip_reason(path, name, *files) if options.format in ("auto", "notes") else ""
    in_joplin = name in joplin.items
    if in_joplin:
        reason = joplin.skip_reason(name)
    if reason and not strict:
        report.files.append(FileOutcome(name, "skipped", reason))
        return None
    try:
        doc = joplin.note_document(name) if in_joplin else read_document(*item)
        one_note = options.format == "notes" or (
            options.format == "auto" and registry.detect(doc.path, doc.text).name not in _MANY_NOTES
        )
        reason = content_skip_reason(doc.text) if one_note else ""
        if reason and not strict:
            report.files.append(FileOutcome(name, "skipped", reason))
            return None
        if is_topics_page(name) and options.format in ("auto", "notes"):
            document = read_topics_page(doc.text, doc.name)
            detail = f"a page of {len(document.topics)} topics with their descriptions"
            report.files.append(FileOutcome(name, "imported", detail))
            return doc, document
        document = _parse(doc, options)
        cited[name] = keys_cited_in_order(doc.text, document.format)
    except ParseError as error:
        if strict:
            raise
        report.files.append(FileOutcome(name, "failed", str(error)))
        return None
    except Exception:
        if strict:
            raise
        # One file a reader cannot cope with fails alone, reported, and the rest of the
        # folder is imported; the traceback goes to the log for whoever fixes the reader.
        log.exception("Reading %s failed", name)
        message = "could not be read: an error in Papershelf's reader (logged; please report)"
        report.files.append(FileOutcome(name, "failed", message))
        return None
    navigation = is_navigation_page(doc.name)  # a site's order of its notes (sitenav)
    if (
        (not document.entries or navigation)
        and document.format == "notes"
        and not is_contents_page(doc.name)
    ):
        # A page of links to the notes of this import: their reading list, in its order.
        # (A README or index over a folder is its table of contents, no reading path.)
        document.entries = linked_notes(doc.text)
        if document.entries:
            document.ordered = True
            document.warnings = [
                w
                for w in document.warnings
                if "found no papers" not in w.message and not navigation  # said of a note
            ]
    if not document.entries:
        if strict:
            raise ParseError(doc.name, None, f"found no papers in this {document.format} document")
        report.files.append(FileOutcome(name, "skipped", "names no paper", document.format))
        report.warnings += document.warnings
        return None
    kind = f"{document.format}, {len(document.entries)} entr" + (
        "y" if len(document.entries) == 1 else "ies"
    )
    report.files.append(FileOutcome(name, "imported", kind, document.format))
    return doc, document


# Exports that hold many notes: a template kept in one of them (a ticket describing how
# to write tickets) is that note's, not a reason to skip the file.
_MANY_NOTES = frozenset({"csv", "anki", "app-json", "endnote", "zotero-rdf", "citavi"})


def _as_contents_page(
    document: ParsedDocument, parsed: list[tuple[Document, ParsedDocument]]
) -> bool:
    """A page that names no paper of its own but links the collection's notes in order
    (a Notion path's top page, "1. **VAEs**" over its papers' pages): their reading list."""
    doc = next(d for d, p in parsed if p is document)
    entries = linked_notes(doc.text)
    if not entries:
        return False
    document.entries, document.ordered = entries, True
    return True


def _skip_factless(
    document: ParsedDocument, parsed: list[tuple[Document, ParsedDocument]], report: ImportReport
) -> None:
    parsed[:] = [item for item in parsed if item[1] is not document]
    reason = "names no paper: no identifier, authors, venue or year, unlike the other notes"
    for outcome in report.files:
        if outcome.name == document.path:
            outcome.status, outcome.detail = "skipped", reason


def _nothing_to_import(report: ImportReport) -> str:
    return "no file here names a paper: " + "; ".join(map(str, report.files))


def _as_upload(item: tuple[Path, str, str], root: Path) -> tuple[Path, str, str]:
    path, key, name = item
    if key.startswith(str(root.resolve())):
        key = "upload:" + key[len(str(root.resolve())) :].lstrip("/")
    return path, key, name


def _parse(doc: Document, options: ImportOptions) -> ParsedDocument:
    available = registry.formats()
    if options.format != "auto":
        if options.format not in available:
            names = ", ".join(sorted(available))
            raise ParseError(doc.name, None, f"unknown format {options.format!r}; use {names}")
        chosen = available[options.format]
    else:
        chosen = registry.detect(doc.path, doc.text)
    hints = options.corrections.get(doc.name)
    if hints is not None and chosen.parse_with_hints is not None:
        parsed = chosen.parse_with_hints(doc.text, doc.name, hints)
    else:
        parsed = chosen.parse(doc.text, doc.name)
    if hints is not None:
        apply_hints(parsed, hints)
    if chosen.name == "ids" and options.fetch_metadata:
        _fetch_metadata(parsed, options)  # its warnings land in parsed.warnings
    if chosen.name in _READ_AS_NOTES:
        _confirm_titles(parsed, options)  # papers known by title alone: confirmed or warned
    return parsed


# Formats turned into Markdown and read by the notes reader: their papers may be known
# by a title alone, which a catalogue confirms (or the import warns about).
_READ_AS_NOTES = frozenset(
    {"notes", "html", "dokuwiki", "org", "csv", "tiddlywiki", "rst", "notebook", "opml", "slack"}
    | {"asciidoc", "kindle", "app-json", "zim", "vimwiki", "whatsapp", "anki", "rtf"}
    | {"typst", "latex", "twitter"}
)


def _fetch_metadata(parsed: ParsedDocument, options: ImportOptions) -> None:
    from django.conf import settings

    from papershelf.importers.ids.fetch import MetadataClient, enrich_document

    cache_dir = options.cache_dir or Path(settings.HOME) / "cache" / "metadata"
    client = options.metadata_client or MetadataClient(cache_dir)
    enrich_document(parsed, cache_dir, offline_ok=True, client=client)


def _confirm_titles(parsed: ParsedDocument, options: ImportOptions) -> None:
    from django.conf import settings

    from papershelf.importers.ids.fetch import MetadataClient
    from papershelf.importers.ids.titles import TitleLookups

    if options.title_lookups is None:
        client = None
        if options.fetch_metadata:
            cache_dir = options.cache_dir or Path(settings.HOME) / "cache" / "metadata"
            client = options.metadata_client or MetadataClient(cache_dir)
        options.title_lookups = TitleLookups(client, settings.IMPORT_TITLE_LOOKUPS)
    options.title_lookups.confirm_document(parsed)


def _apply_all(
    parsed: list[tuple[Document, ParsedDocument]],
    options: ImportOptions,
    report: ImportReport,
    progress: Progress,
) -> None:
    named_plan = ListPlan()
    series = _series(parsed)  # week01.md, week02.md…: one course, one list
    series_plans: dict[str, ListPlan] = {}
    index = PaperIndex()
    for doc, document in parsed:
        applier = DocumentApplier(doc, document, options, report, progress, index)
        plan = applier.apply()
        if options.list_name:
            named_plan.extend(plan)
        elif doc.name in series:
            # Each file of a course is a section of its list, under the file's own title.
            series_plans.setdefault(series[doc.name], ListPlan()).extend_under(document.title, plan)
        elif plan.paper_count > 1 and (
            document.ordered or plan.has_sections or document.format in ("notes", "html")
        ):
            applier.save_list(plan)
    if options.list_name and named_plan.items:
        _save_named_list(options, options.list_name, named_plan, report)
    for title, plan in series_plans.items():
        _save_named_list(options, title, plan, report)


# "week01", "module-2", "lecture_3", "04-attention": a numbered file of a series.
_NUMBERED_NAME_RE = re.compile(r"^(?P<prefix>\D*?)[-_ ]?(?P<number>\d{1,3})(?!\d)")


def _series(parsed: list[tuple[Document, ParsedDocument]]) -> dict[str, str]:
    """Files of one folder numbered in sequence, each with an ordered part: the list title
    for each file's name. Their papers make one reading list, in file order."""
    groups: dict[tuple[Path, str], list[tuple[int, str]]] = {}
    for doc, document in parsed:
        match = _NUMBERED_NAME_RE.match(doc.path.stem)
        ordered = document.ordered or any(entry.sections for entry in document.entries)
        if match and ordered and document.format in ("notes", "html", "asciidoc"):
            key = (doc.path.parent, match["prefix"].casefold())
            groups.setdefault(key, []).append((int(match["number"]), doc.name))
    series: dict[str, str] = {}
    for (folder, _), members in groups.items():
        if len(members) >= 2 and len({number for number, _ in members}) == len(members):
            title = folder.name.replace("_", " ").replace("-", " ").strip().capitalize()
            series.update({name: title or "Imported course" for _, name in members})
    return series


def _save_named_list(
    options: ImportOptions, title: str, plan: ListPlan, report: ImportReport
) -> None:
    if options.user is None:
        message = (
            f"the reading list “{title}” was not made: a reading list belongs to an "
            f"account, and this shelf has none yet. To keep it, {KEEP_WITH_AN_OWNER}"
        )
        where = "--list" if title == options.list_name else title
        report.warnings.append(ImportWarning(where, None, message))
        return
    reading_list = ReadingList.objects.filter(owner=options.user, title=title).first()
    if reading_list is None:
        reading_list = create_list(options.user, title)
        report.lists_created += 1
    if sync_list(reading_list, plan):
        report.lists_updated += 1
