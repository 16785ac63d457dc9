"""The vector index (usearch) over Embedding rows: exact search below a size, HNSW above.

Below ``EXACT_BELOW`` vectors every query compares against every stored vector (SIMD
brute force over the same f16 copy the graph uses): recall is 1.0 by construction and
it costs about as much as one HNSW walk at that size. Above it the HNSW graph answers,
with ``EXPANSION_SEARCH`` chosen so that its recall@10 against exact search stays at or
above 0.95 — benchmarks/search_bench.py measures it on realistic vectors, also after
many vectors were replaced, and prints it beside the latencies.

The database is the truth and the index file in the data directory is a cache of it:
keys are Embedding primary keys, which only grow (a changed text gets a new row), so
any process brings its copy up to date by adding the rows above the largest key it
holds. Keys of deleted rows may linger until a rebuild; search drops them because
their rows are gone.

On PostgreSQL the database indexes the vectors itself (pgvector's HNSW, see
``postgresql_vectors.py``) and ``get_index`` answers with that instead: no file.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from django.conf import settings
from django.db import connection

from papershelf.search.embedding import DIMENSIONS, Vectors
from papershelf.search.models import Embedding

_BATCH = 5000
SYNC_INTERVAL = 1.0  # seconds
EXACT_BELOW = 150_000  # vectors; brute force up to here (see docs/performance.md)
# Measured with benchmarks/vector_recall.py on search_bench's 1,000,000-paper shelf (vectors
# from the manifold of real embeddings, with ~75 near copies of each real paper within
# cosine .95): recall@10 against exact search for the known-item queries / queries near
# stored vectors, and ms a query under load 4-5 —
#   connectivity 16: expansion 512 .892 / .945 (1.2 ms), 1024 .921 / .964, 2048 .939 / .971 (5.6)
#   connectivity 32: expansion 512 .917 / .955 (0.9 ms), 1024 .941 / .970 (2.2 ms)
# Neither reaches .95 for the known-item queries at 1M; 32 and 1024 come nearest at a cost
# a search can pay. Searches asking for more neighbours than this walk wider by themselves.
CONNECTIVITY = 32
EXPANSION_ADD = 128
EXPANSION_SEARCH = 1024


def index_path() -> Path:
    return Path(settings.HOME) / "search" / "vectors.usearch"


def new_index() -> object:
    # onnxruntime must be loaded before usearch: the other order segfaults (usearch 2.26
    # with onnxruntime 1.32: their native libraries clash when onnxruntime comes second).
    import onnxruntime  # noqa: F401
    from usearch.index import Index

    # f16 halves memory at no measurable loss of recall for unit vectors.
    return Index(ndim=DIMENSIONS, metric="cos", dtype="f16", connectivity=CONNECTIVITY,
                 expansion_add=EXPANSION_ADD, expansion_search=EXPANSION_SEARCH)  # fmt: skip


def vector_from_bytes(data: bytes | memoryview) -> Vectors:
    return np.frombuffer(bytes(data), dtype=np.float32)


def _rows_after(key: int) -> Iterator[tuple[np.ndarray, Vectors]]:
    while True:
        rows = list(
            Embedding.objects.filter(pk__gt=key).order_by("pk").values_list("pk", "vector")[:_BATCH]
        )
        if not rows:
            return
        keys = np.array([pk for pk, _ in rows], dtype=np.uint64)
        yield keys, np.stack([vector_from_bytes(v) for _, v in rows])
        key = int(keys[-1])


@dataclass
class Neighbour:
    key: int
    similarity: float


class NearestNeighbours(Protocol):
    """What search asks of a vector index, whichever database holds the vectors."""

    def sync(self, progress: Callable[[int], None] | None = None, *, lazy: bool = False) -> int: ...

    def save(self) -> None: ...

    def is_empty(self) -> bool: ...

    def search(
        self, vector: Vectors, count: int, *, exact: bool | None = None
    ) -> list[Neighbour]: ...

    def search_many(self, vectors: np.ndarray, count: int) -> list[list[Neighbour]]: ...

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int: ...

    def __len__(self) -> int: ...


class VectorIndex:
    """One process's copy of the index; thread-safe."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._index: object = None
        self._max_key = 0
        self._loaded_mtime = 0.0
        self._synced_at = -SYNC_INTERVAL

    def _load(self) -> None:
        index = new_index()
        mtime = self.path.stat().st_mtime if self.path.exists() else 0.0
        if mtime:
            index.load(str(self.path))  # type: ignore[attr-defined]
        keys = index.keys  # type: ignore[attr-defined]
        self._max_key = int(np.max(np.asarray(keys))) if len(index) else 0  # type: ignore[arg-type]
        self._index, self._loaded_mtime = index, mtime

    def sync(self, progress: Callable[[int], None] | None = None, *, lazy: bool = False) -> int:
        """Add the rows written since this copy was made (by any process). Returns how many.

        lazy skips the check when one ran within the last second: a query need not pay
        for a look at the database to find vectors written a moment ago.
        """
        with self._lock:
            if lazy and time.monotonic() - self._synced_at < SYNC_INTERVAL:
                return 0
            self._synced_at = time.monotonic()
            mtime = self.path.stat().st_mtime if self.path.exists() else 0.0
            if self._index is None or mtime > self._loaded_mtime:
                self._load()
            added = 0
            for keys, vectors in _rows_after(self._max_key):
                self._index.add(keys, vectors)  # type: ignore[attr-defined]
                self._max_key = int(keys[-1])
                added += len(keys)
                if progress:
                    progress(len(keys))
            return added

    def _exact(self) -> bool:
        return len(self._index) < EXACT_BELOW  # type: ignore[arg-type]

    def search(self, vector: Vectors, count: int, *, exact: bool | None = None) -> list[Neighbour]:
        """The ``count`` nearest keys; ``exact`` forces brute force (or HNSW) either way."""
        with self._lock:
            self.sync(lazy=True)
            if not len(self._index):  # type: ignore[arg-type]
                return []
            exact = self._exact() if exact is None else exact
            matches = self._index.search(vector, count, exact=exact)  # type: ignore[attr-defined]
        return [
            Neighbour(int(key), 1.0 - float(distance))
            for key, distance in zip(matches.keys, matches.distances, strict=True)
        ]

    def search_many(self, vectors: np.ndarray, count: int) -> list[list[Neighbour]]:
        """The neighbours of each row of ``vectors``, in one call into the index."""
        with self._lock:
            self.sync(lazy=True)
            if not len(self._index) or not len(vectors):  # type: ignore[arg-type]
                return [[] for _ in vectors]
            matches = self._index.search(  # type: ignore[attr-defined]
                np.atleast_2d(vectors), count, exact=self._exact()
            )
        # A single row comes back as one Matches, several as BatchMatches.
        keys = np.atleast_2d(matches.keys)
        distances = np.atleast_2d(matches.distances)
        counts = np.atleast_1d(getattr(matches, "counts", len(matches.keys)))
        return [
            [Neighbour(int(k), 1.0 - float(d)) for k, d in zip(row[:n], far[:n], strict=True)]
            for row, far, n in zip(keys, distances, counts, strict=True)
        ]

    def save(self) -> None:
        with self._lock:
            if self._index is None:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            self._index.save(str(temporary))  # type: ignore[attr-defined]
            os.replace(temporary, self.path)  # readers never see half a file
            self._loaded_mtime = self.path.stat().st_mtime

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """Start from nothing and add every row (after a model change, or to drop stale keys)."""
        with self._lock:
            self._index, self._max_key = new_index(), 0
            self._loaded_mtime = float("inf")  # keep the empty copy while it fills
            added = self.sync(progress)
            self.save()
            return added

    def is_empty(self) -> bool:
        return not len(self)

    def __len__(self) -> int:
        with self._lock:
            return len(self._index) if self._index is not None else 0  # type: ignore[arg-type]


_indexes: dict[Path, VectorIndex] = {}
_indexes_lock = threading.Lock()


def get_index() -> NearestNeighbours:
    """The index of this data directory (one per process), or PostgreSQL's own."""
    if connection.vendor == "postgresql":
        from papershelf.search.postgresql_vectors import PgVectorIndex

        return PgVectorIndex()
    path = index_path()
    with _indexes_lock:
        if path not in _indexes:
            _indexes[path] = VectorIndex(path)
        return _indexes[path]
