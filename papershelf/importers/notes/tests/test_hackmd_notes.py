"""HackMD / CodiMD notes: boxes, embeds and tags lines, a reference in a spoiler, an index."""

from __future__ import annotations

from papershelf.importers.notes.blocks import without_block_markup
from papershelf.importers.notes.parse import parse

SPOILER = """\
---
title: Paxos made simple
tags: [dist-rg, week2]
---

# Paxos, the simple version

{%hackmd @dist-rg/theme %}

:::spoiler Reference (click)
Lamport, L. (2001). Paxos made simple. *ACM SIGACT News*, 32(4), 51–58.
:::

## Claim
Consensus with a majority of acceptors and two phases.
"""

CHANDRA = (
    "Chandra, T. D., Griesemer, R., & Redstone, J. (2007). "
    "Paxos made live: an engineering perspective. *PODC '07*, 398–407."
)
BOXED_CITATION = f"""\
# Week 1: the log

:::info
{CHANDRA}
:::

###### tags: `dist-rg` `week1`

[TOC]

## Notes
Disk corruption and master leases took most of the session.
"""

PODC = "Proceedings of the Seventh Annual ACM Symposium on Principles of Distributed Computing"
PROCEEDINGS_LINE = f"""\
# Viewstamped replication: a new primary copy method

**Brian Oki (1988)**, in *{PODC}*.

## Idea
- view changes instead of a fixed primary
"""

INDEX = """\
---
title: Distributed systems reading group
tags: dist-rg, index
description: Book mode index of the reading group's notes
---

# Distributed systems reading group

- Week 1 · [Paxos made live](/@dist-rg/paxos-live)
- Week 2 · [Paxos made simple](/@dist-rg/paxos-simple)
"""


def test_a_reference_in_a_spoiler_box_is_the_notes_paper() -> None:
    [entry] = parse(SPOILER, "Paxos made simple.md").entries
    assert entry.paper is not None
    assert (entry.paper.title, entry.paper.year) == ("Paxos made simple", 2001)


def test_a_box_fence_is_no_part_of_the_title_it_opens_and_tags_lines_are_tags() -> None:
    [entry] = parse(BOXED_CITATION, "Week 1 - the log.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "Paxos made live: an engineering perspective"
    assert entry.paper.authors[0].endswith("Chandra")
    lines = without_block_markup(BOXED_CITATION.splitlines(keepends=True))
    assert "Tags: dist-rg, week1\n" in lines
    assert not any(line.startswith((":::", "[TOC]", "{%")) for line in lines)


def test_who_and_when_with_the_proceedings_under_a_title_heading_are_its_facts() -> None:
    [entry] = parse(PROCEEDINGS_LINE, "Oki 1988.md").entries
    assert entry.paper is not None
    assert entry.paper.authors == ["Brian Oki"]
    assert entry.paper.year == 1988
    assert entry.paper.venue.startswith("Proceedings of the Seventh Annual ACM Symposium")


def test_a_page_tagged_index_is_a_contents_page_not_a_paper() -> None:
    assert not parse(INDEX, "Distributed systems reading group.md").entries


def test_a_box_labelled_as_the_paper_keeps_its_fences_for_the_note_to_read() -> None:
    note = (
        "# Raft\n\n:::note Paper\nOngaro, D., & Ousterhout, J. (2014). In search of an "
        "understandable consensus algorithm. *USENIX ATC '14*, 305–319.\n:::\n\n"
        ":::tip\nRead section 5 first.\n:::\n"
    )
    lines = without_block_markup(note.splitlines(keepends=True))
    assert ":::note Paper\n" in lines and ":::tip\n" not in lines
    assert lines.count(":::\n") == 1
    [entry] = parse(note, "raft.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "In search of an understandable consensus algorithm"
