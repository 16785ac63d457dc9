"""Blog posts on several papers, Zotero's note exports and plain-text notes (heldout29)."""

from __future__ import annotations

from pathlib import Path

from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.collection import skip_reason
from papershelf.importers.notes.parse import parse
from papershelf.lib.titles import is_probably_title


def _titles(text: str, path: str = "index.md") -> list[str]:
    return [e.paper.title for e in parse(text, path).entries if e.paper is not None]


TWO_PAPERS_POST = """\
+++
title = "Energies, Denoisers, and Why My Push-T Policy Finally Works"
tags = ["imitation-learning"]
+++

Two papers this time, because the second does not land without the first:

1. **Implicit Behavioral Cloning** — Pete Florence, Corey Lynch, Andy Zeng. CoRL 2021. [arXiv:2109.00137](https://arxiv.org/abs/2109.00137)
2. **Diffusion Policy: Visuomotor Policy Learning via Action Diffusion** — Cheng Chi, Siyuan Feng. RSS 2023. [arXiv:2303.04137](https://arxiv.org/abs/2303.04137)

## The problem: averaging modes

Plain behavioral cloning regresses $\\pi_\\theta(o) \\approx a$ with an MSE loss.
"""  # noqa: E501

QUOTED_PAPERS_POST = """\
+++
title = "Privileged Teachers, Blind Students"
+++

These two papers are the reason half of my thesis feels dated.

> **J. Lee, J. Hwangbo, L. Wellhausen, V. Koltun, M. Hutter.** Learning quadrupedal locomotion over challenging terrain. *Science Robotics* 5(47), 2020. [doi:10.1126/scirobotics.abc5986](https://doi.org/10.1126/scirobotics.abc5986)

> **A. Kumar, Z. Fu, D. Pathak, J. Malik.** RMA: Rapid Motor Adaptation for Legged Robots. RSS 2021. [arXiv:2107.04034](https://arxiv.org/abs/2107.04034)

## The shared trick

Train with privileged information, then distill.
"""  # noqa: E501


def test_a_post_whose_lead_counts_its_papers_over_their_citations_covers_each() -> None:
    assert _titles(TWO_PAPERS_POST, "content/posts/dp/index.md") == [
        "Implicit Behavioral Cloning",
        "Diffusion Policy: Visuomotor Policy Learning via Action Diffusion",
    ]
    labelled = TWO_PAPERS_POST.replace(
        "Two papers this time, because the second does not land without the first:", "**Papers:**"
    )
    assert len(_titles(labelled, "content/posts/dp/index.md")) == 2


def test_a_post_quoting_each_papers_citation_in_its_lead_covers_each() -> None:
    papers = [e.paper for e in parse(QUOTED_PAPERS_POST, "posts/t/index.md").entries if e.paper]
    assert [(p.title, p.authors[:1], p.year) for p in papers] == [
        ("Learning quadrupedal locomotion over challenging terrain", ["J. Lee"], 2020),
        ("RMA: Rapid Motor Adaptation for Legged Robots", ["A. Kumar"], 2021),
    ]


def test_names_in_bold_then_the_title_then_where_is_a_citation() -> None:
    paper = read_citation(
        "**A. Kumar, Z. Fu, D. Pathak, J. Malik.** RMA: Rapid Motor Adaptation for Legged "
        "Robots. RSS 2021."
    )
    assert paper is not None and paper.title == "RMA: Rapid Motor Adaptation for Legged Robots"
    assert paper.venue == "RSS" and paper.year == 2021


def test_a_hugo_pages_params_paper_field_titles_its_paper() -> None:
    page = (
        '+++\ntitle = "4096 Robot Dogs in a Trench Coat"\n\n[params]\n'
        'paper = "Learning to Walk in Minutes Using Massively Parallel Deep Reinforcement '
        'Learning"\narxiv = "2109.11978"\n+++\n\nThe legged_gym paper, short and practical.\n'
    )
    assert _titles(page, "content/posts/legged/index.md") == [
        "Learning to Walk in Minutes Using Massively Parallel Deep Reinforcement Learning"
    ]


def _better_notes(parent: str, body: str) -> str:
    return (
        f"---\ntags: []\nparent: '{parent}'\ncollections:\n    - 'Rt estimation'\n"
        f"$version: 2291\n$libraryID: 1\n$itemKey: 6ZSXMQ4K\n\n---\n{body}"
    )


def test_a_better_notes_export_names_its_paper_by_the_parent_item() -> None:
    note = _better_notes(
        "Practical considerations for measuring the effective reproductive number, Rt",
        "# Annotations (03/02/2024, 11:47:12)\n\n“Estimation of Rt in near real time is "
        "challenging” (Gostic et al., 2020, p. 1)\n",
    )
    assert _titles(note, "Annotations-6ZSXMQ4K.md") == [
        "Practical considerations for measuring the effective reproductive number, Rt"
    ]


def test_a_zotero_note_that_says_its_item_is_a_package_or_a_video_names_no_paper() -> None:
    package = _better_notes(
        "EpiEstim: Estimate Time Varying Reproduction Numbers from Epidemic Curves",
        "# EpiEstim — how I run it\n\nR package, CRAN version 2.2-4 (Jan 2024).\n\n- config\n",
    )
    video = _better_notes(
        "SISMID 2023 Module 3, Lecture 4: Estimating the reproduction number",
        "# SISMID 2023 – Module 3 lecture notes\n\nVideo recording (≈ 1h20), watched at 1.5×.\n",
    )
    assert _titles(package, "EpiEstim-S2EPQJ6N.md") == []
    assert _titles(video, "SISMID-V5LECT8R.md") == []


def test_a_parent_field_outside_zotero_names_a_page_of_the_site_not_a_paper() -> None:
    page = "---\nlayout: default\ntitle: Notes\nparent: Deep Learning Reading Notes\n---\n\nHi.\n"
    assert _titles(page, "docs/notes.md") == []


def test_a_meeting_log_and_a_lit_review_outline_are_the_persons_own_notes() -> None:
    log = "# Lab meeting log 2024\n\n## 16/01/2024\n\nPresent: MK, TB.\n\n- Actions\n"
    outline = (
        "# Ch. 2 lit review outline — estimating Rt\n\n## 2.1 Why $R_t$ (and not $R_0$)\n\n"
        "- definitions [cite: Fraser 2007]\n\n## 2.3 Inputs: serial interval, incubation "
        "period, delays\n\n- early estimates\n"
    )
    assert _titles(log, "Lab-meeting-log.md") == []
    assert _titles(outline, "Ch2 lit review outline.md") == []


PLANCK = """\
Planck 2018 results. VI. Cosmological parameters
2020A&A...641A...6P
arXiv:1807.06209

Aghanim, N. et al. (Planck Collaboration), A&A 641, A6 (2020)
read properly Oct 2022
"""

GW = """\
GW150914 -- "Observation of Gravitational Waves from a Binary Black Hole Merger"
LIGO Scientific Collaboration and Virgo Collaboration (Abbott, B. P., et al.)
Phys. Rev. Lett. 116, 061102 (2016)
doi:10.1103/PhysRevLett.116.061102      arXiv:1602.03837

for journal club (16 Nov), first-years.
"""

BAO = """\
Eisenstein et al. 2005 -- Detection of the Baryon Acoustic Peak in the
Large-Scale Correlation Function of SDSS Luminous Red Galaxies
ApJ 633, 560    2005ApJ...633..560E    astro-ph/0501171

SAMPLE
46,748 LRGs, 0.16 < z < 0.47
"""


def test_a_plain_text_notes_title_over_its_facts_names_its_paper() -> None:
    [planck] = [e.paper for e in parse(PLANCK, "Planck 2018 VI.txt").entries]
    assert planck is not None and planck.title == "Planck 2018 results. VI. Cosmological parameters"
    assert planck.arxiv_id == "1807.06209"
    assert _titles(GW, "GW150914.txt") == [
        "Observation of Gravitational Waves from a Binary Black Hole Merger"
    ]
    [bao] = [e.paper for e in parse(BAO, "BAO detection (Eisenstein 05).txt").entries]
    assert bao is not None and bao.arxiv_id == "astro-ph/0501171" and bao.year == 2005
    assert bao.title == (
        "Detection of the Baryon Acoustic Peak in the Large-Scale Correlation Function of "
        "SDSS Luminous Red Galaxies"
    )


TWO_SUPERNOVA_PAPERS = """\
Observational Evidence from Supernovae for an Accelerating Universe and a Cosmological Constant
Riess, A. G., Filippenko, A. V., Challis, P., et al.  (High-z Supernova Search Team)
AJ 116, 1009 (1998)   1998AJ....116.1009R   astro-ph/9805201

- high-z SNe Ia + 34 nearby ones

------------------------------------------------------------

Measurements of Ω and Λ from 42 High-Redshift Supernovae
Perlmutter, S., Aldering, G., Goldhaber, G., et al.  (Supernova Cosmology Project)
ApJ 517, 565 (1999)   1999ApJ...517..565P   astro-ph/9812133

- 42 SNe Ia at 0.18 < z < 0.83
"""


def test_two_papers_set_apart_by_a_rule_are_two_papers_each_with_its_notes() -> None:
    document = parse(TWO_SUPERNOVA_PAPERS, "SN1a_acceleration_98-99.txt")
    assert [(e.paper.arxiv_id, e.paper.authors[:1]) for e in document.entries if e.paper] == [
        ("astro-ph/9805201", ["A. G. Riess"]),
        ("astro-ph/9812133", ["S. Perlmutter"]),
    ]
    assert "34 nearby" in document.entries[0].summary.markdown  # type: ignore[union-attr]
    assert "34 nearby" not in document.entries[1].summary.markdown  # type: ignore[union-attr]


def test_a_rule_inside_one_papers_notes_splits_nothing() -> None:
    note = PLANCK + "\n---\n\n## Results\n\nH0 = 67.4 +/- 0.5\n"
    assert len(parse(note, "Planck.txt").entries) == 1


def test_backups_and_deleted_pages_of_a_vault_are_skipped(tmp_path: Path) -> None:
    page = tmp_path / "x.md"
    page.write_text("# AlphaFold\n", encoding="utf-8")
    for name in ("logseq/bak/pages/papers___AlphaFold/2024.Desktop.md", ".trash/old.md"):
        assert skip_reason(page, name, 10).startswith("part of the site's or vault's machinery")


def test_the_writer_speaking_is_no_papers_title() -> None:
    assert not is_probably_title("Then whatever we’re reading this term")
    assert read_citation(
        "Rubin (1974) and Holland (1986) for where the Y(1), Y(0) notation comes from, "
        "and the propensity-score paper we did a post on in May."
    ) is None  # fmt: skip
