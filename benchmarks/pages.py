"""Every main page on a big shelf, one client, sequential requests: p50 and p99.

    python benchmarks/pages.py --papers 100000            # builds /tmp/papershelf-100k once
    python benchmarks/pages.py --home /tmp/papershelf-100k --requests 100

Requests go through Django's test client in this process (the whole middleware stack,
templates and database, no network), signed in as a reader who has summaries, lists,
follows and 3,000 notifications. Each page is asked for with varying arguments (other
papers, pages, queries) so no single cached row flatters it. Target: p50 ≤ 50 ms and
p99 ≤ 150 ms for every page. Prints a table; exits 1 when a page misses its target.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import shelf

P50_TARGET, P99_TARGET = 50.0, 150.0
WORDS = [
    "attention",
    "transformer",
    "pruning",
    "diffusion",
    "contrastive",
    "graph",
    "reinforcement",
]
SENTENCES = [
    "rewind learning rate after pruning",
    "how do transformers attend to long documents",
    "self supervised learning of visual representations",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def pages(facts: dict[str, object], rng: random.Random) -> dict[str, Callable[[], str]]:
    papers = list(facts["paper_ids"])  # type: ignore[call-overload]
    summarised = list(facts["summary_papers"])  # type: ignore[call-overload]
    summaries = list(facts["summaries"])  # type: ignore[call-overload]
    topic, author = facts["topic"], facts["author"]
    topic_pages = max(1, int(facts["topic_papers"]) // 50)  # type: ignore[call-overload]

    def page(most: int) -> int:
        return rng.randrange(1, most + 1)

    return {
        "home (recent)": lambda: "/",
        "home (best)": lambda: "/?tab=best",
        "home (popular)": lambda: "/?tab=popular",
        "papers list": lambda: f"/papers/?page={page(200)}",
        "paper page": lambda: f"/papers/{rng.choice(papers)}/",
        "paper page with summaries": lambda: f"/papers/{rng.choice(summarised)}/",
        "summary": lambda: f"/summaries/{rng.choice(summaries)}/",
        "topics": lambda: "/topics/",
        "topic page": lambda: f"/topics/{topic}/?page={page(topic_pages)}",
        "years": lambda: "/years/",
        "year page": lambda: f"/years/{facts['year']}/?page={page(50)}",
        "venues": lambda: "/venues/",
        "venue page": lambda: f"/venues/{facts['venue']}/?page={page(50)}",
        "venue page, one year": lambda: f"/venues/{facts['venue']}/?year={facts['year']}",
        "authors": lambda: f"/authors/?page={page(100)}",
        "author page": lambda: f"/authors/{author}/",
        "search, words": lambda: f"/search?q={rng.choice(WORDS)}+{rng.choice(WORDS)}",
        "search, sentence": lambda: f"/search?q={rng.choice(SENTENCES).replace(' ', '+')}",
        "search page 3": lambda: f"/search?q={rng.choice(WORDS)}&page=3",
        "type-ahead": lambda: f"/search/suggest.json?q={rng.choice(WORDS)[:4]}",
        "reading lists": lambda: "/lists/",
        "reading list": lambda: f"/lists/{facts['list']}/",
        "profile": lambda: f"/users/{rng.choice(facts['readers'])}/",  # type: ignore[call-overload]
        "feed": lambda: "/feed/",
        "notifications": lambda: f"/notifications/?page={page(5)}",
        "atom feed": lambda: "/feeds/summaries.atom",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--home", default="/tmp/papershelf-100k")  # noqa: S108  (a bench)
    parser.add_argument("--requests", type=int, default=100, help="per page")
    parser.add_argument("--only", default="", help="pages whose name holds this text")
    args = parser.parse_args()

    facts = shelf.build(args.home, args.papers)
    from django.conf import settings
    from django.test import Client

    from papershelf.accounts.models import User
    from papershelf.search.semantic import query_vector

    settings.ALLOWED_HOSTS.append("testserver")
    settings.RATELIMIT_ENABLE = False
    from papershelf.ops.server import warm_up

    warm_up()  # as `serve` does before a process takes requests (it also freezes the heap)
    client = Client()
    client.force_login(User.objects.get(username=facts["readers"][0]))  # type: ignore[index]
    rng = random.Random(2)
    print(f"{facts['papers']:,} papers, {args.requests} requests per page (ms)\n")
    print("| page | p50 | p99 | max | KB |\n|---|---:|---:|---:|---:|")
    missed = []
    for name, url in pages(facts, rng).items():
        if args.only and args.only not in name:
            continue
        client.get(url())  # warm: the first request loads templates, the model, the index
        times, size = [], 0
        for _ in range(args.requests):
            address = url()
            # Searches here repeat a few queries: remembering their vectors would time the
            # memory, not the model (a person's own repeats are rarer).
            query_vector.cache_clear()  # type: ignore[attr-defined]
            started = time.perf_counter()
            response = client.get(address)
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{address}: {response.status_code}")
            size = max(size, len(response.content))
        p50, p99 = percentile(times, 50), percentile(times, 99)
        flag = "" if p50 <= P50_TARGET and p99 <= P99_TARGET else " ✗"
        if flag:
            missed.append(name)
        print(f"| {name}{flag} | {p50:.1f} | {p99:.1f} | {max(times):.1f} | {size // 1024} |")
    targets = f"p50 ≤ {P50_TARGET:.0f} ms, p99 ≤ {P99_TARGET:.0f} ms"
    print(f"\ntargets: {targets}; missed: {missed or 'none'}")
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
