"""Bike outlines (.bike): rows of XHTML, typed as headings, tasks, notes and quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.opml.parse import looks_like_an_outline, parse, to_markdown
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList

# A community-ecology reading path as Bike saves it: an intro row, a rule, headings
# (one nested), ticked and unticked tasks with their notes, a quote row and an empty row.
PATH = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml">
  <head>
    <meta charset="utf-8"/>
  </head>
  <body>
    <ul id="eco01">
      <li id="a1">
        <p><span>Community ecology path for the spring. </span><em>Tick a paper</em><span> only once it is read. Notes go under each row.</span></p>
      </li>
      <li id="a2" data-type="hr">
        <p/>
      </li>
      <li id="h1" data-type="heading">
        <p>Coexistence</p>
        <ul>
          <li id="t1" data-done="2025-02-02T10:00:00Z" data-type="task">
            <p><a href="https://doi.org/10.1146/annurev.ecolsys.31.1.343">Chesson — Mechanisms of maintenance of species diversity</a><span> (2000)</span></p>
            <ul>
              <li id="n1" data-type="note">
                <p><span>Stabilising vs equalising mechanisms; the storage effect.</span></p>
              </li>
              <li id="q1" data-type="quote">
                <p><span>Coexistence needs stabilisation to overcome fitness differences.</span></p>
              </li>
            </ul>
          </li>
          <li id="t2" data-done="2025-02-09T10:00:00Z" data-type="task">
            <p><strong>Neutral theory</strong><span> (Rosindell et al., TREE 2011)</span></p>
            <ul>
              <li id="n2" data-type="note">
                <p><span>title: The unified neutral theory of biodiversity and biogeography at age ten</span></p>
              </li>
            </ul>
          </li>
          <li id="t3" data-done="2025-02-10T10:00:00Z" data-type="task">
            <p><a href="https://press.princeton.edu/books/lecture-notes">Lecture notes on Lotka–Volterra</a><span> (not a paper, but worth it)</span></p>
          </li>
        </ul>
      </li>
      <li id="h2" data-type="heading">
        <p>Food webs</p>
        <ul>
          <li id="h3" data-type="heading">
            <p>Stability</p>
            <ul>
              <li id="t4" data-done="2025-03-01T10:00:00Z" data-type="task">
                <p><a href="https://doi.org/10.1038/238413a0">Will a large complex system be stable?</a><span> — May, Nature 238 (1972)</span></p>
              </li>
            </ul>
          </li>
        </ul>
      </li>
      <li id="e1">
        <p/>
      </li>
    </ul>
  </body>
</html>
"""  # noqa: E501 -- Bike writes each row's paragraph on one line


def test_a_bike_outline_is_recognised_by_its_rows() -> None:
    assert looks_like_an_outline(PATH)


def test_headings_become_sections_tasks_items_and_typed_rows_their_notes() -> None:
    markdown = to_markdown(PATH, "Community ecology.bike")
    assert markdown.startswith("# Community ecology\n\nCommunity ecology path for the spring.")
    assert "\n## Coexistence\n" in markdown and "\n### Stability\n" in markdown
    assert "- [x] [Chesson — Mechanisms" in markdown
    assert "  Stabilising vs equalising mechanisms; the storage effect." in markdown
    assert "  > Coexistence needs stabilisation" in markdown
    assert not markdown.rstrip().endswith("-")  # the empty row is no item


def test_each_ticked_paper_keeps_its_authors_year_and_section() -> None:
    papers = {
        e.paper.title: (e.paper, e.sections) for e in parse(PATH, "x.bike").entries if e.paper
    }
    chesson, sections = papers["Mechanisms of maintenance of species diversity"]
    assert (chesson.authors, chesson.year, sections) == (["Chesson"], 2000, ("Coexistence",))
    may, sections = papers["Will a large complex system be stable?"]
    assert (may.authors, may.venue, may.year) == (["May"], "Nature", 1972)
    assert sections == ("Food webs", "Stability")


def test_a_nickname_row_takes_its_notes_title_and_a_row_saying_it_is_no_paper_is_left_out() -> None:
    titles = [e.paper.title for e in parse(PATH, "path.bike").entries if e.paper]
    assert "The unified neutral theory of biodiversity and biogeography at age ten" in titles
    assert not [t for t in titles if "Lotka" in t]


def test_a_bike_outline_declaring_entities_is_refused() -> None:
    with pytest.raises(ParseError, match="DTD or entity"):
        parse(PATH.replace("<html", '<!DOCTYPE html [<!ENTITY x "x">]>\n<html', 1), "x.bike")


def test_a_folder_with_a_bike_outline_imports_it_as_a_reading_path(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "Community ecology.bike").write_text(PATH, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.exclude(doi="").values_list("doi", flat=True)) == {
        "10.1146/annurev.ecolsys.31.1.343",
        "10.1038/238413a0",
    }
    items = ReadingList.objects.get().items.select_related("paper").order_by("position")
    headings = [item.heading for item in items if item.paper is None]
    assert headings[:2] == ["Coexistence", "Food webs"]
