"""Joplin's RAW export: notes in id-named files, tags through link items, bookkeeping skipped."""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.notes.joplin import read_item
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic

NOTE_ID = "32b94de8e39b7f09a57ddba23731c836"
COPY_ID = "245a598c68f810c97ea06dd6033f88f4"
TAG_ID = "5facc34b61958abbaac1a53a6344518a"
BOOK_ID = "d57b38f68766a8ad57aa94f9e1a99282"


def _footer(item_id: str, kind: int, **fields: str) -> str:
    lines = [f"id: {item_id}", *(f"{key}: {value}" for key, value in fields.items())]
    return "\n".join([*lines, "encryption_applied: 0", f"type_: {kind}"])


def _note(item_id: str, title: str, body: str, **fields: str) -> str:
    footer = _footer(item_id, 1, parent_id=BOOK_ID, is_conflict="0", source_url="", **fields)
    return f"{title}\n\n{body}\n\n{footer}"


def _export(folder: Path, second_tagged_note: str) -> None:
    items = {
        NOTE_ID: _note(
            NOTE_ID,
            "JC 10 Mar – Dagan et al., BNT162b2 in a nationwide mass vaccination setting",
            "**Paper:** BNT162b2 mRNA Covid-19 Vaccine in a Nationwide Mass Vaccination "
            "Setting\n**DOI:** 10.1056/NEJMoa2101765\n\n## Summary\nMatched cohort, 600k pairs.",
        ),
        second_tagged_note: _note(
            second_tagged_note,
            "Polack 2020",
            "Polack FP, Thomas SJ, Kitchin N, et al. Safety and Efficacy of the BNT162b2 "
            "mRNA Covid-19 Vaccine. N Engl J Med 2020;383:2603-15. doi:10.1056/NEJMoa2034577",
        ),
        COPY_ID: _note(
            COPY_ID, "Polack 2020", "An older copy.", conflict_original_id=second_tagged_note
        ).replace("is_conflict: 0", "is_conflict: 1"),
        TAG_ID: f"covid-19\n\n{_footer(TAG_ID, 5)}",
        BOOK_ID: f"Epi journal club\n\n{_footer(BOOK_ID, 2, parent_id='')}",
    }
    for number, note_id in enumerate([NOTE_ID, second_tagged_note]):
        link_id = f"{number:032x}"
        items[link_id] = _footer(link_id, 6, note_id=note_id, tag_id=TAG_ID)
    for item_id, text in items.items():
        (folder / f"{item_id}.md").write_text(text, encoding="utf-8")


def test_a_joplin_export_imports_its_notes_with_their_tags_and_skips_its_bookkeeping(
    tmp_path: Path, alice: User
) -> None:
    _export(tmp_path, "f2cf1a2db55a8a8f84123bd5acb69ecb")
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    skipped = {outcome.detail for outcome in report.files_with("skipped")}
    assert "a Joplin conflict copy of another note" in skipped
    assert {"a Joplin tag, not a note", "a Joplin notebook, not a note"} <= skipped
    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.1056/nejmoa2101765",
        "10.1056/nejmoa2034577",
    }
    topic = Topic.objects.get(name="covid-19")
    assert topic.papers.count() == 2
    summary = Summary.objects.get(paper__doi="10.1056/nejmoa2101765")
    assert "Matched cohort" in summary.body and "type_:" not in summary.body


def test_an_item_that_does_not_end_in_joplins_fields_is_not_a_joplin_item() -> None:
    assert read_item("# Notes\n\nid: 1234\ntype_: 1\n") is None
    item = read_item(f"Title\n\nBody\n\n{_footer(NOTE_ID, 1)}")
    assert item is not None and (item.kind, item.title, item.body) == ("1", "Title", "Body")


def test_a_jex_archive_among_notes_is_read_as_its_raw_export_with_its_notebooks(
    tmp_path: Path, alice: User
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    _export(raw, "9" * 32)
    to_read, protocols = "a" * 32, "b" * 32
    extra = {
        to_read: f"To read\n\n{_footer(to_read, 2, parent_id='')}",
        protocols: f"Protocols\n\n{_footer(protocols, 2, parent_id='')}",
        "c" * 32: _note(
            "c" * 32,
            "Cao 2022 – Omicron escapes the majority of existing neutralizing antibodies",
            "doi:10.1038/s41586-021-04385-3 — maybe later",
        ).replace(f"parent_id: {BOOK_ID}", f"parent_id: {to_read}"),
        "d" * 32: _note(
            "d" * 32,
            "Plaque assay – flu (MDCK, Avicel overlay)",
            "1. Seed MDCK cells, 2. infect, 3. overlay with Avicel (Matrosovich et al. 2006).",
        ).replace(f"parent_id: {BOOK_ID}", f"parent_id: {protocols}"),
        "e" * 32: _note(
            "e" * 32,
            "Zhou et al. 2020 – A pneumonia outbreak associated with a new coronavirus",
            "doi:10.1038/s41586-020-2012-7",
            is_todo="1",
            todo_completed="0",
        ),
    }
    for item_id, text in extra.items():
        (raw / f"{item_id}.md").write_text(text, encoding="utf-8")
    with tarfile.open(tmp_path / "14_03_2025.jex", "w") as archive:
        for item in sorted(raw.iterdir()):
            archive.add(item, arcname=item.name)
    shutil.rmtree(raw)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    # The notes of "To read" and "Protocols" are no papers read; an open to-do that says
    # to read a paper for a session still names it.
    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.1056/nejmoa2101765",
        "10.1056/nejmoa2034577",
        "10.1038/s41586-020-2012-7",
    }
