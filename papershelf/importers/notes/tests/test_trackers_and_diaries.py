"""Reading trackers (a Notion database, an Airtable or sheet export) and reading diaries
(org-journal days): what the person marks read, and the paper each entry names.

Fixtures are written in the shapes those tools export: Notion's "<Name> <32 hex>" files
with a CSV beside a folder of pages, Airtable's "Read?" checkboxes as "checked", an
org-journal folder of days named 20240115 with Emacs's backup and auto-save files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.notes.informal import read_logged_citation
from papershelf.importers.notes.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.lib.titles import is_probably_title
from papershelf.papers.models import Paper

HEX = "0123456789abcdef0123456789abcdef"
DATABASE = f"Papers {HEX[:31]}1"

NOTION_CSV = (
    "\ufeffName,Authors,Status,Type,URL,Year\n"
    "Dropout paper,Nitish Srivastava,Read,Article,https://jmlr.org/papers/v15/srivastava14a.html,2014\n"
    "Adam,Diederik P. Kingma,Read,Article,https://arxiv.org/abs/1412.6980,2015\n"
    "Deep Learning book,Ian Goodfellow,To read,Book,https://www.deeplearningbook.org,2016\n"
    "Lottery tickets,Jonathan Frankle,To read,Article,https://arxiv.org/abs/1803.03635,2019\n"
    "PyTorch,,Reference,Tool,https://pytorch.org,\n"
)
NOTION_PAGES = {
    "Dropout paper": """\
# Dropout paper

Status: Read
Type: Article
Authors: Nitish Srivastava
Year: 2014

*Dropout: A Simple Way to Prevent Neural Networks from Overfitting*, JMLR 15.

Randomly drop units during training; an ensemble of thinned networks at test time.
""",
    "Adam": """\
# Adam

Status: Read
Type: Article
URL: https://arxiv.org/abs/1412.6980

Adaptive moments; bias correction matters in the first steps.
""",
    "Deep Learning book": """\
# Deep Learning book

Status: To read
Type: Book

Chapters 6–8 for the course.
""",
    "Lottery tickets": """\
# Lottery tickets

Status: To read
Type: Article
URL: https://arxiv.org/abs/1803.03635

Recommended in the group chat. Haven't started.
""",
}


def _notion_export(root: Path) -> Path:
    export = root / "Export-5b1f"
    pages = export / DATABASE
    pages.mkdir(parents=True)
    (export / f"{DATABASE}.csv").write_text(NOTION_CSV, encoding="utf-8")
    (export / f"{DATABASE}_all.csv").write_text(NOTION_CSV, encoding="utf-8")
    for number, (name, text) in enumerate(NOTION_PAGES.items()):
        (pages / f"{name} {HEX[:31]}{number}.md").write_text(text, encoding="utf-8")
    return root


def _titles() -> set[str]:
    return set(Paper.objects.values_list("title", flat=True))


def test_a_notion_database_row_is_the_paper_of_its_page_not_a_second_one(
    tmp_path: Path, alice: User
) -> None:
    import_paths([_notion_export(tmp_path)], ImportOptions(user=alice, fetch_metadata=False))
    assert _titles() == {
        "Dropout: A Simple Way to Prevent Neural Networks from Overfitting",
        "Adam",
    }
    assert Paper.objects.get(arxiv_id="1412.6980")


def test_pages_and_rows_marked_to_read_or_typed_book_or_tool_are_left_out(
    tmp_path: Path, alice: User
) -> None:
    report = import_paths(
        [_notion_export(tmp_path)], ImportOptions(user=alice, fetch_metadata=False)
    )
    assert not Paper.objects.filter(arxiv_id="1803.03635").exists()
    said = " ".join(w.message for w in report.warnings)
    assert "its status is “To read”: not read" in said
    assert "its type is “Book”, not a paper" in said


AIRTABLE = (
    "\ufeffPaper,Authors,Year,DOI / link,Read?,Type,Status,Notes\r\n"
    "Colorless green recurrent networks dream hierarchically,Gulordava K,2018,"
    "10.18653/v1/N18-1108,checked,Paper,Discussed,Agreement across attractors.\r\n"
    "Assessing the ability of LSTMs to learn syntax-sensitive dependencies,Linzen T,2016,"
    "10.1162/tacl_a_00115,checked,Paper,Discussed,Number agreement task.\r\n"
    "Syntactic Structures,Chomsky N,1957,,,Book,Reference,Background only\r\n"
    "A Structural Probe for Finding Syntax in Word Representations,Hewitt J,2019,"
    "10.18653/v1/N19-1419,,Paper,Backlog,\r\n"
    "Targeted Syntactic Evaluation of Language Models,Marvin R,2018,"
    "10.18653/v1/D18-1151,,Paper,Skipped,nobody read it in the end\r\n"
    "(template — duplicate this row),,,,,,,\r\n"
)


def test_a_tracker_keeps_the_ticked_rows_it_discussed(tmp_path: Path, alice: User) -> None:
    (tmp_path / "Papers-Grid view.csv").write_text(AIRTABLE, encoding="utf-8")
    (tmp_path / "Sessions-Grid view.csv").write_text("Name,Date\nS01,1/9/2024\n")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.18653/v1/n18-1108",
        "10.1162/tacl_a_00115",
    }


def test_an_unticked_row_is_left_out_even_without_a_status() -> None:
    text = (
        "| Title | Year | Read? | Notes |\n| --- | --- | --- | --- |\n"
        "| Distributed Representations of Words and Phrases | 2013 | ✓ | skip-gram |\n"
        "| Neural Machine Translation by Jointly Learning to Align | 2014 | ✓ | attention |\n"
        "| Sequence to Sequence Learning with Neural Networks | 2014 |  |  |\n"
    )
    titles = [e.paper.title for e in parse(text, "tracker.md").entries if e.paper]
    assert titles == [
        "Distributed Representations of Words and Phrases",
        "Neural Machine Translation by Jointly Learning to Align",
    ]


DAYS = {
    "20240304": """\
* Monday, 03/04/24
** 09:10 Read Sharpless 2001 for the click chemistry seminar
:PROPERTIES:
:DOI: 10.1002/1521-3773(20010601)40:11<2004::AID-ANIE2004>3.0.CO;2-5
:END:
[[https://doi.org/10.1002/1521-3773(20010601)40:11<2004::AID-ANIE2004>3.0.CO;2-5][Click \
Chemistry: Diverse Chemical Function from a Few Good Reactions]]
- three criteria; modular, wide in scope
** 14:00 DONE order copper sulfate
""",
    "20240305": """\
* Tuesday, 03/05/24
** 10:30 Read the Staudinger ligation paper
Saxon & Bertozzi 2000 — "Cell Surface Engineering by a Modified Staudinger Reaction", Science 287.
- azide + triarylphosphine; amide bond, works on cell surfaces
** 16:00 TODO Agard 2004 strain-promoted cycloaddition :toread:
""",
}


def _journal(root: Path) -> Path:
    journal = root / "journal"
    journal.mkdir()
    for day, text in DAYS.items():
        (journal / day).write_text(text, encoding="utf-8")
    (journal / "20240305~").write_text(DAYS["20240305"], encoding="utf-8")  # Emacs backup
    (journal / "#20240306#").write_text("* Wednesday\n** 09:00 Read Mystery\n")  # auto-save
    return root


def test_an_org_journal_folder_is_read_day_by_day_without_its_backups(
    tmp_path: Path, alice: User
) -> None:
    report = import_paths([_journal(tmp_path)], ImportOptions(user=alice, fetch_metadata=False))
    assert [o.name for o in report.files_with("imported")] == [
        "journal/20240304",
        "journal/20240305",
    ]
    assert _titles() == {
        "Click Chemistry: Diverse Chemical Function from a Few Good Reactions",
        "Cell Surface Engineering by a Modified Staudinger Reaction",
    }


def test_a_diary_entry_tagged_to_read_and_a_chore_are_no_papers(
    tmp_path: Path, alice: User
) -> None:
    import_paths([_journal(tmp_path)], ImportOptions(user=alice, fetch_metadata=False))
    assert not any("Agard" in t or "copper" in t for t in _titles())
    assert not any(is_probably_title(t) is False for t in _titles())


@pytest.mark.parametrize(
    ("line", "title", "first_author", "year"),
    [
        (
            'Hart, Nilsson & Raphael 1968 — "A Formal Basis for the Heuristic Determination'
            ' of Minimum Cost Paths", IEEE Trans. SSC 4(2).',
            "A Formal Basis for the Heuristic Determination of Minimum Cost Paths",
            "Hart",
            1968,
        ),
        (
            "Mur-Artal, Montiel & Tardós, T-RO 2015. ORB-SLAM: a Versatile and Accurate"
            " Monocular SLAM System.",
            "ORB-SLAM: a Versatile and Accurate Monocular SLAM System",
            "Mur-Artal",
            2015,
        ),
        (
            "[Ho et al. 2020 (NeurIPS)](https://arxiv.org/abs/2006.11239) — Denoising"
            " Diffusion Probabilistic Models — code on GitHub",
            "Denoising Diffusion Probabilistic Models",
            "Ho",
            2020,
        ),
        (
            "*Probabilistic roadmaps for path planning in high-dimensional configuration"
            " spaces*, IEEE T-RA 12(4)",
            "Probabilistic roadmaps for path planning in high-dimensional configuration spaces",
            None,
            None,
        ),
    ],
)
def test_a_log_entry_names_its_paper_in_a_loose_citation(
    line: str, title: str, first_author: str | None, year: int | None
) -> None:
    paper = read_logged_citation(line)
    assert paper is not None and paper.title == title
    assert (paper.authors[0] if paper.authors else None, paper.year) == (first_author, year)


def test_a_sentence_with_an_emphasised_phrase_is_no_citation() -> None:
    line = "I think the *attention mechanism in this paper* is overrated, and so are the others"
    assert read_logged_citation(line) is None


@pytest.mark.parametrize(
    "day", ["Tuesday, 01/09/24", "2024-01-15 Mon", "Mon 15 January 2024", "March 3, 2024"]
)
def test_a_diary_day_is_never_a_paper_title(day: str) -> None:
    assert not is_probably_title(day)


READING_LOG = """\
# Week 2 – Models of input

Card, English & Burr 1978 – [Evaluation of mouse, rate-controlled isometric joystick, step \
keys, and text keys for text selection on a CRT](https://www.google.com/url?q=https://doi.org\
/10.1080/00140137808931762&sa=D&source=editors) (Ergonomics 21(8))[[a]](#cmnt1)

* the mouse wins on positioning time; Fitts' law fits all four devices
* ★★★★

MacKenzie & Buxton, CHI ’92. Extending Fitts' law to two-dimensional tasks. [ACM DL](https://\
dl.acm.org/doi/10.1145/142750.142794)

* width vs height: the smaller-of model fits best

Soukoreff & MacKenzie, “Towards a standard for pointing device evaluation” (IJHCS 2004) \
– to read next week [link](https://doi.org/10.1016/j.ijhcs.2004.09.001)
"""


def test_a_log_of_citations_each_over_its_notes_names_each_paper(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "log.md").write_text(READING_LOG, encoding="utf-8")
    import_paths([tmp_path / "log.md"], ImportOptions(user=alice, fetch_metadata=False))
    papers = {p.title: p.doi for p in Paper.objects.all()}
    assert papers == {
        "Evaluation of mouse, rate-controlled isometric joystick, step keys, and text keys "
        "for text selection on a CRT": "10.1080/00140137808931762",
        "Extending Fitts' law to two-dimensional tasks": "10.1145/142750.142794",
    }
    card = Paper.objects.get(doi="10.1080/00140137808931762")
    assert "positioning time" in card.summaries.get().body
