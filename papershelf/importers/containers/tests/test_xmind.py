"""XMind workbooks (.xmind): each sheet a mind map of papers, themes and remarks.

The fixtures are zips laid out as XMind writes them: XMind 2020+'s content.json (with
the content.xml stub it keeps for XMind 8, metadata and manifest), and XMind 8's
content.xml (with meta.xml and an old revision of the sheet), with our own text.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from papershelf.accounts.models import User
from papershelf.importers.containers.xmind import read_xmind
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList
from papershelf.topics.models import Topic

ZEN_STUB = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?><xmap-content '
    'xmlns="urn:xmind:xmap:xmlns:content:2.0" version="2.0"><sheet id="7abt"><topic id="1vr0">'
    '<title>Warning\n警告\nAttention</title><children><topics type="attached"><topic id="71h1">'
    "<title>This file can not be opened normally, please do not modify and save, otherwise the "
    "contents will be permanently lost！</title></topic></topics></children></topic>"
    "<title>Sheet 1</title></sheet></xmap-content>"
)


def _topic(topic_id: str, title: str, **more: Any) -> dict[str, Any]:
    return {"id": topic_id, "class": "topic", "title": title, **more}


ZEN_SHEET: dict[str, Any] = {
    "id": "2c7f9d0e1a4b",
    "class": "sheet",
    "title": "Sheet 1 - Mind Map",
    "topicPositioning": "fixed",
    "rootTopic": _topic(
        "root",
        "Causal inference",
        structureClass="org.xmind.ui.map.clockwise",
        notes={
            "plain": {"content": "Seminar map, autumn term.\n"},
            "realHTML": {"content": "<div>Seminar map, <b>autumn</b> term.</div>"},
        },
        children={
            "attached": [
                _topic(
                    "found",
                    "Foundations",
                    children={
                        "attached": [
                            _topic(
                                "rubin",
                                "Causal inference using potential outcomes",
                                href="https://doi.org/10.1198/016214504000001880",
                                labels=["potential outcomes"],
                                markers=[{"markerId": "task-done"}, {"markerId": "priority-1"}],
                                notes={
                                    "plain": {"content": "Rubin's own review.\nSUTVA, clearly."}
                                },
                            ),
                            _topic(
                                "pearl",
                                "Pearl (2009) Causal inference in statistics: An overview",
                                labels=["graphs"],
                                markers=[{"markerId": "task-half"}],
                            ),
                        ]
                    },
                ),
                _topic(
                    "methods",
                    "Estimation",
                    children={
                        "attached": [
                            _topic(
                                "dml",
                                "Debiased Machine Learning for Treatment and Structural Parameters",
                                href="https://arxiv.org/abs/1608.00060",
                                labels=["potential outcomes"],
                                extensions=[
                                    {"provider": "org.xmind.ui.task", "content": {"status": "done"}}
                                ],
                                children={
                                    "attached": [_topic("xfit", "cross-fitting, K = 5 folds")],
                                    "callout": [_topic("c1", "hard going in section 3")],
                                },
                            ),
                            _topic(
                                "blog",
                                "A friendly introduction to double ML",
                                href="https://someone.substack.com/p/double-ml",
                            ),
                        ]
                    },
                ),
                _topic(
                    "questions",
                    "Questions",
                    children={"attached": [_topic("q1", "When does overlap fail in practice?")]},
                ),
            ],
            "detached": [_topic("float", "Ask Ana for the reading order", position={"x": 300})],
        },
    ),
    "relationships": [
        {
            "id": "rel1",
            "class": "relationship",
            "end1Id": "dml",
            "end2Id": "rubin",
            "title": "builds on",
        }
    ],
    "theme": {"id": "theme1"},
}

XMIND_8_CONTENT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?><xmap-content \
xmlns="urn:xmind:xmap:xmlns:content:2.0" xmlns:fo="http://www.w3.org/1999/XSL/Format" \
xmlns:svg="http://www.w3.org/2000/svg" xmlns:xhtml="http://www.w3.org/1999/xhtml" \
xmlns:xlink="http://www.w3.org/1999/xlink" modified-by="ana" timestamp="1598801625949" \
version="2.0"><sheet id="6efkjpak" modified-by="ana" theme="74fdtv20" timestamp="1598801625949">\
<topic id="root" modified-by="ana" structure-class="org.xmind.ui.map.unbalanced" timestamp="1">\
<title>Ocean mixing</title><children><topics type="attached"><topic id="classics" timestamp="2">\
<title>Classics</title><children><topics type="attached">\
<topic id="munk" xlink:href="https://doi.org/10.1016/0011-7471(66)90602-4" timestamp="3">\
<title svg:width="500">Abyssal recipes</title><notes><html><xhtml:p>Diffusivity of 1 \
cm2/s.</xhtml:p><xhtml:p>Still quoted.</xhtml:p></html><plain>Diffusivity of 1 cm2/s.&#13;
Still quoted.</plain></notes><marker-refs><marker-ref marker-id="task-done"/></marker-refs>\
<labels><label>mixing</label></labels></topic>\
<topic id="wunsch" timestamp="4"><title>Wunsch &amp; Ferrari (2004) Vertical mixing, energy, \
and the general circulation of the oceans</title><marker-refs><marker-ref \
marker-id="flag-red"/></marker-refs><labels><label>mixing</label></labels></topic>\
</topics></children></topic><topic id="todo" timestamp="5"><title>To do</title><children>\
<topics type="attached"><topic id="t1"><title>Book the seminar room</title></topic></topics>\
</children></topic></topics><topics type="detached"><topic id="fl"><title>idea: mixing \
hotspots over rough topography</title></topic></topics></children><extensions><extension \
provider="org.xmind.ui.map.unbalanced"><content><right-number>2</right-number></content>\
</extension></extensions></topic><title>画布 1</title><relationships><relationship \
end1="wunsch" end2="munk" id="rel1"><title>revisits</title></relationship></relationships>\
</sheet></xmap-content>"""


def _zen_workbook(path: Path, sheets: list[dict[str, Any]], content: bytes | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("content.json", content or json.dumps(sheets, ensure_ascii=False))
        archive.writestr("content.xml", ZEN_STUB)
        archive.writestr("metadata.json", json.dumps({"dataStructureVersion": "2"}))
        archive.writestr(
            "manifest.json", json.dumps({"file-entries": {"content.json": {}, "metadata.json": {}}})
        )
        archive.writestr("Thumbnails/thumbnail.png", b"\x89PNG not read")
    return path


def _xmind_8_workbook(path: Path, content: str = XMIND_8_CONTENT) -> Path:
    with zipfile.ZipFile(path, "w") as archive:  # XMind 8 stores its parts uncompressed
        archive.writestr(
            "meta.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="no"?><meta '
            'xmlns="urn:xmind:xmap:xmlns:meta:2.0" version="2.0"/>',
        )
        archive.writestr("content.xml", content)
        # An old version of the sheet, kept by XMind: no notes of today.
        archive.writestr(
            "Revisions/6efkjpak/rev-1-1598776528587.xml", content.replace("Abyssal", "Old")
        )
    return path


def test_a_zen_workbooks_papers_are_notes_with_labels_marks_and_relationships(
    tmp_path: Path,
) -> None:
    notes = dict(read_xmind(_zen_workbook(tmp_path / "causal.xmind", [ZEN_SHEET])))
    assert notes["Causal inference using potential outcomes.md"] == (
        "---\n"
        "link: https://doi.org/10.1198/016214504000001880\n"
        "tags:\n- potential outcomes\n"
        "status: read\n"
        "---\n\n"
        "# Causal inference using potential outcomes\n\n"
        "Rubin's own review.\nSUTVA, clearly.\n"
    )
    dml = notes["Debiased Machine Learning for Treatment and Structural Parameters.md"]
    assert "status: read\n" in dml  # the task extension says done
    assert "hard going in section 3\n\n- cross-fitting, K = 5 folds" in dml
    assert dml.endswith("Related:\n\n- Causal inference using potential outcomes (builds on)\n")
    pearl = notes["Pearl (2009) Causal inference in statistics An overview.md"]
    assert pearl.startswith("---\ntags:\n- graphs\nstatus: reading\n---\n")


def test_the_stub_for_xmind_8_is_never_read_when_content_json_is_there(tmp_path: Path) -> None:
    notes = read_xmind(_zen_workbook(tmp_path / "causal.xmind", [ZEN_SHEET]))
    assert not any("can not be opened" in text or "Warning" in text for _, text in notes)


def test_a_zen_maps_themes_order_its_reading_list_and_the_rest_is_its_outline(
    tmp_path: Path,
) -> None:
    notes = dict(read_xmind(_zen_workbook(tmp_path / "causal.xmind", [ZEN_SHEET])))
    navigation = notes["Site navigation.md"]
    assert navigation.startswith("---\ntitle: Causal inference\n---\n")
    assert [line for line in navigation.splitlines() if line.startswith("## ")] == [
        "## Foundations",
        "## Estimation",
    ]
    outline = notes["Causal inference.md"]
    assert outline.startswith("# Causal inference\n\nSeminar map, **autumn** term.\n")
    for kept in (
        "## Estimation\n\n- [A friendly introduction to double ML](https://someone.substack.com/",
        "## Questions\n\n- When does overlap fail in practice?",
        "## Ask Ana for the reading order",  # a floating topic, beside the branches
    ):
        assert kept in outline


def test_an_xmind_8_workbook_is_read_from_content_xml_and_not_its_revisions(
    tmp_path: Path,
) -> None:
    notes = dict(read_xmind(_xmind_8_workbook(tmp_path / "mixing.xmind")))
    assert notes["Abyssal recipes.md"] == (
        "---\n"
        "link: https://doi.org/10.1016/0011-7471(66)90602-4\n"
        "tags:\n- mixing\n"
        "status: read\n"
        "---\n\n"
        "# Abyssal recipes\n\n"
        "Diffusivity of 1 cm2/s.\nStill quoted.\n"
    )
    [wunsch] = [text for name, text in notes.items() if name.startswith("Wunsch")]
    assert wunsch.endswith("Related:\n\n- Abyssal recipes (revisits)\n")
    outline = notes["Ocean mixing.md"]
    assert "## To do\n\n- Book the seminar room" in outline
    assert "## idea: mixing hotspots over rough topography" in outline
    assert "Old recipes" not in "".join(notes.values())


def test_each_sheet_of_a_workbook_is_a_folder_of_its_own(tmp_path: Path) -> None:
    second = json.loads(json.dumps(ZEN_SHEET))
    second["rootTopic"]["title"] = "Causal inference"  # two sheets, one centre's name
    notes = read_xmind(_zen_workbook(tmp_path / "two.xmind", [ZEN_SHEET, second]))
    folders = {name.split("/", 1)[0] for name, _ in notes}
    assert folders == {"Causal inference", "Causal inference 2"}


def test_a_centre_left_as_xmind_named_it_gives_way_to_the_files_name(tmp_path: Path) -> None:
    sheet = json.loads(json.dumps(ZEN_SHEET))
    sheet["rootTopic"].update(title="Central Topic", titleUnedited=True)
    notes = dict(read_xmind(_zen_workbook(tmp_path / "Causality seminar.xmind", [sheet])))
    assert notes["Site navigation.md"].startswith("---\ntitle: Causality seminar\n")


def test_damaged_and_foreign_files_are_refused_with_what_they_are(tmp_path: Path) -> None:
    damaged = _zen_workbook(tmp_path / "damaged.xmind", [], content=b'[{"rootTopic": {"title": ')
    with pytest.raises(ParseError, match=r"content.json is not readable JSON \(line 1\)"):
        read_xmind(damaged)
    (tmp_path / "plain.xmind").write_text("not a zip")
    with pytest.raises(ParseError, match="not a readable XMind file"):
        read_xmind(tmp_path / "plain.xmind")
    broken = _xmind_8_workbook(
        tmp_path / "broken.xmind", XMIND_8_CONTENT.replace("</title>", "", 2)
    )
    with pytest.raises(ParseError, match=r"content.xml is damaged \(line \d+, column \d+\)"):
        read_xmind(broken)
    with zipfile.ZipFile(tmp_path / "stub.xmind", "w") as archive:
        archive.writestr("content.xml", ZEN_STUB)
    with pytest.raises(ParseError, match=r"content\.json is missing"):
        read_xmind(tmp_path / "stub.xmind")


def test_a_password_protected_workbook_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "locked.xmind"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.json", b"\x8f\x1e encrypted bytes")
        archive.writestr(
            "manifest.json",
            json.dumps(
                {"file-entries": {"content.json": {"encryption-data": {"salt": "c2FsdA=="}}}}
            ),
        )
    with pytest.raises(ParseError, match="password-protected XMind file: save a copy without"):
        read_xmind(path)


@override_settings(IMPORT_MAX_FILE_BYTES=4096)
def test_a_content_json_that_unpacks_past_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = [{**ZEN_SHEET, "padding": "x" * 65536}]
    path = _zen_workbook(tmp_path / "big.xmind", big)
    assert path.stat().st_size < 4096  # small packed; its content is what is too large
    with pytest.raises(ParseError, match="too large") as raised:
        read_xmind(path)
    assert raised.value.path == "big.xmind/content.json"


def test_importing_workbooks_makes_papers_reading_lists_and_topics_from_labels(
    tmp_path: Path, alice: User
) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    _zen_workbook(folder / "causal.xmind", [ZEN_SHEET])
    _xmind_8_workbook(folder / "mixing.xmind")
    import_paths([folder], ImportOptions(user=alice, fetch_metadata=False))
    papers = dict(Paper.objects.values_list("title", "doi"))
    assert papers["Causal inference using potential outcomes"] == "10.1198/016214504000001880"
    assert papers["Abyssal recipes"] == "10.1016/0011-7471(66)90602-4"
    assert "A friendly introduction to double ML" not in papers  # a blog post
    lists = {reading_list.title: reading_list for reading_list in ReadingList.objects.all()}
    assert set(lists) == {"Causal inference", "Ocean mixing"}
    headings = lists["Causal inference"].items.filter(paper=None).values_list("heading", flat=True)
    assert list(headings) == ["Foundations", "Estimation"]
    # A label on two notes is a topic; one on a single note is not.
    assert set(Topic.objects.values_list("name", flat=True)) >= {"potential outcomes", "mixing"}
    assert not Topic.objects.filter(name="graphs").exists()
