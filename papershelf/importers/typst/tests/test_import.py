"""Typst projects imported end to end: notes, lecture notes and a thesis, each with the
bibliography its citations point into."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.records import ParseError
from papershelf.importers.registry import detect
from papershelf.importers.services import ImportOptions, ImportReport, import_paths
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary

REFS_BIB = """\
@article{kojima2009,
  title = {Organometal Halide Perovskites as Visible-Light Sensitizers for Photovoltaic Cells},
  author = {Kojima, Akihiro and Teshima, Kenjiro and Shirai, Yasuo and Miyasaka, Tsutomu},
  journal = {Journal of the American Chemical Society}, year = {2009}, doi = {10.1021/ja809598r}
}
@article{lee2012,
  title = {Efficient Hybrid Solar Cells Based on Meso-Superstructured Organometal Halide
           Perovskites},
  author = {Lee, Michael M. and Teuscher, Jo{\\"e}l and Snaith, Henry J.},
  journal = {Science}, year = {2012}, doi = {10.1126/science.1228604}
}
@article{stranks2013,
  title = {Electron-Hole Diffusion Lengths Exceeding 1 Micrometer in an Organometal Trihalide
           Perovskite Absorber},
  author = {Stranks, Samuel D. and Eperon, Giles E.},
  journal = {Science}, year = {2013}, doi = {10.1126/science.1243982}
}
"""

# A thesis as Typst templates lay one out: main.typ sets up the template and includes
# the chapters, which cite keys of refs.bib in their prose.
THESIS_MAIN = """\
#import "template.typ": thesis
#show: thesis.with(
  title: [Charge Transport in Halide Perovskite Solar Cells],
  author: "Alex Green",
  supervisor: "Prof. H. Snaith",
  date: datetime(year: 2024, month: 9, day: 30),
)

#include "chapters/01-introduction.typ"
#include "chapters/02-background.typ"

#bibliography("refs.bib", style: "ieee")
"""
THESIS_TEMPLATE = """\
#let thesis(title: none, author: none, supervisor: none, date: none, body) = {
  set document(title: title, author: author)
  set page(numbering: "1", margin: 2.5cm)
  align(center)[#text(20pt, title) \\ #author]
  pagebreak()
  body
}
"""
INTRODUCTION = """\
= Introduction <ch:intro>

Halide perovskites went from 3.8% @kojima2009 to over 20% in a decade @lee2012.
This thesis asks why charge carriers travel so far in them (see @sec:transport).
"""
BACKGROUND = """\
= Background <ch:background>

== Device architectures

The first cells used a liquid electrolyte @kojima2009; the meso-superstructured cell
@lee2012 replaced the mesoporous titania by an insulating alumina scaffold.

#figure(
  table(
    columns: 3,
    table.header[Year][Architecture][PCE],
    [2009], [dye-sensitised], [3.8%],
    [2012], [meso-superstructured], [10.9%],
  ),
  caption: [Milestones],
) <tab:milestones>

== Charge transport <sec:transport>

Diffusion lengths exceed $1 mu"m"$ @stranks2013, and the mobility is
$ mu = (e tau) / m^* $
"""

# Reading notes whose sections name their papers by citation keys into refs.yml.
STABILITY = """\
#import "@preview/note-me:0.3.0": *
#set page(numbering: "1")

= Perovskite stability — reading notes

Papers for the group meeting on degradation.

== Moisture @niu2015

Water intercalates and forms a monohydrate first; the dihydrate decomposes to PbI#sub[2].
- humidity above 50% is fatal

== Kim 2016 (thermal) @kim2016

Heating at 85 °C in the dark still degrades MAPbI#sub[3]: loss of methylamine.

== Eames et al. — vacancies

Iodide vacancies hop with a barrier of 0.6 eV; the numbers are in @eames2015.

== Ion migration

Two papers disagree here: @eames2015 vs @meloni2016.

#bibliography("refs.yml")
"""
REFS_YML = """\
niu2015:
  type: article
  title: Review of recent progress in chemical stability of perovskite solar cells
  author: ["Niu, Guangda", "Guo, Xudong", "Wang, Liduo"]
  date: 2015
  serial-number: {doi: 10.1039/C4TA04994B}
  parent: {type: periodical, title: Journal of Materials Chemistry A}
kim2016:
  type: article
  title: Thermal degradation of CH3NH3PbI3 perovskite into NH3 and CH3I gases
  author: Kim, Byeong-Cheol
  date: 2016-02
  doi: 10.1016/j.tca.2015.12.016
eames2015:
  type: article
  title: Ionic transport in hybrid lead iodide perovskite solar cells
  author: ["Eames, Christopher", "Islam, M. Saiful"]
  date: 2015
  serial-number: {doi: 10.1038/ncomms8497}
  parent: {type: periodical, title: Nature Communications}
nrel:
  type: Web
  title: Best Research-Cell Efficiency Chart
  url: https://www.nrel.gov/pv/cell-efficiency.html
"""

# A paper-notes template: one function per paper, its facts as named arguments.
PAPER_TEMPLATE = """\
#let paper(title: none, authors: (), year: none, venue: none, doi: none, arxiv: none,
  key: none, body) = block(stroke: 0.5pt, inset: 8pt)[
  *#title* \\ #authors.join(", ") (#year) #h(1fr) _#venue _
  #body
]
"""
PAPER_NOTES = """\
#import "template.typ": paper

= Transformers

#paper(
  title: [Attention Is All You Need],
  authors: ("Ashish Vaswani", "Noam Shazeer", "Niki Parmar"),
  year: 2017,
  venue: "NeurIPS",
  arxiv: "1706.03762",
)[
  Replaces recurrence with self-attention:
  $ "Attention"(Q, K, V) = "softmax"((Q K^T) / sqrt(d_k)) V $
]

#paper(title: [The meso-superstructured cell], key: <lee2012>)[
  Alumina scaffold, *10.9%*.
]
"""

# Lecture notes: sections of a course, math, a paper discussed in one of them.
LECTURE = """\
#import "@preview/dvdtyp:1.0.1": *
#show: dvdtyp.with(title: "Deep Reinforcement Learning", author: "Yu Chen")
#let recap(title: none, body) = block(fill: luma(240), inset: 8pt)[*#title* #body]

= Imitation learning

Fit $pi_theta (a_t | o_t)$ to demonstrations; with error rate $epsilon$ the cost
grows as $O(epsilon T^2)$. DAgger (Ross et al.) asks the expert again.

#recap(title: [Why it fails])[
  - distribution shift: $p_"train" (o_t) != p_(pi_theta) (o_t)$
]

= Policy gradients

$ nabla_theta J(theta) approx 1/N sum_(i=1)^N nabla_theta log pi_theta (a_i | s_i) $
"""
LECTURE_READING = """\
= Further reading

#paper(
  title: "Trust Region Policy Optimization",
  authors: "Schulman, Levine, Moritz, Jordan, Abbeel",
  year: 2015,
  arxiv: "1502.05477",
)[
  Constrain the step: $D_"KL"(pi_"old" || pi) <= delta$.
]
"""


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _import(root: Path, user: User) -> ImportReport:
    return import_paths([root], ImportOptions(user=user, fetch_metadata=False))


def _outcomes(report: ImportReport) -> dict[str, str]:
    return {outcome.name: outcome.status for outcome in report.files}


def test_a_thesis_imports_its_bibliography_and_no_paper_from_its_chapters(
    tmp_path: Path, alice: User
) -> None:
    _write(
        tmp_path,
        {
            "main.typ": THESIS_MAIN,
            "template.typ": THESIS_TEMPLATE,
            "chapters/01-introduction.typ": INTRODUCTION,
            "chapters/02-background.typ": BACKGROUND,
            "refs.bib": REFS_BIB,
            "figures/jv.png": "not really a picture",
        },
    )
    report = _import(tmp_path, alice)

    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.1021/ja809598r",
        "10.1126/science.1228604",
        "10.1126/science.1243982",
    }
    assert _outcomes(report) == {
        "chapters/01-introduction.typ": "skipped",
        "chapters/02-background.typ": "skipped",
        "main.typ": "skipped",
        "refs.bib": "imported",
        "template.typ": "skipped",
    }


def test_sections_that_cite_a_key_become_the_notes_on_that_bibliography_entry(
    tmp_path: Path, alice: User
) -> None:
    _write(
        tmp_path,
        {
            "stability.typ": STABILITY,
            "refs.yml": REFS_YML,
            "config.yml": "site_name: lab notes\ntheme:\n  name: material\n",
        },
    )
    report = _import(tmp_path, alice)

    titles = set(Paper.objects.values_list("title", flat=True))
    assert titles == {
        "Review of recent progress in chemical stability of perovskite solar cells",
        "Thermal degradation of CH3NH3PbI3 perovskite into NH3 and CH3I gases",
        "Ionic transport in hybrid lead iodide perovskite solar cells",
    }
    notes = {s.paper.title.split()[0]: s.body for s in Summary.objects.select_related("paper")}
    assert set(notes) == {"Review", "Thermal", "Ionic"}
    # "Eames et al." names the author of the one key its section cites.
    assert notes["Ionic"].startswith("Iodide vacancies hop")
    assert notes["Review"].startswith("Water intercalates and forms a monohydrate first")
    assert "loss of methylamine" in notes["Thermal"]
    assert _outcomes(report)["config.yml"] == "skipped"
    assert "refs.yml:21: 'nrel' is a web page, not a paper: skipped" in map(str, report.warnings)


def test_a_cited_key_no_bibliography_has_is_reported_and_names_no_paper(
    tmp_path: Path, alice: User
) -> None:
    notes = "= Notes\n\n== Moisture @niu2015\n\nWater first.\n\n== Heat @kim2016\n\nThen heat.\n"
    _write(tmp_path, {"stability.typ": notes, "other.typ": "= Other\n\nNo papers.\n"})
    report = _import(tmp_path, alice)

    assert not Paper.objects.exists()
    messages = [str(warning) for warning in report.warnings]
    assert "stability.typ:3: cites niu2015, which no bibliography of this import has" in messages


def test_a_paper_notes_template_gives_each_paper_its_facts_and_notes(
    tmp_path: Path, alice: User
) -> None:
    _write(
        tmp_path,
        {"reading.typ": PAPER_NOTES, "template.typ": PAPER_TEMPLATE, "refs.bib": REFS_BIB},
    )
    _import(tmp_path, alice)

    attention = Paper.objects.get(arxiv_id="1706.03762")
    assert attention.title == "Attention Is All You Need"
    assert attention.year == 2017
    summary = attention.summaries.get().body
    assert "$$\n\\text{Attention} (Q, K, V) = \\text{softmax} (\\frac{Q K^{T}}" in summary
    # "key: <lee2012>" names the bibliography's entry, whatever the note calls it.
    lee = Paper.objects.get(doi="10.1126/science.1228604")
    assert lee.title.startswith("Efficient Hybrid Solar Cells")
    assert lee.summaries.get().body.endswith("Alumina scaffold, **10.9%**.")


def test_lecture_notes_name_only_the_paper_they_give_facts_of(tmp_path: Path, alice: User) -> None:
    _write(tmp_path, {"lectures/01-imitation.typ": LECTURE, "reading.typ": LECTURE_READING})
    report = _import(tmp_path, alice)

    trpo = Paper.objects.get()
    assert (trpo.title, trpo.arxiv_id, trpo.year) == (
        "Trust Region Policy Optimization",
        "1502.05477",
        2015,
    )
    assert "$D_{\\text{KL}} (\\pi_{\\text{old}} \\Vert \\pi) \\le \\delta$" in (
        trpo.summaries.get().body
    )
    assert _outcomes(report)["lectures/01-imitation.typ"] == "skipped"


def test_a_typ_file_named_alone_that_names_no_paper_says_why(tmp_path: Path, alice: User) -> None:
    _write(tmp_path, {"01-imitation.typ": LECTURE})
    with pytest.raises(ParseError, match="found no papers in this typst document"):
        import_paths([tmp_path / "01-imitation.typ"], ImportOptions(user=alice))


def test_typ_and_hayagriva_files_are_detected_by_suffix_and_shape() -> None:
    assert detect(Path("notes.typ"), STABILITY).name == "typst"
    assert detect(Path("refs.yml"), REFS_YML).name == "hayagriva"
    assert detect(Path("config.yaml"), "site_name: x\n").name != "hayagriva"
