"""Shapes of posts and course notes: a course's week files as sections, a reference set
as a short list or a quote, book chapters and code snippets among papers, a page whose
summary says it is not read."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from papershelf.accounts.models import User
from papershelf.importers.notes.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.lib.titles import is_probably_title
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList


def _titles(text: str, path: str = "2024-05-01-post.md") -> list[str]:
    return [e.paper.title for e in parse(dedent(text), path).entries if e.paper]


WEEK = """\
---
title: "Week {n}: {topic}"
parent: Lecture notes
nav_order: {n}
---

# Week {n}: {topic}

## Lecture {a} (Mon): {topic}, first part

### Required reading

- {citation}

### Optional reading

- Gelman & Hill, *Data Analysis Using Regression*, **Chapter 9**, "Causal inference" — <https://example.org/arm/ch9>

## Lecture {b} (Wed): {topic}, second part

### Notes

The estimator is $\\hat\\tau = \\bar Y_1 - \\bar Y_0$.
"""


def test_a_courses_week_files_are_sections_of_one_list_over_their_lectures(
    tmp_path: Path, alice: User
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    weeks = [
        ("Matching", "Rosenbaum, P. R., & Rubin, D. B. (1983). The central role of the "
         "propensity score in observational studies for causal effects. *Biometrika*, 70(1), "
         "41–55."),
        ("Weighting", "Hirano, K., Imbens, G. W., & Ridder, G. (2003). Efficient estimation "
         "of average treatment effects using the estimated propensity score. *Econometrica*, "
         "71(4), 1161–1189."),
    ]  # fmt: skip
    for n, (topic, citation) in enumerate(weeks, start=1):
        text = WEEK.format(n=n, topic=topic, a=2 * n - 1, b=2 * n, citation=citation)
        (notes / f"week0{n}-{topic.lower()}.md").write_text(text)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("title", flat=True)) == {
        "The central role of the propensity score in observational studies for causal effects",
        "Efficient estimation of average treatment effects using the estimated propensity score",
    }  # the book's chapter is no paper, nor is "Week 2: Weighting"
    course = ReadingList.objects.get()
    top = [i.heading for i in course.items.order_by("position") if i.heading and i.depth == 1]
    assert top == ["Week 1: Matching", "Week 2: Weighting"]


def test_a_courses_parts_are_no_paper_titles() -> None:
    for text in ["Week 3: Causal graphs and identification", "Lecture 12 — 2SLS in practice"]:
        assert not is_probably_title(text)


def test_a_reference_section_written_as_a_short_list_names_the_posts_paper() -> None:
    text = """\
        ---
        title: "SchNet, finally"
        date: 2023-03-01
        ---

        ## Reference

        - **SchNet: A continuous-filter convolutional neural network for modeling quantum interactions**
        - Kristof T. Schütt, Pieter-Jan Kindermans, Huziel E. Sauceda, Stefan Chmiela,
          Alexandre Tkatchenko, Klaus-Robert Müller
        - *NeurIPS* 2017 — preprint: [arXiv 1706.08566](https://arxiv.org/abs/1706.08566)

        ## Continuous filters, the one-paragraph version

        Filters are functions of the distance, so atoms need no grid.

        ## Why I care: smooth energies

        Forces come out as gradients of a smooth energy.
        """  # noqa: E501
    document = parse(dedent(text), "2023-03-01-schnet.md")
    assert [e.paper.title for e in document.entries if e.paper] == [
        "SchNet: A continuous-filter convolutional neural network for modeling quantum interactions"
    ]
    assert document.entries[0].paper.arxiv_id == "1706.08566"


def test_a_paper_quoted_under_a_numbered_heading_is_read_from_the_quote() -> None:
    text = """\
        ---
        title: "One-stage vs two-stage"
        date: 2023-03-05
        ---

        ## Paper 1: R-CNN

        > **Rich feature hierarchies for accurate object detection and semantic segmentation**
        > Ross Girshick, Jeff Donahue, Trevor Darrell, Jitendra Malik
        > CVPR 2014

        Region proposals, then a CNN on each.

        ## Paper 2: SSD

        > **SSD: Single Shot MultiBox Detector**
        > Wei Liu, Dragomir Anguelov, Dumitru Erhan
        > ECCV 2016

        Default boxes at several scales.
        """
    assert _titles(text) == [
        "Rich feature hierarchies for accurate object detection and semantic segmentation",
        "SSD: Single Shot MultiBox Detector",
    ]


def test_a_how_to_whose_sections_are_code_snippets_names_no_paper() -> None:
    text = """\
        ---
        title: ASE snippets I keep looking up
        date: 2024-09-15
        categories: [Tutorials]
        ---

        A cheat sheet for the first-years.

        ## Read a trajectory and plot the energy

        ```python
        from ase.io import read
        frames = read("md.traj", index=":")
        energies = [f.get_potential_energy() for f in frames]
        ```

        ## Relax the cell under constant pressure

        ```python
        from ase.filters import ExpCellFilter
        opt = BFGS(ExpCellFilter(atoms))
        opt.run(fmax=0.01)
        ```
        """
    assert _titles(text) == []


def test_a_page_whose_summary_says_its_papers_are_not_read_names_none() -> None:
    text = """\
        ---
        title: "Reading queue (2024)"
        draft: true
        summary: "Papers I haven't read yet."
        ---

        - [ ] Swin Transformer: Hierarchical Vision Transformer using Shifted Windows — https://arxiv.org/abs/2103.14030
        - [ ] Emerging Properties in Self-Supervised Vision Transformers — https://arxiv.org/abs/2104.14294
        """
    assert _titles(text, "content/posts/reading-queue/index.md") == []


def test_a_citation_said_to_be_a_book_or_a_books_chapter_is_no_paper() -> None:
    text = """\
        # Week 2 notes

        ## Readings

        - Imbens, G. W., & Rubin, D. B. (2015). *Causal Inference for Statistics, Social, and Biomedical Sciences*, Chapter 5. Cambridge University Press.
        - Splawa-Neyman, J. (1990). On the application of probability theory to agricultural experiments. *Statistical Science*, 5(4), 465–472.

        ## Notes

        Cochran's *Planning and Analysis of Observational Studies* (1983) is worth a look; it's a book, so not on the list.
        """  # noqa: E501
    assert _titles(text, "week02.md") == [
        "On the application of probability theory to agricultural experiments"
    ]
