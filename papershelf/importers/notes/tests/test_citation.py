"""Splitting a bookmark's "Title, Organisation(s), Venue Year" link text."""

from __future__ import annotations

import pytest

from papershelf.importers.notes.citation import split_citation
from papershelf.importers.notes.citations import (
    is_citation_remnant,
    read_citation,
    read_identified_line,
    read_names_then_title,
    read_title_over_authors,
    read_untitled_reference,
    says_not_read,
)


def test_it_splits_title_organisations_and_venue() -> None:
    citation = split_citation("MLP-Mixer: An all-MLP Architecture for Vision, Google, NeurIPS 2021")
    assert citation.title == "MLP-Mixer: An all-MLP Architecture for Vision"
    assert citation.organisations == ["Google"]
    assert (citation.venue, citation.year) == ("NeurIPS", 2021)


def test_a_comma_inside_the_title_stays_in_the_title() -> None:
    citation = split_citation("Reduced, Reused and Recycled: The Life of a Dataset, Google, 2021")
    assert citation.title == "Reduced, Reused and Recycled: The Life of a Dataset"
    assert citation.organisations == ["Google"]


def test_and_and_ampersand_separate_organisations() -> None:
    citation = split_citation("Some Title of a Paper, Google and UC Berkeley & MIT")
    assert citation.organisations == ["Google", "UC Berkeley", "MIT"]
    assert citation.venue == "" and citation.year is None


def test_a_lone_year_is_a_year_without_venue_and_dots_are_no_organisation() -> None:
    citation = split_citation("Dynamic Grained Encoder for Vision Transformers, ..., 2021 ")
    assert (citation.organisations, citation.venue, citation.year) == ([], "", 2021)


def test_annotations_in_parentheses_stay_in_the_title() -> None:
    citation = split_citation("Language Models are Few-Shot Learners (GPT-3, 175B), OpenAI")
    assert citation.title == "Language Models are Few-Shot Learners (GPT-3, 175B)"
    assert citation.organisations == ["OpenAI"]


def test_initials_and_surnames_are_authors() -> None:
    citation = split_citation("A Paper Title, D. Bahdanau, K. Cho, Y. Bengio")
    assert citation.authors == ["D. Bahdanau", "K. Cho", "Y. Bengio"]
    assert citation.organisations == []


def test_a_quoted_title_after_authors_and_a_year_in_parentheses_is_a_citation() -> None:
    paper = read_citation(
        "Roth, Sant'Anna, Bilinski and Poe (2023), \"What's trending in "
        'difference-in-differences?" — a good place to start.'
    )
    assert paper is not None
    assert paper.title == "What's trending in difference-in-differences?"
    assert paper.authors == ["Roth", "Sant'Anna", "Bilinski", "Poe"]
    assert (paper.year, paper.venue) == (2023, "")


def test_a_bold_linked_title_keeps_its_words_and_its_link_apart() -> None:
    paper = read_citation(
        "**[Difference-in-differences with variation in treatment timing]"
        "(https://www.nber.org/papers/w25018)** — Andrew Goodman-Bacon (2021). "
        "[doi](https://doi.org/10.1016/j.jeconom.2021.03.014)"
    )
    assert paper is not None
    assert paper.title == "Difference-in-differences with variation in treatment timing"
    assert paper.doi == "10.1016/j.jeconom.2021.03.014"


def test_a_line_with_an_identifier_gives_it_and_the_part_that_reads_like_a_title() -> None:
    lines = {
        "Schulman, Levine, Moritz — Trust Region Policy Optimization (ICML 2015) "
        "[arxiv](https://arxiv.org/abs/1502.05477)": (
            "Trust Region Policy Optimization",
            "1502.05477",
        ),
        "Asynchronous Methods for Deep Reinforcement Learning, Mnih et al., ICML 2016. "
        "arXiv 1602.01783": ("Asynchronous Methods for Deep Reinforcement Learning", "1602.01783"),
        "Haarnoja et al. 2018, Soft Actor-Critic: Off-Policy Maximum Entropy Deep "
        "Reinforcement Learning with a Stochastic Actor. arxiv.org/pdf/1801.01290.pdf": (
            "Soft Actor-Critic: Off-Policy Maximum Entropy Deep Reinforcement Learning "
            "with a Stochastic Actor",
            "1801.01290",
        ),
        # Authors and a venue only: the heading above must name it.
        "Mnih, Kavukcuoglu, Silver. NIPS Deep Learning Workshop 2013. arXiv:1312.5602": (
            "",
            "1312.5602",
        ),
        "Hessel et al., AAAI 2018 — 1710.02298": ("", "1710.02298"),
    }
    for line, (title, arxiv_id) in lines.items():
        paper = read_identified_line(line)
        assert paper is not None, line
        assert (paper.title, paper.arxiv_id) == (title, arxiv_id), line


def test_a_line_without_an_identifier_is_not_an_identified_line() -> None:
    assert read_identified_line("Mnih et al. 2015, a great read") is None


def test_an_awesome_list_entry_is_the_paper_after_its_bold_nickname() -> None:
    linked = read_citation(
        "- **GVP** — [Learning from Protein Structure with Geometric Vector Perceptrons]"
        "(https://arxiv.org/abs/2009.01411) (Jing et al., ICLR 2021)"
    )
    plain = read_citation(
        "- **ESM-1b** — Biological structure and function emerge from scaling unsupervised "
        "learning to 250 million protein sequences. Rives et al., *PNAS* 2021."
    )
    assert linked is not None and linked.title.startswith("Learning from Protein Structure")
    assert (linked.arxiv_id, linked.year, linked.authors) == ("2009.01411", 2021, ["Jing"])
    assert plain is not None and plain.title.startswith("Biological structure and function")
    titled = read_citation(
        "- **Reformer: The Efficient Transformer** - Nikita Kitaev, Anselm Levskaya. ICLR 2020"
    )
    assert titled is not None and titled.title == "Reformer: The Efficient Transformer"


def test_a_vancouver_reference_gives_title_authors_journal_and_year() -> None:
    paper = read_citation(
        "1. Bray NL, Pimentel H, Melsted P, Pachter L. Near-optimal probabilistic RNA-seq "
        "quantification. *Nat Biotechnol.* 2016;34(5):525–527. doi:10.1038/nbt.3519"
    )
    assert paper is not None
    assert paper.title == "Near-optimal probabilistic RNA-seq quantification"
    assert (paper.authors[0], paper.year, paper.venue) == ("NL Bray", 2016, "Nat Biotechnol")
    assert paper.doi == "10.1038/nbt.3519"


@pytest.mark.parametrize(
    ("text", "title", "authors", "year", "venue"),
    [
        (
            "Damas & Milner, Principal type-schemes for functional programs (POPL '82)",
            "Principal type-schemes for functional programs",
            ["Damas", "Milner"],
            1982,
            "POPL",
        ),
        (
            "*The essence of functional programming* — Wadler, POPL '92",
            "The essence of functional programming",
            ["Wadler"],
            1992,
            "POPL",
        ),
        (
            "Featherweight Java (Igarashi, Pierce, Wadler — TOPLAS 2001)",
            "Featherweight Java",
            ["Igarashi", "Pierce", "Wadler"],
            2001,
            "TOPLAS",
        ),
        (
            "Leslie Lamport. Paxos Made Simple. *ACM SIGACT News* 32(4):51–58, December 2001.",
            "Paxos Made Simple",
            ["Leslie Lamport"],
            2001,
            "ACM SIGACT News",
        ),
        (
            "Wright and Felleisen. A Syntactic Approach to Type Soundness. *Information and "
            "Computation* 115(1), 1994.",
            "A Syntactic Approach to Type Soundness",
            ["Wright", "Felleisen"],
            1994,
            "Information and Computation",
        ),
        (
            "**Wadler, P. (1989).** *Theorems for free!* In FPCA '89, pp. 347–359.",
            "Theorems for free!",
            ["P Wadler"],
            1989,
            None,
        ),
        (
            "Hori, Y.; Kikuchi, K.; Suzuki, S. Production of CO and CH4 in Electrochemical "
            "Reduction of CO2 at Metal Electrodes. *Chem. Lett.* **1985**, *14*, 1695–1698.",
            "Production of CO and CH4 in Electrochemical Reduction of CO2 at Metal Electrodes",
            ["Y. Hori", "K. Kikuchi", "S. Suzuki"],
            1985,
            "Chem. Lett",
        ),
        (
            "Sterne JAC et al. RoB 2: a revised tool for assessing risk of bias in randomised "
            "trials. BMJ 2019;366:l4898",
            "RoB 2: a revised tool for assessing risk of bias in randomised trials",
            ["JAC Sterne"],
            2019,
            "BMJ",
        ),
        (
            "2. **Seurat v3** — Stuart T, Butler A, et al. *Comprehensive Integration of "
            "Single-Cell Data*. Cell 2019;177(7):1888–1902.e21.",
            "Comprehensive Integration of Single-Cell Data",
            ["T Stuart", "A Butler"],
            2019,
            "Cell",
        ),
        (
            "**sctransform** — Hafemeister C, Satija R (2019) Normalization and variance "
            "stabilization of single-cell RNA-seq data. Genome Biol 20:296.",
            "Normalization and variance stabilization of single-cell RNA-seq data",
            ["C Hafemeister", "R Satija"],
            2019,
            "Genome Biol",
        ),
        (
            "*An Assessment of Earth's Climate Sensitivity Using Multiple Lines of Evidence* — "
            "Sherwood, Webb, Annan, Zelinka. Rev. Geophys. 2020. doi:10.1029/2019RG000678",
            "An Assessment of Earth's Climate Sensitivity Using Multiple Lines of Evidence",
            ["Sherwood", "Webb", "Annan", "Zelinka"],
            2020,
            "Rev. Geophys",
        ),
        (
            "Hausfather et al., *Climate simulations: recognize the 'hot model' problem*, "
            "Nature 605, 26–29 (2022)",
            "Climate simulations: recognize the 'hot model' problem",
            ["Hausfather"],
            2022,
            "Nature",
        ),
        (
            "**Freeman et al. (2014) PNAS** Active learning increases student performance in "
            "science, engineering, and mathematics",
            "Active learning increases student performance in science, engineering, and "
            "mathematics",
            ["Freeman"],
            2014,
            "PNAS",
        ),
        (
            "**Karpicke & Blunt 2011, Science** — Retrieval Practice Produces More Learning "
            "than Elaborative Studying with Concept Mapping",
            "Retrieval Practice Produces More Learning than Elaborative Studying with Concept "
            "Mapping",
            ["Karpicke", "Blunt"],
            2011,
            "Science",
        ),
        (
            "Horton, R. E. (1933). The role of infiltration in the hydrologic cycle. Trans. "
            "AGU 14, 446–460",
            "The role of infiltration in the hydrologic cycle",
            ["R. E Horton"],
            1933,
            "Trans. AGU",
        ),
        (
            "Fazel, Ge, Kakade & Mesbahi (ICML 2018) Global Convergence of Policy Gradient "
            "Methods for the Linear Quadratic Regulator",
            "Global Convergence of Policy Gradient Methods for the Linear Quadratic Regulator",
            ["Fazel", "Ge", "Kakade", "Mesbahi"],
            2018,
            "ICML",
        ),
        (
            "1. Levine, Finn, Darrell, Abbeel. End-to-End Training of Deep Visuomotor Policies. "
            "JMLR 2016. https://arxiv.org/abs/1504.00702",
            "End-to-End Training of Deep Visuomotor Policies",
            ["Levine", "Finn", "Darrell", "Abbeel"],
            2016,
            "JMLR",
        ),
    ],
)
def test_informal_and_styled_references_give_title_authors_year_and_venue(
    text: str, title: str, authors: list[str], year: int, venue: str | None
) -> None:
    paper = read_citation(text)
    assert paper is not None
    assert (paper.title, paper.authors, paper.year) == (title, authors, year)
    if venue is not None:
        assert paper.venue == venue


def test_prose_naming_people_and_a_venue_is_no_informal_reference() -> None:
    assert read_citation("We met Damas and talked about it, see the POPL 2008 notes") is None


def test_prose_before_an_emphasised_phrase_is_no_author_list() -> None:
    line = "Curvature in years 20–150 → *pattern effect*. See the 2020 assessment."
    assert read_citation(line) is None


def test_a_title_line_over_its_authors_and_venue_is_one_paper() -> None:
    paper = read_title_over_authors(
        [
            "Deep learning to represent subgrid processes in climate models",
            "Rasp, Pritchard, Gentine — PNAS 2018 — arXiv:1806.04731",
        ]
    )
    assert paper is not None
    assert paper.title == "Deep learning to represent subgrid processes in climate models"
    assert (paper.authors, paper.year, paper.venue) == (
        ["Rasp", "Pritchard", "Gentine"],
        2018,
        "PNAS",
    )
    assert paper.arxiv_id == "1806.04731"


def test_two_lines_of_prose_are_no_title_over_authors() -> None:
    lines = ["Some thoughts on what I read today in the library", "Then I went home and slept."]
    assert read_title_over_authors(lines) is None


def test_an_identified_line_drops_the_venue_and_year_after_its_title() -> None:
    paper = read_identified_line(
        "for legged specifically: Lee et al., Learning quadrupedal locomotion over "
        "challenging terrain, Science Robotics 2020 https://doi.org/10.1126/scirobotics.abc5986"
    )
    assert paper is not None
    assert paper.title == "Learning quadrupedal locomotion over challenging terrain"
    assert paper.doi == "10.1126/scirobotics.abc5986"


@pytest.mark.parametrize(
    ("line", "title", "first_author", "year"),
    [
        (
            "Duflo, Kremer & Robinson – *Nudging Farmers to Use Fertilizer: Theory and "
            "Experimental Evidence from Kenya* (2011). Read for the commitment device.",
            "Nudging Farmers to Use Fertilizer: Theory and Experimental Evidence from Kenya",
            "Duflo",
            2011,
        ),
        (
            "Attanasio, Augsburg, De Haas & Harmgart – The Impacts of Microfinance: Evidence "
            "from Joint-Liability Lending in Mongolia (2015)",
            "The Impacts of Microfinance: Evidence from Joint-Liability Lending in Mongolia",
            "Attanasio",
            2015,
        ),
        (
            "Sequence level training with recurrent neural networks — Marc'Aurelio Ranzato, "
            "Sumit Chopra, Michael Auli, Wojciech Zaremba. ICLR 2016.",
            "Sequence level training with recurrent neural networks",
            "Marc'Aurelio Ranzato",
            2016,
        ),
        (
            "The RECOVERY Collaborative Group. Dexamethasone in Hospitalized Patients with "
            "Covid-19. N Engl J Med 2021;384:693-704.",
            "Dexamethasone in Hospitalized Patients with Covid-19",
            "The RECOVERY Collaborative Group",
            2021,
        ),
        (
            "Scandinavian Simvastatin Survival Study Group. *Randomised trial of cholesterol "
            "lowering in 4444 patients with coronary heart disease.* Lancet 1994;344:1383-9.",
            "Randomised trial of cholesterol lowering in 4444 patients with coronary heart disease",
            "Scandinavian Simvastatin Survival Study Group",
            1994,
        ),
        (
            "Pfeffer MA, Claggett B, Assmann SF, et al. Regional Variation in Patients and "
            "Outcomes in the Treatment of Preserved Cardiac Function Heart Failure (TOPCAT) "
            "Trial. Circulation 2015;131:34-42.",
            "Regional Variation in Patients and Outcomes in the Treatment of Preserved Cardiac "
            "Function Heart Failure (TOPCAT) Trial",
            "MA Pfeffer",
            2015,
        ),
        (
            'Subhash Khot. "On the power of unique 2-prover 1-round games." In *STOC \'02*, '
            "767–775.",
            "On the power of unique 2-prover 1-round games",
            "Subhash Khot",
            2002,
        ),
        (
            "**Evaluating the usability of web pages** – Jakob Nielsen, Communications of the "
            "ACM 41(4), 1998.",
            "Evaluating the usability of web pages",
            "Jakob Nielsen",
            1998,
        ),
        (
            "Kim, H.-S.; Park, N.-G. _Parameters affecting I–V hysteresis of perovskite solar "
            "cells._ J. Phys. Chem. Lett. 2014, 5, 2927–2934.",
            "Parameters affecting I–V hysteresis of perovskite solar cells",
            "H.-S. Kim",
            2014,
        ),
    ],
    ids=[
        "names dash title (year)",
        "names with a particle",
        "title dash full names",
        "a trial group",
        "a study group, title in italics",
        "Vancouver with et al and a comma-rich title",
        "venue with a two-digit year",
        "bold title then names, venue",
        "ACS with the title's full stop inside its italics",
    ],
)
def test_citations_in_the_styles_of_econ_medicine_theory_and_chemistry_notes(
    line: str, title: str, first_author: str, year: int
) -> None:
    paper = read_citation(line)
    assert paper is not None
    assert (paper.title, paper.authors[0], paper.year) == (title, first_author, year)


def test_a_later_sentence_saying_something_else_was_not_read_keeps_the_citation() -> None:
    line = (
        'Green, Ho-Baillie & Snaith, "The emergence of perovskite solar cells", Nature '
        "Photonics 8 (2014) 506–514 — <https://doi.org/10.1038/nphoton.2014.134>. Good "
        "overview; the JPCL perspective it cites is one I haven't read."
    )
    paper = read_citation(line)
    assert paper is not None and paper.doi == "10.1038/nphoton.2014.134"
    unread = line.replace(" — <https", " — not read yet, <https")
    assert read_citation(unread) is None


def test_a_title_over_names_and_venue_after_a_comma_is_one_paper() -> None:
    lines = [
        "wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations",
        "Alexei Baevski et al., NeurIPS 2020",
        "arxiv.org/abs/2006.11477",
    ]
    paper = read_title_over_authors(lines)
    assert paper is not None
    assert (paper.authors, paper.year, paper.venue) == (["Alexei Baevski"], 2020, "NeurIPS")
    assert paper.arxiv_id == "2006.11477"


@pytest.mark.parametrize(
    ("line", "title", "first_author"),
    [
        (
            "Gao, Ma, Lin, Callan — 'Precise Zero-Shot Dense Retrieval without Relevance "
            "Labels' (ACL 2023), arxiv 2212.10496",
            "Precise Zero-Shot Dense Retrieval without Relevance Labels",
            "Gao",
        ),
        (
            "Khandelwal et al. ICLR 2020 ‘Generalization through Memorization: Nearest "
            "Neighbor Language Models’",
            "Generalization through Memorization: Nearest Neighbor Language Models",
            "Khandelwal",
        ),
        (
            "> Hagger, M. S., Chatzisarantis, N. L. D., et al. (2016). A Multilab Preregistered "
            "Replication of the Ego-Depletion Effect. *Perspectives on Psychological Science*, "
            "11(4), 546–573. doi:10.1177/1745691616652873",
            "A Multilab Preregistered Replication of the Ego-Depletion Effect",
            "M. S. Hagger",
        ),
        (
            "Klein, Vianello, Hasselman, … Nosek (2018). Many Labs 2: Investigating Variation "
            "in Replicability Across Samples and Settings. AMPPS 1(4), 443–490.",
            "Many Labs 2: Investigating Variation in Replicability Across Samples and Settings",
            "Klein",
        ),
        (
            "Camerer et al. (2018) – *Evaluating the replicability of social science "
            "experiments in Nature and Science between 2010 and 2015* Nature Human Behaviour "
            "2, 637–644",
            "Evaluating the replicability of social science experiments in Nature and Science "
            "between 2010 and 2015",
            "Camerer",
        ),
    ],
    ids=["single quotes", "curly single quotes", "quoted APA", "elided names", "APA dash italic"],
)
def test_single_quoted_titles_quoted_references_and_elided_author_lists(
    line: str, title: str, first_author: str
) -> None:
    paper = read_citation(line)
    assert paper is not None
    assert (paper.title, paper.authors[0]) == (title, first_author)


@pytest.mark.parametrize(
    "line",
    [
        "Simmons, Nelson & Simonsohn · *Psychological Science* 22(11), 1359–1366 (2011)",
        "Open Science Collaboration (2015). *Science*, 349(6251), aac4716.",
        "Benjamin, D. J., Berger, J. O., … Johnson, V. E. (2018) *Nature Human Behaviour*, 2, 6–10",
        "Don't read anything into it, it's 'just' a rumour",
        "*Nature Biotechnology* **volume 34**, pages 184–191 (2016)",  # a journal's own line
    ],
)
def test_a_journal_with_its_volume_or_an_apostrophe_is_never_a_title(line: str) -> None:
    assert read_citation(line) is None


def test_notes_after_an_identified_line_never_give_its_title() -> None:
    line = (
        "1. **BEIR** (Thakur et al., NeurIPS 2021) – [paper](https://arxiv.org/abs/2104.08663)."
        " 18 datasets, zero-shot. BM25 is a very strong baseline; dense retrievers trained on"
        " MS MARCO lose out of domain."
    )
    paper = read_identified_line(line)
    assert paper is not None and paper.arxiv_id == "2104.08663"
    assert paper.title != "18 datasets, zero-shot"


def test_references_in_a_reading_groups_table_cells() -> None:
    moggi = read_citation(
        "Moggi, Notions of computation and monads. Inf. & Comp. 93(1), 1991. "
        "doi:10.1016/0890-5401(91)90052-4"
    )
    assert moggi is not None
    assert (moggi.title, moggi.authors, moggi.year) == (
        "Notions of computation and monads",
        ["Moggi"],
        1991,
    )
    assert moggi.doi == "10.1016/0890-5401(91)90052-4"
    milner = read_citation(
        "Milner 1978 — A Theory of Type Polymorphism in Programming. "
        "doi:10.1016/0022-0000(78)90014-4"
    )
    assert milner is not None and milner.title == "A Theory of Type Polymorphism in Programming"
    assert read_citation("Smith, this was a fun read. We met in 2019 to discuss it") is None
    named = read_names_then_title(
        "Dunfield & Krishnaswami, Complete and Easy Bidirectional "
        "Typechecking for Higher-Rank Polymorphism (arXiv:1306.6032)"
    )
    assert named is not None and named.authors == ["Dunfield", "Krishnaswami"]
    assert named.arxiv_id == "1306.6032"
    assert read_names_then_title("Deep Learning, a review of the field") is None


def test_chicago_author_date_entries_give_every_author_and_the_year() -> None:
    paper = read_citation(
        "* Fu, Liang, C. L. Kane, and E. J. Mele. 2007. “Topological Insulators in Three "
        "Dimensions.” *Physical Review Letters* 98 (10): 106803. "
        "<https://doi.org/10.1103/PhysRevLett.98.106803>."
    )
    assert paper is not None
    assert (paper.title, paper.year) == ("Topological Insulators in Three Dimensions", 2007)
    assert paper.authors == ["Liang Fu", "C. L. Kane", "E. J. Mele"]
    assert paper.doi == "10.1103/physrevlett.98.106803"
    kitaev = read_citation(
        "Kitaev, Alexei. 2009. “Periodic Table for Topological Insulators and "
        "Superconductors.” In *AIP Conference Proceedings*, 1134:22–30."
    )
    assert kitaev is not None and kitaev.authors == ["Alexei Kitaev"]


def test_a_nickname_with_its_citation_in_brackets_before_a_quoted_title() -> None:
    paper = read_citation(
        "The ambiguity paper (Piantadosi, Tily & Gibson, Cognition 2012) “The communicative "
        "function of ambiguity in language”"
    )
    assert paper is not None
    assert (paper.title, paper.authors, paper.year, paper.venue) == (
        "The communicative function of ambiguity in language",
        ["Piantadosi", "Tily", "Gibson"],
        2012,
        "Cognition",
    )
    assert read_citation('We liked it (Smith, 2019) "but not much"') is None
    lillicrap = read_citation(
        "Lillicrap, Santoro, Marris, Akerman & Hinton 2020, Backpropagation and the brain. "
        "Nat Rev Neurosci 21:335–346"
    )
    assert lillicrap is not None and lillicrap.title == "Backpropagation and the brain"
    assert read_citation("Kasting, Whitmire & Reynolds 1993 (Icarus 101) Habitable Zones") is None


def test_a_title_line_is_never_the_journal_under_a_line_of_names_and_year() -> None:
    lines = [
        "Silberzahn, Uhlmann, Martin, Anselmi, Aust, … Nosek (2018)",
        "*Advances in Methods and Practices in Psychological Science* 1(3), 337–356",
    ]
    assert read_title_over_authors(lines) is None
    untitled = read_untitled_reference(" ".join(lines))
    assert untitled is not None and untitled.title == ""
    assert (untitled.authors[-1], untitled.year) == ("Nosek", 2018)
    assert untitled.venue == "Advances in Methods and Practices in Psychological Science"


def test_a_bold_label_before_a_citation_is_no_title() -> None:
    assert read_citation("**Background reading:** Furukawa et al. *Science* 2013") is None


def test_et_al_set_in_italics_is_part_of_the_names() -> None:
    paper = read_citation(
        "Yaghi, O. M. *et al.* Reticular synthesis and the design of new materials. "
        "*Nature* **423**, 705–714 (2003)."
    )
    assert paper is not None
    assert paper.title == "Reticular synthesis and the design of new materials"


def test_a_venue_and_year_written_as_a_links_text_are_read_as_text() -> None:
    paper = read_citation(
        'Preskill — "Quantum Computing in the NISQ era and beyond" — '
        "[Quantum 2, 79 (2018)](https://quantum-journal.org/papers/q-2018-08-06-79/)"
    )
    assert paper is not None
    assert (paper.title, paper.year) == ("Quantum Computing in the NISQ era and beyond", 2018)


def test_a_vancouver_reference_without_its_title_gives_no_title_but_its_facts() -> None:
    line = (
        "Kohanski MA, Dwyer DJ, Hayete B, Lawrence CA, Collins JJ. Cell 2007;130(5):797–810. "
        "doi:10.1016/j.cell.2007.06.049 — JC 14 Feb (Aisha)"
    )
    assert read_citation(line) is None
    untitled = read_untitled_reference(line)
    assert untitled is not None and (untitled.year, untitled.authors[0]) == (2007, "MA Kohanski")


def test_hyphenated_initials_are_vancouver_names() -> None:
    paper = read_citation(
        "Liu Y-Y, Wang Y, Walsh TR, et al. Emergence of plasmid-mediated colistin resistance "
        "mechanism MCR-1 in animals and human beings in China. Lancet Infect Dis 2016; 16: 161–68."
    )
    assert paper is not None and paper.title.startswith("Emergence of plasmid-mediated")
    assert paper.authors[0] == "Y-Y Liu"


@pytest.mark.parametrize(
    "remnant",
    ["Nature 477, 457–461", "Cell 2007;130(5):797–810", "Wong F, Zheng EJ, et al. Nature"],
)
def test_a_journals_volume_or_a_run_of_names_is_no_title(remnant: str) -> None:
    assert is_citation_remnant(remnant)
    assert not is_citation_remnant("Antibiotic resistance is ancient")


def test_a_bold_title_with_a_species_in_italics_then_its_authors_is_a_citation() -> None:
    paper = read_citation(
        "**Clock Mutants of *Drosophila melanogaster***. Ronald J. Konopka and Seymour "
        "Benzer. PNAS 68(9): 2112–2116, 1971. https://www.pnas.org/doi/10.1073/pnas.68.9.2112"
    )
    assert paper is not None
    assert (paper.title, paper.year) == ("Clock Mutants of Drosophila melanogaster", 1971)
    assert paper.doi == "10.1073/pnas.68.9.2112"


def test_a_label_and_a_number_are_no_citation() -> None:
    from papershelf.importers.notes.citations import read_citation

    assert read_citation("PMID: [30664697](https://pubmed.ncbi.nlm.nih.gov/30664697/)") is None


def test_family_names_then_the_title_then_the_journal_volume_and_year() -> None:
    dashed = read_citation(
        "Ladefoged, Maddieson & Jackson — Investigating phonation types in different "
        "languages, Vocal Physiology 7 (1988) 297–317. Notes on creaky voice."
    )
    assert dashed is not None
    assert (dashed.title, dashed.year, dashed.venue) == (
        "Investigating phonation types in different languages",
        1988,
        "Vocal Physiology",
    )
    assert dashed.authors == ["Ladefoged", "Maddieson", "Jackson"]
    comma = read_citation(
        "Goldsmith & Laks, Generative phonology: its origins, its principles, and its "
        "successors. Cambridge History of Linguistics 1 (2019) 1–59."
    )
    assert comma is not None and comma.title.startswith("Generative phonology: its origins")


def test_family_names_then_a_title_then_its_own_link_name_the_paper() -> None:
    cited = read_citation(
        "Pierrehumbert et al., Exemplar dynamics: Word frequency, lenition and contrast — "
        "https://doi.org/10.1075/tsl.45.08pie"
    )
    assert cited is not None
    assert cited.title == "Exemplar dynamics: Word frequency, lenition and contrast"
    assert cited.doi == "10.1075/tsl.45.08pie"


def test_a_session_number_before_a_nickname_still_reads_as_a_nickname() -> None:
    from papershelf.importers.notes.parse import parse

    note = (
        "# wk4: Pierrehumbert 2001\n\n"
        "Pierrehumbert — Exemplar dynamics: Word frequency, lenition and contrast, "
        "Typological Studies in Language 45 (2001) 137–157.\n\nGood on lenition.\n"
    )
    [entry] = parse(note, "wk4.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "Exemplar dynamics: Word frequency, lenition and contrast"


def test_a_year_after_et_al_is_the_year_not_the_start_of_the_title() -> None:
    cited = read_citation(
        "Karpicke et al. 2008 The critical importance of retrieval for learning. "
        "Science 319(5865):966–968"
    )
    assert cited is not None
    assert (cited.title, cited.year) == ("The critical importance of retrieval for learning", 2008)
    # Where no title follows the year, the line names no paper of its own.
    assert read_citation("Zhang et al. 2014 (Prog. Mater. Sci. 61, 1–93) here, read it.") is None


def test_a_law_reviews_volume_is_no_part_of_the_articles_title() -> None:
    cited = read_citation(
        "Citron & Pasquale, *The Scored Society: Due Process for Automated Predictions*, "
        "89 Wash. L. Rev. 1 (2014)"
    )
    assert (
        cited is None or cited.title == "The Scored Society: Due Process for Automated Predictions"
    )


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("GMTKN55 benchmark (Goerigk et al. 2017) -- everyone cites it, should read", True),
        ("Goerigk et al. 2017; need to read this", True),
        ("The Power of Feedback — you should read it", False),  # a recommendation
        ("Why you should read papers", False),
    ],
)
def test_a_remark_that_one_should_read_it_says_it_is_not_read_yet(text: str, unread: bool) -> None:
    assert says_not_read(text) is unread
