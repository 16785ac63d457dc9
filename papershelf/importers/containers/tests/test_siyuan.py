"""A SiYuan notebook (``.sy`` block trees, children in folders named by their parent's
id) becomes one note per document, named by its titles, its attributes as fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.siyuan import read_siyuan
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

NOTEBOOK_ID = "20231101090000-abcdefg"


def _text(data: str) -> dict[str, Any]:
    return {"Type": "NodeText", "Data": data}


def _mark(kind: str, text: str, **extra: str) -> dict[str, Any]:
    return {"Type": "NodeTextMark", "TextMarkType": kind, "TextMarkTextContent": text, **extra}


def _paragraph(*spans: dict[str, Any]) -> dict[str, Any]:
    return {"Type": "NodeParagraph", "Properties": {"id": "x"}, "Children": list(spans)}


def _heading(level: int, text: str) -> dict[str, Any]:
    return {"Type": "NodeHeading", "HeadingLevel": level, "Children": [_text(text)]}


def _list(*items: str) -> dict[str, Any]:
    return {
        "Type": "NodeList",
        "ListData": {},
        "Children": [
            {"Type": "NodeListItem", "ListData": {"BulletChar": 42, "Marker": "Kg=="},
             "Children": [_paragraph(_text(item))]}
            for item in items
        ],
    }  # fmt: skip


def _document(doc_id: str, title: str, children: list[dict[str, Any]], **props: str) -> str:
    properties = {"id": doc_id, "title": title, "type": "doc", "updated": doc_id[:14], **props}
    tree = {"ID": doc_id, "Spec": "1", "Type": "NodeDocument", "Properties": properties,
            "Children": children}  # fmt: skip
    return json.dumps(tree, ensure_ascii=False, indent="\t")


@pytest.fixture
def notebook(tmp_path: Path) -> Path:
    root = tmp_path / "生态学笔记"
    papers = root / "20231101090100-papers1"
    papers.mkdir(parents=True)
    (root / "20231101090100-papers1.sy").write_text(_document("20231101090100-papers1", "论文", []))
    read = [
        _heading(2, "基本信息"),
        _paragraph(_text("标题："), _mark("strong", "Ecosystem Consequences of Bird Declines")),
        _paragraph(_text("作者：Çağan H. Şekercioğlu, Gretchen C. Daily, Paul R. Ehrlich")),
        _paragraph(
            _text("PNAS 2004 · "),
            _mark(
                "a",
                "doi.org/10.1073/pnas.0408049101",
                TextMarkAHref="https://doi.org/10.1073/pnas.0408049101",
            ),
        ),
        _heading(2, "笔记"),
        _list("鸟类功能丧失先于灭绝", "种子传播与害虫控制"),
        _paragraph(_text("增长率 "), _mark("inline-math", "", TextMarkInlineMathContent="r=0.2")),
    ]
    (papers / "20231102100000-birds01.sy").write_text(
        _document("20231102100000-birds01", "鸟类衰退", read, **{"custom-status": "已读"})
    )
    later = [_paragraph(_text("Barnosky et al., Nature 2011 — TODO 读"))]
    (papers / "20231103100000-extinc1.sy").write_text(
        _document("20231103100000-extinc1", "第六次大灭绝", later, **{"custom-status": "待读"})
    )
    (root / ".siyuan").mkdir()
    (root / ".siyuan" / "conf.json").write_text(json.dumps({"name": "生态学笔记"}))
    return root


def test_a_document_is_named_by_its_parents_titles_and_keeps_its_attributes(
    notebook: Path,
) -> None:
    [(name, text)] = read_siyuan(notebook / "20231101090100-papers1" / "20231102100000-birds01.sy")
    assert name == "论文/鸟类衰退.md"
    assert 'status: "已读"' in text
    assert "标题：**Ecosystem Consequences of Bird Declines**" in text
    assert "[doi.org/10.1073/pnas.0408049101](https://doi.org/10.1073/pnas.0408049101)" in text
    assert "- 鸟类功能丧失先于灭绝" in text and "$r=0.2$" in text


def test_a_read_document_is_its_paper_and_one_to_be_read_is_not(
    notebook: Path, alice: User
) -> None:
    import_paths([notebook], ImportOptions(user=alice, fetch_metadata=False))
    paper = Paper.objects.get()
    assert paper.doi == "10.1073/pnas.0408049101"
    assert paper.title == "Ecosystem Consequences of Bird Declines"  # not the nickname


def test_a_sy_file_that_is_no_json_says_so(tmp_path: Path) -> None:
    broken = tmp_path / "20231101090000-brokenx.sy"
    broken.write_text('{"Type": "NodeDocument", ')
    with pytest.raises(ParseError, match="not valid JSON"):
        read_siyuan(broken)
    other = tmp_path / "settings.sy"
    other.write_text(json.dumps({"theme": "dark"}))
    assert read_siyuan(other) == []
