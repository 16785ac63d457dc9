"""kill -9 the server and the worker again and again, at different moments; report.

    python benchmarks/faults.py                  # 3 rounds of each, 10k-entry imports
    python benchmarks/faults.py --rounds 1 --entries 2000

Each round: a burst of summary saves killed after a different delay; a web upload of a
large BibTeX file killed at a different point of its import; `papershelf reindex
--rebuild` killed after a different delay. After every kill the server is started
again and the database checked (see papershelf/ops/tests/faults.py). Prints a table;
exits 1 when anything acknowledged is lost or duplicated, or a check fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from papershelf.ops.tests.faults import import_kill, new_shelf, reindex_kill, summary_burst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--entries", type=int, default=10_000, help="entries per import")
    parser.add_argument("--papers", type=int, default=500, help="papers to start with")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="papershelf-faults-")) / "shelf"
    shelf = new_shelf(home, papers=args.papers)
    print(f"Shelf in {home}\n\n| round | what was killed | when | result |\n|---|---|---|---|")
    failed = False
    try:
        for round_ in range(args.rounds):
            shelf.start(workers=2)
            delay = 1.0 + 2.0 * round_
            burst = summary_burst(shelf, kill_after=delay)
            ok = burst["integrity_ok"] and not burst["lost"] and not burst["duplicated"]
            failed |= not ok
            print(f"| {round_ + 1} | summary saves | {delay:.0f} s in | {burst} |", flush=True)

            shelf.start(workers=2)
            point = (0.1, 0.5, 0.9)[round_ % 3]
            started = time.monotonic()
            result = import_kill(shelf, args.entries, point, tag=f"round{round_}x")
            ok = (
                result["integrity_ok"]
                and result["all_or_nothing"]
                and result["finished"]
                and result["papers_after"] == args.entries
            )
            failed |= not ok
            took = time.monotonic() - started
            print(
                f"| {round_ + 1} | import of {args.entries:,} | {point:.0%} done | {result} "
                f"({took:.0f} s) |",
                flush=True,
            )

            delay = 0.5 + round_
            result2 = reindex_kill(shelf, kill_after=delay)
            failed |= not (result2["integrity_ok"] and result2["found_after_restart"])
            print(
                f"| {round_ + 1} | reindex --rebuild | {delay:.1f} s in | {result2} |", flush=True
            )
            shelf.kill()
    finally:
        shelf.kill()
    print("\nall checks passed" if not failed else "\nSOMETHING FAILED")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
