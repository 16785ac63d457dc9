"""Reading lists whose items carry marks, course notes that name their textbook, and
"awesome" lists mixing bullets with tables (heldout29)."""

from __future__ import annotations

from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.parse import parse


def _titles(text: str, path: str = "readings.md") -> list[str]:
    return [e.paper.title for e in parse(text, path).entries if e.paper is not None]


READINGS = """\
# Readings — Quantum Computation

✅ = done, 📖 = textbook, 🌐 = web/other

**Main textbook** 📖 Nielsen & Chuang, *Quantum Computation and Quantum Information*
(10th anniversary edition, Cambridge University Press, 2010).

### Lecture 2 — No-cloning
- W. K. Wootters & W. H. Zurek (1982). A single quantum cannot be cloned. *Nature* 299, 802–803. ✅
- 📖 N. David Mermin, *Quantum Computer Science: An Introduction*, CUP 2007
- 🌐 John Watrous, CPSC 519 lecture notes — https://cs.uwaterloo.ca/~watrous/

### Lecture 4 — Query complexity
- D. Deutsch & R. Jozsa (1992). Rapid solution of problems by quantum computation. *Proc. R. Soc. Lond. A* 439, 553–558.
- [x] 🌐 Matuschak & Nielsen, "Quantum computing for the very curious" — https://quantum.country/qcvc
"""  # noqa: E501


def test_a_reading_list_opening_with_its_textbook_is_still_the_list_of_its_papers() -> None:
    document = parse(READINGS, "readings.md")
    papers = [(e.paper.title, e.sections) for e in document.entries if e.paper is not None]
    assert papers == [
        ("A single quantum cannot be cloned", ("Lecture 2 — No-cloning",)),
        ("Rapid solution of problems by quantum computation", ("Lecture 4 — Query complexity",)),
    ]


def test_items_marked_by_the_legend_as_books_or_web_pages_are_not_papers() -> None:
    # The legend says what 🌐 means; 📖 is a book's mark wherever it stands.
    assert not any("Watrous" in t or "curious" in t or "Mermin" in t for t in _titles(READINGS))


def test_a_book_named_by_its_publisher_without_parentheses_is_no_paper() -> None:
    assert read_citation("Mermin, N. D. (2007). *Quantum Computer Science*, CUP 2007") is None
    assert read_citation(
        "Nielsen, M. & Chuang, I. *Quantum Computation and Quantum Information* "
        "(10th anniversary edition, Cambridge University Press, 2010)."
    ) is None  # fmt: skip


LECTURES = """\
# PHYS 4810 — Intro to Quantum Computation — Fall 2024

my notes. Prof. Halvorsen, TTh 11:40.

- Textbook: Nielsen & Chuang, *Quantum Computation and Quantum Information*, 10th ed.
- Grading: problem sets 40%

## Lecture 6 — QFT and phase estimation

The QFT maps $|j\\rangle$ to $\\frac{1}{\\sqrt N}\\sum_k e^{2\\pi i jk/N}|k\\rangle$.

**Lecture 7 — Shor's algorithm**

Reading: Shor, *Polynomial-Time Algorithms for Prime Factorization and Discrete Logarithms on a Quantum Computer*, SIAM J. Comput. 26(5):1484–1509 (1997), [arXiv:quant-ph/9508027](https://arxiv.org/abs/quant-ph/9508027)

## Lecture 8 — Grover search

Reading: L. K. Grover (1996). A fast quantum mechanical algorithm for database search. *Proc. 28th STOC*, 212–219.

Then Steane (1996) found a 7-qubit code using the classical [7,4] Hamming code twice (CSS construction).
"""  # noqa: E501


def test_course_notes_naming_their_textbook_are_read_as_lectures_not_skipped_as_a_book() -> None:
    document = parse(LECTURES, "notes.md")
    papers = {e.paper.title: e.sections for e in document.entries if e.paper is not None}
    shor = (
        "Polynomial-Time Algorithms for Prime Factorization and Discrete Logarithms on a "
        "Quantum Computer"
    )
    # the bold "Lecture 7" is a sibling of the "## Lecture" headings, not their parent
    assert papers[shor] == ("Lecture 7 — Shor's algorithm",)
    assert papers["A fast quantum mechanical algorithm for database search"] == (
        "Lecture 8 — Grover search",
    )


def test_a_sentence_saying_what_someone_did_in_a_year_is_no_citation() -> None:
    assert read_citation("Then Steane (1996) found a 7-qubit code using the classical [7,4] "
                         "Hamming code twice (CSS construction).") is None  # fmt: skip
    assert _titles(LECTURES, "notes.md").count("found a 7-qubit code") == 0


AWESOME = """\
<div align="center">

# Awesome GNN Reading List [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

[![PRs Welcome](https://img.shields.io/badge/PRs-welcome-brightgreen.svg)](http://makeapullrequest.com)
[![License: CC0-1.0](https://img.shields.io/badge/License-CC0_1.0-lightgrey.svg)](http://creativecommons.org/publicdomain/zero/1.0/)

</div>

## 1. Surveys

- **Deep Graph Infomax** - *Petar Veličković, William Fedus, William L. Hamilton, R Devon Hjelm*, ICLR 2019. [[paper](https://arxiv.org/abs/1809.10341)]
  - negatives from a corrupted feature matrix

## 2. 🧱 Foundations

### 2.2 Spectral Methods

| Title | Venue | Year | Paper | Code |
|:------|:-----:|:----:|:-----:|:----:|
| **Semi-Supervised Classification with Graph Convolutional Networks** (GCN) ⭐<br><sub>Thomas N. Kipf, Max Welling</sub> | ICLR | 2017 | [[paper]](https://arxiv.org/abs/1609.02907) | — |
| **Graph Attention Networks** (GAT)<br><sub>Petar Veličković, Yoshua Bengio</sub> | ICLR | 2018 | [[paper]](https://arxiv.org/abs/1710.10903) | — |

## 3. 🧠 Expressive Power

- **How Powerful are Graph Neural Networks?** ⭐ - *Keyulu Xu, Weihua Hu, Jure Leskovec, Stefanie Jegelka*, ICLR 2019. [[paper](https://arxiv.org/abs/1810.00826)]
"""  # noqa: E501


def test_an_awesome_list_gives_the_papers_of_its_bullets_and_of_its_tables_in_order() -> None:
    document = parse(AWESOME, "README.md")
    papers = [e.paper for e in document.entries if e.paper is not None]
    assert [p.title for p in papers] == [
        "Deep Graph Infomax",  # a short bold title over its authors in italics
        "Semi-Supervised Classification with Graph Convolutional Networks",  # no "(GCN) ⭐"
        "Graph Attention Networks",
        "How Powerful are Graph Neural Networks?",
    ]
    assert papers[0].authors[:2] == ["Petar Veličković", "William Fedus"]
    assert papers[1].arxiv_id == "1609.02907"


def test_a_numbered_category_names_its_topic_without_its_number() -> None:
    listed = (
        "# Awesome GNNs\n\n### 1.1 General Surveys & Position Papers\n\n"
        "- **Relational inductive biases, deep learning, and graph networks** - *Peter W. "
        "Battaglia, Jessica B. Hamrick*, arXiv 2018. [[paper](https://arxiv.org/abs/1806.01261)]\n"
    )
    assert [t.name for t in parse(listed, "README.md").topics] == [
        "General Surveys & Position Papers"
    ]
