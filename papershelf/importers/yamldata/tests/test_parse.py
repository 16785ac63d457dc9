"""A site's YAML data file of papers: records with their facts, grouped into sections."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.importers.yamldata.parse import looks_like_paper_data, parse
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingListItem

READING = """\
# one entry per term; status: done | upcoming | cancelled; kind: paper (default) | book
- term: Spring 2024
  sessions:
    - date: 2024-06-12
      status: upcoming
      title: "Deep learning for global flood forecasting"
      authors: G. Nearing, D. Cohen
      year: 2024
    - date: 2024-02-07
      status: done
      papers:
        - title: "Rainfall-runoff modelling using Long Short-Term Memory networks"
          authors: F. Kratzert, D. Klotz, C. Brenner
          venue: HESS 2018
          year: 2018
          arxiv: 1803.09010
          tags: [lstm, runoff]
          notes: |
            One LSTM per basin; beats SAC-SMA on $NSE$.
        - title: "Towards learning universal, regional, and local hydrological behaviors"
          authors: F. Kratzert, D. Klotz, G. Shalev
          year: 2019
          doi: 10.5194/hess-23-5089-2019
          tags: [lstm]
- term: Fall 2023
  sessions:
    - date: 2023-10-04
      status: done
      kind: book
      title: "Physical Hydrology, ch. 4"
      authors: S. L. Dingman
      year: 2015
    - date: 2023-10-11
      status: cancelled
      title: "No meeting -- reading week"
      year: 2023
"""


def test_a_data_file_of_papers_is_known_and_a_menu_is_not() -> None:
    assert looks_like_paper_data(READING)
    assert not looks_like_paper_data("- title: News\n  url: /\n- title: People\n  url: /people/\n")


def test_read_papers_keep_their_facts_notes_tags_and_term_and_the_rest_are_reported() -> None:
    document = parse(READING, "_data/reading.yml")
    papers = [
        (e.paper.title[:22], e.paper.year, e.paper.arxiv_id, e.sections)
        for e in document.entries
        if e.paper is not None
    ]
    assert papers == [
        ("Rainfall-runoff modell", 2018, "1803.09010", ("Spring 2024",)),
        ("Towards learning unive", 2019, "", ("Spring 2024",)),
    ]  # the unquoted 1803.09010 kept its trailing zero
    first = document.entries[0]
    assert first.paper is not None and first.paper.authors[0] == "F. Kratzert"
    assert first.summary is not None and "$NSE$" in first.summary.markdown
    assert document.entry_topics == {0: ["lstm", "runoff"], 1: ["lstm"]}
    reasons = " ".join(w.message for w in document.warnings)
    assert "“upcoming”" in reasons and "a book" in reasons and "“cancelled”" in reasons


def test_a_site_s_data_file_imports_as_its_reading_list(tmp_path: Path, alice: User) -> None:
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "reading.yml").write_text(READING, encoding="utf-8")
    (tmp_path / "_config.yml").write_text("title: Hydro lab\n", encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert Paper.objects.count() == 2
    assert set(ReadingListItem.objects.values_list("heading", flat=True)) >= {"Spring 2024"}
