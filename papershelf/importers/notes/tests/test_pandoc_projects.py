"""A Pandoc or Quarto project: chapters citing by key, a CSL YAML bibliography beside them."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.csl.parse import looks_like_csl_yaml
from papershelf.importers.csl.parse import parse as parse_csl
from papershelf.importers.notes.background import keys_cited_in
from papershelf.importers.notes.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

REFERENCES = """\
# references.yaml -- a Better CSL YAML export, edited by hand
references:
  - id: hjulstrom1935
    type: article-journal
    title: Studies of the morphological activity of rivers as illustrated by the river Fyris
    container-title: Bulletin of the Geological Institute of Upsala
    author:
      - family: Hjulström
        given: Filip
    issued:
      - year: 1935
  - id: shields1936
    type: article-journal
    title: Application of similarity principles and turbulence research to bed-load movement
    author:
      - family: Shields
        given: Albert
    issued:
      date-parts:
        - [1936]
  - id: leopold1964
    type: book
    title: Fluvial Processes in Geomorphology
    author:
      - family: Leopold
        given: Luna B.
    issued: 1964
  - id: church2006
    type: article-journal
    title: Bed material transport and the morphology of alluvial river channels
    author:
      - family: Church
        given: Michael
    issued: 2006-05
    DOI: 10.1146/annurev.earth.33.092203.122721
"""

CHAPTER = """\
# Background {#sec-background}

## Entrainment thresholds in gravel-bed rivers {#sec-entrainment}

Grain entrainment was first framed as a velocity threshold [@hjulstrom1935] and then as a
dimensionless shear stress [@shields1936; see also @church2006, pp. 330--335].

<!-- TODO: @leopold1964 -- get the library copy and READ it before citing -->

## Channel form

@church2006 ties bed material transport to channel pattern.
"""


def test_csl_yaml_is_a_bibliography_with_years_in_every_shape_csl_yaml_writes() -> None:
    assert looks_like_csl_yaml(REFERENCES)
    assert not looks_like_csl_yaml("site_name: Lab wiki\nnav:\n  - Home: index.md\n")
    document = parse_csl(REFERENCES, "references.yaml")
    papers = [(e.paper.title[:12], e.paper.year, e.line) for e in document.entries if e.paper]
    assert papers == [
        ("Studies of t", 1935, 3),
        ("Application ", 1936, 12),
        ("Fluvial Proc", 1964, 21),
        ("Bed material", 2006, 28),
    ]


def test_a_chapter_citing_by_key_names_no_paper_by_its_section_headings() -> None:
    document = parse(CHAPTER, "02-background.qmd")
    assert not [entry for entry in document.entries if entry.paper]
    assert all(
        "{#" not in (entry.summary.heading if entry.summary else "") for entry in document.entries
    )


def test_a_key_in_an_html_comment_is_a_note_to_self_not_a_citation() -> None:
    assert keys_cited_in(CHAPTER, "notes") == {"hjulstrom1935", "shields1936", "church2006"}


def test_a_quarto_project_imports_the_entries_its_chapters_cite(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "references.yaml").write_text(REFERENCES, encoding="utf-8")
    (tmp_path / "02-background.qmd").write_text(CHAPTER, encoding="utf-8")
    (tmp_path / "reading-queue.md").write_text(
        "# reading queue\n\n- Leopold, Wolman & Miller 1964, Fluvial Processes — on loan\n",
        encoding="utf-8",
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("year", flat=True)) == {1935, 1936, 2006}


def test_a_long_line_introducing_a_list_as_not_read_leaves_its_papers_out() -> None:
    readme = (
        "# Ch2 lit review - Zotero export\n\n"
        "Still to get into Zotero (not in this export, haven't read them yet):\n"
        "  * Cotrufo et al. 2019 Nat Geosci - soil C storage informed by POM and MAOM\n"
        "  * Georgiou et al. 2022 Nat Commun - global MAOM storage capacity\n"
    )
    assert not [entry for entry in parse(readme, "README.md").entries if entry.paper]
