"""Search speed on a synthetic shelf: keyword, semantic, hybrid and type-ahead, with floors.

    python benchmarks/search_bench.py --papers 100000
    python benchmarks/search_bench.py --papers 1000000 --embed-sample 2000

Builds a throwaway shelf (its own PAPERSHELF_HOME) of realistic-looking papers — titles,
authors, venues and 150-word abstracts from an ML vocabulary, a tenth with a summary —
then times queries through ``papershelf.search.services.search`` (what the web view
calls, facets included) and, in the same run, the raw floor: a bare FTS5 MATCH and a
bare ANN query. Only ``--embed-sample`` abstracts go through the real model; the other
vectors are synthetic, clustered around real ones. Prints a table; not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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
    times = []
    for query in queries:
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

    venues = {name: Venue.objects.create(name=name, slug=name.lower()) for name in VENUES}
    topics = [
        Topic.objects.create(name=f"{a.title()} {b.title()}", slug=f"t-{i}")
        for i, (a, b) in enumerate(zip(WORDS[::7], WORDS[3::7], strict=False))
    ]
    authors: dict[str, Author] = {}
    started = time.perf_counter()
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
            # The documents the signals would write, written in bulk; triggers fill FTS5.
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
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        cursor.execute("ANALYZE")


def build_vectors(sample: int, rng: random.Random, noise: float = 0.06) -> None:
    """Embed ``sample`` papers for real; give the rest vectors clustered around those."""
    import numpy as np
    from django.db import transaction

    from papershelf.search.embedding import MODEL_ID, get_embedder
    from papershelf.search.models import Embedding, SearchDocument
    from papershelf.search.vectors import get_index

    ids = list(SearchDocument.objects.values_list("pk", flat=True).order_by("pk"))
    chosen = set(rng.sample(ids, min(sample, len(ids))))
    embedder = get_embedder()
    real: list[np.ndarray] = []
    started = time.perf_counter()
    documents = SearchDocument.objects.filter(pk__in=chosen).values_list("pk", "title", "abstract")
    rows = list(documents)
    for start in range(0, len(rows), 32):
        chunk = rows[start : start + 32]
        vectors = embedder.embed([f"{t}. {a}" for _, t, a in chunk])
        real += list(vectors)
        Embedding.objects.bulk_create(
            Embedding(paper_id=pk, kind="paper", text="", text_hash="real", model_id=MODEL_ID,
                      vector=v.tobytes())
            for (pk, _, _), v in zip(chunk, vectors, strict=True)
        )  # fmt: skip
        print(f"\r  real vectors: {start + len(chunk):>7,}", end="", flush=True)
    real_rate = len(rows) / (time.perf_counter() - started)
    print(f"  ({real_rate:.1f} abstracts/s)")
    centres = np.stack(real)
    generator = np.random.default_rng(7)
    rest = [pk for pk in ids if pk not in chosen]
    for start in range(0, len(rest), 20000):
        chunk = rest[start : start + 20000]
        base = centres[generator.integers(0, len(centres), len(chunk))]
        vectors = base + generator.normal(0, noise, base.shape).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        with transaction.atomic():
            Embedding.objects.bulk_create(
                (Embedding(paper_id=pk, kind="paper", text="", text_hash="synthetic",
                           model_id=MODEL_ID, vector=v.astype(np.float32).tobytes())
                 for pk, v in zip(chunk, vectors, strict=True)),
                batch_size=5000,
            )  # fmt: skip
        print(f"\r  synthetic vectors: {start + len(chunk):>9,}", end="", flush=True)
    print()
    started = time.perf_counter()
    added = get_index().rebuild(progress=None)
    print(f"  ANN index: {added:,} vectors in {time.perf_counter() - started:.0f} s")


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


def run_queries(n: int, rng: random.Random) -> None:
    from django.db import connection

    from papershelf.search.embedding import get_embedder
    from papershelf.search.query import parse
    from papershelf.search.services import search, typeahead
    from papershelf.search.vectors import get_index

    keyword = keyword_queries(rng, n)
    sentences = sentence_queries(rng, n)
    prefixes = typeahead_queries(rng, n)
    embedder = get_embedder()
    index = get_index()
    index.sync()
    for warm in keyword[:20] + sentences[:5]:
        search(warm)  # page cache and model warm-up

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

    vectors = {q: embedder.embed_one(q) for q in sentences}
    print("\nFloor (same run):")
    report("bare FTS5 MATCH, bm25 top 20", timed(bare_fts, keyword))
    report("query embedding (MiniLM int8)", timed(embedder.embed_one, sentences))
    report("bare ANN top 60", timed(lambda q: index.search(vectors[q], 60), sentences))
    print("\nThrough services.search (what /search runs, facets included):")
    report("keyword", timed(lambda q: search(q, "keyword"), keyword), "target p50 ≤ 15, p99 ≤ 150")
    report("semantic (incl. embedding)", timed(lambda q: search(q, "semantic"), sentences),
           "target p50 ≤ 15")  # fmt: skip
    report("hybrid, sentences", timed(lambda q: search(q, "hybrid"), sentences),
           "target p50 ≤ 30, p99 ≤ 200")  # fmt: skip
    report("hybrid, keyword-style queries", timed(lambda q: search(q, "hybrid"), keyword),
           "target p50 ≤ 30, p99 ≤ 200")  # fmt: skip
    report("type-ahead", timed(typeahead, prefixes), "target p50 ≤ 10")
    slowest = sorted(keyword, key=lambda q: -timed(lambda x: search(x, "keyword"), [q])[0])[:5]
    print("\nSlowest keyword queries:", "; ".join(slowest))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--embed-sample", type=int, default=1000, help="abstracts to embed")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--home", default="", help="reuse a shelf built before (its data dir)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    home = args.home or tempfile.mkdtemp(prefix="papershelf-bench-")
    reuse = bool(args.home) and (Path(home) / "papershelf.sqlite3").exists()
    os.environ["PAPERSHELF_HOME"] = home
    os.environ["DJANGO_SETTINGS_MODULE"] = "papershelf.settings"
    from papershelf.cli import setup_django

    setup_django()
    from django.db.models.signals import post_save

    from papershelf.search import signals  # noqa: F401

    post_save.receivers = []  # the bench writes documents itself, in bulk
    rng = random.Random(args.seed)
    print(f"Shelf: {args.papers:,} papers in {home}")
    if not reuse:
        started = time.perf_counter()
        build_shelf(args.papers, rng)
        print(f"  built in {time.perf_counter() - started:.0f} s")
        build_vectors(args.embed_sample, rng)
    run_queries(args.queries, random.Random(args.seed + 1))
    print(f"\n(shelf kept in {home}; rerun with --home {home} to skip building)")


if __name__ == "__main__":
    main()
