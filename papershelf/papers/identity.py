"""One paper however many sources name it: matching and merging.

Identifiers decide first (arXiv id without version, DOI, OpenReview id). Titles
decide only when they read like real titles, and never against a conflicting arXiv
id: two papers that share a short name are not the same paper.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from papershelf.lib.titles import is_probably_title, title_variants
from papershelf.papers.models import Paper, PaperConflict, TitleKey


@dataclass
class Identity:
    """What a source knows that can identify a paper."""

    title: str
    arxiv_id: str = ""
    doi: str = ""
    openreview_id: str = ""


@dataclass
class Match:
    paper: Paper
    by: str  # "arxiv", "doi", "openreview" or "title"
    notes: list[str] = field(default_factory=list)


def find_by_identifier(identity: Identity) -> Match | None:
    checks = [
        ("arxiv", "arxiv_id", identity.arxiv_id),
        ("doi", "doi", identity.doi),
        ("openreview", "openreview_id", identity.openreview_id),
    ]
    wanted = Q()
    for _, column, value in checks:
        if value:
            wanted |= Q(**{column: value})
    if not wanted:
        return None
    found = {p.pk: p for p in Paper.objects.filter(wanted)}
    for by, column, value in checks:  # arXiv first: it is the most reliable identifier
        for paper in found.values():
            if value and getattr(paper, column) == value:
                notes = []
                if len(found) > 1:
                    others = ", ".join(f"#{pk}" for pk in found if pk != paper.pk)
                    notes.append(f"its identifiers also name paper(s) {others}; merge them by hand")
                return Match(paper, by, notes)
    return None


def find_by_title(identity: Identity) -> Match | None:
    if not is_probably_title(identity.title):
        return None
    keys = title_variants(identity.title)
    pks = set(TitleKey.objects.filter(key__in=keys).values_list("paper_id", flat=True))
    if not pks:
        return None
    candidates = [
        paper
        for paper in Paper.objects.filter(pk__in=pks).order_by("pk")
        # Same words, different arXiv ids: two papers (e.g. a paper and its follow-up).
        if not (identity.arxiv_id and paper.arxiv_id and identity.arxiv_id != paper.arxiv_id)
        and not (identity.doi and paper.doi and identity.doi != paper.doi and not paper.arxiv_id)
    ]
    if not candidates:
        return None
    return Match(candidates[0], "title")


def find_match(identity: Identity) -> Match | None:
    return find_by_identifier(identity) or find_by_title(identity)


def record_conflict(
    paper: Paper, field_name: str, kept: object, other: object, source: str
) -> None:
    PaperConflict.objects.get_or_create(
        paper=paper,
        field=field_name,
        other=str(other),
        defaults={"kept": str(kept), "source": source},
    )


_FILLABLE = (
    "abstract", "arxiv_id", "arxiv_version", "doi", "openreview_id", "bibtex_key", "dblp_key",
    "pdf_url", "code_url", "project_url", "url",
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
    for name in _FILLABLE:
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
    keep.refresh_title_keys()
    TitleKey.objects.bulk_create(
        [TitleKey(paper=keep, key=k) for k in title_variants(remove.title)]
        if is_probably_title(remove.title)
        else []
    )
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
