"""A bibliography beside notes that cite it: the papers are the ones the notes cite."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers import registry
from papershelf.importers.notes.background import (
    drop_uncited_background,
    keys_cited_in,
    pair_by_author_year,
)
from papershelf.importers.notes.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

REFS = """\
@article{neal2011,
  title = {MCMC Using Hamiltonian Dynamics},
  author = {Neal, Radford M.},
  journal = {Handbook of Markov Chain Monte Carlo},
  year = {2011},
}
@article{hoffman2014,
  title = {The No-U-Turn Sampler: Adaptively Setting Path Lengths in Hamiltonian Monte Carlo},
  author = {Hoffman, Matthew D. and Gelman, Andrew},
  journal = {Journal of Machine Learning Research},
  year = {2014},
}
@book{gelman2013,
  title = {Bayesian Data Analysis},
  author = {Gelman, Andrew and Carlin, John B.},
  year = {2013},
  publisher = {CRC Press},
}
@article{tierney1994,
  title = {Markov Chains for Exploring Posterior Distributions},
  author = {Tierney, Luke},
  journal = {The Annals of Statistics},
  year = {1994},
}
"""

NOTES = """\
---
title: "3. Hamiltonian Monte Carlo"
output: html_document
bibliography: refs.bib
---

```{r setup, include=FALSE}
library(rstan)
```

## MCMC Using Hamiltonian Dynamics

Neal (2011). The leapfrog integrator, explained slowly [@neal2011]. Tierney
[-@tierney1994] is cited everywhere but I have not read it.

## The No-U-Turn Sampler: Adaptively Setting Path Lengths in Hamiltonian Monte Carlo

Hoffman and Gelman (2014). @hoffman2014 drop the path length: the trajectory doubles
until it turns back.
"""


def test_notes_citing_a_bibliography_keep_only_the_entries_they_cite(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    (tmp_path / "03-hmc.Rmd").write_text(NOTES, encoding="utf-8")
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    titles = set(Paper.objects.values_list("title", flat=True))
    assert "MCMC Using Hamiltonian Dynamics" in titles
    assert any(title.startswith("The No-U-Turn Sampler") for title in titles)
    assert "Bayesian Data Analysis" not in titles  # never cited: background
    assert "Markov Chains for Exploring Posterior Distributions" not in titles  # "not read"
    assert any("left out 2 entries that no note cites" in w.message for w in report.warnings)


def test_a_bibliography_no_note_cites_is_imported_whole(tmp_path: Path, alice: User) -> None:
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    (tmp_path / "todo.md").write_text("# Things to do\n\n- renew the library card\n")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert Paper.objects.count() == 4


def test_citations_count_from_every_file_even_one_that_names_no_paper(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    (tmp_path / "03-hmc.Rmd").write_text(NOTES, encoding="utf-8")
    # Lecture notes that name no paper of their own, citing one entry in passing.
    (tmp_path / "intro.md").write_text(
        "# Lecture 1\n\n## Why chains\n\nErgodicity as @tierney1994 proves it.\n"
        "\n## Homework\n\nRead chapter 5.\n",
        encoding="utf-8",
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    titles = set(Paper.objects.values_list("title", flat=True))
    assert "Markov Chains for Exploring Posterior Distributions" in titles
    assert "Bayesian Data Analysis" not in titles


def test_keys_are_read_in_pandoc_latex_and_typst_and_never_from_a_not_read_sentence() -> None:
    text = (
        r"See \citep[p. 3]{knuth1984, lamport1994} and @hoffman2014, #cite(<lee2012>). "
        "Tierney [@tierney1994] is cited by everyone but not read. "
    )
    assert keys_cited_in(text, "notes") == {"knuth1984", "lamport1994", "hoffman2014", "lee2012"}
    assert keys_cited_in("@article{knuth1984,\n}", "bibtex") == set()


def test_a_rendered_reference_list_keeps_what_the_chapters_cite_by_author_and_year() -> None:
    chapter = (
        "# Two dimensions\n\n## Kane–Mele II\n\nKane and Mele (2005a) – the Z2 index survives.\n\n"
        "## BHZ\n\nHgTe wells (Bernevig, Hughes, and Zhang 2006).\n\n**To read**\n\n"
        "* Qi and Zhang (2011), the other review – on the list\n"
    )
    references = (
        "# References\n\n"
        "* Bernevig, B. Andrei, Taylor L. Hughes, and Shou-Cheng Zhang. 2006. “Quantum Spin "
        "Hall Effect and Topological Phase Transition in HgTe Quantum Wells.” *Science* 314 "
        "(5806): 1757–61.\n"
        "* Kane, C. L., and E. J. Mele. 2005a. “$Z_2$ Topological Order and the Quantum Spin "
        "Hall Effect.” *Physical Review Letters* 95 (14): 146802.\n"
        "* ———. 2005b. “Quantum Spin Hall Effect in Graphene.” *Physical Review Letters* 95 "
        "(22): 226801.\n"
        "* Qi, Xiao-Liang, and Shou-Cheng Zhang. 2011. “Topological Insulators and "
        "Superconductors.” *Reviews of Modern Physics* 83 (4): 1057–1110.\n"
    )
    documents = [parse(chapter, "03 Two dimensions.md"), parse(references, "07 References.md")]
    cited = keys_cited_in(chapter, "notes") | keys_cited_in(references, "notes")
    drop_uncited_background(documents, cited)
    kept = [entry.paper.title for entry in documents[1].entries if entry.paper]
    assert kept == [
        "Quantum Spin Hall Effect and Topological Phase Transition in HgTe Quantum Wells",
        "$Z_2$ Topological Order and the Quantum Spin Hall Effect",
        "Quantum Spin Hall Effect in Graphene",
    ]
    assert "qi 2011" in documents[1].warnings[-1].message


def test_books_in_a_bibliography_beside_notes_are_left_out_with_a_warning(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "library.bib").write_text(
        "@book{kahneman2011, title = {Thinking, Fast and Slow}, author = {Kahneman, Daniel},"
        " year = {2011}}\n"
        "@article{kt1979, title = {Prospect Theory: An Analysis of Decision under Risk},"
        " author = {Kahneman, Daniel and Tversky, Amos}, journal = {Econometrica},"
        " year = {1979}}\n",
        encoding="utf-8",
    )
    (tmp_path / "week1.md").write_text(
        "# Reference dependence\n\nTversky & Kahneman (1991). Loss Aversion in Riskless "
        "Choice: A Reference-Dependent Model. *QJE* 106(4), 1039–1061.\n\nLoss aversion.\n",
        encoding="utf-8",
    )
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    titles = set(Paper.objects.values_list("title", flat=True))
    assert "Prospect Theory: An Analysis of Decision under Risk" in titles
    assert "Thinking, Fast and Slow" not in titles
    assert any("left out 1 book beside the notes" in w.message for w in report.warnings)


def test_a_section_named_by_a_nickname_is_the_reference_it_cites_by_author_and_year() -> None:
    chapter = (
        "# Two dimensions\n\n## BHZ\n\nHgTe quantum wells (Bernevig, Hughes, and Zhang 2006): "
        "band inversion above a critical thickness.\n\n"
        "## Attention Is All You Need\n\nBuilds on Bahdanau et al. (2014) for alignment.\n\n"
        "## Deep Residual Learning for Image Recognition\n\nShortcuts.\n"
    )
    references = (
        "# References\n\n"
        "* Bahdanau, Dzmitry, Kyunghyun Cho, and Yoshua Bengio. 2014. “Neural Machine "
        "Translation by Jointly Learning to Align and Translate.” arXiv.\n"
        "* Bernevig, B. Andrei, Taylor L. Hughes, and Shou-Cheng Zhang. 2006. “Quantum Spin "
        "Hall Effect and Topological Phase Transition in HgTe Quantum Wells.” *Science* 314 "
        "(5806): 1757–61.\n"
    )
    documents = [parse(chapter, "03 Two dimensions.md"), parse(references, "07 References.md")]
    pair_by_author_year(documents)
    titles = [entry.paper.title for entry in documents[0].entries if entry.paper]
    assert titles == [
        "Quantum Spin Hall Effect and Topological Phase Transition in HgTe Quantum Wells",
        "Attention Is All You Need",  # a title of its own stays
        "Deep Residual Learning for Image Recognition",
    ]


SCHOLAR_LIBRARY = """\
@article{nye1953flow,
  title={The flow law of ice from measurements in glacier tunnels},
  author={Nye, John F},
  journal={Proceedings of the Royal Society of London},
  year={1953}
}
@article{glen1955creep,
  title={The creep of polycrystalline ice},
  author={Glen, John W},
  journal={Proceedings of the Royal Society of London},
  year={1955}
}
@article{weertman1957sliding,
  title={On the sliding of glaciers},
  author={Weertman, Johannes},
  journal={Journal of Glaciology},
  year={1957}
}
"""

NOTES_BY_WHO_AND_WHEN = """\
# Ice flow, reading notes

**Nye (1953)** — borehole tilting, stress from tunnel closure; n ≈ 3 fits.

**Glen (1955)** — lab creep tests: strain rate ∝ stress^n, n ≈ 3.2 at −1.5 °C.

**Weertman (1957)** — regelation plus enhanced creep around bumps, sliding ∝ τ^((n+1)/2).
"""


def test_notes_led_by_who_and_when_of_a_library_beside_them_are_notes_on_its_entries() -> None:
    documents = [
        parse(NOTES_BY_WHO_AND_WHEN, "reading-notes.md"),
        registry.detect(Path("citations.bib"), SCHOLAR_LIBRARY).parse(SCHOLAR_LIBRARY, "c.bib"),
    ]
    pair_by_author_year(documents)
    assert [entry.paper.title for entry in documents[0].entries if entry.paper] == [
        "The flow law of ice from measurements in glacier tunnels",
        "The creep of polycrystalline ice",
        "On the sliding of glaciers",
    ]


def _ris(title: str, doi: str, year: int) -> str:
    return f"TY  - JOUR\nAU  - Author, Some\nTI  - {title}\nPY  - {year}\nDO  - {doi}\nER  - \n"


LIBRARY_TITLES = [
    ("Ecosystem Consequences of Bird Declines", "10.1073/pnas.0408049101", 2004),
    ("Has the Earth's sixth mass extinction already arrived?", "10.1038/nature09678", 2011),
    ("Biodiversity loss and its impact on humanity", "10.1038/nature11148", 2012),
    ("Global Consequences of Land Use", "10.1126/science.1111772", 2005),
    ("Defaunation in the Anthropocene", "10.1126/science.1251817", 2014),
]


def test_a_library_exported_whole_beside_notes_on_some_of_it_keeps_those_papers(
    tmp_path: Path, alice: User
) -> None:
    # A reference manager's library of a shared collection and its annotations export:
    # one "## <title>" block per annotated paper (one named by DOI alone).
    (tmp_path / "library.ris").write_text("".join(_ris(*row) for row in LIBRARY_TITLES))
    (tmp_path / "annotations.md").write_text(
        "# Annotations\n\n"
        "## Ecosystem Consequences of Bird Declines\n\n### Notes\n\nFunctional loss first.\n\n"
        "## Biodiversity loss and its impact on humanity\n\n### Notes\n\nDiversity → function.\n\n"
        "## Defaunation\n\nDOI: 10.1126/science.1251817\n\n### Notes\n\nInvertebrates too.\n"
    )
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.1073/pnas.0408049101",
        "10.1038/nature11148",
        "10.1126/science.1251817",
    }
    assert any("left out 2 entries that no note is about" in str(w) for w in report.warnings)


def test_a_library_whose_notes_name_fewer_than_three_of_it_stays_whole(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "library.ris").write_text("".join(_ris(*row) for row in LIBRARY_TITLES))
    (tmp_path / "one note.md").write_text(
        "# Ecosystem Consequences of Bird Declines\n\nDOI: 10.1073/pnas.0408049101\n\n"
        "Functional loss precedes extinction.\n"
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert Paper.objects.count() == 5


def test_notes_on_a_few_papers_of_a_big_library_leave_it_whole(tmp_path: Path, alice: User) -> None:
    # A field exam's reading list with notes on three of its nine papers: the list is
    # the collection, not the background of the notes.
    more = [
        (f"Reading list paper number {n} on choice", f"10.1000/list.{n}", 2000) for n in range(4)
    ]
    (tmp_path / "library.ris").write_text("".join(_ris(*r) for r in LIBRARY_TITLES + more))
    (tmp_path / "notes.md").write_text(
        "## Ecosystem Consequences of Bird Declines\n\nDOI: 10.1073/pnas.0408049101\n\n"
        "Functional loss first.\n\n## Biodiversity loss and its impact on humanity\n\n"
        "DOI: 10.1038/nature11148\n\nDiversity → function.\n\n## Defaunation in the "
        "Anthropocene\n\nDOI: 10.1126/science.1251817\n\nInvertebrates too.\n"
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert Paper.objects.count() == 9
