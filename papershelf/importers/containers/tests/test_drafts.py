"""A Drafts export (DraftsExport.json): one note per draft, the trash left out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers import reader_for, readers
from papershelf.importers.containers.drafts import is_drafts_export, read_drafts, split_title
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.topics.models import Topic

INBOX, ARCHIVE, TRASH = 0, 1, 10000


def _draft(
    number: int, content: str, tags: list[str], folder: int = INBOX, **more: Any
) -> dict[str, Any]:
    """A draft as the app writes it: keys sorted, dates in UTC, location zero when off."""
    day = f"2023-10-{number:02d}"
    return {
        "accessed_at": f"{day}T12:00:00Z",
        "content": content,
        "created_at": f"{day}T08:14:09Z",
        "created_latitude": 0,
        "created_longitude": 0,
        "flagged": False,
        "folder": folder,
        "languageGrammar": "Markdown",
        "modified_at": f"{day}T09:01:44Z",
        "modified_latitude": 0,
        "modified_longitude": 0,
        "tags": tags,
        "uuid": f"5B1E0C9A-1F7E-4B7A-9C55-0D7A3E2B11{number:02d}",
        **more,
    }


# A linguist's phone notes: a heading with the reference under it, a nickname as the
# first line with the citation below, a citation as the first line, a link, a seminar
# note naming papers in passing, a shopping list, and a draft thrown away.
DRAFTS = [
    _draft(
        2,
        "# Three models for the description of language\n\nChomsky, N. (1956). IRE "
        "Transactions on Information Theory, 2(3), 113–124. "
        "https://doi.org/10.1109/TIT.1956.1056813\n\nFinite-state grammars fail on "
        "self-embedding; phrase structure needs transformations.",
        ["syntax", "formal-languages"],
        folder=ARCHIVE,
    ),
    _draft(
        5,
        "Greenberg's universals\nGreenberg, J. H. (1963). Some universals of grammar with "
        "particular reference to the order of meaningful elements. In J. H. Greenberg "
        "(Ed.), Universals of Language (pp. 73–113). MIT Press.\n\n45 universals; the "
        "word-order correlations are what everyone cites.",
        ["typology"],
        flagged=True,
    ),
    _draft(
        9,
        "Dryer, M. S. (1992). The Greenbergian word order correlations. Language, 68(1), "
        "81–138. doi:10.2307/416370\n\nBranching direction instead of head-dependent order.",
        ["typology", "syntax"],
        folder=ARCHIVE,
    ),
    _draft(
        11,
        "## Sapir-Whorf, revisited\n\n[Does language shape thought? Mandarin and English "
        "speakers' conceptions of time](https://doi.org/10.1006/cogp.2001.0748)\n\n"
        "Boroditsky 2001; the replication by January & Kako (2007) failed.",
        ["typology", "cognition"],
    ),
    _draft(
        14,
        "Seminar wk 6 notes\n\nSomeone brought up Hawkins 1994 again, and the Dryer paper; "
        "next week is on Evans & Levinson.",
        ["seminar"],
    ),
    _draft(15, "Groceries\n- lentils\n- coffee\n- dish soap\n", []),
    _draft(
        16,
        "# Hockett 1960\n\nThe origin of speech. Scientific American 203(3), 88–96.",
        ["evolution"],
        folder=TRASH,
    ),
]


def _export(folder: Path, drafts: list[dict[str, Any]], name: str = "DraftsExport.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(drafts, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_drafts_export_is_known_by_what_it_holds(tmp_path: Path) -> None:
    export = _export(tmp_path, DRAFTS, "backup 2023-10-20.json")
    assert is_drafts_export(export)
    assert reader_for(export, readers()) is read_drafts
    backup = _export(tmp_path, DRAFTS, "DraftsExport.draftsExport")  # the app's own suffix
    assert reader_for(backup, readers()) is read_drafts
    others = tmp_path / "settings.json"
    others.write_text('[{"content": "x", "id": 1}]', encoding="utf-8")  # no uuid, no dates
    assert not is_drafts_export(others)
    whole = tmp_path / "notes.json"
    whole.write_text(json.dumps({"drafts": DRAFTS}), encoding="utf-8")  # not a list
    assert not is_drafts_export(whole)


def test_the_first_line_is_the_title_with_or_without_its_heading_mark() -> None:
    assert split_title("# Weil 1949\n\nBody") == ("Weil 1949", "Body")
    assert split_title("## Sapir-Whorf\r\nline two\r\n") == ("Sapir-Whorf", "line two")
    assert split_title("\n\nGreenberg's universals\nGreenberg, J. H.") == (
        "Greenberg's universals",
        "Greenberg, J. H.",
    )
    assert split_title("#hashtag-first draft") == ("hashtag-first draft", "")


def test_each_draft_out_of_the_trash_is_a_note_with_its_tags_date_and_states(
    tmp_path: Path,
) -> None:
    members = dict(read_drafts(_export(tmp_path, DRAFTS)))
    assert list(members) == [
        "Three models for the description of language.md",
        "Greenberg's universals.md",
        "Dryer, M. S. (1992). The Greenbergian word order correlations. Language, 68(1),.md",
        "Sapir-Whorf, revisited.md",
        "Seminar wk 6 notes.md",
        "Groceries.md",
    ]  # Hockett 1960 is in the trash
    assert members["Greenberg's universals.md"] == (
        "---\ntags:\n- typology\ncreated: '2023-10-05'\nflagged: true\n---\n\n"
        "# Greenberg's universals\n\nGreenberg, J. H. (1963). Some universals of grammar "
        "with particular reference to the order of meaningful elements. In J. H. Greenberg "
        "(Ed.), Universals of Language (pp. 73–113). MIT Press.\n\n45 universals; the "
        "word-order correlations are what everyone cites.\n"
    )
    chomsky = members["Three models for the description of language.md"]
    assert "created: '2023-10-02'\narchived: true\n---\n\n# Three models" in chomsky
    assert members["Groceries.md"].endswith("# Groceries\n\n- lentils\n- coffee\n- dish soap\n")


def test_other_tools_say_archived_and_trashed_in_flags_or_by_folder_name(tmp_path: Path) -> None:
    drafts: list[dict[str, Any]] = [
        {"uuid": "1", "content": "Kept", "is_archived": True, "is_trashed": False},
        {"uuid": "2", "content": "Thrown", "is_trashed": True},
        {"uuid": "3", "content": "Also thrown", "folder": "trash"},
        {"uuid": "4", "content": "Filed", "folder": "archive", "tags": ["  ", "x"]},
        {"uuid": "5", "content": "   "},
    ]
    members = dict(read_drafts(_export(tmp_path, drafts)))
    assert members == {
        "Kept.md": "---\narchived: true\n---\n\n# Kept\n",
        "Filed.md": "---\ntags:\n- x\narchived: true\n---\n\n# Filed\n",
    }


def test_a_broken_drafts_export_is_refused_at_the_line_it_breaks(tmp_path: Path) -> None:
    path = tmp_path / "DraftsExport.json"
    path.write_text('[\n  {\n    "uuid": "1",\n    "content": "x"\n  },\n  {\n]', "utf-8")
    assert is_drafts_export(path)
    with pytest.raises(ParseError) as error:
        read_drafts(path)
    assert error.value.line == 7 and "not valid JSON" in str(error.value)


def test_a_drafts_export_imports_the_papers_its_drafts_are_on(tmp_path: Path, alice: User) -> None:
    _export(tmp_path, DRAFTS)
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    titles = set(Paper.objects.values_list("title", flat=True))
    assert titles == {
        "Three models for the description of language",
        "Some universals of grammar with particular reference to the order of meaningful elements",
        "The Greenbergian word order correlations",
        "Does language shape thought? Mandarin and English speakers' conceptions of time",
    }
    dryer = Paper.objects.get(title="The Greenbergian word order correlations")
    assert dryer.doi == "10.2307/416370" and dryer.year == 1992
    skipped = {f.name for f in report.files if f.status == "skipped"}
    assert {"DraftsExport.json/Groceries.md", "DraftsExport.json/Seminar wk 6 notes.md"} <= skipped
    assert {"syntax", "typology"} <= set(Topic.objects.values_list("name", flat=True))
