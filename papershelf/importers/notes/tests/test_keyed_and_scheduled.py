"""Collections that name their papers indirectly: literature notes by citation key beside
the library they come from, and a wiki's schedule naming its pages' papers by nickname."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

LIBRARY = """\
@article{kahneman1979prospect,
  title = {Prospect Theory: An Analysis of Decision under Risk},
  author = {Kahneman, Daniel and Tversky, Amos},
  journal = {Econometrica}, year = {1979}, doi = {10.2307/1914185}
}
@article{thaler1981empirical,
  title = {Some empirical evidence on dynamic inconsistency},
  author = {Thaler, Richard},
  journal = {Economics Letters}, year = {1981}, doi = {10.1016/0165-1765(81)90067-7}
}
@article{laibson1997golden,
  title = {Golden Eggs and Hyperbolic Discounting},
  author = {Laibson, David},
  journal = {The Quarterly Journal of Economics}, year = {1997}, doi = {10.1162/003355397555253}
}
@article{odonoghue1999doing,
  title = {Doing It Now or Later},
  author = {O'Donoghue, Ted and Rabin, Matthew},
  journal = {American Economic Review}, year = {1999}, doi = {10.1257/aer.89.1.103}
}
@book{thaler2008nudge,
  title = {Nudge}, author = {Thaler, Richard and Sunstein, Cass}, year = {2008}
}
"""


def _note(key: str, title: str, body: str) -> str:
    return f'---\ntitle: "{title}"\ncitekey: {key}\ntags: [literature]\n---\n\n{body}\n'


def _import(folder: Path, user: User, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    import_paths([folder], ImportOptions(user=user, fetch_metadata=False))


def test_literature_notes_named_by_citekey_are_the_papers_and_the_rest_of_the_library_is_not(
    tmp_path: Path, alice: User
) -> None:
    _import(
        tmp_path,
        alice,
        {
            "references.bib": LIBRARY,
            "literature/@kahneman1979prospect.md": _note(
                "kahneman1979prospect",
                "Prospect theory (K&T 79)",
                "# Notes on [@kahneman1979prospect]\n\nLoss aversion; the value function is "
                "concave for gains. Compare [@thaler2008nudge] for the policy side.",
            ),
            "literature/Laibson golden eggs.md": _note(
                "laibson1997golden",
                "Laibson 1997 — golden eggs",
                "## Claim\n\nIlliquid assets as commitment devices under quasi-hyperbolic "
                "discounting; builds on [@thaler1981empirical].",
            ),
            "literature/ODonoghue Rabin.md": "---\ntitle: O'Donoghue & Rabin\n---\n\n"
            "# @odonoghue1999doing\n\nNaifs vs sophisticates: awareness of one's own "
            "present bias changes when tasks get done.\n",
            "literature/Thaler 1981.md": _note(
                "thaler1981empirical",
                "Thaler 1981",
                "STUB — haven't read it yet, only cited.",
            ),
            "inbox/reading group logistics.md": "# Reading group logistics\n\n"
            "Room 3.12 from week 4; bring your own coffee.\n",
        },
    )

    assert set(Paper.objects.values_list("title", flat=True)) == {
        "Prospect Theory: An Analysis of Decision under Risk",
        "Golden Eggs and Hyperbolic Discounting",
        "Doing It Now or Later",
    }  # not the stub's, nor what the notes only cite, nor the book, nor the logistics
    laibson = Paper.objects.get(doi="10.1162/003355397555253")
    assert "commitment devices" in laibson.summaries.get().body


WIKI_PAGE = """\
# {name}

**Paper:** *{title}* — {authors}, {venue} ({year})
**Link:** https://doi.org/{doi}

## Summary

{summary}
"""
SCHEDULE = """\
# Journal club schedule

| Date | Presenter | Paper | Status |
|---|---|---|---|
| 2024-01-10 | Lea | CRISPR (Jinek 2012) | done |
| 2024-01-24 | Omar | Prime editing | done |
| 2024-02-07 | Lea | Base editors — Komor et al. 2016 | done |
| 2024-02-21 | ? | Bridge recombinases? | TBD — vote on Slack |
"""


def test_a_schedule_naming_the_pages_papers_by_nickname_adds_no_papers_of_its_own(
    tmp_path: Path, alice: User
) -> None:
    pages = {
        "crispr-jinek-2012.md": WIKI_PAGE.format(
            name="CRISPR (Jinek et al. 2012)",
            title="A programmable dual-RNA-guided DNA endonuclease in adaptive bacterial immunity",
            authors="Jinek M, Chylinski K, et al.",
            venue="Science",
            year=2012,
            doi="10.1126/science.1225829",
            summary="Cas9 cuts where a dual RNA guides it.",
        ),
        "prime-editing.md": WIKI_PAGE.format(
            name="Prime editing",
            title="Search-and-replace genome editing without double-strand breaks or donor DNA",
            authors="Anzalone AV, Randolph PB, et al.",
            venue="Nature",
            year=2019,
            doi="10.1038/s41586-019-1711-4",
            summary="A reverse transcriptase writes the edit from the pegRNA.",
        ),
        "base-editing.md": WIKI_PAGE.format(
            name="Base editing",
            title="Programmable editing of a target base in genomic DNA without double-stranded "
            "DNA cleavage",
            authors="Komor AC, Kim YB, et al.",
            venue="Nature",
            year=2016,
            doi="10.1038/nature17946",
            summary="A deaminase on dead Cas9 turns C into T.",
        ),
        "journal-club-schedule.md": SCHEDULE,
        "page-template.md": WIKI_PAGE.format(
            name="Nickname",
            title="Title",
            authors="First author et al.",
            venue="Journal",
            year="Year",
            doi="10.xxxx/xxxxx",
            summary="(your words)",
        ),
    }
    _import(tmp_path, alice, pages)

    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.1126/science.1225829",
        "10.1038/s41586-019-1711-4",
        "10.1038/nature17946",
    }
