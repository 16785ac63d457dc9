"""One paper however many sources name it: matching and merging.

Identifiers decide first (arXiv id without version, DOI, OpenReview id). Titles
decide only when they read like real titles, and never against a conflicting arXiv
id: two papers that share a short name are not the same paper. A short title
("Layer Normalization", "Dropout") decides only together with the first author's
family name and the year, so the heading "Attention" of two notes never does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch

from papershelf.lib.titles import (
    is_probably_title,
    normalise_title,
    plain_title,
    short_title_key,
    title_variants,
)
from papershelf.papers.models import Paper, PaperAuthor, PaperConflict, TitleKey


@dataclass
class Identity:
    """What a source knows that can identify a paper."""

    title: str
    arxiv_id: str = ""
    doi: str = ""
    openreview_id: str = ""
    first_author: str = ""  # as displayed: "Jimmy Lei Ba" (or "Ba, Jimmy Lei")
    year: int | None = None


@dataclass
class Match:
    paper: Paper
    by: str  # "arxiv", "doi", "openreview", "title" or _BY_SHORT_TITLE
    notes: list[str] = field(default_factory=list)


_ID_FIELDS = (("arxiv", "arxiv_id"), ("doi", "doi"), ("openreview", "openreview_id"))
_CHUNK = 500  # SQLite's expression depth limits how many values one IN (…) may hold
_BY_SHORT_TITLE = "title, first author and year"
_BY_MAIN_TITLE = "main title (before its subtitle), first author and year"
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "Martin Luther King, Jr."
ShortKey = tuple[str, str, int]  # short title key, first author's family name key, year


def family_name_key(name: str) -> str:
    """The family name of a displayed author name, normalised like a title key.

    "Iñigo Lopez-Gazpio", "I. Lopez-Gazpio" and "Lopez-Gazpio, Iñigo" all give
    "lopezgazpio"; a suffix such as "Jr." is not the family name.
    """
    family, comma, given = name.partition(",")
    if comma and normalise_title(given) not in _NAME_SUFFIXES and family.strip():
        return normalise_title(family)  # "Family, Given" as people type it into the form
    words = [word for word in name.replace(",", " ").split() if normalise_title(word)]
    while len(words) > 1 and normalise_title(words[-1]) in _NAME_SUFFIXES:
        words.pop()
    return normalise_title(words[-1]) if words else ""


def short_key(title: str, first_author: str, year: int | None) -> ShortKey | None:
    """What a short title must share with another to be the same paper, or None."""
    title_key = short_title_key(title)
    family = family_name_key(first_author) if title_key and year else ""
    return (title_key, family, year) if family and year else None


class PaperIndex:
    """Finds papers by identifier and title key, many at a time.

    An import preloads every identifier and title key of a document in a few queries,
    then asks in memory; papers it creates are added before they are saved, so a
    paper named twice in one file is still one paper.
    """

    def __init__(self) -> None:
        self.by_id: dict[tuple[str, str], Paper] = {}
        self.by_key: dict[str, list[Paper]] = {}
        self.by_short_key: dict[ShortKey, list[Paper]] = {}
        self.by_main_title: dict[ShortKey, list[Paper]] = {}

    def preload(self, identities: list[Identity]) -> None:
        for by, column in _ID_FIELDS:
            values = sorted({getattr(i, column) for i in identities if getattr(i, column)})
            for chunk in _chunks(values):
                for paper in Paper.objects.filter(**{f"{column}__in": chunk}):
                    self.by_id[(by, getattr(paper, column))] = paper
        keys = sorted(
            {k for i in identities if is_probably_title(i.title) for k in title_variants(i.title)}
        )
        for chunk in _chunks(keys):
            rows = TitleKey.objects.filter(key__in=chunk).select_related("paper")
            for row in rows:
                _add_once(self.by_key.setdefault(row.key, []), row.paper)
        self._preload_short_titles(identities)

    def _preload_short_titles(self, identities: list[Identity]) -> None:
        # Short titles have no title keys (see Paper.refresh_title_keys): look for the
        # papers by their whole normalised title, then compare first author and year.
        wanted = {key for i in identities if (key := _short_key_of(i)) is not None}
        titles = sorted({title for title, _, _ in wanted})
        first_authors = Prefetch(
            "author_links",
            queryset=PaperAuthor.objects.filter(position=0).select_related("author"),
            to_attr="first_author_links",
        )
        for chunk in _chunks(titles):
            found = Paper.objects.filter(normalised_title__in=chunk, year__isnull=False)
            for paper in found.prefetch_related(first_authors):
                links = getattr(paper, "first_author_links", [])
                first_author = links[0].author.name if links else ""
                key = short_key(paper.title, first_author, paper.year)
                if key in wanted:
                    _add_once(self.by_short_key.setdefault(key, []), paper)

    def add(self, paper: Paper, first_author: str = "") -> None:
        """Make a paper about to be created findable; ``first_author`` as the record names it."""
        for by, column in _ID_FIELDS:
            if getattr(paper, column):
                self.by_id.setdefault((by, getattr(paper, column)), paper)
        if is_probably_title(paper.title):
            for key in title_variants(paper.title):
                _add_once(self.by_key.setdefault(key, []), paper)
        short = short_key(paper.title, first_author, paper.year)
        if short is not None:
            _add_once(self.by_short_key.setdefault(short, []), paper)
        for main in main_title_keys(paper.title, first_author, paper.year):
            _add_once(self.by_main_title.setdefault(main, []), paper)

    def owners_elsewhere(self, identity: Identity, paper: Paper) -> list[tuple[str, Paper]]:
        """The identifiers of ``identity`` (by column) that already name another paper."""
        return [
            (column, owner)
            for by, column in _ID_FIELDS
            if getattr(identity, column)
            and (owner := self.by_id.get((by, getattr(identity, column)))) is not None
            and owner is not paper
        ]

    def find(self, identity: Identity) -> Match | None:
        return (
            self._find_by_identifier(identity)
            or self._find_by_title(identity)
            or self._find_by_short_title(identity)
            or self._find_by_main_title(identity)
        )

    def _find_by_identifier(self, identity: Identity) -> Match | None:
        found = [
            (by, self.by_id[(by, getattr(identity, column))])
            for by, column in _ID_FIELDS
            if getattr(identity, column) and (by, getattr(identity, column)) in self.by_id
        ]
        if not found:
            return None
        by, paper = found[0]  # arXiv first: it is the most reliable identifier
        others = {id(p): p for _, p in found if p is not paper}
        notes = []
        if others:
            names = ", ".join(f"“{p.title}”" for p in others.values())
            notes.append(f"its identifiers also name {names}; merge them by hand if they are one")
        return Match(paper, by, notes)

    def _find_by_title(self, identity: Identity) -> Match | None:
        if not is_probably_title(identity.title):
            return None
        candidates: list[Paper] = []
        for key in sorted(title_variants(identity.title)):
            for paper in self.by_key.get(key, []):
                if paper not in candidates and not _identifiers_disagree(identity, paper):
                    candidates.append(paper)
        if not candidates:
            return None
        exact = normalise_title(identity.title)
        candidates.sort(key=lambda p: (normalise_title(p.title) != exact, p.pk or 0))
        return Match(candidates[0], "title")

    def _find_by_short_title(self, identity: Identity) -> Match | None:
        key = _short_key_of(identity)
        if key is None:
            return None
        candidates = [
            paper
            for paper in self.by_short_key.get(key, [])
            if not _identifiers_disagree(identity, paper)
        ]
        if not candidates:
            return None
        candidates.sort(key=lambda p: p.pk or 0)
        return Match(candidates[0], _BY_SHORT_TITLE)

    def _find_by_main_title(self, identity: Identity) -> Match | None:
        """A schedule's "Hooper et al. (2005) *Effects of biodiversity on ecosystem
        functioning*" and the session's "…: a consensus of current knowledge": the title
        before the colon, with the same first author and year, in this import."""
        for key in main_title_keys(identity.title, identity.first_author, identity.year):
            for paper in self.by_main_title.get(key, []):
                if not _identifiers_disagree(identity, paper):
                    return Match(paper, _BY_MAIN_TITLE)
        return None


def main_title_keys(title: str, first_author: str, year: int | None) -> list[ShortKey]:
    """The whole title's key and, for "Main title: subtitle", the main title's, each
    with the first author's family name and the year; none without those."""
    family = family_name_key(first_author)
    if not family or not year:
        return []
    plain = plain_title(title)
    main = plain.partition(":")[0]
    titles = [title, main] if main != plain and is_probably_title(main) else [title]
    return [(normalise_title(t), family, year) for t in titles if is_probably_title(t)]


def _short_key_of(identity: Identity) -> ShortKey | None:
    return short_key(identity.title, identity.first_author, identity.year)


def _add_once(papers: list[Paper], paper: Paper) -> None:
    if all(p is not paper and (p.pk is None or p.pk != paper.pk) for p in papers):
        papers.append(paper)


def _identifiers_disagree(identity: Identity, paper: Paper) -> bool:
    # Same words, different arXiv ids: two papers (a paper and its follow-up, say).
    if identity.arxiv_id and paper.arxiv_id and identity.arxiv_id != paper.arxiv_id:
        return True
    return bool(identity.doi and paper.doi and identity.doi != paper.doi and not paper.arxiv_id)


def _chunks(values: list[str]) -> list[list[str]]:
    return [values[i : i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def record_conflict(
    paper: Paper, field_name: str, kept: object, other: object, source: str
) -> None:
    PaperConflict.objects.get_or_create(
        paper=paper,
        field=field_name,
        other=str(other),
        defaults={"kept": str(kept), "source": source},
    )


LINK_FIELDS = ("pdf_url", "code_url", "project_url", "url")
# Facts a second source may supply when the first left them empty.
FILLABLE_FIELDS = (
    "abstract", "arxiv_id", "arxiv_version", "doi", "openreview_id", "bibtex_key", "dblp_key",
    *LINK_FIELDS,
)  # fmt: skip


@transaction.atomic
def merge_papers(keep: Paper, remove: Paper) -> Paper:
    """Fold ``remove`` into ``keep``: summaries, list items, topics, identifiers, history.

    Nothing of either paper is lost: empty fields of ``keep`` are filled from
    ``remove``, disagreeing ones are remembered as conflicts.
    """
    if keep.pk == remove.pk:
        raise ValueError("a paper cannot be merged with itself")
    source = f"merged from paper #{remove.pk}"
    for name in FILLABLE_FIELDS:
        mine, theirs = getattr(keep, name), getattr(remove, name)
        if theirs and not mine:
            setattr(keep, name, theirs)
        elif theirs and mine != theirs and name in {"arxiv_id", "doi", "openreview_id"}:
            record_conflict(keep, name, mine, theirs, source)
    for name in ("year",):
        mine, theirs = getattr(keep, name), getattr(remove, name)
        if theirs and not mine:
            setattr(keep, name, theirs)
        elif theirs and mine != theirs:
            record_conflict(keep, name, mine, theirs, source)
    if remove.venue_id and not keep.venue_id:
        keep.venue_id = remove.venue_id
    keep.organisations = _union(keep.organisations, remove.organisations)
    keep.keywords = _union(keep.keywords, remove.keywords)
    if remove.figure and not keep.figure:
        keep.figure = remove.figure
    keep.view_count += remove.view_count
    if remove.title != keep.title:
        record_conflict(keep, "title", keep.title, remove.title, source)
    _move_related(keep, remove)
    # Identifiers are unique: free them on the removed paper before keep takes them.
    Paper.objects.filter(pk=remove.pk).update(arxiv_id="", doi="", openreview_id="")
    remove.delete()
    keep.save()
    if is_probably_title(remove.title):
        known = set(keep.title_keys.values_list("key", flat=True))
        extra = title_variants(remove.title) - known
        TitleKey.objects.bulk_create([TitleKey(paper=keep, key=k) for k in sorted(extra)])
    return keep


def _union(first: list[str], second: list[str]) -> list[str]:
    return first + [item for item in second if item not in first]


def _move_related(keep: Paper, remove: Paper) -> None:
    remove.summaries.update(paper=keep)
    remove.reading_list_items.update(paper=keep)
    for topic in remove.topics.all():
        topic.papers.add(keep)
    if not keep.author_links.exists():
        remove.author_links.update(paper=keep)
    for conflict in remove.conflicts.all():
        record_conflict(keep, conflict.field, conflict.kept, conflict.other, conflict.source)
    # Other apps (imports, search) hold references too; they follow through this hook.
    from papershelf.papers.signals import papers_merged

    papers_merged.send(sender=Paper, keep=keep, remove=remove)
