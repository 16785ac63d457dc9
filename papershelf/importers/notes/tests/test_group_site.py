"""A research group's Hugo Academic site: publication pages that are all front matter,
posts by the site's own users whose first lines cite the paper they are about, and a
post listing what the group has not read yet."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

SITE = {
    "content/publication/smith-2021-bees/index.md": (
        '---\ntitle: "Pollinator Decline and Crop Yields: Evidence from Orchards"\n'
        "authors:\n  - Ana Smith\n  - Bo Lee\ndate: '2021-03-01T00:00:00Z'\n"
        "publication_types: ['2']\npublication: '*Ecology Letters*, 24(3), 1–12'\n"
        "doi: 10.1111/ele.13999\n---\n"
    ),
    "content/post/2023-02-10-hedgerows/index.md": (
        '---\ntitle: "Reading notes: hedgerows (Garibaldi 2016)"\nauthors: [admin]\n'
        "date: 2023-02-10\ntags: [pollination, reading notes]\n---\n\n"
        "> Garibaldi, L. A. et al. (2016). Mutually beneficial pollinator diversity and "
        "crop yield outcomes in small and large farms. *Science*, 351(6271), 388–391. "
        "https://doi.org/10.1126/science.aac7287\n\n"
        "**Summary.** Yield gaps close where flower visitor density rises.\n"
    ),
    "content/post/2023-08-25-fall-list/index.md": (
        '---\ntitle: "Reading group: fall list"\nauthors: [admin]\ndate: 2023-08-25\n---\n\n'
        "Tentative list (not read yet):\n\n"
        "1. Potts et al. (2010), global pollinator declines.\n"
        "2. Klein et al. (2007), importance of pollinators for world crops.\n"
    ),
    "content/post/2023-09-01-hiring/index.md": (
        '---\ntitle: "We are hiring: field assistant"\nauthors: [admin]\ndate: 2023-09-01\n'
        "---\n\nTwo positions for the 2024 season; apply by October.\n"
    ),
    "content/event/2023-talk/index.md": (
        '---\ntitle: "Bees and yields: ten years on"\nevent: ESA 2023\nauthors: [admin]\n'
        "date: '2023-08-07T10:30:00Z'\n---\n"
    ),
}


def test_publications_and_the_papers_posts_cite_are_papers_the_sites_users_are_not_authors(
    tmp_path: Path, alice: User
) -> None:
    for name, text in SITE.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))

    papers = {p.doi: p for p in Paper.objects.all()}
    assert set(papers) == {"10.1111/ele.13999", "10.1126/science.aac7287"}
    own = papers["10.1111/ele.13999"]
    assert (own.title, own.year) == (
        "Pollinator Decline and Crop Yields: Evidence from Orchards",
        2021,
    )
    cited = papers["10.1126/science.aac7287"]
    assert cited.title.startswith("Mutually beneficial pollinator diversity")
    names = {a.author.name for p in papers.values() for a in p.author_links.all()}
    assert "admin" not in names


GARDEN_NOTE = """\
---
title: "Wilson & McNaughton 1994 — replay"
tags: [paper, memory]
---

> [!paper] Reactivation of Hippocampal Ensemble Memories During Sleep
> Matthew A. Wilson & Bruce L. McNaughton, *Science* 265(5172), 676–679 (1994). \
doi:10.1126/science.8036517

## Summary
Place cells that fired together in the maze fire together again in slow-wave sleep.
"""


def test_a_note_titled_by_who_and_when_is_the_paper_its_callout_cites() -> None:
    from papershelf.importers.notes.parse import parse

    [entry] = parse(GARDEN_NOTE, "content/papers/wilson-1994.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "Reactivation of Hippocampal Ensemble Memories During Sleep"
    assert entry.paper.doi == "10.1126/science.8036517"
