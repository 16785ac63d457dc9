"""Anki packages (.apkg): the collection's notes read as Anki's plain-text export."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.anki.package import read_anki_package
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

MODELS = {
    "1": {"name": "Basic", "flds": [{"name": "Front"}, {"name": "Back"}]},
    "2": {
        "name": "Paper",
        "flds": [{"name": "Citation"}, {"name": "Key finding"}, {"name": "DOI"}],
    },
}


def _package(path: Path) -> Path:
    database = path.parent / "collection.anki21"
    with sqlite3.connect(database) as db:
        db.executescript(
            "CREATE TABLE col (id integer primary key, models text, decks text);"
            "CREATE TABLE notes (id integer primary key, guid text, mid integer, tags text,"
            " flds text);"
            "CREATE TABLE cards (id integer primary key, nid integer, did integer);"
        )
        decks = {"10": {"name": "Pharmacology::Landmark trials"}}
        db.execute("INSERT INTO col VALUES (1, ?, ?)", (json.dumps(MODELS), json.dumps(decks)))
        notes = [
            (1, "a", 2, " trial cardiology ", "\x1f".join([
                "Pitt B, Zannad F, Remme WJ, et al. The effect of spironolactone on morbidity and "
                "mortality in patients with severe heart failure. N Engl J Med. 1999;341:709-17.",
                "RALES: 30% lower mortality.", "10.1056/NEJM199909023411001"])),
            (2, "b", 1, "", "Mechanism of furosemide?\x1fBlocks NKCC2 in the loop of Henle."),
        ]  # fmt: skip
        db.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?)", notes)
        db.executemany("INSERT INTO cards VALUES (?, ?, 10)", [(1, 1), (2, 2)])
    with zipfile.ZipFile(path, "w") as package:
        package.write(database, "collection.anki21")
        package.writestr("collection.anki2", b"")  # newer Anki's stub for old versions
        package.writestr("media", "{}")
    database.unlink()
    return path


def test_a_package_opens_into_the_plain_text_export_of_its_notes(tmp_path: Path) -> None:
    [(name, text)] = read_anki_package(_package(tmp_path / "Pharmacology.apkg"))
    assert name == "Pharmacology.txt"
    assert text.startswith("#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n")
    assert "Paper\tPharmacology::Landmark trials\ttrial cardiology\tPitt B" in text


def test_a_decks_paper_cards_are_papers_and_its_drug_facts_are_not(
    tmp_path: Path, alice: User
) -> None:
    _package(tmp_path / "Pharmacology.apkg")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(Paper.objects.values_list("doi", flat=True)) == ["10.1056/nejm199909023411001"]


def test_a_zip_without_a_collection_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.apkg"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("media", "{}")
    with pytest.raises(ParseError, match="no collection"):
        read_anki_package(path)
