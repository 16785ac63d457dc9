"""Turning one parsed document into papers, summaries, topics and a list."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Count, Exists, OuterRef

from papershelf.importers.models import ImportedEntry, ImportSource
from papershelf.importers.records import Entry, ImportWarning, PaperRecord, ParsedDocument
from papershelf.lib.titles import is_nickname, is_probably_title, normalise_title, title_variants
from papershelf.limits import text_size, too_long_message, truncate_to_limit
from papershelf.papers import services as papers
from papershelf.papers.bulk import create_papers
from papershelf.papers.identity import (
    FILLABLE_FIELDS,
    LINK_FIELDS,
    Identity,
    PaperIndex,
    record_conflict,
)
from papershelf.papers.models import Paper, Venue
from papershelf.papers.signals import papers_changed
from papershelf.papers.venues import canonical_venue_name
from papershelf.readinglists.models import ReadingList, ReadingListItem
from papershelf.readinglists.services import create_list, render_note
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, attach_image, create_summary, update_summary
from papershelf.topics.models import Topic
from papershelf.topics.services import get_or_create_topic

if TYPE_CHECKING:
    from papershelf.accounts.models import User
    from papershelf.importers.reading import Document
    from papershelf.importers.services import Action, ImportOptions, ImportReport, Progress

# What a structured format's entry rests on, where the parser names no evidence itself.
_FORMAT_EVIDENCE = {
    "bibtex": "a BibTeX entry",
    "csl": "a CSL-JSON item",
    "ris": "a RIS record",
    "medline": "a PubMed record",
    "wos": "a Web of Science record",
    "ids": "an identifier",
}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
_NOTION_ID_RE = re.compile(r"\s+[0-9a-f]{32}$")
# What an import with no owner says about what it left out (ImportOptions.user).
KEEP_WITH_AN_OWNER = (
    "create an account with `papershelf createuser --admin NAME` and import again with --user NAME"
)
_is_url = URLValidator(schemes=["http", "https"])


class PlanItem(NamedTuple):
    """One row of a reading list to be: a section heading, or a paper."""

    heading: str = ""
    depth: int = 1
    paper_id: int | None = None
    note: str = ""  # a section's own notes (a lesson's text), Markdown


@dataclass
class ListPlan:
    """The items a reading list should hold, in order."""

    items: list[PlanItem] = field(default_factory=list)
    has_sections: bool = False
    _sections: tuple[str, ...] = ()

    def add(self, paper: Paper, sections: tuple[str, ...]) -> None:
        self._enter(sections)
        self.items.append(PlanItem(paper_id=paper.pk))

    def add_notes(self, sections: tuple[str, ...], note: str) -> None:
        """Notes written under a section: on its heading, which is added if need be."""
        if not sections:
            return
        self._enter(sections[:-1])
        leaf = next(
            (
                i
                for i, item in enumerate(self.items)
                if item.heading == sections[-1]
                and item.depth == len(sections)
                and self._sections == sections
            ),
            None,
        )
        if leaf is None:
            self.items.append(PlanItem(heading=sections[-1], depth=len(sections), note=note))
            self.has_sections = True
            self._sections = sections
        else:
            self.items[leaf] = self.items[leaf]._replace(note=note)

    def _enter(self, sections: tuple[str, ...]) -> None:
        same = 0
        while same < min(len(sections), len(self._sections)) and (
            sections[same] == self._sections[same]
        ):
            same += 1
        for depth, heading in enumerate(sections[same:], start=same + 1):
            self.items.append(PlanItem(heading=heading, depth=depth))
            self.has_sections = True
        self._sections = sections

    @property
    def paper_count(self) -> int:
        return sum(1 for item in self.items if item.paper_id is not None)

    def extend(self, other: ListPlan) -> None:
        self.items += other.items
        self.has_sections |= other.has_sections

    def extend_under(self, heading: str, other: ListPlan) -> None:
        """Add ``other`` as one section named ``heading``, its own sections nested in it:
        a course's week file ("Week 3: Causal graphs") over its lectures."""
        first = other.items[0] if other.items else None
        if not heading.strip() or (first is not None and first.heading == heading.strip()):
            self.extend(other)  # untitled, or the file's own first heading is its title
            return
        self.items.append(PlanItem(heading=heading.strip(), depth=1))
        self.items += [item._replace(depth=item.depth + 1) if item.heading else item
                       for item in other.items]  # fmt: skip
        self.has_sections = True


def sync_list(reading_list: ReadingList, plan: ListPlan) -> bool:
    """Make the list hold exactly the plan's items; untouched when it already does."""
    current = [
        PlanItem(i.heading, i.depth, None, i.note)
        if i.is_heading
        else PlanItem(paper_id=i.paper_id, note=i.note)
        for i in reading_list.items.order_by("position")
    ]
    if current == plan.items:
        return False
    reading_list.items.all().delete()
    ReadingListItem.objects.bulk_create(
        [
            ReadingListItem(
                reading_list=reading_list,
                position=position,
                heading=item.heading,
                depth=item.depth,
                paper_id=item.paper_id,
                note=item.note,
                note_html=render_note(item.note),
            )
            for position, item in enumerate(plan.items)
        ]
    )
    return True


def entry_key(record: PaperRecord | None, entry: Entry) -> str:
    """A key that finds this part again in the next version of the same document."""
    if record is None:
        return f"line:{entry.line}"
    if record.arxiv_id:
        return f"arxiv:{record.arxiv_id}"
    if record.doi:
        return f"doi:{record.doi}"
    if record.bibtex_key:
        return f"bib:{record.bibtex_key}"
    heading = entry.summary.heading if entry.summary else ""
    return f"title:{normalise_title(record.title)}|{normalise_title(heading)}"


@dataclass
class _Resolved:
    index: int
    entry: Entry
    key: str
    paper: Paper
    prior: ImportedEntry | None


class DocumentApplier:
    def __init__(
        self,
        doc: Document,
        parsed: ParsedDocument,
        options: ImportOptions,
        report: ImportReport,
        progress: Progress,
        index: PaperIndex,
    ) -> None:
        self.doc, self.parsed, self.options = doc, parsed, options
        self.report, self.progress, self.index = report, progress, index
        self.source = self._source()
        self.prior = {
            e.key: e
            for e in self.source.entries.select_related("paper", "summary").annotate(
                author_count=Count("paper__author_links")
            )
        }
        self.extra_topics = [get_or_create_topic(name) for name in options.topics]
        self.doc_topics = self._document_topics()
        self.pending: list[Paper] = []
        self.pending_authors: dict[int, list[str]] = {}  # id(paper) -> names
        self.conflicts: list[tuple[Paper, str, object, object, str]] = []
        self.venues: dict[str, Venue | None] = {}  # a 10,000-entry file names a few venues
        self.notes_left_out = 0  # summaries an import with no owner could not keep

    def _source(self) -> ImportSource:
        if self.options.user is not None:
            self._adopt_unowned_source(self.options.user)
        # owner=None matches IS NULL: an ownerless re-import updates its source too.
        source, _ = ImportSource.objects.update_or_create(
            owner=self.options.user,
            key=self.doc.key,
            defaults={
                "name": self.doc.name,
                "format": self.parsed.format,
                "sha256": self.doc.sha256,
            },
        )
        return source

    def _adopt_unowned_source(self, owner: User) -> None:
        """A file imported before the shelf had accounts becomes the importer's: importing
        it again with --user updates those papers and adds the notes left out then,
        instead of keeping a second, ownerless record of the same file."""
        theirs = ImportSource.objects.filter(owner=owner, key=OuterRef("key"))
        ImportSource.objects.filter(owner=None, key=self.doc.key).exclude(Exists(theirs)).update(
            owner=owner
        )

    def _document_topics(self) -> dict[str, Topic]:
        topics = {}
        for record in self.parsed.topics:
            existed = Topic.objects.filter(name__iexact=record.name.strip()).exists()
            topics[record.name] = get_or_create_topic(record.name, record.description)
            self.report.topics_created += 0 if existed else 1
        return topics

    def apply(self) -> ListPlan:
        keyed = self._keyed_entries()
        self.index.preload(
            [_identity(record) for _, _, record, key in keyed if key not in self.prior]
        )
        resolved = []
        for index, entry, record, key in keyed:
            paper = self._resolve(entry, record, self.prior.get(key))
            resolved.append(_Resolved(index, entry, key, paper, self.prior.get(key)))
            self.progress.advance()
        create_papers(self.pending, [self.pending_authors[id(p)] for p in self.pending])
        for paper, name, kept, other, where in self.conflicts:
            record_conflict(paper, name, kept, other, where)
        self._save_provenance(resolved)
        self._warn_of_notes_left_out()
        plan = ListPlan()
        notes = sorted(
            (line, path, text) for path, (line, text) in self.parsed.section_notes.items()
        )
        for item in resolved:
            while notes and notes[0][0] <= (item.entry.line or 0):
                _, path, text = notes.pop(0)
                plan.add_notes(path, text)
            plan.add(item.paper, item.entry.sections)
        for _, path, text in notes:
            plan.add_notes(path, text)
        return plan

    def _keyed_entries(self) -> list[tuple[int, Entry, PaperRecord, str]]:

        keyed: list[tuple[int, Entry, PaperRecord, str]] = []
        seen: dict[str, int] = {}
        for index, entry in enumerate(self.parsed.entries):
            record = entry.paper
            if record is None and self._keep_as_notes(entry):
                self.progress.advance()
                continue
            if record is None and entry.summary is not None:
                # "## VQ VAE 2" among papers: a paper known by its nickname alone, which
                # title matching never merges (it is no title).
                record = PaperRecord(title=entry.summary.heading.strip())
            if record is not None and not record.title.strip():
                record.title = placeholder_title(record)
            if record is None or not record.title.strip():
                self.report.actions.append(self._action("skipped", "(no paper)", entry))
                self._warn(entry, "this part names no paper; skipped")
                self.progress.advance()
                continue
            _clean_record(record)
            self._limit_abstract(entry, record)
            key = entry_key(record, entry)
            seen[key] = seen.get(key, 0) + 1
            keyed.append((index, entry, record, key if seen[key] == 1 else f"{key}#{seen[key]}"))
        return keyed

    def _venue(self, name: str) -> Venue | None:
        key = " ".join(name.split()).casefold()
        if key not in self.venues:
            self.venues[key] = papers.get_or_create_venue(name)
        return self.venues[key]

    def _keep_as_notes(self, entry: Entry) -> bool:
        """Text under a heading that names no paper ("Policy gradients", "Glossary") is
        notes of the document: its reading list keeps it on a section of that name."""
        summary = entry.summary
        if summary is None or not summary.heading.strip() or not summary.markdown.strip():
            return False
        if is_nickname(summary.heading):
            return False
        path = (*entry.sections, summary.heading.strip())
        self.parsed.section_notes.setdefault(path, (entry.line or 0, summary.markdown))
        where = f"kept as the notes of the section “{' / '.join(path)}”"
        self.report.actions.append(self._action("skipped", "(no paper)", entry, where))
        return True

    def _action(self, kind: str, what: str, entry: Entry, detail: str = "") -> Action:
        from papershelf.importers.services import Action

        return Action(
            kind,
            what,
            self._where(entry),
            detail,
            file=self.doc.name,
            line=entry.line,
            evidence=entry.evidence or _FORMAT_EVIDENCE.get(self.parsed.format, ""),
            sections=" / ".join(entry.sections),
        )

    def _where(self, entry: Entry) -> str:
        return f"{self.doc.name}:{entry.line}" if entry.line else self.doc.name

    def _warn_of_notes_left_out(self) -> None:
        # One warning for the file, not one per entry: a library may hold thousands.
        if self.notes_left_out:
            count = self.notes_left_out
            notes = "1 note" if count == 1 else f"{count} notes"
            message = (
                f"{notes} on its entries (annote, comment) not kept: a note becomes a "
                "summary, which belongs to an account, and this shelf has none yet. To keep "
                f"{'it' if count == 1 else 'them'}, {KEEP_WITH_AN_OWNER}"
            )
            self.report.warnings.append(ImportWarning(self.doc.name, None, message))

    def _warn(self, entry: Entry, message: str) -> None:
        self.report.warnings.append(ImportWarning(self.doc.name, entry.line, message))

    def _limit_abstract(self, entry: Entry, record: PaperRecord) -> None:
        """An abstract past the limit is cut short, not refused: it is metadata a source
        can supply again, and the paper is worth having without its tail."""
        limit = settings.MAX_ABSTRACT_BYTES
        if text_size(record.abstract) > limit:
            record.abstract = truncate_to_limit(record.abstract, limit)
            self._warn(
                entry,
                f"the abstract is longer than {limit // 1024} KB; kept its start "
                "(PAPERSHELF_MAX_ABSTRACT_KB)",
            )

    def _resolve(self, entry: Entry, record: PaperRecord, prior: ImportedEntry | None) -> Paper:

        where = self._where(entry)
        if prior is not None:
            changed = self._fill(prior.paper, record, where, prior.author_count > 0)  # type: ignore[attr-defined]
            kind = "updated" if changed else "unchanged"
            self.report.actions.append(self._action(kind, prior.paper.title, entry))
            return prior.paper
        match = self.index.find(_identity(record))
        if match is None:
            paper = _new_paper(record, self.options.user, self._venue(record.venue))
            self.pending.append(paper)
            self.pending_authors[id(paper)] = list(record.authors)
            self.index.add(paper, first_author=next(iter(record.authors), ""))
            self.report.actions.append(self._action("created", paper.title, entry))
            return paper
        for note in match.notes:
            self._warn(entry, note)
        paper = match.paper
        # Two of the record's identifiers name two papers ("its identifiers also name …"):
        # the one that matched keeps its own, and the other stays with the other paper.
        # Giving it to this one too would make two papers with one DOI.
        for column, owner in self.index.owners_elsewhere(_identity(record), paper):
            record = copy.copy(record)
            setattr(record, column, "")
            self._warn(entry, f"left its {column.removesuffix('_id')} with “{owner.title}”")
        has_authors = (
            bool(self.pending_authors.get(id(paper)))
            if paper.pk is None
            else (paper.author_links.exists())
        )
        self._fill(paper, record, where, has_authors)
        detail = f"same {match.by} as “{paper.title}”"
        self.report.actions.append(self._action("merged", paper.title, entry, detail))
        return paper

    def _fill(self, paper: Paper, record: PaperRecord, where: str, has_authors: bool) -> bool:
        conflicts: list[tuple[str, object, object]] = []
        changed = fill_paper(paper, record, conflicts)
        self.conflicts += [(paper, name, kept, other, where) for name, kept, other in conflicts]
        if paper.pk is None:
            if record.authors and not self.pending_authors.get(id(paper)):
                self.pending_authors[id(paper)] = list(record.authors)
            return changed
        if changed:
            paper.save()
        if record.authors and not has_authors:
            papers.set_authors(paper, record.authors)
            changed = True
        return changed

    def _save_provenance(self, resolved: list[_Resolved]) -> None:
        new_entries, changed_entries = [], []
        links: list[tuple[Topic, Paper]] = []
        for item in resolved:
            summary = self._apply_summary(item.entry, item.paper, item.prior)
            if item.prior is None:
                new_entries.append(
                    ImportedEntry(
                        source=self.source,
                        key=item.key,
                        line=item.entry.line,
                        paper=item.paper,
                        summary=summary,
                    )
                )
            elif (item.prior.line, item.prior.summary_id) != (item.entry.line, _pk(summary)):
                item.prior.line, item.prior.summary = item.entry.line, summary
                changed_entries.append(item.prior)
            links += [
                (t, item.paper) for t in [*self.extra_topics, *self._entry_topics(item.index)]
            ]
        ImportedEntry.objects.bulk_create(new_entries, batch_size=500)
        ImportedEntry.objects.bulk_update(changed_entries, ["line", "summary"], batch_size=500)
        through = Topic.papers.through
        through.objects.bulk_create(
            [through(topic_id=topic.pk, paper_id=paper.pk) for topic, paper in links],
            ignore_conflicts=True,
            batch_size=500,
        )
        if links:
            papers_changed.send(sender=Paper, pks=sorted({paper.pk for _, paper in links}))

    def _entry_topics(self, index: int) -> list[Topic]:
        names = self.parsed.entry_topics.get(index, [])
        return [self.doc_topics.get(name) or get_or_create_topic(name) for name in names]

    def _apply_summary(
        self, entry: Entry, paper: Paper, prior: ImportedEntry | None
    ) -> Summary | None:
        if entry.summary is None or not entry.summary.markdown.strip():
            return prior.summary if prior else None
        if self.options.user is None:
            self.notes_left_out += 1
            return None  # an ownerless source never had a summary to keep
        # A summary past the limit is refused, not cut: half of someone's notes would be
        # worse than none. The paper is still imported, and the warning says why.
        too_long = too_long_message(
            "The summary", entry.summary.markdown, settings.MAX_SUMMARY_BYTES,
            "PAPERSHELF_MAX_SUMMARY_KB",
        )  # fmt: skip
        if too_long:
            self._warn(entry, f"{too_long} Not imported.")
            return prior.summary if prior else None
        data = SummaryData(
            body=entry.summary.markdown,
            title=entry.summary.heading[:300],
            visibility=_more_private(entry.summary.visibility, self.options.visibility),
        )
        existing = prior.summary if prior else None
        if existing is None:
            summary = create_summary(
                paper, self.options.user, data, f"Imported from {self.doc.name}"
            )
            self.report.summaries_created += 1
        elif (existing.body, existing.title) != (
            data.body,
            data.title,
        ) or existing.paper_id != paper.pk:
            data.visibility, data.anonymous = existing.visibility, existing.anonymous
            existing.paper = paper
            summary = update_summary(
                existing, data, self.options.user, f"Re-imported from {self.doc.name}"
            )
            self.report.summaries_updated += 1
        else:
            self.report.summaries_unchanged += 1
            summary = existing
        self._attach_images(entry, summary)
        return summary

    def _attach_images(self, entry: Entry, summary: Summary) -> None:
        images = entry.summary.images if entry.summary else []
        for name in images:
            path = self._image_file(entry, name)
            if path is None:
                continue
            if summary.attachments.filter(name=name).exists():
                continue
            if self.options.dry_run:
                self.report.attachments += 1
                continue
            try:
                attach_image(summary, name, path.read_bytes(), path.name)
            except ValidationError:
                self._warn(entry, f"{name} is not a readable image; skipped")
            else:
                self.report.attachments += 1

    def _image_file(self, entry: Entry, name: str) -> Path | None:
        """The file a note's image refers to, only ever inside the imported folder or zip.

        An uploaded note must not copy files of the host into the shelf: absolute paths,
        ".." out of the import root and symlinks pointing out are refused with a warning.
        """
        parts = urlsplit(name)
        if parts.scheme or parts.netloc:
            return None  # a web image: the browser fetches it
        # "x.png?raw=true" and "x.png#zoom" name the file x.png; "%20" is a space.
        relative = unquote(parts.path)
        if relative.startswith(("/", "\\")) or PureWindowsPath(relative).is_absolute():
            self._warn_image(entry, name, "is an absolute path; only files in the export are read")
            return None
        root = self.doc.root.resolve()
        path = (self.doc.path.parent / relative).resolve()  # follows symlinks, then checks
        if not path.is_relative_to(root):
            self._warn_image(entry, name, "is outside the imported folder; not read")
            return None
        if path.suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
            self._warn_image(entry, name, "is not in the export; kept as a reference")
            return None
        return path

    def _warn_image(self, entry: Entry, name: str, problem: str) -> None:
        """A warning at the line that names the image, so file:line leads to it."""
        line = entry.line
        lines = self.doc.text.splitlines()
        for number in range((entry.line or 1) - 1, len(lines)):
            if name in lines[number]:
                line = number + 1
                break
        self.report.warnings.append(ImportWarning(self.doc.name, line, f"image {name} {problem}"))

    def save_list(self, plan: ListPlan) -> None:
        if self.options.user is None:
            message = (
                "its reading list was not made: a reading list belongs to an account, and "
                f"this shelf has none yet. To keep it, {KEEP_WITH_AN_OWNER}"
            )
            self.report.warnings.append(ImportWarning(self.doc.name, None, message))
            return
        reading_list = self.source.reading_list
        if reading_list is None:
            # "Reading Path 1a2b…a3b1.md": Notion's export adds each page's id to its name.
            title = self.parsed.title or _NOTION_ID_RE.sub("", Path(self.doc.name).stem)
            reading_list = create_list(self.options.user, title[:300])
            self.source.reading_list = reading_list
            self.source.save(update_fields=["reading_list"])
            self.report.lists_created += 1
            sync_list(reading_list, plan)
        elif sync_list(reading_list, plan):
            self.report.lists_updated += 1


_MAX_LENGTHS = {
    "arxiv_id": 40, "doi": 300, "openreview_id": 100, "bibtex_key": 300, "dblp_key": 300,
    "pdf_url": 1000, "code_url": 1000, "project_url": 1000, "url": 1000,
}  # fmt: skip


def _clean_record(record: PaperRecord) -> None:
    """Drop what the database would refuse: links that are not http(s), overlong ids."""
    record.title = " ".join(record.title.split())[:1000]
    for name in LINK_FIELDS:
        value = getattr(record, name)
        try:
            if value:
                _is_url(value)
        except ValidationError:
            setattr(record, name, "")
    for name, limit in _MAX_LENGTHS.items():
        if len(getattr(record, name)) > limit:
            setattr(record, name, "")
    if record.year is not None and not 0 < record.year < 10000:
        record.year = None


_PRIVACY = {"public": 0, "unlisted": 1, "private": 2}


def _more_private(stated: str, chosen: str) -> str:
    """A note marked private stays private whatever the import's default; the import's
    choice wins when it is the more private one."""
    return stated if _PRIVACY.get(stated, -1) > _PRIVACY.get(chosen, 0) else chosen


def _identity(record: PaperRecord) -> Identity:
    return Identity(
        record.title,
        record.arxiv_id,
        record.doi,
        record.openreview_id,
        first_author=next(iter(record.authors), ""),
        year=record.year,
    )


def _pk(obj: Summary | None) -> int | None:
    return obj.pk if obj is not None else None


def _new_paper(record: PaperRecord, user: User | None, venue: Venue | None) -> Paper:
    """An unsaved paper with the record's facts; create_papers inserts it in a batch."""
    paper = Paper(
        added_by=user,
        venue=venue,
        title=record.title,
        year=record.year,
        abstract=record.abstract,
        organisations=list(record.organisations),
        keywords=list(record.keywords),
    )
    for name in FILLABLE_FIELDS:
        if name != "abstract":
            setattr(paper, name, getattr(record, name))
    return paper


def fill_paper(
    paper: Paper, record: PaperRecord, conflicts: list[tuple[str, object, object]]
) -> bool:
    """Fill the paper's empty fields from the record (not saved); note disagreements."""
    changed = False
    for name in FILLABLE_FIELDS:
        mine, theirs = getattr(paper, name), getattr(record, name)
        if theirs and not mine and not _identifier_taken(name, theirs, paper):
            setattr(paper, name, theirs)
            changed = True
    if record.year and not paper.year:
        paper.year, changed = record.year, True
    elif record.year and paper.year != record.year:
        conflicts.append(("year", paper.year, record.year))
    if record.venue and paper.venue is None:
        paper.venue, changed = papers.get_or_create_venue(record.venue), True
    elif record.venue and paper.venue and _other_venue(paper.venue.name, record.venue):
        conflicts.append(("venue", paper.venue.name, record.venue))
    for name in ("organisations", "keywords"):
        mine = getattr(paper, name)
        merged = mine + [x for x in getattr(record, name) if x not in mine]
        if merged != mine:
            setattr(paper, name, merged)
            changed = True
    return _fill_title(paper, record, conflicts) or changed


def _differs(first: str, second: str) -> bool:
    return normalise_title(first) != normalise_title(second)


def _other_venue(kept: str, written: str) -> bool:
    # "Advances in Neural Information Processing Systems" is no conflict with NeurIPS.
    return _differs(kept, written) and _differs(kept, canonical_venue_name(written))


_PLACEHOLDER_RE = re.compile(r"^(arXiv|DOI|OpenReview) \S+$")


def placeholder_title(record: PaperRecord) -> str:
    """What to call a paper known only by its identifier (offline, say) until a source names it."""
    if record.arxiv_id:
        return f"arXiv {record.arxiv_id}"
    if record.doi:
        return f"DOI {record.doi}"
    if record.openreview_id:
        return f"OpenReview {record.openreview_id}"
    return ""


def _fill_title(
    paper: Paper, record: PaperRecord, conflicts: list[tuple[str, object, object]]
) -> bool:
    if normalise_title(record.title) == normalise_title(paper.title):
        return False
    new_key = normalise_title(record.title)
    better = (
        # A paper first known by a short heading takes the first real title it is given,
        (not is_probably_title(paper.title) or _PLACEHOLDER_RE.match(paper.title))
        and is_probably_title(record.title)
    ) or (
        # and "Attention Is All You Need" is a better name than "… (Transformer)".
        new_key in title_variants(paper.title) and is_probably_title(record.title)
    )
    if better:
        # The old name stays findable: title keys are kept when a title changes.
        paper.former_titles = [*getattr(paper, "former_titles", []), paper.title]  # type: ignore[attr-defined]
        paper.title = record.title.strip()[:1000]
        return True
    if not (title_variants(record.title) & title_variants(paper.title)):
        conflicts.append(("title", paper.title, record.title))
    return False


def _identifier_taken(name: str, value: object, paper: Paper) -> bool:
    if name not in {"arxiv_id", "doi", "openreview_id"}:
        return False
    return Paper.objects.filter(**{name: value}).exclude(pk=paper.pk).exists()
