#!/usr/bin/env python3
"""Create a new summary file from an arXiv id.

Usage:
    python scripts/new_summary.py 2301.04104 --short DreamerV3 --tags model-based,world-models

Pulls title / authors / year from the arXiv API, fills in templates/summary.md and
writes summaries/<current year>/<arxiv id>.md. Prints the README table row so I can
paste it in (TODO: do this automatically).
"""
import argparse
import datetime as dt
import pathlib
import sys

import arxiv  # pip install arxiv

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "templates" / "summary.md"


def fetch(arxiv_id: str):
    search = arxiv.Search(id_list=[arxiv_id])
    try:
        return next(search.results())
    except StopIteration:
        sys.exit(f"no arXiv entry for {arxiv_id!r}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("arxiv_id")
    p.add_argument("--short", default=None, help="nickname used as the H1, e.g. PPO")
    p.add_argument("--tags", default="")
    p.add_argument("--venue", default="arXiv")
    args = p.parse_args()

    arxiv_id = args.arxiv_id.strip().split("v")[0]  # drop version suffix
    paper = fetch(arxiv_id)
    today = dt.date.today()

    out_dir = ROOT / "summaries" / str(today.year)
    out_dir.mkdir(parents=True, exist_ok=True)
    # NB: used to be f"{arxiv_id}.{'md'}" with a stray dot -> "2006.04779..md". fixed.
    out = out_dir / f"{arxiv_id}.md"
    if out.exists():
        sys.exit(f"{out} already exists")

    tags = " ".join(f"`{t}`" for t in args.tags.split(",") if t)
    text = TEMPLATE.read_text(encoding="utf-8").format(
        short_name=args.short or paper.title,
        title=paper.title,
        authors=", ".join(a.name for a in paper.authors),
        year=paper.published.year,
        venue=args.venue,
        arxiv_id=arxiv_id,
        date_read=today.isoformat(),
        tags=tags,
    )
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    print()
    print(f"| {paper.title} | [{arxiv_id}](https://arxiv.org/abs/{arxiv_id}) "
          f"| [notes]({out.relative_to(ROOT).as_posix()}) | {tags} |")


if __name__ == "__main__":
    main()
