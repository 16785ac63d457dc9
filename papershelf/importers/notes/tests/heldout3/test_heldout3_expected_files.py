"""The third held-out set is for measuring the notes importer, never for tuning it.

Score it with ``python benchmarks/import_collections.py --root
papershelf/importers/notes/tests/heldout3``. No test asserts recall or false-paper targets
on it; this module only checks that every expected file is well-formed, so the benchmark
can read it.
"""

from __future__ import annotations

from pathlib import Path

from papershelf.importers.notes.tests.collections import score as scoring

HELDOUT3_DIR = Path(__file__).resolve().parent
OTHER_DIRS = [HELDOUT3_DIR.parent / "heldout", HELDOUT3_DIR.parent / "heldout2"]
_PAPER_KEYS = {"title", "arxiv_id", "doi", "year", "authors_first"}


def test_every_heldout3_expected_file_is_well_formed() -> None:
    names = scoring.collection_names(HELDOUT3_DIR)
    assert len(names) >= 7
    for name in names:
        expected = scoring.load_expected(name, HELDOUT3_DIR)
        folder = scoring.collection_folder(name, HELDOUT3_DIR)
        assert expected["kind"] and expected["notes"], name
        assert 5 <= len(expected["papers"]) <= 20, name
        for paper in expected["papers"]:
            assert set(paper) <= _PAPER_KEYS, (name, paper)
            assert paper["title"].strip(), name
            assert isinstance(paper.get("year", 0), int), (name, paper)
            if paper.get("arxiv_id"):
                assert scoring.norm_arxiv(paper["arxiv_id"]) == paper["arxiv_id"], (name, paper)
            if paper.get("doi"):
                assert scoring.norm_doi(paper["doi"]) == paper["doi"].lower(), (name, paper)
        ids = [p["arxiv_id"] for p in expected["papers"] if p.get("arxiv_id")]
        assert len(ids) == len(set(ids)), name
        dois = [p["doi"].lower() for p in expected["papers"] if p.get("doi")]
        assert len(dois) == len(set(dois)), name
        titles = [scoring.norm_section(p["title"]) for p in expected["papers"]]
        assert len(titles) == len(set(titles)), name
        assert isinstance(expected.get("sections", []), list), name
        assert isinstance(expected.get("topics", []), list), name
        for skipped in expected.get("skipped_files", []):
            assert (folder / skipped).is_file(), (name, skipped)


def test_heldout3_names_do_not_shadow_other_sets() -> None:
    mine = set(scoring.collection_names(HELDOUT3_DIR))
    assert not mine & set(scoring.collection_names())
    for other in OTHER_DIRS:
        assert not mine & set(scoring.collection_names(other))
