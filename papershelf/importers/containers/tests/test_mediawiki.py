"""MediaWiki exports: one note per content page, as the page reads now."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.mediawiki import read_mediawiki
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.topics.models import Topic

# Special:Export's shape (schema 0.10): siteinfo, then pages with revisions oldest first.
HEAD = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">
  <siteinfo><sitename>ML Lab</sitename>
    <namespaces><namespace key="0" case="first-letter" />
    <namespace key="10" case="first-letter">Template</namespace></namespaces>
  </siteinfo>
"""
RESNET = (
    "{{cite conference |last1=He |first1=Kaiming |last2=Zhang |first2=Xiangyu "
    "|title=Deep Residual Learning for Image Recognition |conference=CVPR |year=2016 "
    "|doi=10.1109/CVPR.2016.90}}\n\n== Notes ==\nSkip connections.\n\n"
    "[[Category:Vision]]"
)


def _page(title: str, namespace: int, *texts: str, redirect: str = "") -> str:
    revisions = "".join(
        f"<revision><id>{n}</id><timestamp>2023-0{n}-01T10:00:00Z</timestamp>"
        f'<text bytes="1" xml:space="preserve">{text}</text></revision>'
        for n, text in enumerate(texts, 1)
    )
    marker = f'<redirect title="{redirect}" />' if redirect else ""
    return f"<page><title>{title}</title><ns>{namespace}</ns>{marker}{revisions}</page>\n"


def _export(folder: Path, *pages: str) -> Path:
    path = folder / "mllab-20240101.xml"
    path.write_text(HEAD + "".join(pages) + "</mediawiki>\n", encoding="utf-8")
    return path


def test_each_content_page_becomes_one_note_at_its_latest_revision(tmp_path: Path) -> None:
    path = _export(
        tmp_path,
        _page("Reading/ResNet", 0, "An early draft about AlexNet.", RESNET),
        _page("Template:Cite conference", 10, "{{{title}}} usage: Example Title"),
        _page("User:Kim", 2, "My page."),
        _page("RN", 0, "#REDIRECT [[Reading/ResNet]]", redirect="Reading/ResNet"),
    )
    members = dict(read_mediawiki(path))
    assert list(members) == ["Reading ResNet.md"]
    note = members["Reading ResNet.md"]
    assert note.startswith("---\ntags:\n- Vision\n---\n# ResNet\n")
    assert "He, Kaiming; Zhang, Xiangyu (2016). Deep Residual Learning" in note
    assert "AlexNet" not in note


def test_an_xml_file_that_is_not_a_mediawiki_export_holds_no_notes(tmp_path: Path) -> None:
    path = tmp_path / "settings.xml"
    path.write_text('<?xml version="1.0"?>\n<settings><a>1</a></settings>\n', encoding="utf-8")
    assert read_mediawiki(path) == []


def test_a_mediawiki_export_with_a_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE mediawiki [<!ENTITY a "aaaa">]>\n'
        "<mediawiki><page><title>&a;</title></page></mediawiki>\n",
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match="DTD"):
        read_mediawiki(path)


def test_a_folder_with_a_wiki_export_and_other_xml_imports_the_wikis_papers(
    tmp_path: Path, alice: User
) -> None:
    _export(
        tmp_path,
        _page("Reading/ResNet", 0, RESNET),
        _page(
            "Reading group",
            0,
            '== Spring ==\n{| class="wikitable"\n! Date !! Paper\n|-\n| 03-01 || '
            "{{cite journal |author=Kingma, Diederik P.; Ba, Jimmy |title=Adam: A Method "
            "for Stochastic Optimization |year=2014 |arxiv=1412.6980}}\n|-\n| 03-08 || "
            "[[Reading/ResNet|ResNet]] (He et al., CVPR 2016) {{doi|10.1109/CVPR.2016.90}}\n|}",
        ),
    )
    (tmp_path / "pom.xml").write_text("<project><version>1</version></project>\n")
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("title", flat=True)) == {
        "Deep Residual Learning for Image Recognition",
        "Adam: A Method for Stochastic Optimization",
    }
    assert Paper.objects.get(arxiv_id="1412.6980").year == 2014
    assert Topic.objects.filter(name="Vision").exists()
    assert not report.files_with("failed")
