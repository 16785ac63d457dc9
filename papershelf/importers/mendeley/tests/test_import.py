"""A copy of Mendeley Desktop's data folder imported end to end."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from papershelf.importers.mendeley.tests.fixtures import (
    CLOSED_LOOP,
    DATABASE,
    DECLARE,
    DELETED,
    EMPA,
    GROUP_PAPER,
    LEADER,
    PREPRINT,
    SOFTWARE,
    TEXTBOOK,
    TRASHED,
    WEB_PAGE,
    build_library,
    data_folder,
)
from papershelf.importers.services import ImportReport
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic


def _titles() -> set[str]:
    return set(Paper.objects.values_list("title", flat=True))


def _summary(title: str) -> str:
    return Summary.objects.get(paper__title=title).body


def _warnings(report: ImportReport) -> str:
    return "\n".join(map(str, report.warnings))


def _without_notes(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE Documents SET note = NULL")
        connection.execute("DELETE FROM FileNotes")
        connection.execute("DELETE FROM DocumentNotes")
    connection.close()


def test_a_mendeley_data_folder_imports_the_papers_the_person_read(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    report = run_import(tmp_path)
    assert not report.files_with("failed")
    assert _titles() == {EMPA, LEADER, CLOSED_LOOP, PREPRINT}


def test_authors_keep_mendeleys_order_and_a_trial_group_keeps_its_name(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    run_import(tmp_path)
    empa = Paper.objects.get(title=EMPA)
    names = [a.name for a in empa.ordered_authors()]
    assert names == ["Bernard Zinman", "Christoph Wanner", "EMPA-REG OUTCOME Investigators"]


def test_a_papers_doi_year_and_journal_come_from_its_document(tmp_path: Path, run_import) -> None:
    data_folder(tmp_path)
    run_import(tmp_path)
    empa = Paper.objects.get(title=EMPA)
    assert (empa.doi, empa.year) == ("10.1056/nejmoa1504720", 2015)
    assert empa.venue is not None and empa.venue.name == "New England Journal of Medicine"


def test_an_arxiv_id_is_read_with_its_version(tmp_path: Path, run_import) -> None:
    data_folder(tmp_path)
    run_import(tmp_path)
    preprint = Paper.objects.get(title=PREPRINT)
    assert preprint.arxiv_id == "2101.00001"


def test_the_notes_tab_html_becomes_markdown_with_its_bold_breaks_and_entities(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    run_import(tmp_path)
    body = _summary(EMPA)
    assert body.startswith("**EMPA-REG – my summary**  \n7020 patients with T2D & CVD.")
    assert "HR 0.86 (95% CI 0.74–0.99); CV death ↓ 38%" in body and "*Why?*" in body


def test_sticky_notes_on_the_pdf_join_the_summary_each_with_its_page(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    run_import(tmp_path)
    body = _summary(EMPA)
    assert "- p. 3: Primary outcome defined here" in body
    assert "- p. 5: Figure 2: the curves split by month 3.\n  Heart failure too." in body
    assert body.index("p. 3") < body.index("p. 5")


def test_an_old_mendeley_note_in_its_own_markup_becomes_markdown(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    run_import(tmp_path)
    assert _summary(PREPRINT) == "**Neural ODE** on CGM traces  \nWeak baseline."


def test_a_needs_review_document_is_the_persons_paper_all_the_same(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    run_import(tmp_path)
    assert Paper.objects.filter(title=PREPRINT).exists()  # confirmed = "false"


def test_a_paper_filed_twice_is_one_paper_with_the_notes_of_both_copies(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    report = run_import(tmp_path)
    assert Paper.objects.filter(title=LEADER).count() == 1
    body = _summary(LEADER)
    assert "MACE HR 0.87" in body and "Hypoglycaemia lower than with placebo?" in body
    assert f"“{LEADER}” is a duplicate of line 3" in _warnings(report)


def test_folders_are_topics_and_a_subfolder_keeps_its_parent(tmp_path: Path, run_import) -> None:
    data_folder(tmp_path)
    run_import(tmp_path)
    assert {p.title for p in Topic.objects.get(name="SGLT2").papers.all()} == {EMPA, CLOSED_LOOP}
    diabetes = {p.title for p in Topic.objects.get(name="Diabetes").papers.all()}
    assert diabetes == {EMPA, LEADER, CLOSED_LOOP}  # EMPA is in Diabetes > SGLT2


def test_a_tag_two_papers_share_is_a_topic_and_a_reading_status_tag_is_not(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    run_import(tmp_path)
    cardiology = Topic.objects.get(name="cardiology")
    assert {p.title for p in cardiology.papers.all()} == {EMPA, LEADER}
    assert not Topic.objects.filter(name__iexact="to-read").exists()


def test_trashed_deleted_and_shared_group_documents_are_left_out_and_named(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    report = run_import(tmp_path)
    assert not _titles() & {TRASHED, DELETED, GROUP_PAPER}
    warnings = _warnings(report)
    assert f"“{TRASHED}” is in Mendeley's trash" in warnings
    assert f"“{DELETED}” was deleted in Mendeley" in warnings
    assert f"“{GROUP_PAPER}” is in a shared group's library" in warnings


def test_beside_notes_an_unread_document_without_notes_and_a_book_are_left_out_and_named(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    report = run_import(tmp_path)
    assert not _titles() & {DECLARE, TEXTBOOK}
    warnings = _warnings(report)
    assert f"“{DECLARE}” is marked unread and has no notes" in warnings
    assert f"“{TEXTBOOK}” is a book" in warnings


def test_web_pages_and_software_are_no_papers_even_with_a_note(tmp_path: Path, run_import) -> None:
    data_folder(tmp_path)
    report = run_import(tmp_path)
    assert not _titles() & {WEB_PAGE, SOFTWARE}
    assert f"“{WEB_PAGE}” is a web page, not a paper" in _warnings(report)


def test_a_library_with_no_notes_anywhere_is_imported_whole_but_for_non_papers(
    tmp_path: Path, run_import
) -> None:
    _without_notes(data_folder(tmp_path))
    run_import(tmp_path)
    assert _titles() == {EMPA, LEADER, CLOSED_LOOP, PREPRINT, DECLARE, TEXTBOOK}


def test_a_notes_file_beside_the_database_makes_its_unread_papers_background(
    tmp_path: Path, run_import
) -> None:
    _without_notes(data_folder(tmp_path))
    (tmp_path / "Journal club.md").write_text("# EMPA-REG\n\n- Journal club on 3 May\n")
    run_import(tmp_path)
    assert not _titles() & {DECLARE, TEXTBOOK}


def test_mendeleys_other_databases_are_reported_skipped_and_fail_nothing(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    report = run_import(tmp_path)
    skipped = {outcome.name for outcome in report.files_with("skipped")}
    assert {"online.sqlite/online.sqlite", "monitor.sqlite/monitor.sqlite"} <= skipped
    assert "online.sqlite/online.sqlite: a SQLite database with Mendeley Desktop's cache" in (
        _warnings(report)
    )
    assert [o.name for o in report.files_with("imported")] == [f"{DATABASE}/{DATABASE}"]


def test_another_apps_database_in_a_folder_is_skipped(tmp_path: Path, run_import) -> None:
    data_folder(tmp_path)
    with sqlite3.connect(tmp_path / "places.sqlite") as other:
        other.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    other.close()
    report = run_import(tmp_path)
    assert "places.sqlite/places.sqlite" in {o.name for o in report.files_with("skipped")}
    assert "no Mendeley Desktop library in it" in _warnings(report)


def test_a_damaged_database_fails_with_a_message_naming_it_and_the_rest_imports(
    tmp_path: Path, run_import
) -> None:
    data_folder(tmp_path)
    (tmp_path / "copy@www.mendeley.com.sqlite").write_bytes(b"SQLite format 3\x00" + b"\x07" * 90)
    report = run_import(tmp_path)
    [failed] = report.files_with("failed")
    assert failed.name == "copy@www.mendeley.com.sqlite/copy@www.mendeley.com.sqlite"
    assert "not a readable SQLite database" in failed.detail
    assert EMPA in _titles()


def test_a_damaged_database_named_alone_is_reported_failed_with_why(
    tmp_path: Path, run_import
) -> None:
    path = tmp_path / DATABASE
    path.write_bytes(b"not a database at all" * 10)
    [failed] = run_import(path).files_with("failed")
    assert failed.detail.startswith(f"{DATABASE}/{DATABASE}: not a readable SQLite database")


def test_another_apps_database_named_alone_is_reported_skipped(tmp_path: Path, run_import) -> None:
    with sqlite3.connect(tmp_path / "app.sqlite") as other:
        other.execute("CREATE TABLE settings (key TEXT, value TEXT)")
    other.close()
    report = run_import(tmp_path / "app.sqlite")
    assert [o.name for o in report.files_with("skipped")] == ["app.sqlite/app.sqlite"]
    assert not report.files_with("failed") and not _titles()


def test_the_database_and_its_journal_are_never_changed(tmp_path: Path, run_import) -> None:
    database = data_folder(tmp_path)
    files = [database, tmp_path / f"{DATABASE}-journal"]
    before = [(hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns) for f in files]
    run_import(tmp_path)
    after = [(hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns) for f in files]
    assert after == before


def test_a_half_written_change_in_a_hot_journal_is_rolled_back_on_a_copy(
    tmp_path: Path, run_import
) -> None:
    database = build_library(tmp_path / DATABASE)
    _crash_while_renaming_every_title(database)
    journal = tmp_path / f"{DATABASE}-journal"
    assert journal.stat().st_size > 0
    before = database.read_bytes(), journal.read_bytes()
    with sqlite3.connect(f"file:{database}?mode=ro&immutable=1", uri=True) as as_it_lies:
        assert as_it_lies.execute("SELECT title FROM Documents").fetchone()[0].startswith("HALF")
    as_it_lies.close()
    run_import(database)
    assert EMPA in _titles() and "HALF-WRITTEN" not in " ".join(_titles())
    assert (database.read_bytes(), journal.read_bytes()) == before


def _crash_while_renaming_every_title(database: Path) -> None:
    """Leave the database as Mendeley would if it died mid-transaction: its pages
    written, the journal that undoes them still there."""
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA cache_size = 1")  # spill changed pages into the file
    connection.execute("BEGIN")
    connection.execute("UPDATE Documents SET title = 'HALF-WRITTEN ' || title")
    connection.execute(  # more than the cache holds: the changed pages reach the file
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
        "INSERT INTO Files SELECT hex(randomblob(20)), hex(randomblob(250)) FROM n"
    )
    journal = database.with_name(database.name + "-journal")
    saved = journal.read_bytes()
    image = database.read_bytes()
    connection.execute("ROLLBACK")
    connection.close()
    database.write_bytes(image)
    journal.write_bytes(saved)
