"""Shapes of posts and course notes: a course's week files as sections, a reference set
as a short list or a quote, book chapters and code snippets among papers, a page whose
summary says it is not read."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from papershelf.accounts.models import User
from papershelf.importers.notes.lists import read_reading_list
from papershelf.importers.notes.parse import parse
from papershelf.importers.notes.source import read_source, split_lines
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
    paper = document.entries[0].paper
    assert paper is not None and paper.arxiv_id == "1706.08566"


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


def test_dataview_fields_over_the_heading_are_the_notes_front_matter() -> None:
    text = """\
        up:: [[Labour MOC]]
        **Type**:: paper
        **Authors**:: [[Joshua Angrist]], [[Alan Krueger]]
        **Year**:: 1991
        **Status**:: read

        # Does Compulsory School Attendance Affect Schooling and Earnings?

        Quarter of birth as an instrument: $\\hat\\beta_{IV}$ close to OLS.
        """
    document = parse(dedent(text), "Sources/Angrist & Krueger 1991.md")
    paper = document.entries[0].paper
    assert paper is not None and paper.year == 1991
    assert paper.title == "Does Compulsory School Attendance Affect Schooling and Earnings?"


def test_a_session_page_with_two_paper_boxes_names_both_papers() -> None:
    text = """\
        ---
        title: "Mar 6 · two classics"
        ---

        # A double bill

        !!! abstract "Paper 1"
            MacArthur, R. H. & Levins, R. (1967). The limiting similarity, convergence,
            and divergence of coexisting species. *The American Naturalist* 101: 377–385.

        !!! abstract "Paper 2"
            Tilman, D. (1994). Competition and biodiversity in spatially structured
            habitats. *Ecology* 75(1): 2–16.

        We argued about resource ratios for an hour.
        """
    assert _titles(text, "docs/sessions/2024-03-06.md") == [
        "The limiting similarity, convergence, and divergence of coexisting species",
        "Competition and biodiversity in spatially structured habitats",
    ]


def test_a_roadmaps_tables_without_outer_pipes_and_unticked_rows_are_its_path() -> None:
    text = """\
        # ASR reading path

        ## 1. Foundations

        | Year | Paper | Venue | Read |
        |---|---|---|---|
        | 1989 | [A tutorial on hidden Markov models and selected applications in speech recognition](https://doi.org/10.1109/5.18626)<br>*Rabiner* | Proc. IEEE | ✅ |
        | 2009 | [Speech and Language Processing, ch. 9](https://example.org/slp) | book | ✅ |

        ## 2. End to end

        Year | Paper | Venue | Read
        ---- | ----- | ----- | ----
        2014 | [Towards End-To-End Speech Recognition with Recurrent Neural Networks](https://proceedings.mlr.press/v32/graves14.html)<br>*Graves, Jaitly* | ICML | ⬜
        """  # noqa: E501
    document = parse(dedent(text), "README.md")
    papers = [e.paper for e in document.entries if e.paper]
    assert [(p.title, p.authors[:1]) for p in papers] == [
        (
            "A tutorial on hidden Markov models and selected applications in speech recognition",
            ["Rabiner"],
        ),
        ("Towards End-To-End Speech Recognition with Recurrent Neural Networks", ["Graves"]),
    ]


def test_a_parking_lot_of_papers_for_later_is_not_imported() -> None:
    text = """\
        # Diffusion path

        1. [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239)
        2. [Score-Based Generative Modeling through Stochastic Differential Equations](https://arxiv.org/abs/2011.13456)

        - 🅿️ Parking lot — maybe later, not part of the path
            - [Flow Matching for Generative Modeling](https://arxiv.org/abs/2210.02747)
            - [Consistency Models](https://arxiv.org/abs/2303.01469)
        """
    assert _titles(text, "path.md") == [
        "Denoising Diffusion Probabilistic Models",
        "Score-Based Generative Modeling through Stochastic Differential Equations",
    ]


def test_a_text_note_opening_on_names_and_a_quoted_title_takes_the_quoted_title() -> None:
    text = (
        'Noyori, Ohkuma, Kitamura - "Asymmetric hydrogenation of beta-keto carboxylic esters. '
        'A practical, purely chemical access to beta-hydroxy esters in high enantiomeric excess"\n'
        "J. Am. Chem. Soc. 1987, 109, 5856-5858\n\nRu-BINAP, the classic.\n"
    )
    document = parse(text, "Noyori hydrogenation.txt")
    paper = document.entries[0].paper
    assert paper is not None and paper.authors[0] == "Noyori" and paper.year == 1987
    assert paper.title.startswith("Asymmetric hydrogenation of beta-keto carboxylic esters")


def test_notes_on_a_textbooks_chapter_name_no_paper() -> None:
    text = (
        "Anslyn, Dougherty - Modern Physical Organic Chemistry 1st ed.\n"
        "Ch. 8  Acid-base chemistry\n\n"
        "pKa table worth memorising:\n  H2O 15.7\n  DMSO 35\n"
    )
    assert parse(text, "anslyn ch8.txt").entries == []


def test_a_schedules_short_title_is_the_same_paper_as_the_sessions_full_one(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "schedule.md").write_text(
        "# Schedule\n\n| Date | Reading |\n|---|---|\n"
        "| Oct 2 | Tilman et al. (1996) *Productivity and sustainability influenced by "
        "biodiversity in grassland ecosystems* |\n| Oct 16 | Loreau et al. (2001) "
        "*Biodiversity and ecosystem functioning: current knowledge and future challenges* |\n"
    )
    (tmp_path / "2024-10-02.md").write_text(
        "# Oct 2\n\nTilman, D., Wedin, D. & Knops, J. (1996). Productivity and sustainability "
        "influenced by biodiversity in grassland ecosystems: evidence from Minnesota. "
        "*Nature* 379: 718–720.\n\nWe plotted the yield curves again.\n"
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert Paper.objects.filter(title__startswith="Productivity and sustainability").count() == 1
    assert Paper.objects.filter(title__startswith="Biodiversity and ecosystem").exists()


def test_an_awesome_readme_is_the_list_of_its_papers() -> None:
    text = """\
        # Awesome Protein Design [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

        If you use this list, cite [our survey](https://arxiv.org/abs/2301.00001).

        ## Papers

        - **[Highly accurate protein structure prediction with AlphaFold](https://doi.org/10.1038/s41586-021-03819-2)** — *Nature 2021*
        - **[Robust deep learning-based protein sequence design using ProteinMPNN](https://doi.org/10.1126/science.add2187)** — *Science 2022*
        - **[De novo design of protein structure and function with RFdiffusion](https://doi.org/10.1038/s41586-023-06415-8)** — *Nature 2023*
        """  # noqa: E501
    assert _titles(text, "README.md") == [
        "Highly accurate protein structure prediction with AlphaFold",
        "Robust deep learning-based protein sequence design using ProteinMPNN",
        "De novo design of protein structure and function with RFdiffusion",
    ]


def test_posts_that_label_their_papers_name_them_and_the_others_name_none() -> None:
    text = """\
        # [Reading group is back](https://example.org/2024/04/02/back/)

        Thursdays at 4pm, room 117. Bring snacks.

        # [Two trade papers](https://example.org/2024/03/21/trade/)

        **Paper 1:** Autor, David H., David Dorn, and Gordon H. Hanson (2013). “The China Syndrome: Local Labor Market Effects of Import Competition in the United States.” *American Economic Review* 103(6): 2121–2168.

        **Paper 2:** Pierce, Justin R. and Peter K. Schott (2016). “The Surprisingly Swift Decline of US Manufacturing Employment.” *American Economic Review* 106(7): 1632–1662.

        # [Card & Krueger at thirty](https://example.org/2024/02/29/card-krueger/)

        **Paper:** Card, David and Alan B. Krueger (1994). “Minimum Wages and Employment: A Case Study of the Fast-Food Industry in New Jersey and Pennsylvania.” *American Economic Review* 84(4): 772–793.
        """  # noqa: E501
    assert _titles(text, "Marginal Notes.md") == [
        "The China Syndrome: Local Labor Market Effects of Import Competition in the United States",
        "The Surprisingly Swift Decline of US Manufacturing Employment",
        "Minimum Wages and Employment: A Case Study of the Fast-Food Industry in New Jersey "
        "and Pennsylvania",
    ]


def test_rows_pasted_tab_separated_are_a_table_of_papers() -> None:
    text = (
        "# Tracker\n\n"
        "Name\tAuthors\tYear\tLink\n"
        "Do As I Can, Not As I Say: Grounding Language in Robotic Affordances\tAhn et al."
        "\t2022\thttps://arxiv.org/abs/2204.01691\n"
        "RT-2: Vision-Language-Action Models Transfer Web Knowledge to Robotic Control\t"
        "Brohan et al.\t2023\thttps://arxiv.org/abs/2307.15818\n"
    )
    assert _titles(text, "tracker.md") == [
        "Do As I Can, Not As I Say: Grounding Language in Robotic Affordances",
        "RT-2: Vision-Language-Action Models Transfer Web Knowledge to Robotic Control",
    ]


def test_identifier_items_under_a_citation_are_its_identifiers() -> None:
    text = """\
        ## Reading

        - **Clowe, D., Bradač, M., & Gonzalez, A. H.** (2006). *A Direct Empirical Proof of the Existence of Dark Matter.* The Astrophysical Journal, 648(2), L109–L113.
        - doi: [10.1086/508162](https://doi.org/10.1086/508162)
        - arXiv: [astro-ph/0608407](https://arxiv.org/abs/astro-ph/0608407)
        """  # noqa: E501
    lines = split_lines(dedent(text))
    layout = read_reading_list(read_source(lines, "post.md", 0), "", prose_headings=False)
    assert layout is not None
    papers = [part.paper for part in layout.parts if part.paper]
    assert [p.title for p in papers] == ["A Direct Empirical Proof of the Existence of Dark Matter"]
    assert papers[0].doi == "10.1086/508162" and papers[0].arxiv_id == "astro-ph/0608407"


def test_a_line_that_puts_what_follows_off_keeps_it_out() -> None:
    text = """\
        # Path

        ## Stage 1

        Past, Present, and Future of Simultaneous Localization and Mapping: Toward the Robust-Perception Age
        Cadena, Carlone, Carrillo, Latif, Scaramuzza, Neira, Reid, Leonard · IEEE T-RO 2016 · arXiv 1606.05830
        The "do robots need SLAM?" section is worth arguing about.

        🅿️ Parking lot — maybe later, not part of the path yet

        Open X-Embodiment: Robotic Learning Datasets and RT-X Models — arXiv 2310.08864
        """  # noqa: E501
    assert _titles(text, "path.md") == [
        "Past, Present, and Future of Simultaneous Localization and Mapping: Toward the "
        "Robust-Perception Age"
    ]
