"""Reading the preview's correction fields into ParseHints, by file name."""

from __future__ import annotations

import json

from django.utils.datastructures import MultiValueDict

from papershelf.importers.forms import (
    corrections_from_session,
    corrections_to_session,
    read_corrections,
)
from papershelf.importers.records import ParseHints


def _form(**fields: str | list[str]) -> MultiValueDict[str, str]:
    return MultiValueDict(
        {key: value if isinstance(value, list) else [value] for key, value in fields.items()}
    )


def _read(fields: dict[str, str | list[str]]) -> tuple[dict[str, ParseHints], list[str]]:
    return read_corrections(_form(**fields))


def test_it_reads_each_files_corrections_by_the_files_name() -> None:
    corrections, errors = _read(
        {
            "file-0": "notes.md",
            "not-paper-0": ["7", "19"],
            "title-0-11": "  Attention Is\nAll You Need ",
            "split-0": "2",
            "separator-0": "  Read more → ",
            "file-1": "refs.bib",
            "title-1-3": "Deep Residual Learning",
        }
    )
    assert errors == []
    assert corrections == {
        "notes.md": ParseHints(
            not_papers=frozenset({7, 19}),
            titles={11: "Attention Is All You Need"},
            split_level=2,
            separator="Read more →",
        ),
        "refs.bib": ParseHints(titles={3: "Deep Residual Learning"}),
    }


def test_a_file_with_nothing_corrected_has_no_hints() -> None:
    corrections, errors = _read({"file-0": "notes.md", "split-0": "", "title-0-3": "  "})
    assert corrections == {} and errors == []


def test_a_heading_level_outside_one_to_six_is_ignored_with_a_message() -> None:
    for level in ("9", "0", "-1", "two"):
        corrections, errors = _read({"file-0": "notes.md", "split-0": level})
        assert corrections == {}
        assert errors == [
            f"notes.md: papers start at a heading level from 1 to 6, not “{level}”; ignored."
        ]


def test_a_line_that_is_no_number_is_ignored_with_a_message() -> None:
    corrections, errors = _read({"file-0": "notes.md", "not-paper-0": ["x", "0", "5"]})
    assert corrections == {"notes.md": ParseHints(not_papers=frozenset({5}))}
    assert len(errors) == 2


def test_fields_of_a_file_the_form_does_not_name_are_ignored() -> None:
    corrections, errors = _read({"not-paper-3": "5", "title-3-5": "Orphan", "file-0": ""})
    assert corrections == {} and errors == []


def test_a_too_long_title_or_separator_is_ignored_with_a_message() -> None:
    corrections, errors = _read(
        {"file-0": "notes.md", "title-0-3": "x" * 1001, "separator-0": "-" * 201}
    )
    assert corrections == {} and len(errors) == 2


def test_corrections_survive_the_sessions_json() -> None:
    corrections = {
        "notes.md": ParseHints(
            not_papers=frozenset({7}), titles={11: "A title"}, split_level=2, separator="* * *"
        )
    }
    stored = json.loads(json.dumps(corrections_to_session(corrections)))
    assert corrections_from_session(stored) == corrections
