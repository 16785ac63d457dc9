"""A big synthetic shelf for the page and load benchmarks, built once and reused.

    python benchmarks/shelf.py --papers 100000 --home /tmp/papershelf-100k

Papers, authors, venues, topics and search documents come from search_bench.py's
builder (its full-text, keyword and vector indexes included); on top of them this adds
what the pages show: 50 readers (``bench00``…``bench49``, password ``bench-password-1``),
public summaries with votes and reads, view counts, reading lists with sections, follows
and notifications. ``shelf.json`` in the data directory names the objects the page
benchmark visits; a directory that has one is reused as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

READERS = 50
PASSWORD = "bench-password-1"  # noqa: S105  (a throwaway shelf in /tmp)
SUMMARY = """**{title}** in short.

The loss is $\\mathcal{{L}} = -\\sum_i y_i \\log p_i$ and training uses $\\eta = 10^{{-3}}$.

| setting | value |
|---|---|
| batch | 256 |

{abstract}
"""


def open_shelf(home: str) -> None:
    """Point Django at the shelf in ``home`` and bring its schema up to date."""
    os.environ["PAPERSHELF_HOME"] = home
    os.environ["DJANGO_SETTINGS_MODULE"] = "papershelf.settings"
    from papershelf.cli import setup_django

    setup_django()


def manifest(home: str) -> dict[str, Any]:
    return dict(json.loads((Path(home) / "shelf.json").read_text()))


def build(home: str, papers: int, seed: int = 1, embed_sample: int = 200) -> dict[str, Any]:
    if (Path(home) / "shelf.json").exists():
        open_shelf(home)
        facts = manifest(home)
        if not facts.get("embedded"):  # a shelf built before that step: give it one
            facts["embedded"] = _mark_embedded()
            (Path(home) / "shelf.json").write_text(json.dumps(facts, indent=1))
        return facts
    open_shelf(home)
    import search_bench
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from papershelf.search.keyword_index import get_keyword_index

    rng = random.Random(seed)
    # The bench writes everything in bulk, indexes included: no per-row signals.
    for signal in (post_save, post_delete, m2m_changed):
        signal.receivers = []
    started = time.perf_counter()
    search_bench.build_shelf(papers, rng)
    print(f"  papers in {time.perf_counter() - started:.0f} s")
    get_keyword_index().rebuild()
    search_bench.build_vectors(embed_sample, rng)
    facts = _add_community(rng)
    facts["embedded"] = _mark_embedded()
    with open(Path(home) / "shelf.json", "w") as handle:
        json.dump(facts, handle, indent=1)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"  shelf ready in {time.perf_counter() - started:.0f} s: {home}")
    return facts


def _mark_embedded() -> int:
    """Make the shelf look embedded, as a real one is once its worker has caught up.

    The builder's vectors are synthetic (drawn near real ones) and carry a marker, not the
    hash of the text they stand for, and its summaries have no passage vectors: the first
    write to any paper then had the worker embed its abstract and every summary again —
    under load, half the worker's model runs were that, not the writes themselves. Each
    text now gets a row under its real hash (its paper's synthetic vector). Returns rows
    added or marked.
    """
    from django.db import transaction

    from papershelf.papers.models import Paper
    from papershelf.search.models import Embedding, EmbeddingKind
    from papershelf.search.semantic import MODEL_ID, get_index, texts_for

    started = time.perf_counter()
    # One row per paper's abstract: (row, vector), read once rather than per paper.
    own = {
        paper_id: (pk, vector)
        for pk, paper_id, vector in Embedding.objects.filter(kind=EmbeddingKind.PAPER)
        .values_list("pk", "paper_id", "vector")
        .iterator(chunk_size=5000)
    }
    hashes = set(Embedding.objects.values_list("text_hash", flat=True))
    marked: list[Embedding] = []  # abstracts' rows under their text's hash
    new: list[Embedding] = []  # summaries' passages, with their paper's vector
    for paper in Paper.objects.prefetch_related("summaries").iterator(chunk_size=2000):
        if paper.pk not in own:
            continue
        pk, vector = own[paper.pk]
        for text in texts_for(paper):
            if text.hash in hashes:
                continue
            if text.kind == EmbeddingKind.PAPER:
                marked.append(Embedding(pk=pk, text_hash=text.hash, text=text.text))
            else:
                new.append(
                    Embedding(paper_id=paper.pk, summary_id=text.summary_id, kind=text.kind,
                              text=text.text, text_hash=text.hash, model_id=MODEL_ID,
                              vector=vector)
                )  # fmt: skip
    with transaction.atomic():
        Embedding.objects.bulk_update(marked, ["text_hash", "text"], batch_size=2000)
        Embedding.objects.bulk_create(new, batch_size=2000)
    get_index().sync()
    get_index().save()
    count = len(marked) + len(new)
    print(f"  {count:,} vectors marked as embedded in {time.perf_counter() - started:.0f} s")
    return count


def _add_community(rng: random.Random) -> dict[str, Any]:
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.db.models import Count
    from django.utils import timezone

    from papershelf.accounts.models import User
    from papershelf.follows.models import Follow
    from papershelf.lib.markdown import render_markdown
    from papershelf.notifications.models import Notification
    from papershelf.papers.models import Author, Paper, PaperAuthor
    from papershelf.readinglists.models import ReadingList, ReadingListItem
    from papershelf.summaries.models import Summary
    from papershelf.topics.models import Topic
    from papershelf.votes.models import SummaryReads, Vote

    hashed = make_password(PASSWORD)
    with transaction.atomic():
        User.objects.bulk_create(
            User(username=f"bench{i:02}", email=f"bench{i:02}@example.org", password=hashed)
            for i in range(READERS)
        )
    readers = list(User.objects.filter(username__startswith="bench").order_by("username"))
    paper_ids = list(Paper.objects.values_list("pk", flat=True))
    summarised = rng.sample(paper_ids, min(5000, len(paper_ids)))
    now = timezone.now()
    with transaction.atomic():
        rows = Paper.objects.filter(pk__in=summarised).values_list("pk", "title", "abstract")
        summaries = []
        for i, (pk, title, abstract) in enumerate(rows):
            body = SUMMARY.format(title=title, abstract=abstract[:600])
            html = render_markdown(body) if i < 50 else summaries[i % 50].body_html
            summaries.append(
                Summary(paper_id=pk, author=readers[i % READERS], body=body, body_html=html,
                        created_at=now - timedelta(minutes=i))
            )  # fmt: skip
        Summary.objects.bulk_create(summaries, batch_size=1000)
        # auto_now_add ignores the value given: spread the dates as a real shelf would.
        with connection.cursor() as cursor:
            spread = "datetime(created_at, '-' || id || ' minutes')"
            cursor.execute(f"UPDATE summaries_summary SET created_at = {spread}")  # noqa: S608
    summary_rows = list(Summary.objects.values_list("pk", "author_id"))
    votes, seen = [], set()
    for _ in range(20000):
        pk, author_id = rng.choice(summary_rows)
        voter = rng.choice(readers)
        if voter.pk == author_id or (voter.pk, pk) in seen:
            continue
        seen.add((voter.pk, pk))
        votes.append(Vote(voter=voter, summary_id=pk, value=rng.choice([1, 1, 1, -1])))
    today = timezone.localdate()
    reads = {
        (pk, today - timedelta(days=rng.randrange(40))) for pk, _ in rng.sample(summary_rows, 2000)
    }
    with transaction.atomic():
        Vote.objects.bulk_create(votes, batch_size=2000)
        SummaryReads.objects.bulk_create(
            SummaryReads(summary_id=pk, day=day, count=rng.randrange(1, 50)) for pk, day in reads
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE papers_paper SET view_count = abs(random() % 500) WHERE id % 5 = 0"
            )
    owner = readers[0]
    with transaction.atomic():
        big = ReadingList.objects.create(owner=owner, title="From LeNet to diffusion")
        items, position = [], 0
        for year in range(2010, 2025):
            items.append(ReadingListItem(reading_list=big, position=position, heading=str(year)))
            position += 1
            for pk in rng.sample(paper_ids, 20):
                items.append(ReadingListItem(reading_list=big, position=position, paper_id=pk))
                position += 1
        ReadingListItem.objects.bulk_create(items)
        for i in range(1, 4):
            ReadingList.objects.create(owner=owner, title=f"Reading group {i}")
        topics = list(Topic.objects.annotate(n=Count("papers")).order_by("-n")[:5])
        Follow.objects.bulk_create(Follow(follower=owner, topic=t) for t in topics)
        Follow.objects.bulk_create(Follow(follower=owner, followed_user=u) for u in readers[1:11])
        Notification.objects.bulk_create(
            Notification(recipient=owner, kind="vote", text=f"Your summary got an up-vote ({i})",
                         url="/", read=i > 20)
            for i in range(3000)
        )  # fmt: skip
    author = (
        Author.objects.annotate(n=Count("paper_links")).order_by("-n").values("slug", "n").first()
    )
    year = Paper.objects.values("year").annotate(n=Count("id")).order_by("-n").first()
    with_summaries = Summary.objects.values("paper_id").annotate(n=Count("id")).order_by("-n")
    topic = topics[0]
    print(f"  community: {len(readers)} readers, {len(summaries)} summaries, {len(votes)} votes")
    return {
        "papers": len(paper_ids),
        "readers": [u.username for u in readers],
        "password": PASSWORD,
        "topic": topic.slug,
        "topic_papers": topic.n,  # type: ignore[attr-defined]
        "year": year["year"] if year else 2020,
        "venue": "bench-neurips",
        "author": author["slug"] if author else "",
        "author_papers": author["n"] if author else 0,
        "list": big.pk,
        "summary_papers": [row["paper_id"] for row in with_summaries[:200]],
        "summaries": [pk for pk, _ in summary_rows[:200]],
        "paper_ids": rng.sample(paper_ids, 2000),
        "max_paper": max(paper_ids),
        "paper_author": PaperAuthor.objects.count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--home", default="/tmp/papershelf-100k")  # noqa: S108  (a bench)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    build(args.home, args.papers, args.seed)


if __name__ == "__main__":
    main()
