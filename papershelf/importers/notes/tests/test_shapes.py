"""Shapes of notes collections people keep, each named by its evidence, never guessed."""

from __future__ import annotations

from textwrap import dedent

from papershelf.importers.notes.parse import parse


def _titles(text: str, path: str = "notes.md") -> list[str]:
    return [entry.paper.title for entry in parse(dedent(text), path).entries if entry.paper]


def test_an_awesome_list_entry_gives_title_authors_venue_and_its_paper_link() -> None:
    text = """\
        ## Sparse attention

        - **Longformer: The Long-Document Transformer** - Iz Beltagy, Matthew E. Peters, Arman Cohan. arXiv 2020 [[paper]](https://arxiv.org/abs/2004.05150) [[code]](https://github.com/allenai/longformer)
        - **Big Bird: Transformers for Longer Sequences** - Manzil Zaheer, et al. NeurIPS 2020 [[paper]](https://arxiv.org/abs/2007.14062)

        ## Kernels

        - **Rethinking Attention with Performers** - Krzysztof Choromanski, et al. ICLR 2021 [[paper]](https://arxiv.org/abs/2009.14794)
        """  # noqa: E501
    first, second, third = parse(dedent(text), "README.md").entries
    assert first.paper and first.paper.title == "Longformer: The Long-Document Transformer"
    assert first.paper.authors[:2] == ["Iz Beltagy", "Matthew E. Peters"]
    assert (first.paper.arxiv_id, first.paper.year) == ("2004.05150", 2020)
    assert second.paper and (second.paper.venue, second.paper.arxiv_id) == ("NeurIPS", "2007.14062")
    assert (first.sections, third.sections) == (("Sparse attention",), ("Kernels",))


def test_a_table_with_a_title_column_gives_one_paper_per_row_and_ignores_note_links() -> None:
    text = """\
        | | Title | Authors | Venue | Year | Link | Notes |
        |---|---|---|---|---|---|---|
        | ✅ | The Google File System | S. Ghemawat, H. Gobioff | SOSP | 2003 | [pdf](https://example.org/gfs.pdf) | [notes](notes/gfs.md) |
        | ⏳ | In Search of an Understandable Consensus Algorithm | D. Ongaro, J. Ousterhout | ATC | 2014 | [pdf](https://example.org/raft.pdf) | read twice |
        """  # noqa: E501
    gfs, raft = parse(dedent(text), "README.md").entries
    assert gfs.paper and gfs.paper.title == "The Google File System"
    assert (gfs.paper.venue, gfs.paper.year, gfs.paper.pdf_url) == (
        "SOSP",
        2003,
        "https://example.org/gfs.pdf",
    )
    assert gfs.summary is None  # a link to a note file is no summary
    assert raft.summary and raft.summary.markdown == "read twice"


def test_a_heading_in_two_languages_names_the_paper_by_its_own_title() -> None:
    text = """\
        # LLaVA 视觉指令微调 Visual Instruction Tuning

        **作者**: Haotian Liu, Chunyuan Li, Qingyang Wu, Yong Jae Lee
        **论文链接**: [arXiv:2304.08485](https://arxiv.org/abs/2304.08485)

        用 GPT-4 生成指令数据。
        """
    [entry] = parse(dedent(text), "docs/llava.md").entries
    assert entry.paper and entry.paper.title == "Visual Instruction Tuning"
    assert entry.paper.arxiv_id == "2304.08485" and entry.paper.authors[0] == "Haotian Liu"


def test_a_reading_log_entry_is_named_by_its_citation_line_not_its_nickname() -> None:
    text = """\
        ## 2024-03-23 — Toolformer

        "Toolformer: Language Models Can Teach Themselves to Use Tools", Schick et al., 2023 — https://arxiv.org/abs/2302.04761

        ### Takeaways
        - keeps only the API calls that lower the loss

        ## 2024-03-30 — Generative Agents

        "Generative Agents: Interactive Simulacra of Human Behavior", Park et al., 2023 — https://arxiv.org/abs/2304.03442

        ### Takeaways
        - memory stream, reflection, planning
        """
    document = parse(dedent(text), "paper-notes.md")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [p.title for p in papers] == [
        "Toolformer: Language Models Can Teach Themselves to Use Tools",
        "Generative Agents: Interactive Simulacra of Human Behavior",
    ]
    assert [p.arxiv_id for p in papers] == ["2302.04761", "2304.03442"]
    assert "Takeaways" not in [p.title for p in papers]


def test_a_bibliography_of_keyed_entries_gives_each_paper_with_its_identifier() -> None:
    text = """\
        # Bibliography

        [Kipf & Welling 2017] T. N. Kipf, M. Welling. Semi-Supervised Classification with Graph Convolutional Networks. ICLR 2017. arXiv:1609.02907

        [Xu et al. 2019] K. Xu, W. Hu, J. Leskovec, S. Jegelka. How Powerful are Graph Neural Networks? ICLR 2019. arXiv:1810.00826

        [Grover & Leskovec 2016] A. Grover, J. Leskovec. node2vec: Scalable Feature Learning for Networks. KDD 2016. doi:10.1145/2939672.2939754
        """  # noqa: E501
    papers = [e.paper for e in parse(dedent(text), "bibliography.md").entries if e.paper]
    assert [p.title for p in papers] == [
        "Semi-Supervised Classification with Graph Convolutional Networks",
        "How Powerful are Graph Neural Networks?",
        "node2vec: Scalable Feature Learning for Networks",
    ]
    assert [p.arxiv_id or p.doi for p in papers] == [
        "1609.02907",
        "1810.00826",
        "10.1145/2939672.2939754",
    ]
    assert papers[0].authors == ["T. N. Kipf", "M. Welling"]


def test_a_dendron_note_takes_its_title_from_desc_when_the_title_is_the_file_name() -> None:
    text = """\
        ---
        id: p2xln8s7
        title: Xlnet
        desc: 'XLNet: Generalized Autoregressive Pretraining for Language Understanding (Yang et al., NeurIPS 2019)'
        ---
        ## Paper
        - link: https://arxiv.org/abs/1906.08237

        ## Summary
        Permutation language modelling.
        """  # noqa: E501
    [entry] = parse(dedent(text), "notes/paper.xlnet.md").entries
    assert entry.paper and entry.paper.title == (
        "XLNet: Generalized Autoregressive Pretraining for Language Understanding"
    )
    assert (entry.paper.arxiv_id, entry.paper.year) == ("1906.08237", 2019)


def test_a_readme_heading_is_the_repository_and_never_a_paper() -> None:
    text = """\
        # CS 4850 — Learning on Graphs (Fall 2023)

        My notes from the course. Lectures are in `lectures/`.
        """
    assert _titles(text, "README.md") == []


def test_prose_with_a_link_in_it_never_becomes_a_title() -> None:
    text = """\
        # Notes

        big gains on GSM8K over greedy decoding (the Wei et al. chain-of-thought paper https://arxiv.org/abs/2201.11903
        and more words after it so that it reads as prose.
        """
    assert not any(t.startswith("big gains") for t in _titles(text))


def test_a_links_section_under_a_note_is_no_paper() -> None:
    text = """\
        ## The Google File System

        ### Links

        * https://static.example.org/gfs-sosp2003.pdf

        ### Notes

        - single master, chunkservers, 64 MB chunks
        """
    assert "Links" not in _titles(text, "notes/google_file_system.md")


def test_numbered_paper_headings_keep_their_titles_and_are_no_template_steps() -> None:
    text = """\
        ## 1. Deep Unsupervised Learning using Nonequilibrium Thermodynamics

        Sohl-Dickstein, Weiss · ICML 2015 · [arXiv](https://arxiv.org/abs/1503.03585)

        ## 2. Denoising Diffusion Probabilistic Models

        Ho, Jain, Abbeel · NeurIPS 2020 · [arXiv](https://arxiv.org/abs/2006.11239)
        """
    assert _titles(text) == [
        "Deep Unsupervised Learning using Nonequilibrium Thermodynamics",
        "Denoising Diffusion Probabilistic Models",
    ]


def test_a_blog_saved_as_text_splits_at_its_repeated_separator_line() -> None:
    text = """\
        My Paper Blog
        Home | About

        Distilling the Knowledge in a Neural Network
        November 2, 2020
        Summary
        Soft targets carry dark knowledge. (Hinton, Vinyals, Dean, 2015; arXiv:1503.02531)
        Read more

        Denoising Diffusion Probabilistic Models
        December 12, 2020
        Summary
        Predict the noise. Link: arxiv.org/abs/2006.11239
        Read more

        Older posts
        """
    document = parse(dedent(text), "blog.txt")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [(p.title, p.arxiv_id) for p in papers] == [
        ("Distilling the Knowledge in a Neural Network", "1503.02531"),
        ("Denoising Diffusion Probabilistic Models", "2006.11239"),
    ]
    summary = document.entries[0].summary
    assert summary and "### Summary" in summary.markdown and "November" not in summary.markdown


def test_running_notes_take_papers_at_any_heading_level_and_keep_other_text_as_notes() -> None:
    text = """\
        # RL papers — running notes

        ## DQN — Playing Atari with Deep Reinforcement Learning

        Mnih, Kavukcuoglu, Silver. NIPS Deep Learning Workshop 2013. arXiv:1312.5602

        - experience replay

        ## Policy gradients

        ### TRPO

        Schulman — Trust Region Policy Optimization (ICML 2015) [arxiv](https://arxiv.org/abs/1502.05477)

        ### PPO

        **Proximal Policy Optimization Algorithms** (Schulman, 2017) https://arxiv.org/abs/1707.06347

        ## Prioritized replay + dueling (read these together)

        - Schaul et al., *Prioritized Experience Replay*, ICLR 2016 — arxiv.org/abs/1511.05952
        - Wang et al., *Dueling Network Architectures*, ICML 2016 — arxiv.org/abs/1511.06581

        ## Rainbow: Combining Improvements in Deep Reinforcement Learning

        Hessel et al., AAAI 2018 — 1710.02298

        ## Glossary

        - **GAE** — generalized advantage estimation
        """
    document = parse(dedent(text), "rl-notes.md")
    found = [(e.paper.arxiv_id, e.sections) for e in document.entries if e.paper]
    assert found == [
        ("1312.5602", ()),
        ("1502.05477", ("Policy gradients",)),
        ("1707.06347", ("Policy gradients",)),
        ("1511.05952", ("Prioritized replay + dueling (read these together)",)),
        ("1511.06581", ("Prioritized replay + dueling (read these together)",)),
        ("1710.02298", ()),
    ]
    first = document.entries[0].paper
    assert first is not None and first.title == "Playing Atari with Deep Reinforcement Learning"
    assert "Glossary" not in [e.paper.title for e in document.entries if e.paper]


def test_a_schedule_table_skips_weeks_where_no_paper_is_read() -> None:
    text = """\
        | Date | Presenter | Paper | Venue |
        |------|-----------|-------|-------|
        | Jan 17 | Priya | [Spectre Attacks](https://doi.org/10.1109/SP.2019.00002) | S&P '19 |
        | Jan 31 | — | *no meeting (CCS deadline)* | |
        | Feb 14 | Jonas | Practice talk: "Fuzzing VMs" (no reading) | |
        | Feb 28 | Priya | Stealing Machine Learning Models via Prediction APIs | USENIX Sec '16 |
        | Mar 6 | Tom | TBD | |
        """
    assert _titles(text) == [
        "Spectre Attacks",
        "Stealing Machine Learning Models via Prediction APIs",
    ]


def test_empty_headings_beside_papers_with_their_own_lines_are_to_dos_not_papers() -> None:
    text = """\
        * Branes
        ** Seiberg & Witten 1994 -- Electric-magnetic duality, monopole condensation
           hep-th/9407087, Nucl. Phys. B426 (1994) 19.
        ** Polchinski -- Dirichlet-Branes and Ramond-Ramond Charges
           arXiv:hep-th/9510017
        * Admin
        ** Book room 4.12 for practice talk
        ** Email the committee the final reading list
        """
    lines = dedent(text).replace("** ", "## ").replace("* ", "# ")
    papers = [e.paper for e in parse(lines, "quals.md").entries if e.paper]
    assert [p.arxiv_id for p in papers] == ["hep-th/9407087", "hep-th/9510017"]
    assert papers[0].title.startswith("Electric-magnetic duality, monopole condensation")


def test_a_syllabus_table_gives_the_papers_its_reading_cells_cite() -> None:
    text = """\
        | Week | Topic | Required reading | Optional |
        | --- | --- | --- | --- |
        | 1 | Overview | — | Pomerleau, ALVINN (1989) — skim |
        | 2 | DAgger | S. Ross, G. Gordon. *A Reduction of Imitation Learning.* AISTATS 2011. | |
        | 3 | Policies | P. Florence et al. *Implicit Behavioral Cloning.* CoRL 2021. | |
        | 10 | RT | [RT-1](https://arxiv.org/abs/2212.06817) [RT-2](https://doi.org/10.1234/rt2) | |
        | 11 | No class | | |
        """
    papers = [e.paper for e in parse(dedent(text), "syllabus.md").entries if e.paper]
    assert [p.title for p in papers] == [
        "A Reduction of Imitation Learning",
        "Implicit Behavioral Cloning",
        "RT-1",
        "RT-2",
    ]
    assert papers[2].arxiv_id == "2212.06817"


def test_a_programme_lists_each_paper_as_its_title_over_authors_and_link_buttons() -> None:
    text = """\
        ## Accepted papers

        ### Oral session 1

        1. wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations  
           Alexei Baevski, Henry Zhou, Abdelrahman Mohamed, Michael Auli  
           [[arXiv]](https://arxiv.org/abs/2006.11477) [[code]](https://github.com/facebookresearch/fairseq)
        2. Simple and Controllable Music Generation  
           Jade Copet, Felix Kreuk, et al.  
           [[arXiv]](https://arxiv.org/abs/2306.05284) [[samples]](https://example.org/musicgen/)

        ### Demos

        * Birdsong tokenizer playground — the organizers · [[code]](https://github.com/arld/birdsong)
        * Offline speech translation on a Raspberry Pi
        """  # noqa: W291
    first, second = parse(dedent(text), "programme.md").entries
    assert first.paper and first.paper.arxiv_id == "2006.11477"
    assert first.paper.title.startswith("wav2vec 2.0: A Framework")
    assert first.paper.authors[:2] == ["Alexei Baevski", "Henry Zhou"]
    assert second.paper and second.paper.title == "Simple and Controllable Music Generation"
    assert second.paper.authors == ["Jade Copet", "Felix Kreuk"]
    assert second.sections[-1] == "Oral session 1"


def test_a_table_cell_holding_a_whole_reference_gives_its_title_and_the_doi_column_its_doi() -> (
    None
):
    text = """\
        | tool | paper | doi |
        |---|---|---|
        | RoB 2 | Sterne JAC et al. RoB 2: a revised tool for assessing risk of bias in randomised trials. BMJ 2019;366:l4898 | 10.1136/bmj.l4898 |
        | ROBINS-I | Sterne JA et al. ROBINS-I: a tool for assessing risk of bias in non-randomised studies of interventions. BMJ 2016;355:i4919 | 10.1136/bmj.i4919 |
        """  # noqa: E501
    rob2, robins = parse(dedent(text), "risk-of-bias.md").entries
    assert rob2.paper and rob2.paper.title.startswith("RoB 2: a revised tool")
    assert (rob2.paper.doi, rob2.paper.year, rob2.paper.authors) == (
        "10.1136/bmj.l4898",
        2019,
        ["JAC Sterne"],
    )
    assert robins.paper and robins.paper.doi == "10.1136/bmj.i4919"


def test_a_rota_that_names_papers_by_nickname_only_adds_no_papers() -> None:
    text = """\
        # JC rota

        | date | presenter | paper |
        |---|---|---|
        | 10 Mar | me | Dagan (Clalit vaccine) |
        | 24 Mar | Priya | RECOVERY dexamethasone |
        | 7 Apr | Tom | Egger funnel plots |
        """
    assert _titles(text, "rota.md") == []


def test_a_line_pointing_at_a_website_is_no_paper_but_a_reference_beside_it_is() -> None:
    text = """\
        # Reporting checklists

        - **CONSORT 2010** — Schulz KF, Altman DG, Moher D. CONSORT 2010 Statement: updated guidelines for reporting parallel group randomised trials. BMJ 2010;340:c332. doi:10.1136/bmj.c332
        - EQUATOR network has all of them: https://www.equator-network.org/
        - [ ] Miguel Hernán's course on DAGs → https://www.edx.org/course/causal-diagrams
        """  # noqa: E501
    [consort] = parse(dedent(text), "checklists.md").entries
    assert consort.paper and consort.paper.doi == "10.1136/bmj.c332"


def test_a_note_under_a_heading_of_authors_names_the_paper_its_first_line_identifies() -> None:
    text = """\
        # DAGs – Greenland, Pearl & Robins (1999)

        Causal diagrams for epidemiologic research. Epidemiology 1999;10(1):37–48. DOI 10.1097/00001648-199901000-00008

        ## My take
        Pair it with Pearl's book (Causality, 2000).
        """  # noqa: E501
    [entry] = parse(dedent(text), "dags.md").entries
    assert entry.paper and entry.paper.title == "Causal diagrams for epidemiologic research"
    assert entry.paper.doi == "10.1097/00001648-199901000-00008"


def test_a_note_whose_lead_is_title_authors_and_a_publishers_link_names_that_paper() -> None:
    text = """\
        # Polack 2020 — phase 3 RCT of BNT162b2

        Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine
        Polack FP, Thomas SJ, Kitchin N, et al. NEJM 2020;383:2603-15.
        https://www.nejm.org/doi/full/10.1056/NEJMoa2034577

        - VE 95%
        """
    [entry] = parse(dedent(text), "polack.md").entries
    assert entry.paper and entry.paper.title.startswith("Safety and Efficacy of the BNT162b2")
    assert entry.paper.doi == "10.1056/nejmoa2034577"


def test_a_note_under_a_nickname_heading_takes_the_identifier_its_first_line_gives() -> None:
    text = """\
        # mip-NeRF 360

        Barron et al., CVPR 2022 · arxiv 2111.12077 · project page https://jonbarron.info/mipnerf360/

        Three fixes for unbounded scenes.
        """
    [entry] = parse(dedent(text), "notes/mipnerf360.md").entries
    assert entry.paper and (entry.paper.title, entry.paper.arxiv_id) == (
        "mip-NeRF 360",
        "2111.12077",
    )


def test_a_zettel_titled_by_its_id_and_nickname_names_the_paper_its_ref_line_cites() -> None:
    text = """\
        # 202102041530 Gibson 1998 – DLT

        #lit #wordorder

        **Ref**: Gibson, E. (1998). Linguistic complexity: locality of syntactic dependencies. *Cognition* 68(1), 1–76. doi:10.1016/S0010-0277(98)00034-1

        Two costs: storage and integration.
        """  # noqa: E501
    document = parse(dedent(text), "202102041530 Gibson 1998 DLT.md")
    [entry] = document.entries
    assert (
        entry.paper
        and entry.paper.title == "Linguistic complexity: locality of syntactic dependencies"
    )
    assert entry.paper.doi == "10.1016/s0010-0277(98)00034-1"
    assert document.entry_topics[0] == ["lit", "wordorder"]


def test_a_citekey_before_the_title_does_not_hide_the_paper_it_names() -> None:
    text = """\
        # 202104121015 Linzen, Dupoux & Goldberg 2016

        [@linzen2016assessing] — Assessing the Ability of LSTMs to Learn Syntax-Sensitive Dependencies. TACL 4 (2016). arXiv:1611.01368

        - Number prediction task.
        """  # noqa: E501
    [entry] = parse(dedent(text), "202104121015 Linzen.md").entries
    assert entry.paper and entry.paper.arxiv_id == "1611.01368"
    assert entry.paper.title.startswith("Assessing the Ability of LSTMs")


def test_headings_over_nothing_but_links_to_other_notes_are_no_papers() -> None:
    text = """\
        # Structure note – efficiency in language

        ## 1. Processing cost and word order
        - [[202102041530]] Gibson 1998 – DLT, the cost metric
        - [[202102031140]] Word order minimizes dependency length

        ## Not efficiency, but needed for the intro
        - [Chomsky 1956](202102120945.md)
        """
    entries = parse(dedent(text), "202102031015 Structure note.md").entries
    assert all(entry.paper is None or "Processing" not in entry.paper.title for entry in entries)
    assert all(entry.paper is None or "intro" not in entry.paper.title for entry in entries)


def test_a_full_title_heading_with_labelled_facts_under_a_nickname_heading_is_the_paper() -> None:
    text = """\
        # Film growth

        ## Two-step: Burschka 2013

        ### Sequential deposition as a route to high-performance perovskite-sensitized solar cells

        - **DOI**: https://doi.org/10.1038/nature12340
        - **Authors**: J. Burschka, N. Pellet, M. Grätzel
        - **Year**: 2013

        - PbI2 first, then a dip in MAI: conversion within seconds.

        ## Review

        Green, Ho-Baillie & Snaith, "The emergence of perovskite solar cells", _Nature Photonics_ 8 (2014) 506–514 — <https://doi.org/10.1038/nphoton.2014.134>. Good on transport.
        """  # noqa: E501
    entries = parse(dedent(text), "notes.md").entries
    papers = [entry.paper for entry in entries if entry.paper]
    assert [(p.title, p.doi) for p in papers] == [
        (
            "Sequential deposition as a route to high-performance perovskite-sensitized solar cells",  # noqa: E501
            "10.1038/nature12340",
        ),
        ("The emergence of perovskite solar cells", "10.1038/nphoton.2014.134"),
    ]
    assert "conversion within seconds" in entries[0].summary.markdown  # type: ignore[union-attr]


def test_headings_naming_papers_by_authors_and_a_nickname_are_no_titles() -> None:
    text = """\
        # Conformal prediction

        ## Stranks et al. — diffusion lengths > 1 µm

        - PL quenching with two quenchers, a 1D diffusion fit.

        ## Kojima 2009 — where it started

        - The first perovskite sensitiser; it dissolved in the electrolyte.

        ## Shafer & Vovk (2008) — A Tutorial on Conformal Prediction

        [arXiv](https://arxiv.org/abs/0706.3188)

        - Exchangeability is all it needs.

        ## Lei et al. (2018) — Distribution-Free Predictive Inference for Regression

        - Split conformal.
        """
    assert _titles(text) == [
        "A Tutorial on Conformal Prediction",
        "Distribution-Free Predictive Inference for Regression",
    ]


def test_a_page_listing_the_papers_it_covers_under_overview_gives_each_of_them() -> None:
    text = """\
        # Six microcredit RCTs (AEJ Applied Jan 2015)

        # Overview

        Special issue; read the intro and two of the six:

        1. Banerjee, Karlan & Zinman – *Six Randomized Evaluations of Microcredit: Introduction and Further Steps* (2015). Modest take-up.
        2. Banerjee, Duflo, Glennerster, Kinnan – **The Miracle of Microfinance? Evidence from a Randomized Evaluation** (2015) <https://www.aeaweb.org/articles?id=10.1257/app.20130533>
        3. Attanasio, Augsburg, De Haas, Fitzsimons & Harmgart – *The Impacts of Microfinance: Evidence from Joint-Liability Lending in Mongolia* (2015)

        ## Attanasio et al. – Mongolia

        * Group vs individual liability.
        """  # noqa: E501
    assert _titles(text) == [
        "Six Randomized Evaluations of Microcredit: Introduction and Further Steps",
        "The Miracle of Microfinance? Evidence from a Randomized Evaluation",
        "The Impacts of Microfinance: Evidence from Joint-Liability Lending in Mongolia",
    ]


def test_a_numbered_meeting_item_over_one_citation_is_that_paper_with_its_notes() -> None:
    text = """\
        # 2023-09-14 Meeting notes

        ## Discussion items

        ### 1. Hornbæk 2006

        **Current practice in measuring usability: Challenges to usability studies and research** – Kasper Hornbæk, International Journal of Human-Computer Studies 64(2), 2006.

        * Reviewed 180 studies of usability measures.

        ### 2. Room booking

        * 2.14 is gone on Thursdays.
        """  # noqa: E501
    entries = [entry for entry in parse(dedent(text), "notes.md").entries if entry.paper]
    assert [entry.paper.title for entry in entries] == [  # type: ignore[union-attr]
        "Current practice in measuring usability: Challenges to usability studies and research"
    ]
    assert "180 studies" in entries[0].summary.markdown  # type: ignore[union-attr]


def test_a_table_whose_first_row_is_bold_labels_takes_them_as_its_header() -> None:
    text = """\
        # SGR 1935+2154

        |  |  |
        | --- | --- |
        | **Paper** | **Notes** |
        | CHIME/FRB Collaboration, “A bright millisecond-duration radio burst from a Galactic magnetar” — arXiv:2005.10324 | two components |
        | Bochenek et al., “A fast radio burst associated with a Galactic magnetar” — [2005.10828](https://arxiv.org/abs/2005.10828) | STARE2 |
        """  # noqa: E501
    entries = parse(dedent(text), "notes.md").entries
    assert [(e.paper.title, e.paper.arxiv_id) for e in entries if e.paper] == [
        ("A bright millisecond-duration radio burst from a Galactic magnetar", "2005.10324"),
        ("A fast radio burst associated with a Galactic magnetar", "2005.10828"),
    ]


def test_lists_under_a_books_or_blogs_label_are_no_papers() -> None:
    text = """\
        # Hardness of approximation

        - Håstad, "Some optimal inapproximability results", J. ACM 48(4), 2001 — the 3-bit PCP.
        - Feige, "A threshold of ln n for approximating set cover", J. ACM 45(4), 1998 — tight.

        **Books**

        - Vazirani, *Approximation Algorithms* (2001)
        - O'Donnell, *Analysis of Boolean Functions* (2014)
        """
    assert _titles(text) == [
        "Some optimal inapproximability results",
        "A threshold of ln n for approximating set cover",
    ]
    assert _titles("# Books + notes\n\n- O'Donnell, *Analysis of Boolean Functions* (2014)\n") == []


def test_a_marp_deck_names_its_paper_by_the_title_slide_and_keeps_slides_as_notes() -> None:
    text = """\
        ---
        marp: true
        theme: jc
        footer: 'Simmons, Nelson & Simonsohn (2011)'
        ---

        <!-- _class: lead -->

        # False-Positive Psychology
        ## Undisclosed Flexibility in Data Collection and Analysis Allows Presenting Anything as Significant

        Simmons, Nelson & Simonsohn · *Psychological Science* 22(11), 1359–1366 (2011)
        [doi.org/10.1177/0956797611417632](https://doi.org/10.1177/0956797611417632)

        ---

        ## Study 2: “When I'm Sixty-Four”

        - Listeners became ~1.5 years **younger** ($p = .040$)

        ---

        ## Their six requirements for authors

        1. Decide the stopping rule in advance
        """  # noqa: E501
    (entry,) = parse(dedent(text), "decks/2023-10-05-fpp.md").entries
    assert entry.paper is not None
    assert entry.paper.title == (
        "False-Positive Psychology: Undisclosed Flexibility in Data Collection and Analysis "
        "Allows Presenting Anything as Significant"
    )
    assert entry.paper.doi == "10.1177/0956797611417632"
    assert "Sixty-Four" in entry.summary.markdown  # type: ignore[union-attr]
    assert "_class" not in entry.summary.markdown  # type: ignore[union-attr]


def test_a_deck_on_a_question_names_its_paper_by_the_paper_slide() -> None:
    text = """\
        ---
        marp: true
        ---

        # How common are questionable research practices?

        Yusuf · 1 Feb 2024

        ---

        ## The paper

        John, L. K., Loewenstein, G., & Prelec, D. (2012). Measuring the prevalence of questionable research practices with incentives for truth telling. *Psychological Science, 23*(5), 524–532.

        - Survey of 2,155 academic psychologists
        """  # noqa: E501
    assert _titles(text, "decks/2024-02-01-qrps.md") == [
        "Measuring the prevalence of questionable research practices with incentives for "
        "truth telling"
    ]


def test_a_deck_converted_from_powerpoint_runs_its_subtitle_into_its_title() -> None:
    text = """\
        ---
        slide_deck: BERT.pptx
        ---

        # BERT

        Pre-training of Deep Bidirectional Transformers for Language Understanding

        Jacob Devlin, Ming-Wei Chang, Kenton Lee, Kristina Toutanova
        NAACL 2019
        """
    assert _titles(text, "decks/BERT.pptx/BERT.md") == [
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
    ]


def test_a_nickname_over_a_citation_names_the_cited_paper_not_the_nickname() -> None:
    text = """\
        ---
        marp: true
        ---

        # CRISPR scissors

        A programmable dual-RNA-guided DNA endonuclease in adaptive bacterial immunity
        Jinek M, Chylinski K, Fonfara I, Hauer M, Doudna JA, Charpentier E
        Science 2012

        ---

        ## Why it matters

        - Programmable cutting of any DNA
        """
    (entry,) = parse(dedent(text), "decks/crispr-scissors.md").entries
    assert entry.paper is not None
    assert entry.paper.title == (
        "A programmable dual-RNA-guided DNA endonuclease in adaptive bacterial immunity"
    )
    assert (entry.paper.year, entry.paper.venue) == (2012, "Science")


def test_names_a_labelled_paper_or_the_presenter_under_a_deck_title_are_no_subtitle() -> None:
    deck = "---\nmarp: true\n---\n\n# {}\n\n{}\n\n---\n\n## Methods\n\n- one\n- two\n"
    assert _titles(
        deck.format("Halicin!", "Paper: A Deep Learning Approach to Antibiotic Discovery")
    ) == ["A Deep Learning Approach to Antibiotic Discovery"]
    title = "Efflux pumps drive multidrug resistance in biofilms"
    assert _titles(deck.format(title, "Okafor N, Lindqvist A, Meyer T")) == [title]
    assert _titles(deck.format(title, "Presented by Priya Natarajan")) == [title]


def test_a_schedule_whose_paper_column_holds_nicknames_names_no_papers() -> None:
    text = """\
        # Schedule 2024

        | Date | Paper | Presenter |
        |------|-------|-----------|
        | 10 Jan | BM25 warm-up (Robertson & Zaragoza) | Priya |
        | 17 Jan | [DPR](https://arxiv.org/abs/2004.04906) | Tomás |
        | 31 Jan | REALM + RAG | Wen |
        | 19 Jun | RAPTOR (Sarthi et al. 2024)? | TBD |
        | 26 Jun | Lost in the Middle: How Language Models Use Long Contexts | Jonas |
        """
    entries = parse(dedent(text), "Schedule 2024.md").entries
    assert [(e.paper.title, e.paper.arxiv_id) for e in entries if e.paper] == [
        ("DPR", "2004.04906"),
        ("Lost in the Middle: How Language Models Use Long Contexts", ""),
    ]


def test_a_labelled_paper_line_with_a_bare_arxiv_address_names_a_dated_session_page() -> None:
    text = """\
        # 2024-02-28 · ColBERT

        **Paper:** ColBERT (Khattab & Zaharia, SIGIR '20) — arxiv.org/abs/2004.12832

        Late interaction: keep per-token embeddings for query and document, score = sum over query tokens of max-sim over doc tokens.

        - Storage cost is the catch → ColBERTv2 compression (we did NOT read v2)
        """  # noqa: E501
    (entry,) = parse(dedent(text), "Sessions/2024-02-28 · ColBERT.md").entries
    assert entry.paper is not None and entry.paper.arxiv_id == "2004.12832"
    assert not entry.paper.title.startswith("2024")


def test_a_reading_queue_of_cited_headings_skips_its_not_papers_section() -> None:
    text = """\
        # DiD reading queue

        ## Pre-trends and sensitivity

        ### TODO Freyaldenhoven, Hansen & Shapiro (2019) "Pre-event Trends in the Panel Event-Study Design", AER 109(9)

        ### TODO Abadie (2021) "Using Synthetic Controls: Feasibility, Data Requirements, and Methodological Aspects", JEL 59(2) — https://doi.org/10.1257/jel.20191450

        ## Not papers

        ### TODO Scott Cunningham's Mixtape chapter 9 https://mixtape.scunning.com/09-difference_in_differences
        """  # noqa: E501
    entries = [e for e in parse(dedent(text), "reading_queue.md").entries if e.paper]
    assert [(e.paper.title, e.paper.doi) for e in entries] == [  # type: ignore[union-attr]
        ("Pre-event Trends in the Panel Event-Study Design", ""),
        (
            "Using Synthetic Controls: Feasibility, Data Requirements, and Methodological Aspects",
            "10.1257/jel.20191450",
        ),
    ]


def test_an_announcement_listing_lettered_references_gives_each_paper() -> None:
    text = """\
        Subject: JC 24 Feb: differential expression part I

        Dear all, part I is the DESeq family:

        (a) Anders S, Huber W. Differential expression analysis for sequence
            count data. Genome Biology 11:R106 (2010).
            https://doi.org/10.1186/gb-2010-11-10-r106
        (b) Love MI, Huber W, Anders S. Moderated estimation of fold change and
            dispersion for RNA-seq data with DESeq2. Genome Biology 15:550 (2014).

        Summary of (a): NB model, size factors = median of ratios.
        """
    assert _titles(text, "JC 24 Feb.md") == [
        "Differential expression analysis for sequence count data",
        "Moderated estimation of fold change and dispersion for RNA-seq data with DESeq2",
    ]


def test_a_note_titled_by_its_authors_and_year_takes_the_title_after_them() -> None:
    text = """\
        ---
        title: "Card & Krueger (1994) Minimum Wages and Employment: A Case Study of the Fast-Food Industry in New Jersey and Pennsylvania"
        ---

        The canonical two-by-two DiD: New Jersey against eastern Pennsylvania.
        """  # noqa: E501
    (entry,) = parse(dedent(text), "card_krueger_1994.md").entries
    assert entry.paper is not None and entry.paper.year == 1994
    assert entry.paper.title == (
        "Minimum Wages and Employment: A Case Study of the Fast-Food Industry in New Jersey "
        "and Pennsylvania"
    )


def test_a_meeting_page_is_no_paper_however_its_title_reads() -> None:
    for title in ("Lab meeting 8 Nov 2023", "Supervisor meeting — 7 March 2023"):
        text = (
            f"# {title}\n\nPresent: Ana, Jonas.\n\n- Ripple et al. 2014 — I haven't read it yet\n"
        )
        assert _titles(text, "meeting.md") == []
    assert _titles(
        "# Meeting the challenge of cancer screening in rural clinics\n\n"
        "Authors: Ana Souza\n\nRead for the methods seminar.\n"
    ) == ["Meeting the challenge of cancer screening in rural clinics"]
