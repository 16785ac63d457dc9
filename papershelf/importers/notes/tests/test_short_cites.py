"""Headings that cite a paper by a short form, minutes of meetings, books by their tags."""

from __future__ import annotations

from papershelf.importers.notes.parse import parse

SHORT_FORM_OVER_TITLE = """\
# Tilman et al. 2001 Science 294: 843-845

Diversity and productivity in a long-term grassland experiment

- 168 plots at Cedar Creek, 1, 2, 4, 8 or 16 species
"""

SECTIONS = """\
# Soil fauna -- lab to field

## Wardle, Bardgett & Klironomos 2004, Science 304: 1629-1633
"Ecological linkages between aboveground and belowground biota"
- plant-soil feedbacks, both directions

## Bardgett & van der Putten 2014, Nature 515: 505-511
"Belowground biodiversity and ecosystem functioning"
- the review to cite for the intro
"""

MINUTES = """\
# Meeting w/ Ana, 14 May 2024

- Ana: "stop citing the 2019 meta-analysis for effect sizes"; use Tilman 2001 instead
- next meeting in two weeks
"""

BOOK = """\
---
tags: [book]
status: reading
---
# Begon, Townsend & Harper (2006) *Ecology: From Individuals to Ecosystems*. Blackwell.

A chapter a week.
"""


def test_a_short_form_heading_over_the_title_line_names_that_paper_with_its_facts() -> None:
    [entry] = parse(SHORT_FORM_OVER_TITLE, "Tilman2001.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "Diversity and productivity in a long-term grassland experiment"
    assert (entry.paper.year, entry.paper.authors[0]) == (2001, "Tilman")


def test_short_form_section_headings_over_quoted_titles_are_one_paper_each() -> None:
    titles = [entry.paper.title for entry in parse(SECTIONS, "soil.md").entries if entry.paper]
    assert titles == [
        "Ecological linkages between aboveground and belowground biota",
        "Belowground biodiversity and ecosystem functioning",
    ]


def test_the_minutes_of_a_meeting_name_no_paper_whatever_they_quote() -> None:
    assert not parse(MINUTES, "meetings/2024-05-14.md").entries


def test_a_note_tagged_book_is_no_paper() -> None:
    assert not parse(BOOK, "Begon 2006 book.md").entries


def test_a_nested_tag_says_what_kind_of_work_by_its_last_part() -> None:
    nested = BOOK.replace("tags: [book]", "tags: [lit/book, lit/ecology]")
    assert not parse(nested, "Begon 2006 book.md").entries


AUTHOR_DASH_TITLE = """\
# Dennett - Quining qualia

Daniel C. Dennett, Consciousness in Contemporary Science 1: 42-77 (1988).
The four properties of qualia, one intuition pump at a time.
"""

PLAN = """\
# Chapter 3 plan

## 3.1 Functionalism → Putnam, Block

## 3.2 Qualia → Dennett 1988
"""


def test_a_page_named_by_its_author_and_title_over_a_line_naming_that_author() -> None:
    [entry] = parse(AUTHOR_DASH_TITLE, "Dennett - Quining qualia.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "Quining qualia"
    assert entry.paper.authors == ["Daniel C. Dennett"]
    assert entry.paper.year == 1988


def test_a_plans_themes_pointing_at_papers_are_no_papers() -> None:
    assert not [entry for entry in parse(PLAN, "plan.md").entries if entry.paper]


NICKNAME_OVER_TITLE = """\
# Jeon, Noh, Kim 2014 - solvent engineering

#### Solvent engineering for high-performance inorganic-organic hybrid perovskite solar cells

Nam Joong Jeon et al. -- Nature Materials 13, 897-903 (2014)

* toluene drip during spin coating
"""


def test_a_note_named_by_its_nickname_takes_the_title_set_large_below_it() -> None:
    [entry] = parse(NICKNAME_OVER_TITLE, "Jeon 2014.md").entries
    assert entry.paper is not None
    assert entry.paper.title == (
        "Solvent engineering for high-performance inorganic-organic hybrid perovskite solar cells"
    )


READ_TOGETHER = """\
# Spin liquids: two experiments, read together

**(1)** Han TH, Helton JS, Chu S, et al. Fractionalized excitations in the spin-liquid state of a kagome-lattice antiferromagnet. Nature 492 (2012) 406-410. doi:10.1038/nature11659

- neutron scattering continuum, no spin gap down to 0.25 meV

**(2)** Fu M, Imai T, Han TH, Lee YS. Evidence for a gapped spin-liquid ground state in a kagome Heisenberg antiferromagnet. Science 350 (2015) 655-658. doi:10.1126/science.aab2120

- NMR says gapped: the two disagree
"""  # noqa: E501  (each reference is one paragraph, as written)


def test_bold_numbered_references_read_together_are_one_paper_each() -> None:
    papers = [entry.paper for entry in parse(READ_TOGETHER, "kagome.md").entries if entry.paper]
    assert [paper.doi for paper in papers] == ["10.1038/nature11659", "10.1126/science.aab2120"]


def test_a_versioned_protocol_of_ones_own_is_no_paper() -> None:
    protocol = (
        "# Protocol (v1.2, 5 Feb 2024) -- Effects of cash transfers on child nutrition: "
        "a systematic review of randomised evaluations\n\n## 1. Question\nWhat works?\n"
    )
    assert not parse(protocol, "protocol.md").entries


def test_a_journal_club_session_cancelled_names_no_paper() -> None:
    cancelled = "# JC session 7 -- 8 April 2021\n\nCANCELLED (strike). Moved to the list.\n"
    assert not parse(cancelled, "sessions/2021-04-08/notes.md").entries
