"""Anki's "Notes in Plain Text" export: a note a row, a paper where a note states one."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers import registry
from papershelf.importers.anki.parse import looks_like_anki, parse, read_layout
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

# Anki 2.1.55+: the header, then guid, note type and deck before the fields, tags last;
# fields are the cards' HTML, quoted when they hold a tab, a quote or a line break.
HEADER = (
    "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
    "#tags column:6\n"
)


def _rows(rows: list[list[str]], separator: str = "\t") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\n").writerows(rows)
    return out.getvalue()


DECK = "Medicine::Cardiology::Landmark trials"
TRIALS = HEADER + _rows(
    [
        [
            "f3Kq9&xY1a",
            "Basic",
            DECK,
            "PARADIGM-HF (McMurray 2014)",
            "Sacubitril/valsartan vs enalapril in HFrEF.<br><b>Result:</b> CV death or HF "
            'hospitalisation 21.8% vs 26.5%, HR 0.80.<br>"Stopped early" for benefit.',
            "cardiology::heart_failure trials",
        ],
        [
            "b7Hh2!pQ0z",
            "Basic",
            DECK,
            "SPRINT",
            "<div>SPRINT Research Group. A Randomized Trial of Intensive versus Standard "
            "Blood-Pressure Control. <i>N Engl J Med</i> 2015;373:2103-16. "
            "doi:10.1056/NEJMoa1511939</div>\n<div>Target SBP &lt;120 vs &lt;140.</div>",
            "hypertension trials",
        ],
        [
            "e2Ll5%tT3w",
            "Basic",
            DECK,
            "Dapagliflozin in Patients with Heart Failure and Reduced Ejection Fraction",
            "McMurray JJV, Solomon SD, et al. N Engl J Med 2019;381:1995-2008.<br>DAPA-HF: "
            "benefit with or without diabetes.",
            "cardiology::heart_failure",
        ],
        [
            "c9Jj3#rR1y",
            "Cloze",
            DECK,
            "In {{c1::ISCHEMIA}}, an invasive strategy {{c2::did not reduce::effect}} events.",
            "",
            "cad marked",
        ],
        [
            "d1Kk4$sS2x",
            "Basic",
            DECK,
            "What is the mechanism of sacubitril?",
            "Neprilysin inhibition <img src='neprilysin.png'> [sound:mech.mp3]",
            "pharm",
        ],
    ]
)


def _papers(text: str, path: str = "Landmark trials.txt") -> list[tuple[str, list[str], int]]:
    document = parse(text, path)
    return [
        (e.paper.title, e.paper.authors, e.paper.year or 0) for e in document.entries if e.paper
    ]


def test_each_anki_note_that_states_a_paper_is_that_paper() -> None:
    assert _papers(TRIALS) == [
        ("PARADIGM-HF", ["McMurray"], 2014),
        (
            "A Randomized Trial of Intensive versus Standard Blood-Pressure Control",
            ["SPRINT Research Group"],
            2015,
        ),
        (
            "Dapagliflozin in Patients with Heart Failure and Reduced Ejection Fraction",
            ["JJV McMurray", "SD Solomon"],
            2019,
        ),
    ]


def test_an_anki_notes_fields_become_its_summary_and_its_tags_its_topics() -> None:
    document = parse(TRIALS, "Landmark trials.txt")
    paradigm = document.entries[0]
    assert paradigm.summary is not None
    assert "**Result:** CV death" in paradigm.summary.markdown
    assert '"Stopped early" for benefit' in paradigm.summary.markdown
    assert document.entry_topics[0] == ["heart failure", "trials"]
    assert [e.line for e in document.entries] == [7, 8, 10]  # where each row starts


def test_the_header_says_the_separator_html_and_which_columns_are_not_fields() -> None:
    layout = read_layout("#separator:Semicolon\n#html:false\n#tags column:3\nA;B;t\n")
    assert (layout.separator, layout.html, layout.columns, layout.header_lines) == (
        ";",
        False,
        {"tags": 2},
        3,
    )


def test_a_deck_of_drug_cards_names_no_paper_and_says_why() -> None:
    drugs = _rows(
        [
            ["Sacubitril", "Neprilysin inhibitor; never with an ACE inhibitor", "pharm::hf"],
            ["Loop diuretics mechanism of action", "Block NKCC2 in the thick limb", "pharm"],
            ["Spironolactone side effects", "Hyperkalaemia, gynaecomastia", "pharm"],
        ]
    )
    document = parse(drugs, "Cardio drugs.txt")
    assert document.entries == []
    assert "names no paper" in document.warnings[0].message


def test_an_old_export_without_a_header_is_read_with_its_tags_last() -> None:
    # Anki before 2.1.55: fields and tags by tabs, line breaks as spaces, quotes doubled.
    old = _rows(
        [
            [
                "Angiotensin–neprilysin inhibition versus enalapril in heart failure",
                "McMurray JJV, Packer M, Desai AS, et al. N Engl J Med 2014;371:993-1004. "
                '"PARADIGM"',
                "heart_failure",
            ],
            ["Digoxin", "Na/K ATPase inhibition", "pharm"],
            ["Ivabradine", "If channel blocker", ""],
        ]
    )
    assert looks_like_anki(old)
    assert _papers(old) == [
        (
            "Angiotensin–neprilysin inhibition versus enalapril in heart failure",
            ["JJV McMurray", "M Packer", "AS Desai"],
            2014,
        )
    ]
    assert parse(old, "old.txt").entry_topics == {0: ["heart failure"]}


def test_only_anki_shaped_text_files_are_taken_for_anki() -> None:
    assert looks_like_anki(TRIALS)
    notes = "Reading notes\n\tindented thought\nAttention Is All You Need\tVaswani 2017\n"
    assert not looks_like_anki(notes)  # rows of different widths, one starting blank
    assert not looks_like_anki('{\n\t"items": []\n}\n')
    assert not looks_like_anki("Title\tYear\nAttention Is All You Need\t2017\n")  # two rows
    path = Path("Medicine__Cardiology__Landmark trials.txt")
    assert registry.detect(path, TRIALS).name == "anki"
    assert registry.detect(Path("notes.txt"), notes).name != "anki"


def test_an_unreadable_row_is_reported_with_its_file_and_line() -> None:
    huge = HEADER + "guid\tBasic\tDeck\t" + '"' + "x" * (csv.field_size_limit() + 10) + "\n"
    with pytest.raises(ParseError) as error:
        parse(huge, "deck.txt")
    assert (error.value.path, error.value.line) == ("deck.txt", 7)


def test_an_anki_export_in_a_folder_imports_its_papers(tmp_path: Path, alice: User) -> None:
    (tmp_path / "Landmark trials.txt").write_text(TRIALS, encoding="utf-8")
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert [(f.name, f.status, f.format) for f in report.files] == [
        ("Landmark trials.txt", "imported", "anki")
    ]
    assert Paper.objects.filter(doi="10.1056/nejmoa1511939").exists()
