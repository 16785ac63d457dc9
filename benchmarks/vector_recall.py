"""HNSW recall@10 against exact search, and its latency, for the vector index's parameters.

    python benchmarks/vector_recall.py --vectors 300000 --pool-from /tmp/shelf100k
    python benchmarks/vector_recall.py --connectivity 16 32 --expansion 128 256 512
    python benchmarks/vector_recall.py --index-from /tmp/shelf1m --expansion 256 512 1024

The vectors are made the way search_bench.py makes its synthetic papers' — normalised
Dirichlet mixtures of three real embeddings plus noise (σ 0.01 per dimension) — from a
pool of real embeddings: a kept search_bench shelf's (``--pool-from``: its real papers
and embedded abstracts, exactly search_bench's pool) or synthetic abstracts embedded
here. For each connectivity it builds one graph (f16, as ``vectors.new_index``) and, for
each search expansion, measures recall@10 against exact search over the same index for
two kinds of query: a stored vector moved by noise (σ 0.02, search_bench's "near stored
vectors") and embedded sentence queries. ``services.search`` asks the index for 300
neighbours (three per fused paper), search_bench's recall check for 30: both are shown,
since usearch widens its search to at least the neighbours asked for. No Django.

``--index-from`` measures a kept shelf's own index file instead (the graph search
builds, e.g. at 1,000,000 papers): queries near its stored vectors, the sentence
queries, and the shelf's known-item queries (its ``bench.json``).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import search_bench as bench


def pool_from_shelf(home: Path) -> np.ndarray:
    """search_bench's pool: every paper vector on a kept shelf that is not a mixture."""
    with sqlite3.connect(home / "papershelf.sqlite3") as db:
        rows = db.execute(
            "SELECT vector FROM search_embedding WHERE kind = 'paper' "
            "AND text_hash NOT IN ('synthetic', 'edit')"
        ).fetchall()
    return np.stack([np.frombuffer(v, dtype=np.float32) for (v,) in rows])


def pool_embedded(count: int) -> np.ndarray:
    from papershelf.search.embedding import Embedder

    rng = random.Random(1)
    texts = [f"{bench.make_title(rng)}. {bench.make_abstract(rng)}" for _ in range(count)]
    return Embedder().embed(texts)


def sentence_vectors(count: int) -> np.ndarray:
    from papershelf.search.embedding import Embedder

    return Embedder().embed(bench.sentence_queries(random.Random(2), count))


def build(
    vectors: np.ndarray, connectivity: int, expansion_add: int, keys: np.ndarray | None = None
) -> object:
    import onnxruntime  # noqa: F401 -- before usearch, as vectors.new_index explains
    from usearch.index import Index

    index = Index(ndim=vectors.shape[1], metric="cos", dtype="f16", connectivity=connectivity,
                  expansion_add=expansion_add)  # fmt: skip
    keys = np.arange(len(vectors), dtype=np.uint64) if keys is None else keys
    index.add(keys, vectors)
    return index


def exact_neighbours(index: object, queries: np.ndarray, k: int = 10) -> list[set[int]]:
    return [set(index.search(q, k, exact=True).keys.tolist()) for q in queries]  # type: ignore[attr-defined]


def measure(
    index: object, queries: np.ndarray, exact: list[set[int]], asked: int, k: int = 10
) -> tuple[float, float]:
    """Mean recall@k against exact search, and p50 milliseconds of one HNSW search."""
    total, times = 0.0, []
    for query, truth in zip(queries, exact, strict=True):
        started = time.perf_counter()
        found = index.search(query, asked).keys[:k]  # type: ignore[attr-defined]
        times.append((time.perf_counter() - started) * 1000)
        total += len(truth & set(found.tolist())) / k
    return total / len(queries), float(np.median(times))


def load(home: Path) -> object:
    import onnxruntime  # noqa: F401 -- before usearch, as vectors.new_index explains
    from usearch.index import Index

    index = Index(ndim=384, metric="cos", dtype="f16")
    index.load(str(home / "search" / "vectors.usearch"))
    return index


def known_item_vectors(home: Path) -> np.ndarray:
    from papershelf.search.embedding import Embedder

    items = json.loads((home / "bench.json").read_text())["items"]
    return Embedder().embed([item["query"] for item in items])


def report(index: object, queries: dict[str, np.ndarray], expansions: list[int]) -> None:
    exact = {name: exact_neighbours(index, q) for name, q in queries.items()}
    print(f"  {'expansion':>9}  {'asked':>5}  " + "  ".join(f"{k:>20}" for k in queries))
    for expansion in expansions:
        index.expansion_search = expansion  # type: ignore[attr-defined]
        for asked in (30, 300):
            cells = [measure(index, q, exact[name], asked) for name, q in queries.items()]
            print(f"  {expansion:9}  {asked:5}  "
                  + "  ".join(f"{r:9.3f} {ms:7.2f} ms" for r, ms in cells))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vectors", type=int, default=300_000)
    parser.add_argument("--pool-from", type=Path, help="a kept search_bench shelf (--home)")
    parser.add_argument("--pool", type=int, default=1000, help="abstracts to embed, else")
    parser.add_argument("--connectivity", type=int, nargs="+", default=[16])
    parser.add_argument("--expansion-add", type=int, default=128)
    parser.add_argument("--expansion", type=int, nargs="+", default=[64, 128, 256, 512])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--index-from", type=Path, help="measure a kept shelf's index instead")
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="with --index-from: its vectors in a new graph (--connectivity)",
    )
    parser.add_argument("--save", action="store_true", help="…and keep that graph in the shelf")
    args = parser.parse_args()

    generator = np.random.default_rng(7)
    if args.index_from:
        index = load(args.index_from)
        keys = generator.choice(np.asarray(index.keys), args.queries, replace=False)  # type: ignore[attr-defined]
        near = np.asarray(index.get(keys), dtype=np.float32)  # type: ignore[attr-defined]
        near = near + generator.normal(0, 0.02, near.shape).astype(np.float32)
        queries = {"near stored": near, "sentences": sentence_vectors(args.queries),
                   "known items": known_item_vectors(args.index_from)}  # fmt: skip
        if args.rebuild:
            # The same vectors in a graph of other parameters; --save puts it in the shelf.
            started = time.perf_counter()
            every = np.asarray(index.keys, dtype=np.uint64)  # type: ignore[attr-defined]
            stored = np.asarray(index.get(every), dtype=np.float32)  # type: ignore[attr-defined]
            index = build(stored, args.connectivity[0], args.expansion_add, every)
            del stored
            print(f"rebuilt: connectivity {args.connectivity[0]}, expansion_add "
                  f"{args.expansion_add}, in {time.perf_counter() - started:.0f} s")  # fmt: skip
            if args.save:
                index.save(str(args.index_from / "search" / "vectors.usearch"))  # type: ignore[attr-defined]
        print(f"{len(index):,} vectors in {args.index_from}, connectivity "  # type: ignore[arg-type]
              f"{index.connectivity}; recall@10 against exact, p50 ms of one search")  # type: ignore[attr-defined]  # fmt: skip
        report(index, queries, args.expansion)
        return
    pool = pool_from_shelf(args.pool_from) if args.pool_from else pool_embedded(args.pool)
    vectors = np.asarray(bench.mixtures(pool, args.vectors, generator, 0.01))
    near = vectors[generator.choice(len(vectors), args.queries, replace=False)]
    near = near + generator.normal(0, 0.02, near.shape).astype(np.float32)
    queries = {"near stored": near, "sentences": sentence_vectors(args.queries)}
    print(f"{args.vectors:,} vectors from a pool of {len(pool):,} real embeddings; "
          f"recall@10 against exact, p50 ms of one search")  # fmt: skip
    for connectivity in args.connectivity:
        started = time.perf_counter()
        index = build(vectors, connectivity, args.expansion_add)
        print(f"\nconnectivity {connectivity}, expansion_add {args.expansion_add}: "
              f"built in {time.perf_counter() - started:.0f} s")  # fmt: skip
        report(index, queries, args.expansion)


if __name__ == "__main__":
    main()
