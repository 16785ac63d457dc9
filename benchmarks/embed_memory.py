"""Peak memory of indexing one enormous public summary, against a fixed bound.

    python benchmarks/embed_memory.py                 # 1 MB and 10 MB summaries
    python benchmarks/embed_memory.py --sizes 0.25 1 --bound-mb 600

On a throwaway shelf (its own PAPERSHELF_HOME) it stores a summary of realistic prose
straight into the table — as old data or an import would, past any length limit — and
runs what ``serve`` runs: the full-text rebuild when the summary commits, then
``process_pending``, the background worker's embedding pass, with the model loaded
first as the worker does. For each step it prints the peak resident memory above the
start (Linux ``VmHWM``, reset before each step) and exits 1 if any step is over the
bound (peak over the start, so memory a step keeps counts against later ones).
Before bounded batches, 0.25 MB peaked at 3.25 GB. Not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from search_bench import FILLER, WORDS

MB = 1024 * 1024


def prose(size: int, seed: int = 7) -> str:
    """Paragraphs of sentences in an ML vocabulary: what a long set of notes looks like."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            words = [rng.choice(WORDS if rng.random() < 0.4 else FILLER) for _ in range(12)]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def reset_peak() -> bool:
    """Start a new high-water mark (Linux); False where the kernel offers none."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def rss_mb() -> float:
    return (_status_kb("VmRSS") or 0) / 1024


def peak_mb() -> float:
    hwm = _status_kb("VmHWM")
    if hwm is not None:
        return hwm / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def measure(label: str, step: Callable[[], object], start: float) -> float:
    """Run step; print its peak above the memory before it and return its peak above
    ``start`` (the process with the model loaded): what the machine has to have spare."""
    before = rss_mb()
    exact = reset_peak()
    started = time.perf_counter()
    step()
    took = time.perf_counter() - started
    peak = peak_mb()
    note = "" if exact else " (process peak: kernel cannot reset it)"
    print(
        f"  {label:34} peak {peak:6.1f} MB: +{peak - before:6.1f} over the step's start, "
        f"+{peak - start:6.1f} over the shelf's   {took:5.1f} s{note}"
    )
    return peak - start


def setup_shelf() -> None:
    os.environ["PAPERSHELF_HOME"] = tempfile.mkdtemp(prefix="papershelf-embed-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "papershelf.settings"
    from papershelf.cli import setup_django

    setup_django()


def run(size_mb: float, start: float) -> list[float]:
    from papershelf.accounts.models import User
    from papershelf.papers.models import Paper
    from papershelf.search.models import Embedding
    from papershelf.search.semantic import process_pending
    from papershelf.summaries.models import Summary

    author = User.objects.get(username="bench")
    paper = Paper.objects.create(title=f"A paper with a {size_mb:g} MB note", abstract="Short.")
    process_pending()  # the paper alone, so the summary's step measures the summary
    body = prose(int(size_mb * MB))
    print(f"{size_mb:g} MB summary ({len(body):,} characters):")

    def store() -> None:
        # Committed on its own, so the full-text rebuild runs here, as after a request.
        Summary.objects.create(paper=paper, author=author, body=body, visibility="public")

    peaks = [measure("store + full-text index", store, start)]
    peaks.append(measure("embed (background worker's pass)", process_pending, start))
    vectors = Embedding.objects.filter(paper=paper, summary__isnull=False).count()
    print(f"  {vectors} passage vectors")
    return peaks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 10.0], help="MB each")
    parser.add_argument("--bound-mb", type=float, default=600.0, help="allowed peak above start")
    args = parser.parse_args()
    setup_shelf()
    from papershelf.accounts.services import create_user
    from papershelf.search.embedding import get_embedder

    create_user("bench", "a-long-bench-password-1")
    get_embedder()  # the worker loads the model before its first pass
    start = rss_mb()
    print(f"start, model loaded: {start:.1f} MB resident; bound +{args.bound_mb:g} MB")
    worst = max(peak for size in args.sizes for peak in run(size, start))
    verdict = "within" if worst <= args.bound_mb else "OVER"
    print(f"worst step: +{worst:.1f} MB, {verdict} the bound of +{args.bound_mb:g} MB")
    return 0 if worst <= args.bound_mb else 1


if __name__ == "__main__":
    sys.exit(main())
