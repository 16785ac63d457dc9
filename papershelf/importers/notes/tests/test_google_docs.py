"""A Google Docs document downloaded as Markdown: Google's escapes and bold headings
undone, its embedded images left out with a word, its sessions read as papers."""

from __future__ import annotations

from papershelf.importers.notes.gdocs import from_google_docs, looks_like_google_docs
from papershelf.importers.notes.parse import parse

LOG = """\
# **Catalysis Journal Club — 2024**

| Term | Organiser |
| :---- | :---- |
| Spring | Ana |

## **Block 1 — Classics**

### Session 1 (9 Jan 2024\\) — Volcano plots

**Paper:** Nørskov, J. K. *et al.* Towards the computational design of solid catalysts. \
*Nature Chemistry* **1**, 37–46 (2009). [https://doi.org/10.1038/nchem.121]\
(https://doi.org/10.1038/nchem.121)
**Presenter:** Ana

**Summary**
Scaling relations reduce a catalyst to one or two descriptors; \
the volcano's top is \\[the\\] best trade\\-off.

![][image1]

### Session 2 (23 Jan 2024\\) — Single atoms

**Paper:** Qiao, B. *et al.* Single-atom catalysis of CO oxidation using Pt1/FeOx. \
*Nature Chemistry* **3**, 634–641 (2011). doi:10.1038/nchem.1095
**Presenter:** Ben

**Summary**
Isolated Pt atoms on iron oxide oxidise CO; 1\\. the support matters.

[image1]: <data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==>
"""


def test_a_google_docs_export_is_told_from_markdown_a_person_wrote() -> None:
    assert looks_like_google_docs(LOG.splitlines(keepends=True))
    assert not looks_like_google_docs(["# Notes\n", "A trade-off (see \\(x\\)).\n"])


def test_escapes_and_bold_headings_are_undone_but_block_syntax_stays_escaped() -> None:
    lines, images = from_google_docs(
        ["## **Block 1**\n", "a trade\\-off \\[the\\] (2024\\)\n", "1\\. not a list\n", "\\*x\\*\n"]
    )
    assert lines == ["## Block 1\n", "a trade-off [the] (2024)\n", "1\\. not a list\n", "\\*x\\*\n"]
    assert images == 0


def test_each_session_is_its_paper_with_the_summary_and_the_images_are_reported() -> None:
    document = parse(LOG, "Catalysis Journal Club — 2024.md")

    titles = [entry.paper.title for entry in document.entries if entry.paper]
    assert titles == [
        "Towards the computational design of solid catalysts",
        "Single-atom catalysis of CO oxidation using Pt1/FeOx",
    ]  # "*et al.*" in italics is no title
    first = document.entries[0]
    assert first.paper is not None and first.paper.doi == "10.1038/nchem.121"
    assert first.summary is not None and "[the] best trade-off" in first.summary.markdown
    assert "image1" not in first.summary.markdown
    assert any("left out 1 images" in w.message for w in document.warnings)
