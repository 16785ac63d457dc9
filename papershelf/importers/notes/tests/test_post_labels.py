"""What a post's heading and first lines say about the paper it covers, or that it
covers none: a label before the names and title, a citation under "## Bib", a trip, a
release, a schedule, a book review."""

from __future__ import annotations

from textwrap import dedent

import pytest

from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.informal import read_logged_citation
from papershelf.importers.notes.parse import parse
from papershelf.lib.titles import is_probably_title


def _papers(text: str, path: str = "2023-01-01-post.md") -> list[tuple[str, list[str], int | None]]:
    return [
        (e.paper.title, e.paper.authors, e.paper.year)
        for e in parse(dedent(text), path).entries
        if e.paper
    ]


def test_a_labelled_heading_gives_the_title_after_its_authors() -> None:
    text = """\
        # Reading notes: Landin, The Next 700 Programming Languages (1966)

        Our reading group's first classic: ISWIM, and the offside rule.

        DOI: https://doi.org/10.1145/365230.365257
        """
    assert _papers(text) == [("The Next 700 Programming Languages", [], 1966)]


def test_the_papers_citation_under_a_section_gives_its_authors_and_its_whole_title() -> None:
    text = """\
        # Reading notes: Reynolds 2002, Separation Logic — part 1

        This one is long so it is in two parts.

        ## Paper

        - John C. Reynolds. Separation Logic: A Logic for Shared Mutable Data Structures. LICS 2002, pp. 55–74.

        ## The assertion language

        Heaps, the separating conjunction and the frame rule.
        """  # noqa: E501
    assert _papers(text) == [
        ("Separation Logic: A Logic for Shared Mutable Data Structures", ["John C. Reynolds"], 2002)
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "ICFP 2023 in Seattle: logistics and a to-see list",
        "NeurIPS 2023 trip report",
        "tinyml 0.3 released",
        "RG schedule for the fall term",
        "JC Thu 14 Mar",
        "JC Thu 25 Apr (last one this term)",
    ],
)
def test_a_trip_a_release_a_schedule_or_a_sessions_date_is_no_title(heading: str) -> None:
    assert not is_probably_title(heading)


def test_a_book_review_post_names_no_paper() -> None:
    text = """\
        # Book review: Types and Programming Languages

        Pierce's book, chapter by chapter, for the reading group.
        """
    assert _papers(text) == []


def test_a_venue_and_year_are_no_title_and_names_in_bold_are_none() -> None:
    assert read_citation("Ran Canetti. FOCS 2001. Full version: IACR ePrint 2000/067.") is None
    assert read_citation("Ronald Cramer, Victor Shoup. CRYPTO '98 (LNCS 1462).") is None
    bold_names = "**Whitfield Diffie, Martin E. Hellman** — IEEE Transactions on Information Theory"
    assert read_logged_citation(bold_names) is None


def test_a_queue_headed_so_or_a_page_saying_nothing_is_read_yet_imports_nothing() -> None:
    queue = """\
        # Papers

        ## Queue (maybe later)

        - Hughes (1989) Why Functional Programming Matters
        - Damas & Milner (1982) Principal type-schemes for functional programs

        ## Books (not papers, but people ask)

        - Pierce, Types and Programming Languages (2002)
        """
    pile = """\
        # My spring reading pile

        Nothing read here yet — this is the queue, copied from the papers page.

        - Hoare 1969, An Axiomatic Basis for Computer Programming
        - Hughes 1989, Why Functional Programming Matters
        """
    assert _papers(queue, "papers.md") == []
    assert _papers(pile) == []
