"""Retrieval with real text: notes by one person find the paper another person summarised.

A shelf is built from one seed document (its papers and summaries); the queries are
sentences from a *different* document's summary of the same paper. Prints recall@1 and
recall@5 for keyword, semantic and hybrid ranking. Skipped where ../shared/seeds is absent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction

from papershelf.accounts.models import User
from papershelf.importers.records import Entry, PaperRecord
from papershelf.lib.markdown import plain_text
from papershelf.lib.titles import title_variants
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.search.embedding import Embedder
from papershelf.search.semantic import process_pending
from papershelf.search.services import search
from papershelf.summaries.services import SummaryData, create_summary

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
DOCUMENTS = ["notion-papers.md", "bookmarks-jekyll.md", "shortscience-page.txt"]
QUERIES_PER_PAPER = 3
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="no ../shared/seeds here"),
]


def _entries(name: str) -> list[Entry]:
    from papershelf.importers.notes.parse import parse

    path = SEEDS / name
    document = parse(path.read_text(encoding="utf-8"), str(path))
    return [e for e in document.entries if e.paper and e.summary and e.summary.markdown.strip()]


def _keys(record: PaperRecord) -> set[str]:
    keys = set(title_variants(record.title))
    return keys | {f"arxiv:{record.arxiv_id}"} if record.arxiv_id else keys


def _data(record: PaperRecord) -> PaperData:
    return PaperData(
        title=record.title,
        authors=record.authors,
        venue=record.venue,
        year=record.year,
        abstract=record.abstract,
        arxiv_id=record.arxiv_id,
    )


def build_shelf(entries: list[Entry], owner: User) -> list[tuple[set[str], Paper]]:
    shelf = []
    for entry in entries:
        assert entry.paper and entry.summary
        try:
            with transaction.atomic():
                paper = create_paper(_data(entry.paper), added_by=owner)
        except IntegrityError:
            continue  # the same paper twice in one document
        create_summary(paper, owner, SummaryData(body=entry.summary.markdown))
        shelf.append((_keys(entry.paper), paper))
    return shelf


def query_sentences(markdown: str) -> list[str]:
    sentences = [
        " ".join(s.split())
        for line in plain_text(markdown).split("\n")
        for s in _SENTENCE_RE.split(line)
    ]
    useful = [s for s in sentences if 8 <= len(s.split()) <= 40 and "$" not in s]
    return useful[:QUERIES_PER_PAPER]


@dataclass
class Recall:
    at1: int = 0
    at5: int = 0
    total: int = 0

    def line(self, name: str) -> str:
        n = max(self.total, 1)
        return (
            f"{name:9} recall@1 {self.at1 / n:.2f}  recall@5 {self.at5 / n:.2f}  (n={self.total})"
        )


def evaluate(shelf_doc: str, query_doc: str, owner: User) -> dict[str, Recall]:
    shelf = build_shelf(_entries(shelf_doc), owner)
    process_pending()
    recalls = {mode: Recall() for mode in ("keyword", "semantic", "hybrid")}
    for entry in _entries(query_doc):
        assert entry.paper and entry.summary
        keys = _keys(entry.paper)
        target = next((paper for their_keys, paper in shelf if their_keys & keys), None)
        if target is None:
            continue
        for sentence in query_sentences(entry.summary.markdown):
            for mode, recall in recalls.items():
                ranked = [hit.paper.pk for hit in search(sentence, mode, per_page=5,
                                                         with_facets=False).hits]  # fmt: skip
                recall.total += 1
                recall.at1 += ranked[:1] == [target.pk]
                recall.at5 += target.pk in ranked
    return recalls


@pytest.mark.parametrize(
    ("shelf_doc", "query_doc"),
    [
        ("notion-papers.md", "bookmarks-jekyll.md"),
        ("bookmarks-jekyll.md", "notion-papers.md"),
        ("notion-papers.md", "shortscience-page.txt"),
        ("shortscience-page.txt", "notion-papers.md"),
    ],
)
def test_another_persons_sentences_find_the_paper(
    shelf_doc: str, query_doc: str, alice: User, embedder: Embedder
) -> None:
    recalls = evaluate(shelf_doc, query_doc, alice)
    print(f"\nshelf {shelf_doc}, queries from {query_doc}:")
    for mode, recall in recalls.items():
        print("  " + recall.line(mode))
    hybrid = recalls["hybrid"]
    assert hybrid.total > 0
    assert hybrid.at5 / hybrid.total >= 0.5  # "the right paper in the top 5 for most queries"
