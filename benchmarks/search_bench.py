"""Search relevance and speed on a big shelf: real papers first, synthetic ones on top.

    python benchmarks/search_bench.py --papers 100000
    python benchmarks/search_bench.py --papers 1000000 --embed-sample 2000
    python benchmarks/search_bench.py --papers 1000000 --home /tmp/shelf1m --build-only
    python benchmarks/search_bench.py --home /tmp/shelf1m   # measure the kept shelf

``--home DIR`` keeps the shelf: the first run builds it there (``--build-only`` stops
after building, so the build can run at low priority and the measurement without), and
later runs find it built and only measure — after a change to the search code, the
million-paper shelf need not be built again. What the build measured on the real papers
alone (the baseline of the recall targets) is kept beside it in ``bench.json``.

Imports the three seed documents (../shared/seeds) first and measures known-item
recall (titles, title words, other people's sentences; see search_relevance.py) on
them alone; then adds synthetic papers — titles, authors, venues, 150-word abstracts
from an ML vocabulary, a tenth with a summary — with vectors drawn from the manifold of
real embeddings (normalised mixtures of real vectors plus a little noise), measures the
same recall again, the ANN index's recall@10 against exact search (also after a twentieth
of the vectors were replaced), the similarity floor, and the latency of each query kind
through ``papershelf.search.services.search`` (what the web view calls, facets
included) with the raw engine floor in the same run. Prints tables; not a test.

With ``DATABASE_URL=postgres://…`` (an empty database) the same run measures PostgreSQL:
tsvector ranking and pgvector's HNSW index instead of tantivy and usearch.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import search_relevance as relevance

WORDS = """learning network neural deep model training data attention transformer
convolutional recurrent generative adversarial variational autoencoder latent diffusion
reinforcement policy gradient reward agent exploration optimization stochastic descent
momentum adaptive regularization dropout normalization batch layer residual skip
embedding representation contrastive self-supervised unsupervised semi-supervised
classification detection segmentation recognition image video speech language text
translation summarization question answering retrieval graph node message passing
kernel bayesian inference posterior prior sampling markov monte carlo uncertainty
calibration robustness adversarial perturbation certified defense privacy federated
differential compression pruning quantization distillation sparse efficient
hardware memory scaling law benchmark dataset evaluation metric loss objective
function convergence generalization overfitting bias fairness interpretability
explanation causal counterfactual intervention structure discovery temporal sequence
forecasting anomaly clustering dimensionality reduction manifold metric nearest
neighbor search hashing index ranking recommendation user item collaborative filtering
few-shot zero-shot meta-learning transfer domain adaptation continual lifelong
catastrophic forgetting curriculum active noisy label weak supervision augmentation
mixup cutout rotation invariance equivariance symmetry group geometric point cloud
mesh rendering neural field radiance occupancy depth estimation pose tracking
optical flow stereo reconstruction slam navigation robot manipulation control
planning model-based model-free value function q-learning actor critic offline
imitation inverse reward shaping multi-agent game theory equilibrium auction mechanism
tokenizer pretraining fine-tuning prompt instruction alignment preference feedback
decoding beam search hallucination reasoning chain thought tool use agentic
mixture experts routing sparse activation parameter efficient adapter low-rank""".split()  # noqa: SIM905 -- a word list reads best as words
FILLER = "the of and a to in we for is that with on by this our as are from an which".split()  # noqa: SIM905
TITLE_PATTERNS = [
    "{A} {B} for {C} {D}",
    "Towards {A} {B} {C}",
    "{A} {B}: {C} {D} with {E} {F}",
    "On the {A} of {B} {C}",
    "Learning {A} {B} via {C} {D}",
    "{A}-{B} {C} Networks",
    "Scalable {A} {B} {C}",
]
FIRST = """Alex Maria Wei Yann Geoffrey Yoshua Ian Andrej Fei Jian Kaiming Sergey Christian
Ashish Noam Diederik Max Tim Ilya Oriol Quoc Jeff Samy Hugo Aaron Karen Andrew Pieter
Sergey Chelsea Percy Chris Dan Jacob Kristina Alec Dario Tom Jared Sam Emily Lucas
Anna Olga Li Hao Yu Xin Zhang Rui Mei Priya Arjun Rahul Fatima Omar Ahmed Sofia""".split()  # noqa: SIM905 -- a word list reads best as words
LAST = """Hinton Bengio LeCun Goodfellow Karpathy Li He Ioffe Szegedy Vaswani Shazeer
Kingma Welling Salimans Sutskever Vinyals Le Dean Bengio Larochelle Oord Simonyan Zisserman
Ng Abbeel Levine Finn Liang Manning Jurafsky Devlin Toutanova Radford Amodei Brown Kaplan
McCandlish Smith Chen Wang Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Hu Lin Kumar Singh
Patel Gupta Sharma Ali Khan Rossi Müller Schmidt Dubois Martin Garcia Lopez Kim Park Lee
Nakamura Tanaka Suzuki Ivanov Petrov Novak Kowalski Jensen Hansen Berg""".split()  # noqa: SIM905 -- a word list reads best as words
VENUES = """NeurIPS ICML ICLR CVPR ICCV ECCV ACL EMNLP NAACL AAAI IJCAI KDD WWW SIGIR
UAI AISTATS COLT JMLR TPAMI arXiv""".split()  # noqa: SIM905 -- a word list reads best as words
SENTENCES = [
    "a method that {a} the {b} of {c} models without extra {d}",
    "how to make {a} {b} more {c} on small {d}",
    "papers that use {a} to improve {b} {c}",
    "{a} {b} when labels are {c}",
]


SYLLABLES = "ka lo mi na re si to vu ze ba de fi go hu ja ke li mo nu pe ra su ti".split()  # noqa: SIM905


def _tail_words(count: int = 20_000) -> list[str]:
    # Method names, datasets, rare technical terms: the long tail real abstracts have.
    rng = random.Random(99)
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(count)]


TAIL = _tail_words()


def tail_word(rng: random.Random) -> str:
    return TAIL[min(int(rng.paretovariate(0.7)) - 1, len(TAIL) - 1)]


def zipf_word(rng: random.Random) -> str:
    # Word i is about 1/(i+1) as common as the first: a few words are everywhere.
    return WORDS[min(int(rng.paretovariate(1.0)) - 1, len(WORDS) - 1) % len(WORDS)]


def any_word(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return tail_word(rng)
    return WORDS[rng.randrange(len(WORDS))] if roll < 0.75 else zipf_word(rng)


def make_title(rng: random.Random) -> str:
    pattern = rng.choice(TITLE_PATTERNS)
    keys = "ABCDEF"
    return pattern.format(**{k: any_word(rng).title() for k in keys})


def make_abstract(rng: random.Random, words: int = 150) -> str:
    out: list[str] = []
    while len(out) < words:
        sentence = [
            any_word(rng) if rng.random() < 0.55 else rng.choice(FILLER)
            for _ in range(rng.randint(10, 22))
        ]
        sentence[0] = sentence[0].capitalize()
        out += sentence
        out[-1] += "."
    return " ".join(out)


def make_authors(rng: random.Random) -> list[str]:
    return [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 6))]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[str], object], queries: list[str]) -> list[float]:
    from papershelf.search.semantic import query_vector

    times = []
    for query in queries:
        # The app remembers a query's vector; a benchmark that asks the same queries again
        # would time the memory, not the model: every query is embedded as if new.
        query_vector.cache_clear()  # type: ignore[attr-defined]
        started = time.perf_counter()
        fn(query)
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(name: str, times: list[float], target: str = "") -> None:
    print(
        f"{name:34} p50 {percentile(times, 50):8.2f} ms   p99 {percentile(times, 99):8.2f} ms"
        f"   max {max(times):8.2f} ms   n={len(times):<5} {target}",
        flush=True,
    )


# --- Building the shelf ----------------------------------------------------------------


def build_shelf(papers: int, rng: random.Random, batch: int = 5000) -> None:
    from django.db import connection, transaction

    from papershelf.papers.models import Author, Paper, PaperAuthor, Venue
    from papershelf.search.models import SearchDocument
    from papershelf.topics.models import Topic

    venues = {
        name: Venue.objects.filter(name=name).first()
        or Venue.objects.create(name=name, slug=f"bench-{name.lower()}")
        for name in VENUES
    }
    topics = [
        Topic.objects.create(name=f"{a.title()} {b.title()}", slug=f"t-{i}")
        for i, (a, b) in enumerate(zip(WORDS[::7], WORDS[3::7], strict=False))
    ]
    authors: dict[str, Author] = {}
    started = time.perf_counter()
    sqlite = connection.vendor == "sqlite"
    if sqlite and not connection.in_atomic_block:  # (the regression test builds inside one)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")
    for start in range(0, papers, batch):
        size = min(batch, papers - start)
        rows = []
        for _ in range(size):
            rows.append(
                {
                    "title": make_title(rng),
                    "authors": make_authors(rng),
                    "venue": rng.choice(VENUES),
                    "year": min(2025, int(2026 - rng.expovariate(1 / 6))),
                    "abstract": make_abstract(rng),
                    "summary": make_abstract(rng, 120) if rng.random() < 0.1 else "",
                    "topic": rng.choice(topics) if rng.random() < 0.3 else None,
                }
            )
        with transaction.atomic():
            new = [
                Paper(
                    title=r["title"],
                    normalised_title=r["title"].lower(),
                    year=r["year"],
                    abstract=r["abstract"],
                    venue=venues[r["venue"]],
                )
                for r in rows
            ]
            Paper.objects.bulk_create(new)
            missing = {n for r in rows for n in r["authors"] if n not in authors}
            created = Author.objects.bulk_create(
                [
                    Author(name=n, key=n.lower(), slug=f"a{len(authors) + i}")
                    for i, n in enumerate(sorted(missing))
                ]
            )
            authors.update({a.name: a for a in created})
            PaperAuthor.objects.bulk_create(
                PaperAuthor(paper=p, author=authors[n], position=i)
                for p, r in zip(new, rows, strict=True)
                for i, n in enumerate(dict.fromkeys(r["authors"]))
            )
            Topic.papers.through.objects.bulk_create(
                Topic.papers.through(topic_id=r["topic"].pk, paper_id=p.pk)
                for p, r in zip(new, rows, strict=True)
                if r["topic"]
            )
            # The documents the signals would write, written in bulk; triggers fill FTS5
            # (SQLite) or the tsvectors (PostgreSQL).
            SearchDocument.objects.bulk_create(
                SearchDocument(
                    paper=p,
                    title=r["title"],
                    authors="; ".join(r["authors"]),
                    abstract=r["abstract"],
                    venue=r["venue"],
                    topics=r["topic"].name if r["topic"] else "",
                    summaries=r["summary"],
                    year=r["year"],
                    venue_ref=venues[r["venue"]],
                )
                for p, r in zip(new, rows, strict=True)
            )
        done = start + size
        rate = done / (time.perf_counter() - started)
        print(f"\r  shelf: {done:>9,} papers  ({rate:,.0f}/s)", end="", flush=True)
    print()
    with connection.cursor() as cursor:
        if sqlite:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        cursor.execute("ANALYZE")


def build_vectors(sample: int, rng: random.Random, noise: float = 0.01) -> None:
    """Vectors for the synthetic papers, from the manifold of real embeddings.

    The pool is every real paper vector on the shelf (the seed papers' titles and
    abstracts) and ``sample`` synthetic abstracts embedded by the model; each synthetic
    paper gets a normalised random mixture of three pool vectors plus a little noise.
    """
    import numpy as np
    from django.db import transaction

    from papershelf.search.embedding import MODEL_ID, get_embedder
    from papershelf.search.models import Embedding, SearchDocument
    from papershelf.search.postgresql_vectors import PgVectorIndex
    from papershelf.search.vectors import get_index, vector_from_bytes

    has_vector = set(Embedding.objects.values_list("paper_id", flat=True))
    ids = [pk for pk in SearchDocument.objects.values_list("pk", flat=True).order_by("pk")
           if pk not in has_vector]  # fmt: skip
    papers = Embedding.objects.filter(kind="paper")  # real abstract (title) embeddings
    pool = [vector_from_bytes(v) for v in papers.values_list("vector", flat=True)]
    chosen = set(rng.sample(ids, min(sample, len(ids))))
    embedder = get_embedder()
    started = time.perf_counter()
    rows = list(SearchDocument.objects.filter(pk__in=chosen).values_list("pk", "title", "abstract"))
    for start in range(0, len(rows), 32):
        chunk = rows[start : start + 32]
        vectors = embedder.embed([f"{t}. {a}" for _, t, a in chunk])
        pool += list(vectors)
        Embedding.objects.bulk_create(
            Embedding(paper_id=pk, kind="paper", text="", text_hash="real", model_id=MODEL_ID,
                      vector=v.tobytes())
            for (pk, _, _), v in zip(chunk, vectors, strict=True)
        )  # fmt: skip
        print(f"\r  embedded abstracts: {start + len(chunk):>7,}", end="", flush=True)
    print(f"  ({len(rows) / max(time.perf_counter() - started, 1e-9):.1f}/s)")
    centres = np.stack(pool)
    generator = np.random.default_rng(7)
    index = get_index()
    if isinstance(index, PgVectorIndex):
        index.drop_graph()  # built once below: far faster than growing it row by row
    rest = [pk for pk in ids if pk not in chosen]
    for start in range(0, len(rest), 20000):
        chunk = rest[start : start + 20000]
        vectors = mixtures(centres, len(chunk), generator, noise)
        with transaction.atomic():
            Embedding.objects.bulk_create(
                (Embedding(paper_id=pk, kind="paper", text="", text_hash="synthetic",
                           model_id=MODEL_ID, vector=v.tobytes())
                 for pk, v in zip(chunk, vectors, strict=True)),
                batch_size=5000,
            )  # fmt: skip
        print(f"\r  synthetic vectors: {start + len(chunk):>9,}", end="", flush=True)
    print()
    started = time.perf_counter()
    added = index.rebuild(progress=None)
    print(f"  vector index (HNSW): {added:,} vectors in {time.perf_counter() - started:.0f} s")


def mixtures(centres: object, count: int, generator: object, noise: float) -> object:
    """Unit vectors mixing three random ``centres`` (Dirichlet weights) plus noise."""
    import numpy as np

    pool = np.asarray(centres)
    rng: np.random.Generator = generator  # type: ignore[assignment]
    picks = rng.integers(0, len(pool), (count, 3))
    weights = rng.dirichlet([1.0, 1.0, 1.0], count).astype(np.float32)
    vectors = np.einsum("nk,nkd->nd", weights, pool[picks])
    vectors += rng.normal(0, noise, vectors.shape).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype(np.float32)


def ann_recall(query_vectors: list[object], k: int = 10, dead: set[int] | None = None) -> float:
    """Mean recall@k of the HNSW graph against exact search over the same index."""
    from papershelf.search.vectors import get_index

    index, dead = get_index(), dead or set()
    total = 0.0
    for vector in query_vectors:
        exact = [n.key for n in index.search(vector, 3 * k, exact=True) if n.key not in dead][:k]
        found = [n.key for n in index.search(vector, 3 * k, exact=False) if n.key not in dead]
        total += len(set(exact) & set(found[:k])) / max(len(exact), 1)
    return total / max(len(query_vectors), 1)


def replace_vectors(fraction: float, seed: int = 3) -> tuple[set[int], list[object]]:
    """Replace ``fraction`` of the synthetic vectors (new rows, old ones deleted), as edits
    would. Returns the old keys and rows, for ``restore_vectors``."""
    import numpy as np
    from django.db import transaction

    from papershelf.search.models import Embedding
    from papershelf.search.vectors import get_index, vector_from_bytes

    rng = np.random.default_rng(seed)
    # Only synthetic rows: the real papers' vectors are what the known-item queries find.
    synthetic = Embedding.objects.filter(text_hash__in=["synthetic", "real"])
    keys = np.array(synthetic.values_list("pk", flat=True))
    chosen = sorted(rng.choice(keys, int(len(keys) * fraction), replace=False).tolist())
    old = set(chosen)
    rows: list[object] = []
    for start in range(0, len(chosen), 900):
        rows += Embedding.objects.filter(pk__in=chosen[start : start + 900])
    with transaction.atomic():
        fresh = []
        for row in rows:
            moved = vector_from_bytes(row.vector) + rng.normal(0, 0.02, 384).astype(np.float32)  # type: ignore[attr-defined]
            moved /= np.linalg.norm(moved)
            fresh.append(Embedding(paper_id=row.paper_id, kind="paper", text="", text_hash="edit",  # type: ignore[attr-defined]
                                   model_id="bench", vector=moved.tobytes()))  # fmt: skip
        Embedding.objects.bulk_create(fresh, batch_size=5000)
        for start in range(0, len(rows), 900):
            Embedding.objects.filter(pk__in=[r.pk for r in rows[start : start + 900]]).delete()  # type: ignore[attr-defined]
    get_index().sync()
    return old, rows


def restore_vectors(rows: list[object]) -> None:
    """Undo ``replace_vectors``: a kept shelf is measured the same way every time.

    The old rows come back under their own keys, which the saved index file still
    holds; the edits' keys were only ever added to this process's copy of the index.
    """
    from django.db import transaction

    from papershelf.search.models import Embedding

    with transaction.atomic():
        Embedding.objects.filter(text_hash="edit").delete()
        Embedding.objects.bulk_create(rows, batch_size=5000)  # type: ignore[arg-type]


# --- Queries ---------------------------------------------------------------------------


def keyword_queries(rng: random.Random, n: int) -> list[str]:
    shapes: list[Callable[[], str]] = [
        lambda: any_word(rng),
        lambda: zipf_word(rng),  # common words: the cliff to avoid
        lambda: f"{any_word(rng)} {any_word(rng)}",
        lambda: f"{zipf_word(rng)} {zipf_word(rng)}",
        lambda: f"{any_word(rng)} {any_word(rng)} {any_word(rng)}",
        lambda: f'"{any_word(rng)} {any_word(rng)}"',
        lambda: f"au:{rng.choice(LAST).lower()}",
        lambda: f"au:{rng.choice(LAST).lower()} {any_word(rng)}",
        lambda: f"ti:{any_word(rng)} year:2015..2020",
        lambda: f"{any_word(rng)} venue:{rng.choice(VENUES).lower()}",
        lambda: f"{any_word(rng)} -{any_word(rng)}",
        lambda: f"{zipf_word(rng)} OR {any_word(rng)}",
    ]
    return [shapes[i % len(shapes)]() for i in range(n)]


def sentence_queries(rng: random.Random, n: int) -> list[str]:
    return [
        rng.choice(SENTENCES).format(a=any_word(rng), b=any_word(rng), c=any_word(rng),
                                     d=any_word(rng))
        for _ in range(n)
    ]  # fmt: skip


def typeahead_queries(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        word = any_word(rng)
        cut = rng.randint(2, max(2, len(word)))
        out.append(word[:cut] if rng.random() < 0.6 else f"{any_word(rng)} {word[:cut]}")
    return out


def sqlite_floor(keyword: list[str]) -> None:
    """The bare engines under SQLite's keyword search: FTS5's bm25, tantivy's BM25F."""
    from django.db import connection

    from papershelf.search.backends.tantivy_backend import build_query
    from papershelf.search.keyword_index import get_tantivy_index
    from papershelf.search.query import parse

    def bare_fts(query: str) -> None:
        expression = parse(query).fts_expression()
        if not expression:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rank LIMIT 20",
                [expression],
            )
            cursor.fetchall()

    searcher = get_tantivy_index().searcher()

    def bare_tantivy(query: str) -> None:
        built = build_query(parse(query))
        if built is not None:
            searcher.search(built, 20, count=False)

    report("bare FTS5 MATCH, bm25 top 20", timed(bare_fts, keyword[:60]), "(not used to rank)")
    report("bare tantivy BM25F top 20", timed(bare_tantivy, keyword))


def postgresql_floor(keyword: list[str], sentences: list[str]) -> None:
    """The bare ranking under PostgreSQL's keyword search: the backend alone, no rows
    read for the page, no snippets, no facets."""
    from papershelf.search.backends.postgresql import PostgresBackend
    from papershelf.search.query import parse

    backend = PostgresBackend()

    def top(count: int) -> Callable[[str], object]:
        return lambda query: backend.ranked_ids(parse(query), count)

    report("bare tsvector ranking top 20", timed(top(20), keyword))
    report("bare tsvector ranking top 1000", timed(top(1000), keyword))
    report("  the same, sentences", timed(top(1000), sentences))


def run_queries(n: int, rng: random.Random) -> None:
    from django.db import connection

    from papershelf.search.embedding import get_embedder
    from papershelf.search.services import search, typeahead
    from papershelf.search.vectors import EXACT_BELOW, get_index

    keyword = keyword_queries(rng, n)
    sentences = sentence_queries(rng, n)
    prefixes = typeahead_queries(rng, n)
    embedder = get_embedder()
    index = get_index()
    index.sync()
    for warm in keyword[:20] + sentences[:5]:
        search(warm)  # page cache and model warm-up

    vectors = {q: embedder.embed_one(q) for q in sentences}
    postgresql = connection.vendor == "postgresql"
    exact = not postgresql and len(index) < EXACT_BELOW
    print(f"\nFloor (same run, {connection.vendor}):")
    if postgresql:
        postgresql_floor(keyword, sentences)
    else:
        sqlite_floor(keyword)
    report("query embedding (MiniLM int8)", timed(embedder.embed_one, sentences))
    engine = "pgvector HNSW" if postgresql else "exact" if exact else "usearch HNSW"
    report(f"bare vector search top 60 ({engine})",
           timed(lambda q: index.search(vectors[q], 60), sentences))  # fmt: skip
    print("\nThrough services.search (what /search runs, facets included):")
    report("keyword", timed(lambda q: search(q, "keyword"), keyword), "target p50 ≤ 15, p99 ≤ 100")
    report("keyword, sentences", timed(lambda q: search(q, "keyword"), sentences))
    report("semantic (incl. embedding)", timed(lambda q: search(q, "semantic"), sentences),
           "target p50 ≤ 15")  # fmt: skip
    report("hybrid, sentences", timed(lambda q: search(q, "hybrid"), sentences),
           "target p50 ≤ 30, p99 ≤ 150")  # fmt: skip
    report("hybrid, keyword-style queries", timed(lambda q: search(q, "hybrid"), keyword),
           "target p50 ≤ 30, p99 ≤ 150")  # fmt: skip
    report("type-ahead", timed(typeahead, prefixes), "target p50 ≤ 10")
    slowest = sorted(keyword, key=lambda q: -timed(lambda x: search(x, "keyword"), [q])[0])[:5]
    print("\nSlowest keyword queries:", "; ".join(slowest))


def near_copies(items: list[object], within: int = 500) -> None:
    """How many synthetic vectors sit almost on each real paper's own vector.

    Semantic search alone cannot rank a paper above vectors that are nearly its own: a
    query reaches them all alike. Real embeddings are far apart (the seed papers'
    nearest other seed paper is printed beside), mixtures are not.
    """
    import numpy as np

    from papershelf.search.models import Embedding
    from papershelf.search.vectors import get_index, vector_from_bytes

    real = {i.paper_id for i in items}  # type: ignore[attr-defined]
    rows = Embedding.objects.filter(kind="paper", paper_id__in=real).exclude(text_hash="edit")
    vectors = np.stack([vector_from_bytes(v) for v in rows.values_list("vector", flat=True)])
    keys = set(rows.values_list("pk", flat=True))
    index = get_index()
    similar = [[n.similarity for n in index.search(v, within, exact=True) if n.key not in keys]
               for v in vectors]  # fmt: skip
    among = vectors @ vectors.T
    np.fill_diagonal(among, -1.0)
    print(f"\nNear copies: other vectors within cosine t of a real paper's own (median over "
          f"{len(vectors)} papers, counted up to {within})")  # fmt: skip
    for threshold in (0.8, 0.9, 0.95):
        counts = [sum(s >= threshold for s in row) for row in similar]
        print(f"  t = {threshold}: {np.median(counts):.0f} (min {min(counts)}, max {max(counts)})")
    print(f"  the nearest other real paper: median cosine {np.median(among.max(1)):.3f}, "
          f"max {among.max():.3f}")  # fmt: skip


def relevance_and_vectors(items: list[object], base: dict[object, object]) -> None:
    import numpy as np

    from papershelf.search.embedding import get_embedder
    from papershelf.search.models import Embedding
    from papershelf.search.vectors import get_index, vector_from_bytes

    started = time.perf_counter()
    scaled = relevance.evaluate(items)  # type: ignore[arg-type]
    print(f"\n(relevance: {len(items) * 3} searches in {time.perf_counter() - started:.0f} s)")
    relevance.print_recalls("Known-item recall, real papers + synthetic:", scaled)
    relevance.compare(base, scaled)  # type: ignore[arg-type]
    relevance.floor_report(items)  # type: ignore[arg-type]
    near_copies(items)
    embedder = get_embedder()
    queries = [embedder.embed_one(i.query) for i in items]  # type: ignore[attr-defined]
    rng = np.random.default_rng(5)
    keys = list(Embedding.objects.values_list("pk", flat=True))
    sample = Embedding.objects.filter(pk__in=rng.choice(keys, 150).tolist()).values_list("vector")
    near = [vector_from_bytes(v) + rng.normal(0, 0.02, 384).astype(np.float32) for (v,) in sample]
    index = get_index()
    index.sync()
    print(f"\nVector index: {len(index):,} vectors, HNSW recall@10 against exact (target ≥ 0.95)")
    print(f"  known-item queries        {ann_recall(queries):.3f}  (n={len(queries)})")
    print(f"  near stored vectors       {ann_recall(near):.3f}  (n={len(near)})")
    started = time.perf_counter()
    dead, rows = replace_vectors(0.05)
    print(f"  after replacing 5% ({len(dead):,} vectors, {time.perf_counter() - started:.0f} s):")
    print(f"  known-item queries        {ann_recall(queries, dead=dead):.3f}")
    print(f"  near stored vectors       {ann_recall(near, dead=dead):.3f}")
    restore_vectors(rows)


def _commit() -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 -- git from PATH, no user input
            capture_output=True, text=True, check=True, cwd=Path(__file__).parent,
        )  # fmt: skip
        return done.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def _save_shelf(home: Path, args: argparse.Namespace, items: list[object], base: dict) -> None:  # type: ignore[type-arg]
    kept = {
        "papers": args.papers,
        "embed_sample": args.embed_sample,
        "seed": args.seed,
        "built_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": _commit(),
        "items": [vars(i) for i in items],
        "base": {
            f"{kind}|{mode}": {"at": r.at, "total": r.total} for (kind, mode), r in base.items()
        },
    }
    (home / "bench.json").write_text(json.dumps(kept, indent=1))


def _load_shelf(home: Path) -> tuple[dict[str, object], list[object], dict[object, object]]:
    kept = json.loads((home / "bench.json").read_text())
    items = [relevance.KnownItem(**i) for i in kept.pop("items")]
    base: dict[object, object] = {}
    for key, recall in kept.pop("base").items():
        kind, mode = key.split("|")
        at = {int(k): v for k, v in recall["at"].items()}
        base[(kind, mode)] = relevance.Recall(at=at, total=recall["total"])
    return kept, items, base  # type: ignore[return-value]


def build(args: argparse.Namespace, home: Path) -> tuple[list[object], dict[object, object]]:
    from django.db import connection
    from django.db.models.signals import post_save

    from papershelf.accounts.models import User
    from papershelf.search.keyword_index import get_keyword_index
    from papershelf.search.semantic import process_pending

    rng = random.Random(args.seed)
    owner = User.objects.create_user("bench", "bench@example.org", "bench-password-1")
    started = time.perf_counter()
    items = relevance.import_real_papers(owner)
    process_pending()  # real vectors for the real papers and their summaries' passages
    print(f"  real papers: {len({i.paper_id for i in items})} with {len(items)} known-item "
          f"queries, embedded in {time.perf_counter() - started:.0f} s")  # fmt: skip
    base = relevance.evaluate(items)
    relevance.print_recalls("Known-item recall, real papers alone:", base)

    receivers = post_save.receivers
    post_save.receivers = []  # the bench writes synthetic documents itself, in bulk
    started = time.perf_counter()
    build_shelf(args.papers, rng)
    print(f"  synthetic shelf built in {time.perf_counter() - started:.0f} s")
    if connection.vendor == "postgresql":
        print("  keyword index (tsvector + GIN): written by the trigger with each document")
    else:
        started = time.perf_counter()
        count = get_keyword_index().rebuild()
        seconds = time.perf_counter() - started
        print(f"  keyword index (tantivy): {count:,} documents in {seconds:.0f} s")
    build_vectors(args.embed_sample, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # statistics of the shelf as measured, vectors included
    post_save.receivers = receivers
    _save_shelf(home, args, items, base)  # written last: its presence means "built"
    return items, base  # type: ignore[return-value]


def reuse(home: Path, rebuild_vectors: bool) -> tuple[list[object], dict[object, object]]:
    from papershelf.search.models import PendingEmbedding
    from papershelf.search.semantic import process_pending
    from papershelf.search.vectors import get_index

    kept, items, base = _load_shelf(home)
    print(f"  kept shelf: {kept['papers']:,} synthetic papers, built {kept['built_at']} "
          f"at {kept['commit']} (the baseline below is from then)")  # fmt: skip
    relevance.print_recalls("Known-item recall, real papers alone (at build):", base)
    # The real papers' vectors as the code now makes them: a no-op unless that changed.
    real = {i.paper_id for i in items}  # type: ignore[attr-defined]
    PendingEmbedding.objects.bulk_create(
        [PendingEmbedding(paper_id=pk) for pk in real], ignore_conflicts=True
    )
    process_pending()
    if rebuild_vectors:
        started = time.perf_counter()
        added = get_index().rebuild(progress=None)
        print(f"  vector index rebuilt: {added:,} vectors in {time.perf_counter() - started:.0f} s")
    return items, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--embed-sample", type=int, default=1000, help="abstracts to embed")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--home", type=Path, help="keep the shelf here: build it unless built, else reuse it"
    )
    parser.add_argument(
        "--build-only", action="store_true", help="build the shelf, measure nothing"
    )
    parser.add_argument(
        "--rebuild-vectors", action="store_true", help="kept shelf: build the vector index anew"
    )
    args = parser.parse_args()

    if args.home:
        args.home.mkdir(parents=True, exist_ok=True)
        home = args.home.resolve()
    else:
        home = Path(tempfile.mkdtemp(prefix="papershelf-bench-"))
    built = (home / "bench.json").exists()
    os.environ["PAPERSHELF_HOME"] = str(home)
    os.environ["DJANGO_SETTINGS_MODULE"] = "papershelf.settings"
    from papershelf.cli import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)  # a kept shelf gets the migrations written since
    from papershelf.search import signals  # noqa: F401

    print(f"Shelf in {home}, database {connection.vendor} {connection.settings_dict['NAME']}")
    if built:
        items, base = reuse(home, args.rebuild_vectors)
    else:
        items, base = build(args, home)
        if args.build_only:
            print(f"\n(shelf built in {home}; measure it with --home {home})")
            return
    relevance_and_vectors(items, base)  # type: ignore[arg-type]
    run_queries(args.queries, random.Random(args.seed + 1))
    print(f"\n(shelf kept in {home})")


if __name__ == "__main__":
    main()
