"""TiddlyWiki tiddlers: fields become front matter, the markup becomes Markdown."""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.importers.tiddlywiki.markup import tiddlywiki_to_markdown
from papershelf.importers.tiddlywiki.parse import parse, read_tags, read_tiddler, tiddler_markdown
from papershelf.papers.models import Paper
from papershelf.topics.models import Topic

ADAM = """created: 20230301101500000
modified: 20230302090000000
authors: Diederik P. Kingma, Jimmy Ba
caption: Adam: A Method for Stochastic Optimization
arxiv: 1412.6980
tags: paper [[Deep learning]] optimisers
title: Adam 2014
type: text/vnd.tiddlywiki
year: 2014

!! Idea
Per-parameter step sizes from ''running moments'' of the gradient; //bias-corrected//.

* compare [[SGD with momentum|Momentum]]
* code: [ext[reference implementation|https://github.com/example/adam]]
"""


def test_the_markup_becomes_markdown_headings_emphasis_lists_and_links() -> None:
    markdown = tiddlywiki_to_markdown(
        "! Notes\n''bold'' and //italic// at https://example.org/a//b\n"
        "# first\n## second\n[[Other tiddler]] and [[shown|https://doi.org/10.1/x]]\n"
        "<<list-links filter:'[tag[paper]]'>>\n<$list filter='[tag[x]]'>{{!!title}}</$list>"
    )
    assert markdown == (
        "## Notes\n\n**bold** and *italic* at https://example.org/a//b\n\n"
        "1. first\n    1. second\n\nOther tiddler and [shown](https://doi.org/10.1/x)\n"
    )


def test_a_table_with_a_header_row_becomes_a_markdown_table() -> None:
    markdown = tiddlywiki_to_markdown("|Papers|c\n|!Title|!Year|h\n|Adam|2014|\n|ResNet|2016|")
    assert markdown.strip().split("\n") == [
        "Papers",
        "",
        "| Title | Year |",
        "| --- | --- |",
        "| Adam | 2014 |",
        "| ResNet | 2016 |",
    ]


def test_code_and_maths_blocks_are_kept() -> None:
    markdown = tiddlywiki_to_markdown(
        "```py\nx = '''a''' // 2\n```\n$$\nE = mc^2\n$$\nInline $$a+b$$."
    )
    assert "```py\nx = '''a''' // 2\n```" in markdown
    assert "$$\nE = mc^2\n$$" in markdown and "Inline $a+b$." in markdown


def test_tags_and_fields_become_front_matter_over_the_title_heading() -> None:
    tiddler = read_tiddler(ADAM)
    assert tiddler is not None
    markdown = tiddler_markdown(tiddler)
    front = markdown.split("---\n")[1]
    assert "- Deep learning" in front and "arxiv: '1412.6980'" in front
    assert "paper-title: 'Adam: A Method for Stochastic Optimization'" in front
    assert "created" not in front
    assert "\n# Adam 2014\n" in markdown
    assert read_tags("a [[b c]] d") == ["a", "b c", "d"]


def test_a_system_tiddler_is_no_note() -> None:
    document = parse("title: $:/SiteTitle\ntype: text/vnd.tiddlywiki\n\nMy wiki\n", "x.tid")
    assert document.entries == []
    assert "system tiddler" in document.warnings[0].message


def test_a_tiddlywiki_folder_imports_its_paper_tiddlers_with_their_tags(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "tiddlywiki.info").write_text(json.dumps({"plugins": []}))
    tiddlers = tmp_path / "tiddlers"
    tiddlers.mkdir()
    (tiddlers / "Adam 2014.tid").write_text(ADAM, encoding="utf-8")
    (tiddlers / "ResNet.tid").write_text(
        ADAM.replace("Adam 2014", "ResNet")
        .replace("arxiv: 1412.6980", "doi: 10.1109/CVPR.2016.90")
        .replace("Adam: A Method for Stochastic Optimization", "Deep Residual Learning")
        .replace("Diederik P. Kingma, Jimmy Ba", "Kaiming He, Xiangyu Zhang"),
        encoding="utf-8",
    )
    (tiddlers / "$__SiteTitle.tid").write_text("title: $:/SiteTitle\n\nMy lab wiki\n")
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("title", flat=True)) == {
        "Adam: A Method for Stochastic Optimization",
        "Deep Residual Learning",
    }
    assert Paper.objects.get(arxiv_id="1412.6980").year == 2014
    assert Topic.objects.get(name="Deep learning").papers.count() == 2
    assert "tiddlers/$__SiteTitle.tid" in {o.name for o in report.files_with("skipped")}
