"""A Scrapbox (Cosense) project export: each page a note, its bracket syntax as Markdown."""

from __future__ import annotations

import json

from papershelf.importers.appjson.parse import looks_like_app_export, parse
from papershelf.importers.appjson.scrapbox import scrapbox_notes

EXPORT = {
    "name": "astro-lab",
    "displayName": "astro lab",
    "exported": 1710000000,
    "pages": [
        {
            "title": "Gaia DR3",
            "created": 1700000000,
            "updated": 1700000100,
            "id": "p1",
            "lines": [
                "Gaia DR3",
                {"text": "[Vallenari et al. 2023 https://doi.org/10.1051/0004-6361/202243940] "
                 "Gaia Data Release 3: Summary of the content and survey properties. A&A 674, A1"},
                "#astrometry #survey",
                "[** what it is]",
                " 1.8 billion sources, [$ \\varpi $] for 1.5 billion",
                "  RVS spectra for the brightest",
                " [* caveat] zero-point offset of parallaxes",
                "> (lab meeting) use the Lindegren correction",
                " code:query.sql",
                "  SELECT TOP 10 * FROM gaiadr3.gaia_source",
                "related [Gaia EDR3] [Hipparcos]",
            ],
        },
        {
            "title": "積読",
            "lines": [
                "積読",
                "読みたい [* まだ読んでない!]",
                " Riess et al. 2022 — A Comprehensive Measurement of the Local Value of the Hubble "
                "Constant [https://arxiv.org/abs/2112.04510]",
                " Freedman 2021 — Measurements of the Hubble Constant: Tensions in Perspective "
                "[https://arxiv.org/abs/2106.15656]",
                "#積読",
            ],
        },
        {"title": "settings", "lines": ["settings", "[* theme] default-dark"]},
    ],
}  # fmt: skip


def test_a_page_becomes_markdown_with_its_links_math_headings_quotes_and_code() -> None:
    notes = scrapbox_notes(EXPORT)
    assert len(notes) == 2  # the settings page is no note
    page = notes[0]
    assert page.startswith("# Gaia DR3\n")
    assert "[Vallenari et al. 2023](https://doi.org/10.1051/0004-6361/202243940)" in page
    assert "## what it is" in page
    assert "- 1.8 billion sources, $\\varpi$ for 1.5 billion" in page
    assert "  - RVS spectra for the brightest" in page
    assert "**caveat** zero-point offset" in page
    assert "> (lab meeting) use the Lindegren correction" in page
    assert "```sql\nSELECT TOP 10 * FROM gaiadr3.gaia_source\n```" in page
    assert "[[Gaia EDR3]]" in page


def test_the_read_page_is_its_paper_and_the_unread_pile_names_none() -> None:
    text = json.dumps(EXPORT)
    assert looks_like_app_export(text)
    document = parse(text, "astro-lab.json")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [(p.title, p.doi) for p in papers] == [
        (
            "Gaia Data Release 3: Summary of the content and survey properties",
            "10.1051/0004-6361/202243940",
        )
    ]
