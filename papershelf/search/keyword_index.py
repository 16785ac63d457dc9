"""The keyword engine's index (tantivy) over SearchDocument, kept level through an outbox.

Why tantivy rather than the database's own full-text index: ranking must be the true
BM25 top-k over *every* match. FTS5 scores every matching row before it can sort, so a
common word on a million papers costs hundreds of milliseconds; tantivy's block-max
WAND skips the postings that cannot reach the top k (see docs/performance.md).

The database stays the truth. ``refresh_documents`` writes a PendingKeywordUpdate row
in the same transaction as each document it writes or deletes; ``sync`` applies those
rows to the index and then deletes exactly the rows it applied, so a process that dies
between the two leaves them for the next sync (applying a row twice is harmless).
Every search syncs first (one indexed read when nothing waits), so a summary made
private leaves keyword results at once, whichever process wrote the change. Syncs that
meet are one commit, not many: under load a commit (~30 ms, mostly fsync) would
otherwise be paid by every search and write in turn. A sync that waited for another
thread's or process's commit reads the outbox again and commits only what is still
waiting, usually nothing; a search never waits for a lock when nothing waits.

The index lives in ``HOME/search/keyword/<generation>``; ``CURRENT`` names the live
generation, so ``reindex --rebuild`` builds a new one beside it and swaps it in while
other processes keep reading the old one until their next sync.

All of this is SQLite's. On PostgreSQL the keyword index is the tsvector a trigger
writes with each document (backends/postgresql.py): ``get_keyword_index`` answers with
``DatabaseKeywordIndex``, which has nothing to open or sync, and no outbox is written.
"""

from __future__ import annotations

import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from papershelf.search.models import PendingKeywordUpdate, SearchDocument

if TYPE_CHECKING:
    import tantivy

TEXT_FIELDS = ("title", "authors", "abstract", "venue", "topics", "summaries")
# Plain words are scored on one more field, "text", holding every field, each as many
# times as its weight: BM25F, whose weighted term frequencies share one IDF and one
# length. Scoring each field on its own BM25 went wrong twice: a field most papers lack
# (summaries) gets an average length near zero, so its every match is discounted, and
# a word common in abstracts but rare in titles ("training") gets a title IDF that
# outranks a rare word. Tuned on the known-item queries of benchmarks/search_bench.py.
ALL = "text"
FIELD_WEIGHTS = {"title": 4, "authors": 3, "topics": 2, "venue": 2, "abstract": 2, "summaries": 1}
ANALYZER = "papershelf_en"
# Every two neighbouring words of a field as one term ("deep_residual"), weighted as in
# "text": a quoted pair of words is that one term, ranked by BM25 and pruned by
# block-max WAND, as Elasticsearch's ``index_phrases`` does. As a phrase query, tantivy
# decoded the positions of every paper holding both words and scored each: 140-190 ms
# for two common words at 1M papers, the keyword p99. Longer phrases must hold each of
# their pairs, whose short posting lists pick the papers the phrase then checks. The
# simple tokenizer splits at "_", so no word holds one.
PAIRS = "pairs"
PAIRS_ANALYZER = "papershelf_pairs"
# Written into each index built: an index of another version is rebuilt when opened
# (2: the word pairs).
SCHEMA_VERSION = "2"
_SCHEMA_MARKER = "papershelf-schema"
_WRITER_HEAP = 64_000_000
_BATCH = 2_000
_LOCK_WAIT = 2.0  # seconds to wait for another process's writer before leaving it the rows


def keyword_root() -> Path:
    return Path(settings.HOME) / "search" / "keyword"


def analyzer() -> tantivy.TextAnalyzer:
    """Words as the index holds them: split, lowercased, accents folded, English stems."""
    import tantivy

    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def pairs_analyzer() -> tantivy.TextAnalyzer:
    import tantivy

    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()


def word_pairs(terms: list[str]) -> list[str]:
    """The pair terms of neighbouring index terms, in order."""
    return [f"{a}_{b}" for a, b in pairwise(terms)]


_analyzer_lock = threading.Lock()
_analyzer: tantivy.TextAnalyzer | None = None


def analyze(text: str) -> list[str]:
    """The index's terms for ``text``: what a query word must become to match."""
    global _analyzer
    with _analyzer_lock:
        if _analyzer is None:
            _analyzer = analyzer()
    return list(_analyzer.analyze(text))


def schema() -> tantivy.Schema:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", indexed=True, fast=True)  # the paper id
    builder.add_integer_field("year", indexed=True, fast=True)
    for name in (*TEXT_FIELDS, ALL):
        builder.add_text_field(name, tokenizer_name=ANALYZER, index_option="position")
    builder.add_text_field(PAIRS, tokenizer_name=PAIRS_ANALYZER, index_option="freq")
    return builder.build()


def _document(row: tuple[int, str, str, str, str, str, str, int | None]) -> tantivy.Document:
    import tantivy

    paper_id, *texts, year = row
    document = tantivy.Document()
    document.add_integer("id", paper_id)
    if year is not None:
        document.add_integer("year", year)
    fields = dict(zip(TEXT_FIELDS, texts, strict=True))
    for name, text in fields.items():
        if text:
            document.add_text(name, text)
    for name, weight in FIELD_WEIGHTS.items():
        pairs = " ".join(word_pairs(analyze(fields[name]))) if fields[name] else ""
        for _ in range(weight if fields[name] else 0):
            document.add_text(ALL, fields[name])
            if pairs:
                document.add_text(PAIRS, pairs)
    return document


_COLUMNS = ("paper_id", *TEXT_FIELDS, "year")


def _rows(ids: list[int]) -> Iterator[tuple[int, str, str, str, str, str, str, int | None]]:
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        yield from SearchDocument.objects.filter(pk__in=chunk).values_list(*_COLUMNS)


def _all_rows() -> Iterator[tuple[int, str, str, str, str, str, str, int | None]]:
    last = 0
    while True:
        rows = list(
            SearchDocument.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list(*_COLUMNS)[:_BATCH]
        )
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def _transaction_key() -> object:
    # Django replaces this list when a transaction ends or a savepoint rolls back.
    return connection.run_on_commit if connection.in_atomic_block else None


class KeywordIndex:
    """One process's handle on the index of a data directory; thread-safe."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.RLock()  # one sync or rebuild at a time in this process
        self._open_lock = threading.Lock()  # searchers are handed out while a sync commits
        self._index: tantivy.Index | None = None
        self._generation = ""
        # Documents applied from inside a transaction that may yet roll back: read again
        # once that transaction is over, so the index never keeps what the data lost.
        self._unsettled: set[int] = set()
        self._unsettled_in: object = None

    # --- opening --------------------------------------------------------------------

    def _current(self) -> str:
        marker = self.root / "CURRENT"
        return marker.read_text().strip() if marker.exists() else ""

    def _open(self, generation: str) -> tantivy.Index:
        import tantivy

        index = tantivy.Index(schema(), path=str(self.root / generation))
        index.register_tokenizer(ANALYZER, analyzer())
        index.register_tokenizer(PAIRS_ANALYZER, pairs_analyzer())
        return index

    def _outdated(self, generation: str) -> bool:
        """Whether the index on disk was built by an older Papershelf, to another schema."""
        marker = self.root / generation / _SCHEMA_MARKER
        return not marker.exists() or marker.read_text().strip() != SCHEMA_VERSION

    def _opened(self) -> tantivy.Index:
        # One read of CURRENT a call, under the lock: a rebuild may swap it meanwhile.
        with self._open_lock:
            generation = self._current()
            if generation and (generation != self._generation or self._index is None):
                if self._outdated(generation):
                    generation = ""
                else:
                    self._index, self._generation = self._open(generation), generation
            if generation and self._index is not None:
                return self._index
        with self._lock:  # no index yet, or one of another schema: build one
            current = self._current()
            if not current or self._outdated(current):
                self.rebuild()
        return self._opened()

    def searcher(self) -> tantivy.Searcher:
        return self._opened().searcher()

    def warm_up(self) -> None:
        """Open the index now, not at a process's first search."""
        self.searcher()

    def missing(self) -> str:
        if (self.root / "CURRENT").exists():
            return ""
        return f"no keyword index in {self.root}"

    # --- keeping level with the data -------------------------------------------------

    def _writer(self) -> tantivy.IndexWriter:
        deadline = time.monotonic() + _LOCK_WAIT
        while True:
            try:
                return self._opened().writer(_WRITER_HEAP, 1)
            except ValueError:  # another process is writing: it will commit soon
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def _settled_ids(self) -> set[int]:
        """Ids applied in a transaction that has ended since (committed or rolled back)."""
        if self._unsettled and self._unsettled_in is not _transaction_key():
            ids, self._unsettled = self._unsettled, set()
            return ids
        return set()

    def sync(self, settle: float = 0.0) -> int:
        """Apply the documents written since the last sync (by any process). Returns how many.

        With ``settle``, only once one of them has waited that many seconds (then all of
        them): each apply is a commit, whose cost hardly depends on how much it holds.
        """
        self._opened()
        waiting = PendingKeywordUpdate.objects.all()
        if settle > 0:
            waiting = waiting.filter(queued_at__lte=timezone.now() - timedelta(seconds=settle))
        if not self._unsettled and not waiting.exists():
            return 0  # the common case: no lock, so no wait behind another thread's commit
        with self._lock:
            applied = 0
            recheck = self._settled_ids()
            while True:
                rows = list(PendingKeywordUpdate.objects.values_list("paper_id", "queued_at")[
                    :_BATCH
                ])  # fmt: skip
                ids = sorted({pk for pk, _ in rows} | recheck)
                if not ids:
                    return applied
                try:
                    self._apply(ids, recheck)
                except ValueError:
                    return applied  # the writer is busy elsewhere; the rows wait for it
                if connection.in_atomic_block:
                    if self._unsettled_in is not _transaction_key():
                        self._unsettled = set()
                    self._unsettled.update(ids)
                    self._unsettled_in = _transaction_key()
                recheck = set()
                _forget(rows)
                applied += len(ids)
                if len(rows) < _BATCH:
                    return applied

    def _apply(self, ids: list[int], recheck: set[int]) -> None:
        writer = self._writer()
        # The wait for the writer may have been another process committing these very
        # rows: apply only what still waits (and what a finished transaction left).
        ids = sorted(set(_waiting(ids)) | (recheck & set(ids)))
        if not ids:
            del writer  # dropping an uncommitted writer frees its lock, changing nothing
            return
        for pk in ids:
            writer.delete_documents_by_term("id", pk)
        for row in _rows(ids):
            writer.add_document(_document(row))
        writer.commit()
        writer.wait_merging_threads()
        self._opened().reload()

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """A new index of every document, swapped in whole. Returns documents indexed."""
        with self._lock:
            started = PendingKeywordUpdate.objects.values_list("paper_id", "queued_at")
            waiting = list(started)  # what this build covers: later rows stay for sync
            generation = uuid.uuid4().hex[:12]
            self.root.mkdir(parents=True, exist_ok=True)
            (self.root / generation).mkdir()
            index = self._open(generation)
            writer = index.writer(_WRITER_HEAP * 4, 0)
            count, indexed = 0, []
            for row in _all_rows():
                writer.add_document(_document(row))
                indexed.append(row[0])
                count += 1
                if progress and count % _BATCH == 0:
                    progress(_BATCH)
            writer.commit()
            writer.wait_merging_threads()
            (self.root / generation / _SCHEMA_MARKER).write_text(SCHEMA_VERSION)
            if progress and count % _BATCH:
                progress(count % _BATCH)
            old = self._current()
            temporary = self.root / "CURRENT.tmp"
            temporary.write_text(generation)
            temporary.replace(self.root / "CURRENT")
            index.reload()
            with self._open_lock:
                self._index, self._generation = index, generation
            if old:
                # Other processes notice CURRENT at their next sync; open files outlive this.
                shutil.rmtree(self.root / old, ignore_errors=True)
            _forget(waiting)
            if connection.in_atomic_block:
                self._unsettled, self._unsettled_in = set(indexed), _transaction_key()
            return count


def _waiting(ids: list[int]) -> list[int]:
    return list(
        PendingKeywordUpdate.objects.filter(paper_id__in=ids).values_list("paper_id", flat=True)
    )


def _forget(rows: list[tuple[int, datetime]]) -> None:
    """Delete exactly these outbox rows: one marked again meanwhile has a newer time."""
    with transaction.atomic():
        for start in range(0, len(rows), 200):
            match = Q()
            for paper_id, queued_at in rows[start : start + 200]:
                match |= Q(paper_id=paper_id, queued_at=queued_at)
            PendingKeywordUpdate.objects.filter(match).delete()


class KeywordEngineIndex(Protocol):
    """What indexing, ``reindex``, ``serve`` and ``/readyz`` ask of the keyword index."""

    def sync(self, settle: float = 0.0) -> int: ...

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int: ...

    def warm_up(self) -> None: ...

    def missing(self) -> str:
        """Why searches cannot run yet ("" when they can)."""
        ...


class DatabaseKeywordIndex:
    """PostgreSQL's keyword index: the tsvector the database writes with each document."""

    def sync(self, settle: float = 0.0) -> int:
        return 0  # written in the document's own transaction: never behind

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """Compute every document's vectors again and rebuild their GIN indexes."""
        from papershelf.search.backends.postgresql_rebuild import rebuild_full_text

        return rebuild_full_text(progress)

    def warm_up(self) -> None:
        """Nothing to open: the index is in the database."""

    def missing(self) -> str:
        return ""


def writes_outbox() -> bool:
    """Whether the keyword engine reads PendingKeywordUpdate (tantivy, on SQLite)."""
    return connection.vendor != "postgresql"


_indexes: dict[Path, KeywordIndex] = {}
_indexes_lock = threading.Lock()


def get_keyword_index() -> KeywordEngineIndex:
    """The keyword index of this data directory (one handle per process), or the
    database's own on PostgreSQL."""
    if not writes_outbox():
        return DatabaseKeywordIndex()
    return get_tantivy_index()


def get_tantivy_index() -> KeywordIndex:
    """SQLite's tantivy index of this data directory (one handle per process)."""
    root = keyword_root()
    with _indexes_lock:
        if root not in _indexes:
            _indexes[root] = KeywordIndex(root)
        return _indexes[root]
