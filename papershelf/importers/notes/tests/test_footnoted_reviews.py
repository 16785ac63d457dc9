"""A review that cites its papers in footnotes (Pandoc Markdown): papers in their sections."""

from __future__ import annotations

from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.parse import parse

CHAPTER = """\
---
title: "Chapter 1: Urban heat islands"
author: "R. Ferreira"
---

# 1 Background

## 1.1 What an urban heat island is

Cities are warmer than the country around them, most of all on calm clear nights.[^1]
The first quantitative account tied the difference to the city's geometry.[^oke82]

## 1.2 Measuring it from space

Land surface temperature from satellites shows the island by day as well.[^3] Most
studies use MODIS.^[Peng, S., Piao, S., Ciais, P., et al. (2012). Surface urban heat
island across 419 global big cities. *Environmental Science & Technology*, 46(2),
696–703. https://doi.org/10.1021/es2030438] The same geometry argument returns here.[^4]

## 1.3 Gaps

Few studies follow a city through time.[^5][^6]

[^1]: I write "island" for the canopy-layer island throughout, as Oke does.

[^oke82]: Oke, T. R. (1982). The energetic basis of the urban heat island. *Quarterly
    Journal of the Royal Meteorological Society*, 108(455), 1–24.
    https://doi.org/10.1002/qj.49710845502

[^3]: See Voogt, J. A., & Oke, T. R. (2003). Thermal remote sensing of urban climates.
    *Remote Sensing of Environment*, 86(3), 370–384; and, for a review of methods,
    Oke (1982), section 4.

[^4]: Oke (1982), p. 12.

[^5]: Oke, T. R., Mills, G., Christen, A., & Voogt, J. A. (2017). *Urban Climates*.
    Cambridge: Cambridge University Press. (The textbook.)

[^6]: Howard, L. (1818). The climate of London. — original not consulted; cited via
    Oke et al. (2017).
"""


def test_each_footnoted_reference_is_a_paper_in_the_section_that_first_cites_it() -> None:
    document = parse(CHAPTER, "thesis/chapter1.md")
    placed = {entry.paper.title: list(entry.sections) for entry in document.entries if entry.paper}
    what_it_is = ["1 Background", "1.1 What an urban heat island is"]
    from_space = ["1 Background", "1.2 Measuring it from space"]
    assert placed == {
        "The energetic basis of the urban heat island": what_it_is,
        "Thermal remote sensing of urban climates": from_space,
        "Surface urban heat island across 419 global big cities": from_space,
    }


def test_comments_short_forms_books_and_sources_not_consulted_are_no_papers() -> None:
    titles = [entry.paper.title for entry in parse(CHAPTER, "chapter1.md").entries if entry.paper]
    assert "Urban Climates" not in titles
    assert not any("London" in title or "Oke" in title for title in titles)
    assert len(titles) == len(set(titles)) == 3


def test_a_quoted_title_ends_where_its_quotes_do_though_a_journal_abbreviation_follows() -> None:
    cited = read_citation(
        'Gupta, Kling & Martinez 2009 — "Decomposition of the mean squared error and NSE '
        'performance criteria", J. Hydrol. 377: 80–91'
    )
    assert cited is not None
    assert cited.title == "Decomposition of the mean squared error and NSE performance criteria"
