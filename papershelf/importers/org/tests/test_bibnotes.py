"""org-ref's single notes file: a heading per paper, named by its citation key."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.org.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic

NOTES = """#+TITLE: Reading notes
#+TODO: TODO READING | DONE
bibliography:refs.bib

# one heading per key (org-ref-open-notes-at-point)

* DONE 1968 - Sound Pattern Review                                   :phonology:
 :PROPERTIES:
  :Custom_ID: halle-1968-sound-pattern
  :AUTHOR: Halle, M., & Chomsky, N.
  :YEAR: 1968
 :END:
CLOSED: [2023-03-01 Wed 10:00]
A nickname: the key says which paper.

* READING OT tableaux (Prince '93)                            :phonology:optimality:
 :PROPERTIES:
  :Custom_ID: prince-1993-optim-theor
  :AUTHOR: Prince, A., & Smolensky, P.
  :JOURNAL: Rutgers Optimality Archive
  :YEAR: 1993
  :DOI: 10.1002/9780470759400
 :END:
- constraints ranked, violations counted: \\( C_1 \\gg C_2 \\)
- compare cite:&kager-1999-optim-theor for the textbook version

* The Sound Pattern of English (the book)                                 :book:
 :PROPERTIES:
  :Custom_ID: chomsky-1968-sound-pattern
  :AUTHOR: Chomsky, N., & Halle, M.
  :YEAR: 1968
 :END:
Chapter 9 only.
"""

BIBLIOGRAPHY = """@article{halle-1968-sound-pattern,
  author = {Halle, Morris and Chomsky, Noam},
  title = {Stress and Accent in English: a review of sound patterns},
  journal = {Journal of Linguistics},
  year = 1968,
}

@article{prince-1993-optim-theor,
  author = {Prince, Alan and Smolensky, Paul},
  title = {Optimality Theory: Constraint Interaction in Generative Grammar},
  journal = {Rutgers Optimality Archive},
  year = 1993,
}

@article{kager-1999-optim-theor,
  author = {Kager, Ren{\\'e}},
  title = {Optimality Theory and the Typology of Stress Systems},
  journal = {Phonology},
  year = 1999,
}

@article{never-cited-2001,
  author = {Nobody, Anne},
  title = {A Paper Kept Only for Citing in the Thesis Introduction},
  journal = {Lingua},
  year = 2001,
}

@book{chomsky-1968-sound-pattern,
  author = {Chomsky, Noam and Halle, Morris},
  title = {The Sound Pattern of English},
  publisher = {Harper \\& Row},
  year = 1968,
}
"""


def test_each_keyed_heading_is_a_paper_with_its_key_facts_notes_and_tags() -> None:
    document = parse(NOTES, "notes.org")
    entries = document.entries
    assert [entry.cites for entry in entries] == [
        "halle-1968-sound-pattern",
        "prince-1993-optim-theor",
    ]
    first, second = (entry.paper for entry in entries)
    assert first is not None and second is not None
    assert first.title == "Sound Pattern Review"  # org-ref's "%y - %t", the year left out
    assert first.authors == ["M. Halle", "N. Chomsky"] and first.year == 1968
    assert second.doi == "10.1002/9780470759400"
    assert second.venue == "Rutgers Optimality Archive"
    summary = entries[1].summary
    assert summary is not None and "\\( C_1 \\gg C_2 \\)" in summary.markdown
    assert ":PROPERTIES:" not in summary.markdown and "Custom_ID" not in summary.markdown
    assert document.entry_topics == {0: ["phonology"], 1: ["phonology", "optimality"]}
    (warning,) = document.warnings
    assert "The Sound Pattern of English" in warning.message and "no paper" in warning.message


def test_a_key_in_a_drawer_without_facts_is_an_export_anchor_not_a_paper() -> None:
    text = "* Introduction\n:PROPERTIES:\n:CUSTOM_ID: intro\n:END:\nWhy this review.\n" * 2
    assert all("cites" not in entry.evidence for entry in parse(text, "review.org").entries)
    assert not any(entry.cites for entry in parse(text, "review.org").entries)


def test_an_org_ref_folder_pairs_headings_with_the_bibliography_by_key(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "notes.org").write_text(NOTES, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIBLIOGRAPHY, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    # The nicknamed headings take the entries' titles; a paper only cited in the notes
    # ("cite:&kager-…") is read too; the book and the uncited entry are background.
    assert sorted(Paper.objects.values_list("title", flat=True)) == [
        "Optimality Theory and the Typology of Stress Systems",
        "Optimality Theory: Constraint Interaction in Generative Grammar",
        "Stress and Accent in English: a review of sound patterns",
    ]
    notes = Summary.objects.get(paper__title__startswith="Optimality Theory:").body
    assert "constraints ranked" in notes
    assert set(Topic.objects.values_list("name", flat=True)) >= {"phonology"}
