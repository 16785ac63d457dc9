"""Parsing a large file of random text: time and memory stay linear and bounded.

A file of random words names no paper, so the importer must say so — not turn 20 MB
of noise into one summary — and reach that verdict in time and memory proportional to
the file. Each size runs in a child process so its peak memory is its own.

    python benchmarks/import_random_text.py [--sizes 5 10 19]
"""

from __future__ import annotations

import argparse
import json
import random
import string
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = """
import json, resource, sys, time
from papershelf.importers.notes.parse import parse
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
document = parse(text, "random.md")
print(json.dumps({
    "seconds": time.perf_counter() - start,
    "entries": len(document.entries),
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def random_text(megabytes: float, seed: int = 1) -> str:
    rng = random.Random(seed)
    words = [
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 10))) for _ in range(5000)
    ]
    lines, size = [], 0
    while size < megabytes * 1024 * 1024:
        line = " ".join(rng.choices(words, k=rng.randint(0, 20)))
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=float, nargs="+", default=[5, 10, 19])
    args = parser.parse_args()
    print(f"{'MB':>5} {'seconds':>8} {'s/MB':>6} {'peak MB':>8} {'entries':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in args.sizes:
            path = Path(folder) / "random.md"
            path.write_text(random_text(megabytes), encoding="utf-8")
            out = subprocess.run(  # noqa: S603  # our own interpreter on our own script
                [sys.executable, "-c", _CHILD, str(path)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            row = json.loads(out)
            print(
                f"{megabytes:>5.0f} {row['seconds']:>8.1f} {row['seconds'] / megabytes:>6.2f} "
                f"{row['peak_mb']:>8.0f} {row['entries']:>8}"
            )


if __name__ == "__main__":
    main()
