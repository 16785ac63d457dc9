"""File names for the notes a container holds: readable, safe and unique."""

from __future__ import annotations

from papershelf.importers.containers.members import MAX_NAME_CHARS, MemberNames, markdown_note


def test_a_title_becomes_a_file_name_without_the_characters_file_systems_refuse() -> None:
    names = MemberNames()
    assert names.name_for('Re: "H0" / round 2?') == "Re H0 round 2.md"
    assert names.name_for("../../etc/passwd") == "etc passwd.md"
    assert names.name_for(".hidden") == "hidden.md"
    assert names.name_for("  ") == "Untitled.md"


def test_a_long_title_is_cut_at_a_word() -> None:
    name = MemberNames().name_for("word " * 40)
    assert len(name) <= MAX_NAME_CHARS + len(".md") and name.endswith("word.md")


def test_titles_that_differ_only_in_case_get_numbered_names() -> None:
    names = MemberNames()
    assert [names.name_for(t) for t in ("Notes", "notes", "NOTES")] == [
        "Notes.md",
        "notes 2.md",
        "NOTES 3.md",
    ]


def test_a_note_without_tags_or_source_has_no_front_matter() -> None:
    assert markdown_note("Title", "Body\n", []) == "# Title\n\nBody\n"
