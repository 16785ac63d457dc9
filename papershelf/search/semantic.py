"""Vectors for papers and summary passages: made in the background, searched by meaning.

Saving a paper or summary only queues the paper (PendingEmbedding). ``process_pending``
drains the queue in small committed batches — so an interrupted run resumes where it
stopped — and embeds only texts whose hash changed. ``papershelf reindex`` and a thread
that ``papershelf serve`` starts both call it; nothing a person waits for ever does.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import close_old_connections, connection, transaction

from papershelf.lib.markdown import plain_text
from papershelf.lib.memo import memo_by_digest
from papershelf.papers.models import Paper
from papershelf.search.embedding import MAX_TEXT_CHARS, MODEL_ID, get_embedder
from papershelf.search.indexing import drain_outbox, flush_pending
from papershelf.search.models import Embedding, EmbeddingKind, PendingEmbedding
from papershelf.search.vectors import get_index, vector_from_bytes
from papershelf.summaries.models import Summary, Visibility

log = logging.getLogger(__name__)

# About what 128 tokens hold: a passage the model reads whole.
PASSAGE_WORDS = 90
# Vectors per summary, and how much of its Markdown is read for them: a summary of any
# size (old data, imports: nothing upstream need have limited it) costs at most this.
# 400 passages of 90 words cover a 200 KB summary, the longest the editor accepts.
MAX_PASSAGES = 400
MAX_SUMMARY_CHARS = 300_000
BATCH_PAPERS = 16
# Cosine similarity below which a paper is not a semantic result, per model: every query
# has *some* nearest paper, and "zzzqqq" must find nothing. Calibrated in
# benchmarks/search_bench.py: known-item queries reach their paper above it, unrelated
# and nonsense queries stay below it (it prints both distributions).
SIMILARITY_FLOOR = {MODEL_ID: 0.3}
SAVE_EVERY = 60.0  # seconds
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Text:
    kind: str
    summary_id: int | None
    text: str

    @property
    def hash(self) -> str:
        return hashlib.sha256(f"{MODEL_ID}\n{self.text}".encode()).hexdigest()


def split_passages(text: str, words: int = PASSAGE_WORDS, limit: int | None = None) -> list[str]:
    """Cut a summary into passages of whole sentences, about ``words`` words each.

    A sentence longer than a passage is cut by words; ``limit`` stops after that many.
    """
    passages: list[str] = []
    current: list[str] = []
    count = 0
    for sentence in _sentences(text, words):
        size = len(sentence.split())
        if current and count + size > words:
            passages.append(" ".join(current))
            if limit is not None and len(passages) >= limit:
                return passages
            current, count = [], 0
        current.append(sentence)
        count += size
    if current:
        passages.append(" ".join(current))
    return passages[:limit]


def _sentences(text: str, words: int) -> Iterator[str]:
    for paragraph in text.split("\n"):
        for sentence in _SENTENCE_RE.split(paragraph.strip()):
            parts = sentence.split()
            if len(parts) <= words:
                if parts:
                    yield sentence
                continue
            # No full stop for pages on end (a pasted table, a log): cut it by words.
            for start in range(0, len(parts), words):
                yield " ".join(parts[start : start + words])


def texts_for(paper: Paper) -> list[Text]:
    """What should have a vector: the paper, and passages of its public summaries."""
    paper_text = f"{paper.title}. {paper.abstract[:MAX_TEXT_CHARS]}".strip()
    texts = [Text(EmbeddingKind.PAPER, None, paper_text[:MAX_TEXT_CHARS])]
    for summary in paper.summaries.all():
        if summary.visibility != Visibility.PUBLIC or summary.hidden:
            continue  # the vectors serve every reader, like the full-text index
        body = plain_text(summary.body[:MAX_SUMMARY_CHARS])
        for passage in split_passages(body, limit=MAX_PASSAGES):
            texts.append(Text(EmbeddingKind.PASSAGE, summary.pk, passage[:MAX_TEXT_CHARS]))
    return texts


def pending_count() -> int:
    flush_pending()
    return PendingEmbedding.objects.count()


def _process_batch(limit: int) -> int:
    """Embed the changed texts of up to ``limit`` queued papers. Returns papers done."""
    queued = list(PendingEmbedding.objects.order_by("queued_at")[:limit])
    if not queued:
        return 0
    papers = Paper.objects.filter(pk__in=[q.paper_id for q in queued]).prefetch_related("summaries")
    wanted = {paper.pk: texts_for(paper) for paper in papers}
    existing: dict[int, dict[str, int]] = {}
    for pk, paper_id, text_hash in Embedding.objects.filter(paper_id__in=wanted).values_list(
        "pk", "paper_id", "text_hash"
    ):
        existing.setdefault(paper_id, {})[text_hash] = pk
    new = [
        (pid, t) for pid, ts in wanted.items() for t in ts if t.hash not in existing.get(pid, {})
    ]
    vectors = get_embedder().embed([t.text for _, t in new]) if new else np.zeros((0, 1))
    keep = {t.hash for ts in wanted.values() for t in ts}
    stale = [pk for hashes in existing.values() for h, pk in hashes.items() if h not in keep]
    with transaction.atomic():
        # New rows first: their keys are above every old one, as the index assumes.
        Embedding.objects.bulk_create(
            Embedding(paper_id=pid, summary_id=t.summary_id, kind=t.kind, text=t.text,
                      text_hash=t.hash, model_id=MODEL_ID, vector=vector.tobytes())
            for (pid, t), vector in zip(new, vectors, strict=True)
        )  # fmt: skip
        Embedding.objects.filter(pk__in=stale).delete()
        # A paper queued again while we worked keeps its newer place in the queue.
        for item in queued:
            PendingEmbedding.objects.filter(pk=item.pk, queued_at=item.queued_at).delete()
    return len(queued)


def process_pending(
    limit: int | None = None,
    batch: int = BATCH_PAPERS,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Drain the queue (or ``limit`` papers of it), committing each batch."""
    flush_pending()  # papers this thread changed join the queue first
    drain_outbox()  # …and those another process changed and died before indexing
    done = 0
    while limit is None or done < limit:
        count = _process_batch(batch if limit is None else min(batch, limit - done))
        if not count:
            break
        done += count
        if progress:
            progress(count)
    if done:
        get_index().sync()
    return done


class BackgroundIndexer(threading.Thread):
    """Keeps vectors current while the web app runs: polls the queue, never blocks a request."""

    def __init__(self, interval: float = 5.0) -> None:
        super().__init__(name="papershelf-indexer", daemon=True)
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        get_embedder()  # load the model now, not during someone's first search
        unsaved, saved_at = 0, time.monotonic()
        while not self.stopped.is_set():
            try:
                close_old_connections()
                done = process_pending(limit=BATCH_PAPERS * 4)
                unsaved += done
                # The file is a cache: every process adds the rows written since it was
                # saved from the database itself. Saving it reloads it in every web
                # process (0.1 s each at 100k vectors), so at most once a minute; under
                # load "whenever idle" was every few seconds.
                if unsaved and time.monotonic() - saved_at > SAVE_EVERY:
                    get_index().save()
                    unsaved, saved_at = 0, time.monotonic()
                if done:
                    continue  # more may be waiting
            except Exception:
                log.exception("Background indexing failed; retrying in %ss", self.interval)
            self.stopped.wait(self.interval)

    def stop(self) -> None:
        self.stopped.set()


def start_background_indexer() -> BackgroundIndexer:
    worker = BackgroundIndexer()
    worker.start()
    return worker


@dataclass(frozen=True)
class SemanticHit:
    paper_id: int
    similarity: float
    kind: str
    key: int  # the embedding's: its text is read only for the hits a page shows


def nearest_papers(vector: np.ndarray, count: int, exclude: int | None = None) -> list[SemanticHit]:
    """Papers whose abstract or summary passages are nearest, best passage per paper."""
    return visible_hits(neighbour_rows(vector, count), count, exclude)


# (key, paper_id, kind, summary_id, similarity) of one neighbouring passage.
Neighbour = tuple[int, int, str, int | None, float]


def neighbour_rows(vector: np.ndarray, count: int, *, exact: bool | None = None) -> list[Neighbour]:
    """The passages nearest ``vector``, whoever may see them: enough for ``count`` papers.

    ``exact`` as in ``VectorIndex.search``: None lets the index choose by its size.
    """
    # Several passages may belong to one paper, and keys of deleted rows linger until a
    # rebuild: ask for more neighbours than papers.
    neighbours = get_index().search(vector, count * 3, exact=exact)
    similarity = {n.key: n.similarity for n in neighbours}
    return [(*row, similarity[row[0]]) for row in _rows_by_key(list(similarity))]


def visible_hits(
    rows: list[Neighbour], count: int, exclude: int | None = None
) -> list[SemanticHit]:
    """The best passage per paper among ``rows``, summaries only while public *now*."""
    shown = _summaries_shown_to_everyone({row[3] for row in rows if row[3]})
    best: dict[int, SemanticHit] = {}
    for pk, paper_id, kind, summary_id, similarity in rows:
        if summary_id is not None and summary_id not in shown:
            continue
        hit = SemanticHit(paper_id, similarity, kind, pk)
        if paper_id != exclude and (
            paper_id not in best or hit.similarity > best[paper_id].similarity
        ):
            best[paper_id] = hit
    return sorted(best.values(), key=lambda h: -h.similarity)[:count]


EmbeddingRow = tuple[int, int, str, int | None]

# A SQLite index of (id, paper_id, kind, summary_id), made by migration 0013: the rows of
# 300 neighbours are 300 random reads of a table that holds vectors and passages (13–20
# ms from disk at 100,000 papers, most of a search at 1,000,000); the index answers them
# from a few pages that stay in memory.
EMBEDDING_KEYS_INDEX = "search_embedding_keys"


def _rows_by_key(keys: list[int]) -> list[EmbeddingRow]:
    """(pk, paper_id, kind, summary_id) of the embeddings with these keys."""
    if not keys:
        return []
    if connection.vendor != "sqlite":
        rows = Embedding.objects.filter(pk__in=keys)
        return list(rows.values_list("pk", "paper_id", "kind", "summary_id"))
    return _sqlite_by_key(
        "e.id, e.paper_id, e.kind, e.summary_id", f"INDEXED BY {EMBEDDING_KEYS_INDEX}", keys
    )


def passage_texts(keys: list[int]) -> dict[int, str]:
    """The text of these embeddings (a page's worth), by key."""
    if not keys:
        return {}
    if connection.vendor != "sqlite":
        return dict(Embedding.objects.filter(pk__in=keys).values_list("pk", "text"))
    return dict(_sqlite_by_key("e.id, e.text", "", keys))


def _sqlite_by_key(columns: str, index: str, keys: list[int]) -> list[Any]:
    # SQLite plans `id IN (…300 keys…)` from its statistics: when the last ANALYZE saw a
    # small table it reads every row instead (90 ms at 100,000 vectors). A CROSS JOIN
    # keeps the keys the outer loop, so each row is found by its key, whatever the
    # statistics say.
    table = connection.ops.quote_name(Embedding._meta.db_table)
    sql = (
        f"SELECT {columns} FROM json_each(%s) AS k "  # noqa: S608 -- names come from code
        f"CROSS JOIN {table} AS e {index} ON e.id = k.value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [json.dumps(keys)])
        return cursor.fetchall()


def _summaries_shown_to_everyone(ids: set[int]) -> set[int]:
    """Of these summaries, those public *now*: a summary made private by any route (the
    admin, a shell) never shows through a vector not yet removed; nor does one a
    moderator hid."""
    if not ids:
        return set()
    public = Summary.objects.filter(pk__in=ids, visibility=Visibility.PUBLIC, hidden=False)
    return set(public.order_by().values_list("pk", flat=True))


def semantic_ranking(text: str, count: int, floor: float | None = None) -> list[SemanticHit]:
    """Papers nearest in meaning to ``text``, none less similar than the model's floor."""
    index = get_index()
    index.sync(lazy=True)
    if not text.strip() or index.is_empty():
        return []  # nothing embedded yet: do not pay for embedding the query
    floor = SIMILARITY_FLOOR.get(MODEL_ID, 0.0) if floor is None else floor
    hits = nearest_papers(query_vector(text), count)
    return [hit for hit in hits if hit.similarity >= floor]


# Queries come again (typing, the next page, a facet): 5 ms of the model each time.
@memo_by_digest(1024, longest=2_000)
def query_vector(text: str) -> np.ndarray:
    vector = get_embedder().embed_one(text)
    vector.setflags(write=False)  # one array answers every caller: none may change it
    return vector


def paper_vector(paper_id: int) -> np.ndarray | None:
    row = Embedding.objects.filter(paper_id=paper_id, kind=EmbeddingKind.PAPER).first()
    return vector_from_bytes(row.vector) if row else None
