"""The Markdown folder: what it holds, and that importing it into an empty shelf
reproduces the shelf."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from papershelf.accounts.models import User
from papershelf.exports.selection import Selection
from papershelf.exports.services import export_to_path
from papershelf.importers.models import ImportSource
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Author, Paper, Venue
from papershelf.readinglists.models import ReadingList
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, Any]:
    """The shelf as a person sees it: facts, current summary text, topics, lists, images."""
    papers = {
        p.title: (
            [a.name for a in p.ordered_authors()], p.year, p.venue.name if p.venue else "",
            p.arxiv_id, p.arxiv_version, p.doi,
        )
        for p in Paper.objects.all()
    }  # fmt: skip
    summaries = {s.paper.title: s.body.strip() for s in Summary.objects.select_related("paper")}
    images = {
        (s.paper.title, a.name): hashlib.sha256(a.file.read()).hexdigest()
        for s in Summary.objects.all()
        for a in s.attachments.all()
    }
    topics = {
        t.name: (t.description, sorted(p.title for p in t.papers.all()))
        for t in Topic.objects.all()
    }
    lists = {
        rl.title: [
            (i.heading, i.depth) if i.is_heading else i.paper.title  # type: ignore[union-attr]
            for i in rl.items.order_by("position")
        ]
        for rl in ReadingList.objects.all()
    }
    return {"papers": papers, "summaries": summaries, "images": images, "topics": topics,
            "lists": lists}  # fmt: skip


def empty_the_shelf() -> None:
    for model in (ImportSource, ReadingList, Summary, Topic, Paper, Author, Venue):
        model.objects.all().delete()


def test_the_folder_has_a_note_per_paper_with_front_matter_and_its_images(
    shelf: list[Paper], alice: User, tmp_path: Path
) -> None:
    export_to_path("markdown", Selection(viewer=alice), tmp_path / "out")
    note = (tmp_path / "out/papers/Attention Is All You Need.md").read_text()
    assert note.startswith("---\ntitle: Attention Is All You Need\nauthors:\n- Ashish Vaswani")
    assert "link: https://arxiv.org/abs/1706.03762v5" in note
    assert "$QK^T/\\sqrt{d}$" in note
    assert (tmp_path / "out/papers/img/fig.png").is_file()
    assert "Bob's secret" not in note
    assert "1. [Deep Residual" in (tmp_path / "out/lists/From kernels to attention.md").read_text()
    assert "Seeing with *networks*." in (tmp_path / "out/topics/README.md").read_text()


def test_importing_the_folder_into_an_empty_shelf_reproduces_the_shelf(
    shelf: list[Paper], alice: User, tmp_path: Path
) -> None:
    Summary.objects.filter(author__username="bob").delete()  # alice's shelf alone
    before = snapshot()
    export_to_path("markdown", Selection(viewer=alice), tmp_path / "out")
    empty_the_shelf()

    import_paths([tmp_path / "out"], ImportOptions(user=alice, fetch_metadata=False))

    after = snapshot()
    for part in ("papers", "summaries", "images", "lists"):
        assert after[part] == before[part], part


def test_importing_the_folder_reproduces_topics_with_their_descriptions(
    shelf: list[Paper], alice: User, tmp_path: Path
) -> None:
    before = snapshot()["topics"]
    export_to_path("markdown", Selection(viewer=alice), tmp_path / "out")
    empty_the_shelf()

    import_paths([tmp_path / "out"], ImportOptions(user=alice, fetch_metadata=False))

    assert snapshot()["topics"] == before
