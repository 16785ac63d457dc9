"""Held-out collections measure the notes importer on shapes nobody tuned it for.

Score a set with ``python benchmarks/import_collections.py --root
papershelf/importers/notes/tests/heldout3``. No test asserts recall or false-paper targets
on them; these only check that every expected file is well-formed, so the benchmark can
read it, and that no two sets share a collection's name.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from papershelf.importers.notes.tests.collections import score as scoring

TESTS = Path(__file__).resolve().parent
HELDOUT_SETS = sorted(path for path in TESTS.glob("heldout*") if path.is_dir())
_PAPER_KEYS = {"title", "arxiv_id", "doi", "year", "authors_first"}


@pytest.mark.parametrize("root", HELDOUT_SETS, ids=lambda path: path.name)
def test_every_expected_file_of_a_held_out_set_is_well_formed(root: Path) -> None:
    names = scoring.collection_names(root)
    assert len(names) >= 6
    for name in names:
        expected = scoring.load_expected(name, root)
        folder = scoring.collection_folder(name, root)
        assert expected["kind"] and expected["papers"], name
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
        assert isinstance(expected.get("sections", []), list), name
        assert isinstance(expected.get("topics", []), list), name
        for skipped in expected.get("skipped_files", []):
            assert (folder / skipped).exists(), (name, skipped)


def test_no_two_fixture_sets_share_a_collection_name() -> None:
    sets = [set(scoring.collection_names())] + [
        set(scoring.collection_names(root)) for root in HELDOUT_SETS
    ]
    for first, second in combinations(sets, 2):
        assert not first & second
