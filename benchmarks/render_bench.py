"""Time Markdown rendering of summaries of growing size (math, tables, code, quotes).

    python benchmarks/render_bench.py [--repeat 5]

Prints the best and median time per size; a 20 KB summary should take well under 50 ms.
This used to be a test, which failed whenever the machine was busy.
"""

from __future__ import annotations

import argparse
import statistics
import time

from papershelf.lib.markdown import render_markdown

SECTION = (
    "## Results\n\nWe minimise $\\mathcal{L}(\\theta) = \\sum_i \\ell(x_i)$ with **Adam**.\n\n"
    "$$\n\\hat{m}_t = \\frac{m_t}{1 - \\beta_1^t}\n$$\n\n"
    "| model | top-1 |\n|---|--:|\n| ResNet-50 | 76.1 |\n\n"
    "```python\nfor x in batch:\n    loss = model(x)\n```\n\n> A quoted passage.\n\n"
)
SIZES_KB = [2, 20, 200]


PATHOLOGICAL = {
    "10,000 \\[ lines": "\\[a\n" * 10_000,
    "10,000 \\( openers": "\\(a " * 10_000,
    "10,000 $$ lines": "$$a\n" * 10_000,
    "5,000 \\begin{align}": "\\begin{align}\n" * 5_000,
}


def summary_of(kilobytes: int) -> str:
    size = kilobytes * 1000
    return (SECTION * (size // len(SECTION) + 1))[:size]


def seconds_to_render(text: str) -> float:
    start = time.perf_counter()
    render_markdown(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="renders per size")
    args = parser.parse_args()
    render_markdown(SECTION)  # the first call builds the parser; do not time that
    print(f"{'size':>8} {'best ms':>9} {'median ms':>10}")
    for kilobytes in SIZES_KB:
        text = summary_of(kilobytes)
        times = [seconds_to_render(text) * 1000 for _ in range(args.repeat)]
        print(f"{kilobytes:>6}KB {min(times):>9.1f} {statistics.median(times):>10.1f}")
    # Math openers that never close once took seconds (each rescanned the page); they
    # must stay well under a second at these sizes.
    print(f"\n{'unclosed math openers':<28} {'best ms':>9}")
    for name, text in PATHOLOGICAL.items():
        times = [seconds_to_render(text) * 1000 for _ in range(args.repeat)]
        print(f"{name:<28} {min(times):>9.1f}")


if __name__ == "__main__":
    main()
