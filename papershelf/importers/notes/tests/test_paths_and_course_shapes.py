"""Reading paths, course notes and blog pages in the shapes people keep them (heldout27)."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.parse import parse
from papershelf.importers.notes.plaintext import read_text_posts
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList


def _titles(text: str, path: str = "note.md") -> list[str]:
    return [e.paper.title for e in parse(text, path).entries if e.paper is not None]


NOTION_ROW = """\
# Wasserstein GAN

Authors: Martin Arjovsky, Soumith Chintala, Léon Bottou
Builds on: Generative Adversarial Nets (Generative%20Adversarial%20Nets%2031e6f853cd.md)
Link: https://arxiv.org/abs/1701.07875
Section: Stage 2: GANs
Status: Not started
Type: Paper
Year: 2017

- the critic estimates the earth-mover distance
"""


def test_a_notion_rows_relation_property_is_a_field_and_its_place_on_the_path_keeps_it() -> None:
    # "Builds on: <other page> (…md)" is a relation, not the paper the page cites; a row
    # with a Section on the path is part of the plan even when not started.
    document = parse(NOTION_ROW, "Papers 9f3e/Wasserstein GAN 5330ecc4.md")
    [entry] = document.entries
    assert entry.paper is not None and entry.paper.title == "Wasserstein GAN"
    assert entry.paper.arxiv_id == "1701.07875"


def test_a_paths_parking_lot_link_citing_others_is_not_the_pages_own_paper() -> None:
    page = (
        "# Reading Path\n\nOrder matters.\n\n## Stage 1\n\n1. [VAE](Papers/vae.md)\n"
        "2. [GAN](Papers/gan.md)\n\n- Parking lot — NOT part of the path\n"
        "    - Latent diffusion, Rombach et al. 2022: "
        "[https://arxiv.org/abs/2112.10752](https://arxiv.org/abs/2112.10752)\n"
    )
    papers = [e.paper for e in parse(page, "Reading Path 1a2b.md").entries if e.paper]
    assert all(paper.arxiv_id != "2112.10752" for paper in papers)


COURSE_INFO = """\
OPT 611 — Convex Optimization — Fall 2023
==========================================

Instructor: Prof. H. Lindqvist   (office hrs Tue 2:00-3:30, Rm 4.112, or zoom — link on Canvas)
TA: Priya   (Thu 4-5pm, ML lab 2nd floor)
Lectures: MWF 10:10-11:00, Engineering Hall 106
Questions -> Ed.  HW -> Gradescope

Grading
  HW          35%
  final       25%
"""


def test_a_syllabus_block_of_logistics_is_no_citation() -> None:
    # "Instructor: …" over "TA: …" is no title over its authors.
    assert not any(t.startswith("Instructor") for t in _titles(COURSE_INFO, "00_info.txt"))


MODULE = """\
Module 2: Duality
-----------------

Lesson 5 — Lagrange duality   (Mon Sep 25, Wed Sep 27)

weak duality:  d* <= p*  always.

Readings:
  - BV 5.1-5.4
  - A. T. Benjamin, "Sensible rules for remembering duals — the S-O-B method",
    SIAM Review 37(1):85-87, 1995.   3 pages, read it!!

Lesson 6 — KKT conditions   (Mon Oct 2)

$$ \\nabla f_0(x^\\star) + \\sum_i \\lambda_i^\\star \\nabla f_i(x^\\star) = 0 $$

Readings:
  BV 5.5-5.6
"""


def test_a_readings_label_repeated_in_course_notes_is_no_separator_of_posts() -> None:
    assert read_text_posts(MODULE.split("\n"), "module2_duality.txt") is None
    titles = _titles(MODULE, "module2_duality.txt")
    assert titles == ["Sensible rules for remembering duals — the S-O-B method"]


def test_a_page_titled_as_a_to_read_pile_names_no_paper_read() -> None:
    post = (
        "# The to-read pile (winter edition)\n\nThings people told me to read.\n\n"
        "Heblich, Redding & Sturm — The Making of the Modern Metropolis: Evidence from London "
        '(QJE 2020).\n\nHall — "Pareto improvements from Lexus Lanes" (J Public Econ 2018).\n'
    )
    assert _titles(post) == []


def test_notes_on_a_chapter_named_after_its_book_name_no_paper() -> None:
    note = (
        "# Designing Data-Intensive Applications, Ch. 3: Storage and Retrieval (2017)\n\n"
        "Authors: Martin Kleppmann\n\n## Hash indexes\n\nAppend-only log.\n"
    )
    document = parse(note, "ddia-ch3.md")
    assert document.entries == []
    assert any("notes on a book" in w.message for w in document.warnings)
    # A thesis's own "Chapter 1: …" is no chapter of someone else's book.
    thesis = parse("# Chapter 1: Urban heat islands\n\nCities are warmer.\n", "ch1.md")
    assert not any("notes on a book" in w.message for w in thesis.warnings)
    to_add = parse(
        '# Papers to add to ch. 2\n\n- [ ] H. Cao et al., "Swin-Unet: Unet-like pure '
        'transformer for medical image segmentation," arXiv:2105.05537\n',
        "papers-to-add.md",
    )
    assert not any("notes on a book" in w.message for w in to_add.warnings)


def test_a_numbered_checklist_entry_is_read_as_its_citation() -> None:
    cited = read_citation(
        "1. [x] **Izhikevich EM** (2003). *Simple model of spiking neurons*. IEEE Trans Neural "
        "Netw 14(6):1569–1572. [[pdf]](https://www.izhikevich.org/publications/spikes.pdf)"
    )
    assert cited is not None and cited.title == "Simple model of spiking neurons"
    assert cited.year == 2003


def test_a_notion_path_export_is_one_reading_list_with_its_unstarted_papers(
    tmp_path: Path, alice: User
) -> None:
    folder = tmp_path / "Reading Path 1a2b7c90e4d34f6a9b18c0d2e5f7a3b1"
    rows = folder / "Papers 9f3e41c2a7b84d0e8c6f5a9b2d1e7c43"
    rows.mkdir(parents=True)
    pages = {
        "Auto-Encoding Variational Bayes 9d9cab5a8a17cfd66e0085ca1cce4416": (
            "Auto-Encoding Variational Bayes",
            "1312.6114",
            "Stage 1: VAEs",
            "Done",
        ),
        "Generative Adversarial Nets 31e6f853cd2476101a4c17fda3b994c6": (
            "Generative Adversarial Nets",
            "1406.2661",
            "Stage 2: GANs",
            "Not started",
        ),
        "Wasserstein GAN 5330ecc49eb70fe034d0f76832119796": (
            "Wasserstein GAN",
            "1701.07875",
            "Stage 2: GANs",
            "Not started",
        ),
    }
    links = {}
    for name, (title, arxiv, section, status) in pages.items():
        (rows / f"{name}.md").write_text(
            f"# {title}\n\nLink: https://arxiv.org/abs/{arxiv}\nSection: {section}\n"
            f"Status: {status}\nType: Paper\n\n- notes\n",
            encoding="utf-8",
        )
        links[title] = f"{folder.name}/{rows.name}/{name}.md".replace(" ", "%20")
    (tmp_path / f"{folder.name}.md").write_text(
        "# Reading Path\n\nVAEs, then GANs.\n\n## Stage 1: VAEs\n\n"
        f"1. [Auto-Encoding Variational Bayes]({links['Auto-Encoding Variational Bayes']})\n\n"
        "## Stage 2: GANs\n\n"
        f"1. [Generative Adversarial Nets]({links['Generative Adversarial Nets']})\n"
        f"2. [Wasserstein GAN]({links['Wasserstein GAN']})\n",
        encoding="utf-8",
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("title", flat=True)) == {
        "Auto-Encoding Variational Bayes",
        "Generative Adversarial Nets",
        "Wasserstein GAN",
    }
    reading_list = ReadingList.objects.get(title="Reading Path")
    items = reading_list.items.select_related("paper").order_by("position")
    assert [f"## {i.heading}" if i.paper is None else i.paper.title for i in items] == [
        "## Stage 1: VAEs",
        "Auto-Encoding Variational Bayes",
        "## Stage 2: GANs",
        "Generative Adversarial Nets",
        "Wasserstein GAN",
    ]


def test_course_modules_underlined_or_bold_hold_their_lessons_readings() -> None:
    underlined = (
        "CONVEX OPTIMIZATION — my notes (Fall 2023)\n\nModule 1: Convex sets\n"
        "======================\n\nLesson 2 — Convex sets   (Fri Sep 1)\n\nCones and hulls.\n\n"
        "Readings:\n  - Nesterov, Y. (1983). A method for solving the convex programming "
        "problem with convergence rate O(1/k^2). Soviet Math. Doklady 27, 372–376.\n"
    )
    [entry] = parse(underlined, "module1_sets.txt").entries
    assert entry.sections == ("Module 1: Convex sets", "Lesson 2 — Convex sets (Fri Sep 1)")
    bold = (
        "Module 4: First-order methods\nlessons 10-14, moved to Obsidian halfway\n\n"
        "**Lesson 12 — Proximal gradient** (Fri Nov 10)\n\nISTA, then FISTA.\n\n"
        "Readings:\n- Beck, A. & Teboulle, M. (2009). A fast iterative shrinkage-thresholding "
        "algorithm for linear inverse problems. SIAM J. Imaging Sci. 2(1), 183–202.\n"
    )
    [entry] = parse(bold, "module4_first_order.md").entries
    assert entry.sections == (
        "Module 4: First-order methods",
        "Lesson 12 — Proximal gradient (Fri Nov 10)",
    )


def test_a_years_reading_list_whose_lead_says_none_are_read_names_no_paper() -> None:
    post = (
        '---\ntitle: "My reading list for 2023"\ntags: [reading-list]\n---\n\n'
        "New year, new pile of PDFs. None of these have notes yet — that's the point.\n\n"
        "## LLMs × retrieval\n"
        "- [InPars: Data Augmentation for Information Retrieval using Large Language Models]"
        "(https://arxiv.org/abs/2202.05144)\n"
        "- [Promptagator: Few-shot Dense Retrieval From 8 Examples]"
        "(https://arxiv.org/abs/2209.11755)\n"
    )
    assert _titles(post, "_posts/2023-01-08-my-reading-list-for-2023.md") == []
