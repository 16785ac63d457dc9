"""A static site's posts citing a .bib through its generator's shortcodes (Jekyll-Scholar,
an Eleventy citation plugin, Hugo), and its reading list kept as a data file."""

from __future__ import annotations

import json
from pathlib import Path
from textwrap import dedent

from papershelf.accounts.models import User
from papershelf.importers.notes.background import keys_cited_in, shortcode_citations
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

BIB = """\
@article{charnov1976optimal,
  title = {Optimal Foraging, the Marginal Value Theorem},
  author = {Charnov, Eric L.}, year = {1976}, journal = {Theoretical Population Biology},
  doi = {10.1016/0040-5809(76)90040-X}
}
@article{zahavi1975mate,
  title = {Mate Selection—a Selection for a Handicap},
  author = {Zahavi, Amotz}, year = {1975}, journal = {Journal of Theoretical Biology},
  doi = {10.1016/0022-5193(75)90111-3}
}
@article{bell2009repeatability,
  title = {The Repeatability of Behaviour: A Meta-Analysis},
  author = {Bell, Alison M. and Hankison, Shala J. and Laskowski, Kate L.}, year = {2009},
  journal = {Animal Behaviour}, doi = {10.1016/j.anbehav.2008.12.022}
}
@article{never2020cited,
  title = {A Paper Nobody Cites In These Posts},
  author = {Never, Ann}, year = {2020}, journal = {Ecology}
}
"""
CHARNOV = """\
---
title: "Paper notes: Charnov's marginal value theorem"
date: 2023-02-12
---

Re-reading this for the practical.

**{% cite "charnov1976optimal" %}** — *Optimal foraging, the marginal value theorem*.

## The theorem

Leave every patch when the marginal rate of gain drops to the average rate.
"""
ZAHAVI = """\
---
title: "Paper notes: Zahavi's handicap (1975)"
date: 2024-03-10
---

Reading-group paper.

{% cite "zahavi1975mate" %}: *Mate selection—a selection for a handicap.* J Theor Biol.

## The argument, in Zahavi's words-ish

Females should prefer males with costly ornaments because they are costly.

## Why it wasn't accepted at first

The sons inherit the handicap; see {% cite bell2009repeatability --file refs %}.
"""


def test_shortcodes_become_pandoc_citations_and_locators_and_options_are_no_keys() -> None:
    assert shortcode_citations('{% cite "knuth1984", "p. 3" %}') == "[@knuth1984]"
    assert shortcode_citations("{% cite knuth1984 lamport1994 --file refs %}") == (
        "[@knuth1984; @lamport1994]"
    )
    assert shortcode_citations('{{< cite "knuth1984" >}} and {{% citep key="lee2012" %}}') == (
        "[@knuth1984] and [@lee2012]"
    )
    assert shortcode_citations("{% highlight python %}") == "{% highlight python %}"
    assert keys_cited_in("As {% cite knuth1984 %} shows.", "notes") >= {"knuth1984"}


def test_posts_opening_with_a_shortcode_citation_are_the_notes_on_that_entry(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "bib").mkdir()
    (tmp_path / "bib" / "references.bib").write_text(BIB, encoding="utf-8")
    posts = tmp_path / "src" / "posts"
    posts.mkdir(parents=True)
    (posts / "2023-02-12-marginal-value-theorem.md").write_text(CHARNOV, encoding="utf-8")
    (posts / "zahavi-handicap.md").write_text(ZAHAVI, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    # The posts' own titles and section headings are no papers; the entries they cite
    # are, and the one no post cites is background.
    assert set(Paper.objects.values_list("title", flat=True)) == {
        "Optimal Foraging, the Marginal Value Theorem",
        "Mate Selection—a Selection for a Handicap",
        "The Repeatability of Behaviour: A Meta-Analysis",
    }
    charnov = Paper.objects.get(title__startswith="Optimal Foraging")
    assert "Leave every patch" in charnov.summaries.get().body


def test_a_sites_reading_list_data_file_is_read_with_its_statuses(
    tmp_path: Path, alice: User
) -> None:
    data = tmp_path / "src" / "_data"
    data.mkdir(parents=True)
    items = [
        {"key": "hamilton1964", "type": "article", "status": "read", "year": 1964,
         "title": "The genetical evolution of social behaviour. I", "authors": "Hamilton, W. D.",
         "journal": "Journal of Theoretical Biology", "doi": "10.1016/0022-5193(64)90038-4"},
        {"key": "trivers1971", "type": "article", "status": "read", "year": 1971,
         "title": "The evolution of reciprocal altruism", "authors": "Trivers, R. L.",
         "journal": "The Quarterly Review of Biology", "doi": "https://doi.org/10.1086/406755"},
        {"key": "grafen1990", "type": "article", "status": "to-read", "year": 1990,
         "title": "Biological signals as handicaps", "authors": "Grafen, A.",
         "journal": "Journal of Theoretical Biology"},
    ]  # fmt: skip
    (data / "readinglist.json").write_text(json.dumps({"items": items}, indent=2), "utf-8")
    (data / "site.json").write_text(json.dumps({"title": "A site", "url": "/"}), "utf-8")
    (tmp_path / "index.md").write_text(dedent("# Home\n\nWelcome.\n"), encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.1016/0022-5193(64)90038-4",
        "10.1086/406755",
    }


def test_an_mdx_component_describing_the_paper_gives_its_fields_and_a_callout_does_not() -> None:
    from papershelf.importers.notes.parse import parse

    text = dedent(
        """\
        ---
        title: 'K-Planes: one factorisation for static and dynamic scenes'
        ---
        import PaperCard from '../../components/PaperCard.astro';

        <PaperCard
        \ttitle="K-Planes: Explicit Radiance Fields in Space, Time, and Appearance"
        \tauthors="Sara Fridovich-Keil, Giacomo Meanti, Frederik Warburg"
        \tyear={2023}
        \tarxiv="2301.10241"
        />

        <Callout type="tip" title="Why planes and not a grid?" />

        Take a d-dimensional field and use one plane for every pair of dimensions.
        """
    )
    [entry] = parse(text, "src/content/blog/k-planes.mdx").entries
    assert entry.paper is not None
    paper = entry.paper
    assert paper.title == "K-Planes: Explicit Radiance Fields in Space, Time, and Appearance"
    assert (paper.arxiv_id, paper.year, paper.authors[0]) == (
        "2301.10241",
        2023,
        "Sara Fridovich-Keil",
    )


def test_a_hugo_sites_toml_data_file_is_read_and_its_config_and_theme_are_not(
    tmp_path: Path, alice: User
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "readings.toml").write_text(
        dedent(
            """\
            # Journal club reading list
            [[paper]]
            title = "Agricultural sustainability and intensive production practices"
            authors = "Tilman D, Cassman KG, Matson PA"
            year = 2002
            doi = "10.1038/nature01014"
            status = "presented"

            [[paper]]
            title = "Temperature increase reduces global yields of major crops"
            authors = "Zhao C, Liu B, Piao S"
            year = 2017
            doi = "10.1073/pnas.1701762114"
            status = "maybe-later"

            [[book]]
            title = "The Nature and Properties of Soils"
            authors = "Weil RR, Brady NC"
            year = 2017
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "hugo.toml").write_text('title = "Agronomy Lab"\nbaseURL = "/"\n', "utf-8")
    theme = tmp_path / "themes" / "fieldbook" / "exampleSite" / "data"
    theme.mkdir(parents=True)
    (theme / "readings.toml").write_text(
        '[[paper]]\ntitle = "Attention Is All You Need"\nyear = 2017\n'
        'doi = "10.48550/arXiv.1706.03762"\n',
        encoding="utf-8",
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(Paper.objects.values_list("doi", flat=True)) == ["10.1038/nature01014"]
