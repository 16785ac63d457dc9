"""One unreadable file in a folder never blocks the rest: a corrupt workbook or deck is
reported as failed, an office lock file or an editor's backup as skipped, and the notes
beside them import."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

NOTE = "# Attention Is All You Need\n\nhttps://arxiv.org/abs/1706.03762\n\nSelf-attention only.\n"


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "attention.md").write_text(NOTE, encoding="utf-8")
    (tmp_path / "tracker.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (tmp_path / "deck.pptx").write_bytes(b"nothing like a zip")
    (tmp_path / "~$tracker.xlsx").write_bytes(b"\x00owner")
    (tmp_path / "attention.md~").write_text(NOTE, encoding="utf-8")  # an editor's backup
    return tmp_path


def test_a_corrupt_container_fails_alone_and_a_lock_file_is_skipped(
    tmp_path: Path, alice: User
) -> None:
    report = import_paths([_folder(tmp_path)], ImportOptions(user=alice, fetch_metadata=False))

    assert list(Paper.objects.values_list("arxiv_id", flat=True)) == ["1706.03762"]
    outcomes = {f.name: (f.status, f.detail) for f in report.files}
    assert outcomes["tracker.xlsx"][0] == "failed"
    assert outcomes["deck.pptx"][0] == "failed"
    assert outcomes["~$tracker.xlsx"] == (
        "skipped",
        "an office lock file (the file is open elsewhere)",
    )
    assert outcomes["attention.md~"] == (
        "skipped",
        "a backup copy of another file (its name ends in ~)",
    )


def test_strict_keeps_all_or_nothing(tmp_path: Path, alice: User) -> None:
    options = ImportOptions(user=alice, fetch_metadata=False, strict=True)
    with pytest.raises(ParseError):
        import_paths([_folder(tmp_path)], options)
    assert not Paper.objects.exists()


def test_a_readers_own_error_fails_that_file_alone_and_strict_mode_raises_it(
    tmp_path: Path, alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    from papershelf.importers import services

    parse = services._parse

    def broken_on_one(doc: object, options: ImportOptions) -> object:
        if getattr(doc, "name", "") == "broken.md":
            raise IndexError("list index out of range")  # a reader's bug, as it happened
        return parse(doc, options)  # type: ignore[arg-type]

    monkeypatch.setattr(services, "_parse", broken_on_one)
    (tmp_path / "attention.md").write_text(NOTE, encoding="utf-8")
    (tmp_path / "broken.md").write_text("# Anything\n\ntext\n", encoding="utf-8")
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    outcomes = {f.name: (f.status, f.detail) for f in report.files}
    assert outcomes["broken.md"][0] == "failed"
    assert "an error in Papershelf's reader" in outcomes["broken.md"][1]
    assert list(Paper.objects.values_list("arxiv_id", flat=True)) == ["1706.03762"]
    with pytest.raises(IndexError):
        import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False, strict=True))
