"""Time a large BibTeX import through the same service the CLI uses.

    python benchmarks/import_bench.py [--entries 10000]

Builds a synthetic but realistic BibTeX file (arXiv eprints, DOIs, LaTeX accents,
"Last, First" authors, journals and proceedings), imports it into a throw-away data
directory, imports it again (the re-run must change nothing), and prints entries/s.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

WORDS = [
    "learning",
    "deep",
    "neural",
    "networks",
    "attention",
    "transformer",
    "graph",
    "convolutional",
    "generative",
    "adversarial",
    "variational",
    "inference",
    "bayesian",
    "optimisation",
    "reinforcement",
    "policy",
    "gradient",
    "representation",
    "contrastive",
    "self-supervised",
    "language",
    "models",
    "vision",
    "diffusion",
    "sparse",
    "efficient",
    "scalable",
    "robust",
    "federated",
    "meta",
    "few-shot",
    "retrieval",
    "augmented",
    "memory",
    "recurrent",
]
FIRST = ["Ada", "Yann", "Léon", "Geoffrey", "Yoshua", "Fei-Fei", "Jürgen", "Kaiming", "Ilya"]
LAST = ["Lovelace", "LeCun", "Bottou", "Hinton", "Bengio", "Li", "Schmidhuber", "He", "Sutskever"]
VENUES = ["Advances in Neural Information Processing Systems", "ICML", "ICLR", "CVPR", "ACL"]


def bibtex_entry(i: int, rng: random.Random) -> str:
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 11))).capitalize()
    authors = " and ".join(
        f"{rng.choice(LAST)}{i % 97}, {rng.choice(FIRST)}" for _ in range(rng.randint(1, 6))
    )
    year = rng.randint(1990, 2025)
    kind = rng.choice(["article", "inproceedings", "misc"])
    where = "journal" if kind == "article" else "booktitle"
    fields = [
        f"  title = {{{{{title}}} number {i}}}",
        f"  author = {{{authors}}}",
        f"  year = {{{year}}}",
        f"  {where} = {{{rng.choice(VENUES)}}}",
        f"  keywords = {{{rng.choice(WORDS)}, {rng.choice(WORDS)}}}",
        f"  abstract = {{{' '.join(rng.choice(WORDS) for _ in range(60))}}}",
    ]
    if i % 2:
        fields.append(f"  eprint = {{{2000 + i // 10000:04d}.{i % 10000:05d}}}")
        fields.append("  archivePrefix = {arXiv}")
    else:
        fields.append(f"  doi = {{10.5555/bench.{i}}}")
    return f"@{kind}{{key{i},\n" + ",\n".join(fields) + "\n}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--dry-run", action="store_true", help="roll back; time parsing + matching")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="papershelf-bench-")
    os.environ["PAPERSHELF_HOME"] = home
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from papershelf.cli import setup_django

    setup_django()
    from papershelf.accounts.services import create_user
    from papershelf.importers.services import ImportOptions, import_paths

    rng = random.Random(7)
    path = Path(home) / "library.bib"
    path.write_text("\n".join(bibtex_entry(i, rng) for i in range(args.entries)))
    user = create_user("bench", "a-long-bench-password-1")
    options = ImportOptions(user=user, fetch_metadata=False, dry_run="--dry-run" in sys.argv)
    for label in ("first import", "re-import"):
        started = time.perf_counter()
        report = import_paths([path], options)
        seconds = time.perf_counter() - started
        print(
            f"{label}: {args.entries} entries in {seconds:.2f} s "
            f"({args.entries / seconds:,.0f} entries/s); created {report.count('created')}, "
            f"unchanged {report.count('unchanged')}"
        )


if __name__ == "__main__":
    main()
