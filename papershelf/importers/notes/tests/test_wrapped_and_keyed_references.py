"""References as people type them in plain-text notes: wrapped over lines, after a key.

Emacs (Denote, org-noter), RemNote and task lists keep a paper's reference the way a
reference manager pastes it: a Vancouver or APA citation wrapped by the editor, under a
heading that is a nickname, after the citation key that names the entry. Fixtures here
are written for these tests, in the shapes of public notes collections.
"""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.notes.citations import is_wrapped, read_citation, read_title_then_journal
from papershelf.importers.notes.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingListItem
from papershelf.topics.models import Topic


def _papers(text: str, path: str = "note.md") -> list[tuple[str, int | None, str]]:
    document = parse(text, path)
    return [(e.paper.title, e.paper.year, e.paper.doi) for e in document.entries if e.paper]


def test_a_vancouver_citation_wrapped_over_three_lines_is_read_whole() -> None:
    note = (
        "---\ntitle: Pericyte loss in diabetic retina\ntags: [bib, retina]\n---\n\n"
        "Hammes HP, Lin J, Renner O, Shani M, Lundqvist A, Betsholtz C, Brownlee M,\n"
        "Deutsch U (2002). Pericytes and the pathogenesis of diabetic retinopathy.\n"
        "Diabetes 51(10):3107-3112. https://doi.org/10.2337/diabetes.51.10.3107\n\n"
        "# Notes\n\n- PDGF-B knockouts as the model\n"
    )
    assert _papers(note) == [
        (
            "Pericytes and the pathogenesis of diabetic retinopathy",
            2002,
            "10.2337/diabetes.51.10.3107",
        )
    ]


def test_lines_that_carry_on_a_list_or_a_sentence_are_one_wrapped_citation() -> None:
    assert is_wrapped(["Okafor N, Lindqvist B,", "Tanaka H (2019). A title here."])
    assert is_wrapped(["Okafor N (2019). Strain localisation in the", "lower crust. Nature 1."])
    # A title over its authors' line, then an identifier: fields set one per line.
    assert not is_wrapped(["Strain localisation in the lower crust", "Okafor et al., 2019"])
    assert not is_wrapped(["Ice stream stagnation", "van der Veen CJ, 1999", "arxiv.org/x"])


def test_a_generation_after_the_initials_stays_with_its_author() -> None:
    cited = read_citation(
        "Whitfield LA, Ortega R, Palmer JD Jr. Seasonal migration timing in boreal "
        "songbirds tracks spring green-up. Ecology 97(4):1010-1021 (2016)."
    )
    assert cited is not None
    assert cited.title == "Seasonal migration timing in boreal songbirds tracks spring green-up"
    assert cited.authors == ["LA Whitfield", "R Ortega", "JD Palmer Jr"]
    assert cited.year == 2016


def test_a_title_in_numbered_parts_keeps_its_second_part() -> None:
    cited = read_citation(
        "Halvorsen K, Mbeki T. Wave-induced sediment transport. II. Field observations on "
        "a macrotidal beach. J Coast Res. 1994;10(2):301-318."
    )
    assert cited is not None
    assert cited.title == (
        "Wave-induced sediment transport. II. Field observations on a macrotidal beach"
    )
    assert cited.venue == "J Coast Res"


def test_a_titles_second_sentence_is_no_journal_but_a_venue_sentence_is() -> None:
    long = read_citation(
        "Ferreira M, Kato Y (2001). Thymic selection of self-reactive clones. Evidence from "
        "a transgenic model of partial antigen deficiency in mice. Eur J Immunol 31:88-97."
    )
    assert long is not None
    assert long.title == (
        "Thymic selection of self-reactive clones. Evidence from a transgenic model of "
        "partial antigen deficiency in mice"
    )
    assert long.venue == "Eur J Immunol"
    venue = read_citation(
        "Sato, R. and Imai, K. (2015). Sparse coding of odour mixtures in the olfactory "
        "bulb. Advances in neural information processing systems, 28."
    )
    assert venue is not None
    assert venue.title == "Sparse coding of odour mixtures in the olfactory bulb"


def test_a_mathematicians_reference_gives_initials_title_journal_and_bracketed_year() -> None:
    cited = read_citation(
        "P. Erdős and A. Rényi, On the evolution of random graphs, Publ. Math. Inst. "
        "Hung. Acad. Sci. 5 (1960), 17–61."
    )
    assert cited is not None
    assert (cited.title, cited.authors, cited.year) == (
        "On the evolution of random graphs",
        ["P. Erdős", "A. Rényi"],
        1960,
    )
    series = read_citation(
        "J.-P. Serre, Faisceaux algébriques cohérents, Ann. of Math. (2) 61 (1955), 197–278."
    )
    assert series is not None
    assert (series.title, series.venue) == ("Faisceaux algébriques cohérents", "Ann. of Math")


def test_a_full_name_dash_title_with_journal_and_year_in_brackets_is_a_citation() -> None:
    cited = read_citation(
        "Robert MacArthur -- Population ecology of some warblers (Ecology 39, 1958, "
        "pp. 599-619). Photocopy from the library."
    )
    assert cited is not None
    assert (cited.title, cited.authors, cited.year, cited.venue) == (
        "Population ecology of some warblers",
        ["Robert MacArthur"],
        1958,
        "Ecology",
    )


def test_a_title_then_its_journal_reads_without_names_but_not_with_them() -> None:
    paper = read_title_then_journal(
        ["Wage rigidity and the cyclicality of hiring, Journal of Labor Economics 38(2): 411-449"]
    )
    assert paper is not None
    assert (paper.title, paper.venue) == (
        "Wage rigidity and the cyclicality of hiring",
        "Journal of Labor Economics",
    )
    assert read_title_then_journal(["Okafor N et al. Strain maps. Nature 41(2): 1-9"]) is None
    assert read_title_then_journal(["We met on Tuesday, Room 3 (2): 14"]) is None
    # A welcome line's meeting time is no volume and pages.
    welcome = "Biweekly methods reading group of the field team. Thursdays 12:15."
    assert read_title_then_journal([welcome]) is None


def test_a_nickname_heading_over_the_title_and_journal_names_that_paper() -> None:
    note = (
        "# Hagedorn & Manovskii 2008\n\n"
        "The Cyclical Behavior of Equilibrium Unemployment and Vacancies Revisited. "
        "AER 98(4): 1692-1706\n\n"
        "Calibrates the value of non-market activity high; volatility puzzle goes away.\n"
    )
    titles = [title for title, _, _ in _papers(note)]
    assert titles == ["The Cyclical Behavior of Equilibrium Unemployment and Vacancies Revisited"]


SECTIONED_BY_KEYS = """\
# Volcano seismology quals

## Chouet 1996 -- long-period events

[@chouet1996long]

Chouet, B. A. (1996), Long-period volcano seismicity: its source and use in eruption
forecasting, Nature, 380, 309-316, doi:10.1038/380309a0.

### fluid-filled crack model

- resonance of a crack explains the harmonic codas

## Tremor spectra (McNutt 1992)

[@mcnutt1992volcanic]
Volcanic tremor amplitude correlates with eruption explosivity. JGR 97(B11): 1-12.

### notes

- reduced displacement as a size measure
"""


def test_each_section_names_the_paper_cited_after_its_key() -> None:
    titles = {title for title, _, _ in _papers(SECTIONED_BY_KEYS, "quals.md")}
    assert titles == {
        "Long-period volcano seismicity: its source and use in eruption forecasting",
        "Volcanic tremor amplitude correlates with eruption explosivity",
    }


def test_a_line_of_who_when_and_where_under_a_titled_heading_gives_those_facts() -> None:
    document = parse(
        "# [Sticky wages and labour demand](https://www.sciencedirect.com/science/article/"
        "pii/0304393285900001)\n\nOkun et al. 1985, JME\n\nWage contracts, not prices.\n",
        "Sticky wages.md",
    )
    [paper] = [e.paper for e in document.entries if e.paper]
    assert (paper.title, paper.authors, paper.year, paper.venue) == (
        "Sticky wages and labour demand",
        ["Okun"],
        1985,
        "JME",
    )


def test_empty_headings_that_open_on_a_verb_are_to_dos_not_papers() -> None:
    inbox = (
        "---\ntitle: Inbox\n---\n\n# email Okafor about the field season\n\n"
        "# renew the library copy of Aki & Richards\n\n# Seminar notes\n\n- tremor talk\n"
    )
    assert _papers(inbox, "inbox.md") == []


def test_a_note_that_asks_for_an_errand_is_no_paper() -> None:
    assert _papers("# Buy printer paper for the lab\n\nTwo boxes, A4.\n") == []
    assert _papers("# Renew the library card\n") == []
    # A title that reads like a title is still one.
    assert _papers("# Food web complexity and species diversity\n\nPaine's starfish.\n")


def test_a_courses_slides_are_no_paper() -> None:
    note = "# ESS 412 -- week 5 slides (magma ascent)\n\n- bubble nucleation recap\n"
    assert _papers(note, "ess412-week5.md") == []


def test_a_note_on_a_textbook_edition_is_no_paper() -> None:
    note = (
        "# Ocean circulation ch 4\n\n"
        "Talley LD, Pickard GL (2011). Descriptive Physical Oceanography, 6th ed. Elsevier.\n\n"
        "- water masses by T-S diagram\n"
    )
    assert _papers(note) == []


def test_a_note_whose_lead_says_it_is_no_paper_is_none() -> None:
    note = "# Blanchard ch. 2\n\nTextbook chapters for the prelim, not a paper but required.\n"
    assert _papers(note) == []


def test_a_letter_or_a_referee_report_drafted_in_the_notes_is_no_paper() -> None:
    letter = "# Email Jonas re field trip\n\nHi Jonas,\ncan we swap Tuesday's slot?\nthanks, K\n"
    report = "# Referee report for Geology — due 3 May\n\nThe authors claim sediment pulses.\n"
    assert _papers(letter) == []
    assert _papers(report) == []


def test_a_stub_tagged_to_read_with_nothing_written_yet_is_unread() -> None:
    note = (
        "---\ntitle: Mbeki 2019\ntags: [bib, toread]\n---\n\n"
        "Mbeki T, Lund A. Sediment pulses after dam removal. Geology 2019.\n\n"
        "# read\n\n(stub made by the reference manager, nothing here yet)\n"
    )
    assert _papers(note) == []


def _import(tmp_path: Path, user: User, notes: dict[str, str]) -> None:
    for name, text in notes.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=user, fetch_metadata=False))


def _outline_paper(title: str, tags: str, doi: str) -> str:
    return (
        f"- #[[Paper]] {tags}\n- Title:: {title}\n- Year:: 2012\n- DOI:: {doi}\n"
        "- Status:: Read\n- Notes\n    - habituation paradigm, 40 infants\n"
    )


def test_an_outlines_syllabus_orders_its_papers_under_its_top_level_items(
    tmp_path: Path, alice: User
) -> None:
    _import(
        tmp_path,
        alice,
        {
            "Seminar.md": (
                "- #[[Course]] Spring term\n"
                "- Week 1 – Number\n    - [[Counting]]\n    - [[Ratios]]\n"
                "- Week 2 – Language\n    - [[Babbling]]\n"
            ),
            "Papers/Counting.md": _outline_paper(
                "Infants track small numbers of moving objects",
                "#[[number sense]]",
                "10.5555/inf.2012.1",
            ),
            "Papers/Ratios.md": _outline_paper(
                "Ratio discrimination in six-month-olds", "#[[number sense]]", "10.5555/inf.2012.2"
            ),
            "Papers/Babbling.md": _outline_paper(
                "Canonical babbling onset and later vocabulary",
                "#[[language]]",
                "10.5555/inf.2012.3",
            ),
            "Sources/Piaget.md": "- #[[Book]]\n- Piaget, J. (1952). The Origins of Intelligence.\n",
        },
    )
    items = ReadingListItem.objects.order_by("position")
    assert [i.paper.doi if i.paper else i.heading for i in items] == [
        "Week 1 – Number",
        "10.5555/inf.2012.1",
        "10.5555/inf.2012.2",
        "Week 2 – Language",
        "10.5555/inf.2012.3",
    ]
    assert not Paper.objects.filter(title__icontains="Origins of Intelligence").exists()
    assert Topic.objects.filter(name__iexact="number sense").exists()
