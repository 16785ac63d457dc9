"""Keeping each paper's SearchDocument (and so the full-text index) current.

Signals only *mark* a paper dirty. The documents are rebuilt once per transaction when
it commits — by then an importer or ``create_paper`` has also set the authors, which
``bulk_create`` adds without any signal — and, for a reader in the same transaction
(a test, a CLI command), just before a search runs.

Marking also writes a DirtyPaper row inside the changing transaction: the mark commits
with the data or not at all. A process killed between its commit and the rebuild
leaves the rows behind, and ``drain_outbox`` (run when ``serve`` and ``reindex``
start, and by the background worker) finishes the job.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from papershelf.lib.markdown import plain_text
from papershelf.papers.models import Paper
from papershelf.papers.services import authors_in_order
from papershelf.search.keyword_index import writes_outbox
from papershelf.search.models import (
    DirtyPaper,
    Embedding,
    PendingEmbedding,
    PendingKeywordUpdate,
    SearchDocument,
)
from papershelf.summaries.models import Summary, Visibility

_CHUNK = 500
# The most text of one field (and of one summary) the full-text index holds. Matching
# is linear in it; snippets read a small window of it (see backends/sqlite.py).
MAX_FIELD_CHARS = 1_000_000
# Only for the crash tests: after a commit, write this file and wait to be killed.
HOLD_AFTER_COMMIT_ENV = "PAPERSHELF_TEST_HOLD_AFTER_COMMIT"
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
    if connection.in_atomic_block:
        _write_outbox(ids)  # commits with the change, or rolls back with it
    # Outside a transaction this runs at once; inside, after the commit.
    transaction.on_commit(flush_pending)


def _written_this_transaction() -> set[int]:
    """Ids already in the outbox from this transaction: signals mark a paper many times.

    Keyed to the transaction's list of commit hooks, which Django replaces when the
    transaction ends or a savepoint rolls back, so a rolled-back row is never trusted.
    """
    hooks = connection.run_on_commit
    if getattr(_state, "outbox_hooks", None) is not hooks:
        _state.outbox_hooks, _state.outboxed = hooks, set()
    return _state.outboxed  # type: ignore[no-any-return]


def _write_outbox(ids: set[int]) -> None:
    written = _written_this_transaction()
    new = ids - written
    if not new:
        return
    written.update(new)
    now = timezone.now()
    DirtyPaper.objects.bulk_create(
        [DirtyPaper(paper_id=pk, marked_at=now) for pk in sorted(new)],
        batch_size=_CHUNK,
        update_conflicts=True,
        unique_fields=["paper_id"],
        update_fields=["marked_at"],
    )


def flush_pending() -> int:
    """Rebuild the documents of every paper marked dirty in this thread."""
    pending = _pending()
    if not pending:
        return 0
    ids = sorted(pending)
    pending.clear()
    _hold_if_testing_crashes()
    try:
        written = _refresh_and_clear(ids)
    except Exception:
        pending.update(ids)  # try again at the next flush rather than forget them
        raise
    # Not at once: the next search applies them, with everyone else's, once they have
    # waited SEARCH_REFRESH_SECONDS (a commit per save was a fifth of the CPU under load).
    _sync_keyword_index(settings.SEARCH_REFRESH_SECONDS)
    return written


def _sync_keyword_index(settle: float = 0.0) -> None:
    # Inside a transaction the next search applies the documents (it may yet roll back).
    if not connection.in_atomic_block:
        from papershelf.search.keyword_index import get_keyword_index

        get_keyword_index().sync(settle)


def _hold_if_testing_crashes() -> None:
    marker = os.environ.get(HOLD_AFTER_COMMIT_ENV)
    if marker and not connection.in_atomic_block:
        Path(marker).write_text(str(os.getpid()))
        time.sleep(3600)  # the test kills this process here


@transaction.atomic
def _refresh_and_clear(ids: list[int]) -> int:
    """Rebuild these documents and drop their outbox rows, in one transaction.

    Only rows marked before the rebuild began go: a change committed meanwhile by
    another process keeps its row and is rebuilt next time.
    """
    started = timezone.now()
    written = refresh_documents(ids)
    _clear_outbox(ids, started)
    return written


def _clear_outbox(ids: list[int], before: datetime) -> None:
    # A later change in this same transaction must write its row again.
    _written_this_transaction().difference_update(ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        DirtyPaper.objects.filter(paper_id__in=chunk, marked_at__lte=before).delete()


def drain_outbox(limit: int | None = None) -> int:
    """Rebuild the documents of papers left dirty (by any process). Returns papers done.

    Each chunk commits on its own, so an interrupted drain resumes where it stopped.
    """
    done = 0
    while limit is None or done < limit:
        size = _CHUNK if limit is None else min(_CHUNK, limit - done)
        ids = list(
            DirtyPaper.objects.order_by("paper_id").values_list("paper_id", flat=True)[:size]
        )
        if not ids:
            break
        _refresh_and_clear(ids)
        _pending().difference_update(ids)
        done += len(ids)
    _sync_keyword_index()
    return done


def papers_without_documents() -> list[int]:
    """Papers the full-text index has never seen: drift from before the outbox existed."""
    documented = SearchDocument.objects.filter(paper=OuterRef("pk"))
    return list(
        Paper.objects.filter(~Exists(documented)).order_by("pk").values_list("pk", flat=True)
    )


def repair_search_index() -> int:
    """Bring the full-text index level with the data; cheap when nothing drifted.

    Run when ``serve`` and ``reindex`` start: the outbox, then any paper without a
    document at all. Returns the papers rebuilt.
    """
    repaired = drain_outbox()
    missing = papers_without_documents()
    for start in range(0, len(missing), _CHUNK):
        refresh_documents(missing[start : start + _CHUNK])
    _sync_keyword_index()  # builds the keyword index too, on a shelf that has none yet
    return repaired + len(missing)


def withdrawing() -> set[int]:
    """Summaries being saved in this thread that were public until this save."""
    if not hasattr(_state, "withdrawing"):
        _state.withdrawing = set()
    return _state.withdrawing  # type: ignore[no-any-return]


def withdraw_summary(summary_id: int, paper_id: int) -> None:
    """Take a summary's text out of every index now, in the caller's transaction.

    Its vectors go (search ignores keys whose rows are gone) and its paper's document
    is rebuilt without it: no queue stands between a reader and a private note.
    """
    Embedding.objects.filter(summary_id=summary_id).delete()
    refresh_documents([paper_id])


def public_summary_texts(paper: Paper) -> list[str]:
    """Searchable by everyone, so only public summaries: never private or unlisted ones,
    nor ones a moderator hid or holds for review."""
    return [
        plain_text(s.body[:MAX_FIELD_CHARS])
        for s in paper.summaries.all()
        if s.visibility == Visibility.PUBLIC and not s.hidden
    ]


def clipped(text: str, limit: int = MAX_FIELD_CHARS) -> str:
    """At most ``limit`` characters, cut between words: what the index holds of a field."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ", limit - 200)
    return cut[:space] if space > 0 else cut


def _document_for(paper: Paper) -> SearchDocument:
    topics = paper.topics.all()
    return SearchDocument(
        paper=paper,
        title=paper.title,
        authors=clipped(LIST_SEPARATOR.join(a.author.name for a in paper.author_links.all())),
        abstract=clipped(paper.abstract),
        venue=paper.venue.name if paper.venue else "",
        topics=clipped(LIST_SEPARATOR.join(t.name for t in topics)),
        summaries=clipped("\n\n".join(t for t in public_summary_texts(paper) if t)),
        year=paper.year,
        venue_ref=paper.venue,
    )


_FIELDS = ("title", "authors", "abstract", "venue", "topics", "summaries", "year", "venue_ref_id")


def _papers_with_parts(ids: list[int]) -> list[Paper]:
    summaries = Summary.objects.only("paper_id", "body", "visibility", "hidden").order_by(
        "created_at"
    )
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
        if writes_outbox():  # the keyword engine's, in this same transaction
            PendingKeywordUpdate.objects.bulk_create(
                [PendingKeywordUpdate(paper_id=pk, queued_at=now)
                 for pk in sorted({p.pk for p in changed} | gone)],
                update_conflicts=True,
                unique_fields=["paper_id"],
                update_fields=["queued_at"],
            )  # fmt: skip
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
