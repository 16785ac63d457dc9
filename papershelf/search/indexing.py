"""Keeping each paper's SearchDocument (and so the full-text index) current.

Signals only *mark* a paper dirty. The documents are rebuilt once per transaction when
it commits — by then an importer or ``create_paper`` has also set the authors, which
``bulk_create`` adds without any signal — and, for a reader in the same transaction
(a test, a CLI command), just before a search runs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from papershelf.lib.markdown import plain_text
from papershelf.papers.models import Paper
from papershelf.papers.services import authors_in_order
from papershelf.search.models import PendingEmbedding, SearchDocument
from papershelf.summaries.models import Summary, Visibility

_CHUNK = 500
# Between authors and between topics: a name may hold a comma ("Smith, J.").
LIST_SEPARATOR = "; "
_state = threading.local()


def _pending() -> set[int]:
    if not hasattr(_state, "ids"):
        _state.ids = set()
    return _state.ids  # type: ignore[no-any-return]


def mark_dirty(paper_ids: Iterable[int]) -> None:
    ids = {int(pk) for pk in paper_ids if pk is not None}
    if not ids:
        return
    _pending().update(ids)
    # Outside a transaction this runs at once; inside, after the commit.
    transaction.on_commit(flush_pending)


def flush_pending() -> int:
    """Rebuild the documents of every paper marked dirty in this thread."""
    pending = _pending()
    if not pending:
        return 0
    ids = sorted(pending)
    pending.clear()
    try:
        return refresh_documents(ids)
    except Exception:
        pending.update(ids)  # try again at the next flush rather than forget them
        raise


def public_summary_texts(paper: Paper) -> list[str]:
    """Searchable by everyone, so only public summaries: never private or unlisted ones."""
    return [plain_text(s.body) for s in paper.summaries.all() if s.visibility == Visibility.PUBLIC]


def _document_for(paper: Paper) -> SearchDocument:
    topics = paper.topics.all()
    return SearchDocument(
        paper=paper,
        title=paper.title,
        authors=LIST_SEPARATOR.join(link.author.name for link in paper.author_links.all()),
        abstract=paper.abstract,
        venue=paper.venue.name if paper.venue else "",
        topics=LIST_SEPARATOR.join(t.name for t in topics),
        summaries="\n\n".join(t for t in public_summary_texts(paper) if t),
        year=paper.year,
        venue_ref=paper.venue,
    )


_FIELDS = ("title", "authors", "abstract", "venue", "topics", "summaries", "year", "venue_ref_id")


def _papers_with_parts(ids: list[int]) -> list[Paper]:
    summaries = Summary.objects.only("paper_id", "body", "visibility").order_by("created_at")
    return list(
        Paper.objects.filter(pk__in=ids)
        .select_related("venue")
        .prefetch_related(
            authors_in_order(),
            "topics",
            Prefetch("summaries", summaries),
        )
    )


@transaction.atomic
def refresh_documents(paper_ids: Iterable[int], requeue: bool = False) -> int:
    """Rebuild these papers' documents; write only those that changed. Returns writes.

    Papers whose text changed are queued for new vectors (all of them with requeue).
    """
    ids = list(paper_ids)
    written, now = 0, timezone.now()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        papers = _papers_with_parts(chunk)
        existing = SearchDocument.objects.in_bulk([p.pk for p in papers])
        changed = []
        for paper in papers:
            document, old = _document_for(paper), existing.get(paper.pk)
            if old is not None and all(getattr(old, f) == getattr(document, f) for f in _FIELDS):
                continue
            document.save(force_insert=old is None)
            changed.append(paper)
        written += len(changed)
        gone = set(chunk) - {p.pk for p in papers}
        SearchDocument.objects.filter(pk__in=gone).delete()
        # Vectors are slow to make: they are queued for the background worker.
        # A paper already queued moves to the back: the worker may be reading its old text.
        PendingEmbedding.objects.bulk_create(
            [PendingEmbedding(paper=p, queued_at=now) for p in (papers if requeue else changed)],
            update_conflicts=True,
            unique_fields=["paper"],
            update_fields=["queued_at"],
        )
    return written


def refresh_all_documents(requeue: bool = False) -> int:
    ids = list(Paper.objects.values_list("pk", flat=True).order_by("pk"))
    return refresh_documents(ids, requeue)
