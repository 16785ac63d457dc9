"""Skim's "Notes as Text" exports, and reading lists ticked as they are read."""

from __future__ import annotations

from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.parse import parse

SKIM = """\
* Highlight, page 1
Synaptic Plasticity: Multiple Forms, Functions, and Mechanisms

* Text Note, page 1
Citri & Malenka 2008, Neuropsychopharmacology review. doi:10.1038/sj.npp.1301559

* Circle, page 3

* Highlight, page 4
long-term potentiation (LTP) is the most exten-
sively studied form of synaptic plasticity

* Anchored Note, page 4
compare with the Bliss & Lomo 1973 original (not read)
"""


def test_a_skim_export_is_the_notes_on_the_paper_its_first_page_names() -> None:
    [entry] = parse(SKIM, "Skim notes/npp2007150a.txt").entries
    assert entry.paper is not None
    assert entry.paper.title == "Synaptic Plasticity: Multiple Forms, Functions, and Mechanisms"
    assert entry.paper.doi == "10.1038/sj.npp.1301559"
    assert entry.summary is not None
    body = entry.summary.markdown
    # Highlights are quotes, the PDF's line-end hyphen joined; shapes leave nothing.
    assert "> long-term potentiation (LTP) is the most extensively studied" in body
    assert "Circle" not in body and "* Text Note" not in body


def test_a_first_page_highlight_that_is_a_sentence_is_no_title() -> None:
    notes = (
        "* Highlight, page 2\nneurons that fire together wire together\n\n"
        "* Text Note, page 2\nbook chapter, for the intro lecture\n"
    )
    assert not parse(notes, "Skim notes/hebb_ch4.txt").entries


def test_a_list_ticked_as_read_keeps_its_unticked_items_as_the_plan() -> None:
    checklist = (
        "# Prelim reading\n\n## Plasticity\n"
        "- [x] Bliss & Lomo 1973 — Long-lasting potentiation of synaptic transmission in the "
        "dentate area of the anaesthetized rabbit (J Physiol 232)\n"
        "- [ ] Hebb 1949 — The Organization of Behavior: A Neuropsychological Theory (Wiley)\n"
        "- [x] Malenka & Bear 2004 — LTP and LTD: An Embarrassment of Riches (Neuron 44)\n"
    )
    titles = [e.paper.title for e in parse(checklist, "prelim.md").entries if e.paper]
    # A reading list holds what is still to read: the unticked item stays in it.
    assert titles == [
        "Long-lasting potentiation of synaptic transmission in the dentate area of the "
        "anaesthetized rabbit",
        "The Organization of Behavior: A Neuropsychological Theory",
        "LTP and LTD: An Embarrassment of Riches",
    ]


def test_who_when_and_where_then_the_title_as_a_sentence_or_after_a_dash() -> None:
    sentence = read_citation(
        "Turrigiano et al. 1998, Nature 391: 892–896. Activity-dependent scaling of quantal "
        "amplitude in neocortical neurons. doi:10.1038/36103"
    )
    assert sentence is not None
    assert (
        sentence.title == "Activity-dependent scaling of quantal amplitude in neocortical neurons"
    )
    assert (sentence.year, sentence.venue, sentence.doi) == (1998, "Nature", "10.1038/36103")
    dashed = read_citation(
        "Abraham & Bear 1996 Trends Neurosci 19: 126–130 — Metaplasticity: the plasticity of "
        "synaptic plasticity"
    )
    assert dashed is not None and dashed.title.startswith("Metaplasticity: the plasticity")
    assert read_citation("Smith et al. 2019, Nature 12: 3–4. We show that it works.") is None
