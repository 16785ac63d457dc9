"""A wiki page titled by the paper's nickname over a "Citation" section citing it in full."""

from __future__ import annotations

from pathlib import Path

from papershelf.importers.registry import detect

CKEDITOR_PAGE = """<!--
title: Saint-Venant (Barré 1871)
description: the shallow-water equations
published: true
tags: hydraulics, shallow-water
editor: ckeditor
-->

<h2>Citation</h2>
<p>Adhémar Barré de Saint-Venant, Jean Dupont. <em>Theory of unsteady water flow, with application to river floods and to propagation of tides in river channels.</em> Comptes Rendus 73 (1871) 147–154. DOI <a href="https://doi.org/10.1000/sv1871">10.1000/sv1871</a></p>
<h2>Notes</h2>
<ul><li>depth-averaged momentum; the kinematic wave is its limit</li></ul>
"""  # noqa: E501 -- CKEditor writes a paragraph on one line

MARKDOWN_PAGE = """---
title: "HEC-RAS: the manual's physics"
tags: [hydraulics]
---

# HEC-RAS

> G. W. Brunner, J. Doe. **HEC-RAS: River analysis system hydraulic reference manual
> revisited for two-dimensional flows.** Water Resources Research 2016. [arXiv:1611.00001](https://arxiv.org/abs/1611.00001)

## Key points
- the 2D solver is a diffusion-wave approximation by default
"""


def _papers(text: str, name: str) -> list[tuple[str, str]]:
    document = detect(Path(name), text).parse(text, name)
    return [(e.paper.title, e.paper.doi or e.paper.arxiv_id) for e in document.entries if e.paper]


def test_a_wiki_js_html_page_keeps_its_fields_and_is_the_paper_its_citation_section_names() -> None:
    assert _papers(CKEDITOR_PAGE, "saint-venant.html") == [
        (
            "Theory of unsteady water flow, with application to river floods and to "
            "propagation of tides in river channels",
            "10.1000/sv1871",
        )
    ]


def test_a_page_titled_by_the_start_of_the_cited_title_takes_the_cited_title() -> None:
    ((title, identifier),) = _papers(MARKDOWN_PAGE, "hec-ras.md")
    assert title.startswith("HEC-RAS: River analysis system") and identifier == "1611.00001"
