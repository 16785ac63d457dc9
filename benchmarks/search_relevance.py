"""Known-item relevance for search_bench.py: real papers first, queries other people wrote.

The real shelf is the three seed documents in ../shared/seeds (notes by three people).
A paper two documents hold is imported once, with the first document's summary; the
second document's summary is held out and its sentences become queries — a sentence
another person wrote about the paper, which no field on the shelf holds word for word.
Every real paper also gives its title and a few of its title's words as queries.

``evaluate`` prints recall@1/@5/@10 per query kind and mode through
``services.search``; the bench runs it on the real papers alone, then again with the
synthetic papers on top. Also the regression test's fixture (test_relevance_at_scale).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DOCUMENTS = ["notion-papers.md", "bookmarks-jekyll.md", "shortscience-page.txt"]
MODES = ("keyword", "semantic", "hybrid")
SENTENCES_PER_PAPER = 3
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]+")
# Queries nobody should get results for, and questions about something else entirely:
# the similarity floor must keep them out of semantic results.
UNRELATED = [
    "zzzqqq",
    "qwxz vbnm",
    "asdfgh jkl",
    "how long to bake sourdough bread",
    "best hiking trails in the alps",
    "football world cup final score",
    "recipe for vegetable lasagna",
    "cheap flights to lisbon in may",
    "how to repair a leaking faucet",
    "history of the roman empire",
    "knitting patterns for a winter scarf",
    "symptoms of the common cold",
    "tax return deadline for freelancers",
    "growing tomatoes on a balcony",
    "jazz concerts in new orleans",
]


@dataclass(frozen=True)
class KnownItem:
    kind: str  # "title", "title words", "sentence"
    query: str
    paper_id: int


@dataclass
class Recall:
    at: dict[int, int] = field(default_factory=lambda: {1: 0, 5: 0, 10: 0})
    total: int = 0

    def add(self, ranked: list[int], target: int) -> None:
        self.total += 1
        for k in self.at:
            self.at[k] += target in ranked[:k]

    def value(self, k: int) -> float:
        return self.at[k] / max(self.total, 1)


def _entries(name: str) -> list[object]:
    from papershelf.importers.notes.parse import parse

    path = SEEDS / name
    return list(parse(path.read_text(encoding="utf-8"), str(path)).entries)


def _keys(record: object) -> set[str]:
    from papershelf.lib.titles import title_variants

    keys = set(title_variants(record.title))  # type: ignore[attr-defined]
    arxiv = record.arxiv_id  # type: ignore[attr-defined]
    return keys | {f"arxiv:{arxiv}"} if arxiv else keys


def _sentences(markdown: str) -> list[str]:
    from papershelf.lib.markdown import plain_text

    sentences = [
        " ".join(s.split())
        for line in plain_text(markdown).split("\n")
        for s in _SENTENCE_RE.split(line)
    ]
    useful = [s for s in sentences if 8 <= len(s.split()) <= 40 and "$" not in s]
    return useful[:SENTENCES_PER_PAPER]


def _title_words(title: str) -> str:
    from papershelf.search.query import STOPWORDS

    words = [w for w in _WORD_RE.findall(title) if w.lower() not in STOPWORDS and len(w) > 2]
    return " ".join(words[:3]).lower() if len(words) >= 2 else ""


def import_real_papers(owner: object) -> list[KnownItem]:
    """Create the seed papers and their summaries; return the known-item queries."""
    from django.db import IntegrityError, transaction

    from papershelf.papers.services import PaperData, create_paper
    from papershelf.summaries.services import SummaryData, create_summary

    shelf: list[tuple[set[str], int]] = []
    held_out: list[tuple[set[str], str]] = []
    items: list[KnownItem] = []
    if not SEEDS.is_dir():
        return items
    for name in DOCUMENTS:
        for entry in _entries(name):
            record, summary = entry.paper, entry.summary  # type: ignore[attr-defined]
            if record is None:
                continue
            keys = _keys(record)
            markdown = summary.markdown if summary and summary.markdown.strip() else ""
            if any(keys & theirs for theirs, _ in shelf):
                if markdown:
                    held_out.append((keys, markdown))  # another person's notes: queries
                continue
            data = PaperData(title=record.title, authors=record.authors, venue=record.venue,
                             year=record.year, abstract=record.abstract,
                             arxiv_id=record.arxiv_id)  # fmt: skip
            try:
                with transaction.atomic():
                    paper = create_paper(data, added_by=owner)  # type: ignore[arg-type]
            except IntegrityError:
                continue
            if markdown:
                create_summary(paper, owner, SummaryData(body=markdown))  # type: ignore[arg-type]
            shelf.append((keys, paper.pk))
            items.append(KnownItem("title", record.title, paper.pk))
            if words := _title_words(record.title):
                items.append(KnownItem("title words", words, paper.pk))
    for keys, markdown in held_out:
        target = next(pk for theirs, pk in shelf if keys & theirs)
        items += [KnownItem("sentence", s, target) for s in _sentences(markdown)]
    return items


def evaluate(items: list[KnownItem]) -> dict[tuple[str, str], Recall]:
    """Recall per (query kind, mode), through services.search as /search runs it."""
    from papershelf.search.services import search

    recalls: dict[tuple[str, str], Recall] = {}
    for item in items:
        for mode in MODES:
            ranked = [h.paper.pk for h in search(item.query, mode, per_page=10,
                                                 with_facets=False).hits]  # fmt: skip
            for kind in (item.kind, "all"):
                recalls.setdefault((kind, mode), Recall()).add(ranked, item.paper_id)
    return recalls


def print_recalls(title: str, recalls: dict[tuple[str, str], Recall]) -> None:
    print(f"\n{title}")
    print(f"  {'queries':12} {'mode':9} {'n':>4}  {'R@1':>5} {'R@5':>5} {'R@10':>5}")
    for (kind, mode), recall in sorted(recalls.items()):
        print(f"  {kind:12} {mode:9} {recall.total:4}  {recall.value(1):5.2f} "
              f"{recall.value(5):5.2f} {recall.value(10):5.2f}")  # fmt: skip


def compare(base: dict[tuple[str, str], Recall], scaled: dict[tuple[str, str], Recall]) -> bool:
    """Print the targets: recall@5 within 0.05 of the real papers alone; hybrid@1 best."""
    ok = True
    print("\nTargets (all queries):")
    for mode in MODES:
        drop = base[("all", mode)].value(5) - scaled[("all", mode)].value(5)
        met = drop <= 0.05
        ok &= met
        print(f"  {mode:9} recall@5 drop {drop:+.3f}  (≤ 0.05)  {'met' if met else 'MISSED'}")
    hybrid = scaled[("all", "hybrid")].value(1)
    others = max(scaled[("all", m)].value(1) for m in ("keyword", "semantic"))
    met = hybrid >= others
    ok &= met
    print(
        f"  hybrid recall@1 {hybrid:.2f} vs best single {others:.2f}  {'met' if met else 'MISSED'}"
    )
    return ok


def floor_report(items: list[KnownItem]) -> None:
    """Similarity of known items' papers against the best hit of unrelated queries."""
    import numpy as np

    from papershelf.search.embedding import MODEL_ID
    from papershelf.search.semantic import SIMILARITY_FLOOR, semantic_ranking

    def best(query: str, target: int | None) -> float:
        hits = semantic_ranking(query, 20, floor=-1.0)
        found = [h.similarity for h in hits if target is None or h.paper_id == target]
        return found[0] if found else 0.0

    known = np.array([best(i.query, i.paper_id) for i in items if i.kind == "sentence"])
    print(f"  known-item sentences whose paper is not among the 20 nearest: "
          f"{np.mean(known == 0):.0%}")  # fmt: skip
    known = known[known > 0]
    unrelated = np.array([best(q, None) for q in UNRELATED])
    floor = SIMILARITY_FLOOR[MODEL_ID]
    print(f"\nSimilarity floor {floor} ({MODEL_ID}):")
    if len(known):
        print(f"  known-item sentences, their paper: p5 {np.percentile(known, 5):.3f}  "
              f"p50 {np.median(known):.3f}  below floor {np.mean(known < floor):.0%}")  # fmt: skip
    print(f"  unrelated queries, best paper:    p50 {np.median(unrelated):.3f}  "
          f"max {unrelated.max():.3f}  above floor {np.mean(unrelated >= floor):.0%}")  # fmt: skip
