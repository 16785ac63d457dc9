"""Notes written by a tool whose encoding had no curly quotes or dashes ("?" instead),
and files in an old single-byte encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.importers.notes.lostpunctuation import restore_lost_punctuation
from papershelf.importers.notes.parse import parse
from papershelf.importers.reading import read_document
from papershelf.importers.records import ParseError

LOST = """\
# Pulsar classics

Background for the intro chapter ? read both for the history paragraph.

**Hewish, Bell, Pilkington, Scott & Collins (1968)**

?Observation of a Rapidly Pulsating Radio Source?, Nature 217, 709?713. doi:10.1038/217709a0

Dispersion ? distance estimate; the ?little green men? joke is in the intro.
"""


def test_lost_quotes_dashes_and_page_ranges_come_back() -> None:
    restored = restore_lost_punctuation(LOST.splitlines())
    assert restored[6] == (
        "“Observation of a Rapidly Pulsating Radio Source”, Nature 217, 709–713. "
        "doi:10.1038/217709a0"
    )
    assert restored[2].startswith("Background for the intro chapter — read")
    assert "the “little green men” joke" in restored[8]


def test_a_citation_with_lost_quotes_names_its_paper() -> None:
    document = parse(LOST, "Pulsar classics.html")
    titles = [e.paper.title for e in document.entries if e.paper]
    assert "Observation of a Rapidly Pulsating Radio Source" in titles


@pytest.mark.parametrize(
    "text",
    [
        "Why did it fail? Because the seed was fixed.\nIs it fixed now? Yes.\n",
        "Pourquoi la méthode échoue ? Parce que le pas est trop grand.\n"
        "Est-ce que les données sont bonnes ? Pas toutes.\n",
        "```\nx = a ? b : c\ny = d ? e : f\n```\n",
        "| Paper | Year |\n|---|---|\n| ?Unknown? | ? |\n| Other | ? |\n",
    ],
    ids=["real questions", "French spacing", "code", "unknown cells"],
)
def test_real_question_marks_stay(text: str) -> None:
    assert restore_lost_punctuation(text.splitlines()) == text.splitlines()


def test_a_mostly_english_file_in_windows_1252_is_read(tmp_path: Path) -> None:
    text = (
        "# Thornton 2013\n\n" + "A population of fast radio bursts at cosmological distances. " * 5
    )
    path = tmp_path / "Thornton 2013.html"
    path.write_bytes(
        (text + "Dispersion up to 1100 pc cm\u207b\u00b3 \u2013 30\u00b0 off.\n").encode(
            "cp1252", errors="replace"
        )
    )
    document = read_document(path, str(path), path.name)
    assert "30°" in document.text and "–" in document.text


def test_a_file_full_of_other_bytes_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes("# Заметки\n\nСтатья о нейронных сетях.\n".encode("koi8_r"))
    with pytest.raises(ParseError, match="UTF-8") as error:
        read_document(path, str(path), path.name)
    assert error.value.line == 1
