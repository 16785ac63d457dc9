"""A Logseq PDF's highlights page: its first page-1 highlight, when a title, names it."""

from __future__ import annotations

from papershelf.importers.notes.parse import parse

PAGE = """\
file:: [hess-22-6005-2018.pdf](../assets/hess-22-6005-2018_1709301877412_0.pdf)
file-path:: ../assets/hess-22-6005-2018_1709301877412_0.pdf

- Rainfall–runoff modelling using Long Short-Term Memory (LSTM) networks
  ls-type:: annotation
  hl-page:: 1
  hl-color:: yellow
  id:: 65e1ee3b-4746-4a4d-8cdb-305fdd2e1609
- 241 catchments of the CAMELS data set
  ls-type:: annotation
  hl-page:: 3
  hl-color:: blue
  id:: 65e1edbf-aec6-4024-9bd8-6d40fc891b4a
	- regional model beats per-basin SAC-SMA on median NSE
"""


def test_the_title_highlighted_on_page_one_names_the_paper_and_highlights_are_quotes() -> None:
    (entry,) = parse(PAGE, "pages/hls__hess-22-6005-2018_1709301877412_0.md").entries
    assert entry.paper is not None
    assert (
        entry.paper.title
        == "Rainfall–runoff modelling using Long Short-Term Memory (LSTM) networks"
    )
    assert entry.summary is not None
    assert "> 241 catchments of the CAMELS data set (p. 3)" in entry.summary.markdown
    assert "regional model beats per-basin SAC-SMA" in entry.summary.markdown


def test_a_finding_highlighted_on_page_one_is_no_title() -> None:
    finding = PAGE.replace(
        "Rainfall–runoff modelling using Long Short-Term Memory (LSTM) networks",
        "652 cities in 24 countries or regions",
    )
    assert not [e for e in parse(finding, "pages/hls__x_1.md").entries if e.paper]
