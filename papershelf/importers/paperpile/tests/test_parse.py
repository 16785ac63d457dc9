"""Paperpile's JSON export: references with notes are papers read; to-read and
cite-only references, books, web pages and the trash are not; a preprint is its paper."""

from __future__ import annotations

import json
from typing import Any

from papershelf.importers.paperpile.parse import looks_like_paperpile, parse
from papershelf.importers.registry import detect


def _ref(title: str, last: str, year: int, **extra: Any) -> dict[str, Any]:
    return {
        "_id": f"id-{abs(hash(title)) % 10**8}",
        "citekey": f"{last}{year}-ab",
        "title": title,
        "author": [{"first": "A", "last": last, "formatted": f"{last} A"}],
        "published": {"year": str(year)},
        "pubtype": "PP_ARTICLE",
        "labelsNamed": [],
        "foldersNamed": ["Rotation", "Methods"],
        **extra,
    }


LIBRARY = [
    _ref(
        "Coupled oscillators in the circadian clock",
        "Rivera",
        2019,
        doi="10.1000/clock.2019.1",
        labelsNamed=["read", "modelling"],
        note="<p><b>Model.</b> Two coupled oscillators reproduce phase jumps.</p>",
    ),
    _ref(
        "Light resets the clock through a single pathway",
        "Chen",
        2020,
        id_list=["doi:10.1000/light.2020.7", "url:https://example.org/light"],
        labelsNamed=["read", "modelling"],
        foldersNamed=["Rotation", "Light"],
        note="<p>Melanopsin alone is enough in the knockout.</p>",
    ),
    _ref(
        "Light reset the clock through a single pathway",
        "Chen",
        2019,
        pubtype="PP_PREPRINT",
        labelsNamed=["read"],
        note="<p>preprint of the one above; annotated this PDF first</p>",
    ),
    _ref(
        "Sleep pressure and adenosine", "Okafor", 2021, labelsNamed=["to-read"], note="<p>next</p>"
    ),
    _ref("A reference panel for clock genes", "Consortium", 2015, labelsNamed=["cite-only"]),
    _ref("The Clock Book", "Foster", 2017, pubtype="PP_BOOK", labelsNamed=["to-read"]),
    _ref("Circadian database", "Lab", 2022, pubtype="PP_WEB"),
    _ref("An old duplicate", "Rivera", 2018, trashed=1, note="<p>gone</p>"),
]


def test_a_paperpile_export_is_told_from_csl_json() -> None:
    text = json.dumps(LIBRARY)
    assert looks_like_paperpile(text)
    assert detect_name(text) == "paperpile"
    assert not looks_like_paperpile(json.dumps([{"id": "x", "type": "article", "title": "T"}]))


def detect_name(text: str) -> str:
    from pathlib import Path

    return detect(Path("Paperpile - JSON Export.json"), text).name


def test_references_read_are_papers_with_their_notes_and_the_rest_is_left_out_with_reasons() -> (
    None
):
    document = parse(json.dumps(LIBRARY), "library.json")

    papers = {e.paper.title: e for e in document.entries if e.paper}
    assert set(papers) == {
        "Coupled oscillators in the circadian clock",
        "Light resets the clock through a single pathway",
    }
    light = papers["Light resets the clock through a single pathway"]
    assert light.paper is not None and light.paper.doi == "10.1000/light.2020.7"
    assert light.summary is not None and "annotated this PDF first" in light.summary.markdown
    reasons = " | ".join(w.message for w in document.warnings)
    for expected in ("preprint of", "to read or to cite only", "a book", "a web page", "trash"):
        assert expected in reasons
    topics = {name for names in document.entry_topics.values() for name in names}
    assert {"Methods", "Light", "modelling"} <= topics
