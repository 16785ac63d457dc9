"""Turning one parsed document into papers, summaries, topics and a list."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from papershelf.importers.models import ImportedEntry, ImportSource
from papershelf.importers.records import Entry, ImportWarning, PaperRecord, ParsedDocument
from papershelf.lib.titles import is_probably_title, normalise_title, title_variants
from papershelf.papers import services as papers
from papershelf.papers.identity import Identity, find_match, record_conflict
from papershelf.papers.models import Paper, TitleKey
from papershelf.readinglists.models import ReadingList, ReadingListItem
from papershelf.readinglists.services import create_list
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, attach_image, create_summary, update_summary
from papershelf.topics.models import Topic
from papershelf.topics.services import get_or_create_topic

if TYPE_CHECKING:
    from papershelf.importers.reading import Document
    from papershelf.importers.services import ImportOptions, ImportReport, Progress

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
_URL_FIELDS = ("pdf_url", "code_url", "project_url", "url")
_FILLABLE = (
    "abstract", "arxiv_id", "arxiv_version", "doi", "openreview_id", "bibtex_key", "dblp_key",
    *_URL_FIELDS,
)  # fmt: skip
_is_url = URLValidator(schemes=["http", "https"])


@dataclass
class ListPlan:
    """The items a reading list should hold: ("heading", text, depth) or ("paper", pk, note)."""

    items: list[tuple[str, object, object]] = field(default_factory=list)
    has_sections: bool = False
    _sections: tuple[str, ...] = ()

    def add(self, paper: Paper, sections: tuple[str, ...]) -> None:
        same = 0
        while same < min(len(sections), len(self._sections)) and (
            sections[same] == self._sections[same]
        ):
            same += 1
        for depth, heading in enumerate(sections[same:], start=same + 1):
            self.items.append(("heading", heading, depth))
            self.has_sections = True
        self._sections = sections
        self.items.append(("paper", paper.pk, ""))

    def extend(self, other: ListPlan) -> None:
        self.items += other.items
        self.has_sections |= other.has_sections


def sync_list(reading_list: ReadingList, plan: ListPlan) -> bool:
    """Make the list hold exactly the plan's items; untouched when it already does."""
    current = [
        ("heading", i.heading, i.depth) if i.is_heading else ("paper", i.paper_id, i.note)
        for i in reading_list.items.order_by("position")
    ]
    wanted = [
        (kind, value, extra if kind == "heading" else "") for kind, value, extra in plan.items
    ]
    if current == wanted:
        return False
    reading_list.items.all().delete()
    ReadingListItem.objects.bulk_create(
        [
            ReadingListItem(
                reading_list=reading_list, position=i, heading=str(value), depth=int(extra)
            )  # type: ignore[call-overload]
            if kind == "heading"
            else ReadingListItem(reading_list=reading_list, position=i, paper_id=value)
            for i, (kind, value, extra) in enumerate(wanted)
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


class DocumentApplier:
    def __init__(
        self,
        doc: Document,
        parsed: ParsedDocument,
        options: ImportOptions,
        report: ImportReport,
        progress: Progress,
    ) -> None:
        self.doc, self.parsed, self.options = doc, parsed, options
        self.report, self.progress = report, progress
        self.source = self._source()
        self.prior = {e.key: e for e in self.source.entries.select_related("paper", "summary")}
        self.extra_topics = [get_or_create_topic(name) for name in options.topics]
        self.doc_topics = self._document_topics()

    def _source(self) -> ImportSource:
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

    def _document_topics(self) -> dict[str, Topic]:
        topics = {}
        for record in self.parsed.topics:
            existed = Topic.objects.filter(name__iexact=record.name.strip()).exists()
            topics[record.name] = get_or_create_topic(record.name, record.description)
            self.report.topics_created += 0 if existed else 1
        return topics

    def apply(self) -> ListPlan:
        plan = ListPlan()
        seen: dict[str, int] = {}
        for index, entry in enumerate(self.parsed.entries):
            paper = self._apply_entry(index, entry, seen)
            if paper is not None:
                plan.add(paper, entry.sections)
            self.progress.advance()
        return plan

    def _where(self, entry: Entry) -> str:
        return f"{self.doc.name}:{entry.line}" if entry.line else self.doc.name

    def _warn(self, entry: Entry, message: str) -> None:
        self.report.warnings.append(ImportWarning(self.doc.name, entry.line, message))

    def _apply_entry(self, index: int, entry: Entry, seen: dict[str, int]) -> Paper | None:
        from papershelf.importers.services import Action

        record = entry.paper
        if record is None and entry.summary is not None and entry.summary.heading.strip():
            # Notes with no title or link still belong somewhere: a paper known by the
            # heading alone, which title matching will never merge (not a probable title).
            record = PaperRecord(title=entry.summary.heading.strip())
        if record is None or not record.title.strip():
            self.report.actions.append(Action("skipped", "(no paper)", self._where(entry)))
            self._warn(entry, "this part names no paper; skipped")
            return None
        _clean_urls(record)
        key = entry_key(record, entry)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}#{seen[key]}"
        prior = self.prior.get(key)
        paper, kind, detail = self._resolve(record, entry, prior)
        self.report.actions.append(Action(kind, paper.title, self._where(entry), detail))
        summary = self._apply_summary(entry, paper, prior)
        ImportedEntry.objects.update_or_create(
            source=self.source,
            key=key,
            defaults={"line": entry.line, "paper": paper, "summary": summary},
        )
        for topic in [*self.extra_topics, *self._entry_topics(index)]:
            topic.papers.add(paper)
        return paper

    def _entry_topics(self, index: int) -> list[Topic]:
        names = self.parsed.entry_topics.get(index, [])
        return [self.doc_topics.get(name) or get_or_create_topic(name) for name in names]

    def _resolve(
        self, record: PaperRecord, entry: Entry, prior: ImportedEntry | None
    ) -> tuple[Paper, str, str]:
        if prior is not None:
            changed = fill_paper(prior.paper, record, self._where(entry))
            return prior.paper, "updated" if changed else "unchanged", ""
        identity = Identity(record.title, record.arxiv_id, record.doi, record.openreview_id)
        match = find_match(identity)
        if match is None:
            return create_paper_from_record(record, self.options.user), "created", ""
        for note in match.notes:
            self._warn(entry, note)
        fill_paper(match.paper, record, self._where(entry))
        return match.paper, "merged", f"same {match.by} as paper #{match.paper.pk}"

    def _apply_summary(
        self, entry: Entry, paper: Paper, prior: ImportedEntry | None
    ) -> Summary | None:
        if entry.summary is None or not entry.summary.markdown.strip():
            return prior.summary if prior else None
        data = SummaryData(
            body=entry.summary.markdown,
            title=entry.summary.heading[:300],
            visibility=self.options.visibility,
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
        assert entry.summary is not None
        for name in entry.summary.images:
            if urlparse(name).scheme or name.startswith("/"):
                continue  # a web image: the browser fetches it
            path = (self.doc.path.parent / unquote(name)).resolve()
            if path.suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
                self._warn(entry, f"image {name} is not in the export; kept as a reference")
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

    def save_list(self, plan: ListPlan) -> None:
        reading_list = self.source.reading_list
        if reading_list is None:
            title = self.parsed.title or Path(self.doc.name).stem
            reading_list = create_list(self.options.user, title[:300])
            self.source.reading_list = reading_list
            self.source.save(update_fields=["reading_list"])
            self.report.lists_created += 1
            sync_list(reading_list, plan)
        elif sync_list(reading_list, plan):
            self.report.lists_updated += 1


def _clean_urls(record: PaperRecord) -> None:
    for name in _URL_FIELDS:
        value = getattr(record, name)
        try:
            if value:
                _is_url(value)
        except ValidationError:
            setattr(record, name, "")


def _paper_data(record: PaperRecord) -> papers.PaperData:
    return papers.PaperData(
        title=record.title.strip()[:1000],
        authors=record.authors,
        venue=record.venue,
        year=record.year,
        abstract=record.abstract,
        arxiv_id=record.arxiv_id,
        arxiv_version=record.arxiv_version,
        doi=record.doi,
        bibtex_key=record.bibtex_key,
        dblp_key=record.dblp_key,
        openreview_id=record.openreview_id,
        pdf_url=record.pdf_url,
        code_url=record.code_url,
        project_url=record.project_url,
        url=record.url,
        organisations=list(record.organisations),
        keywords=list(record.keywords),
    )


def create_paper_from_record(record: PaperRecord, user: object) -> Paper:
    return papers.create_paper(_paper_data(record), added_by=user)  # type: ignore[arg-type]


def fill_paper(paper: Paper, record: PaperRecord, where: str) -> bool:
    """Fill the paper's empty fields from the record; remember disagreements. True if changed."""
    changed = False
    for name in _FILLABLE:
        mine, theirs = getattr(paper, name), getattr(record, name)
        if theirs and not mine and not _identifier_taken(name, theirs, paper):
            setattr(paper, name, theirs)
            changed = True
    if record.year and not paper.year:
        paper.year, changed = record.year, True
    elif record.year and paper.year != record.year:
        record_conflict(paper, "year", paper.year, record.year, where)
    if record.venue and paper.venue_id is None:
        paper.venue, changed = papers.get_or_create_venue(record.venue), True
    elif (
        record.venue
        and paper.venue
        and normalise_title(paper.venue.name) != normalise_title(record.venue)
    ):
        record_conflict(paper, "venue", paper.venue.name, record.venue, where)
    for name in ("organisations", "keywords"):
        merged = getattr(paper, name) + [
            x for x in getattr(record, name) if x not in getattr(paper, name)
        ]
        if merged != getattr(paper, name):
            setattr(paper, name, merged)
            changed = True
    changed |= _fill_title(paper, record, where)
    if changed:
        paper.save()
    if record.authors and not paper.author_links.exists():
        papers.set_authors(paper, record.authors)
        changed = True
    return changed


def _fill_title(paper: Paper, record: PaperRecord, where: str) -> bool:
    if normalise_title(record.title) == paper.normalised_title:
        return False
    # A paper first known by a short heading takes the first real title it is given.
    if not is_probably_title(paper.title) and is_probably_title(record.title):
        paper.title = record.title.strip()[:1000]
        return True
    new_key = normalise_title(record.title)
    if new_key in title_variants(paper.title) and is_probably_title(record.title):
        # "Attention Is All You Need" is the better name for "… (Transformer)": keep the
        # bare title, and the annotated one stays findable through the title keys.
        old_keys = title_variants(paper.title)
        paper.title = record.title.strip()[:1000]
        paper.save()
        paper.title_keys.bulk_create(
            [TitleKey(paper=paper, key=k) for k in old_keys - title_variants(paper.title)]
        )
        return False
    if not (title_variants(record.title) & title_variants(paper.title)):
        record_conflict(paper, "title", paper.title, record.title, where)
    return False


def _identifier_taken(name: str, value: object, paper: Paper) -> bool:
    if name not in {"arxiv_id", "doi", "openreview_id"}:
        return False
    return Paper.objects.filter(**{name: value}).exclude(pk=paper.pk).exists()
