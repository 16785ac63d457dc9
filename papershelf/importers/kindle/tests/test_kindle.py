"""Kindle My Clippings.txt: clippings grouped by document, one paper note per paper."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers import registry
from papershelf.importers.kindle.parse import (
    document_markdown,
    looks_like_clippings,
    parse,
    read_clippings,
    read_title_line,
)
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary

BOM = "\ufeff"
CLIPPINGS = f"""{BOM}Deep Residual Learning for Image Recognition (Kaiming He; Xiangyu Zhang)\r
- Your Highlight on page 1 | Added on Monday, 3 June 2024 10:11:12\r
\r
reformulate the layers as learning residual functions\r
==========\r
{BOM}Thinking in Systems (Meadows, Donella H.)\r
- Your Highlight on Location 310-312 | Added on Monday, 3 June 2024 21:00:00\r
\r
A system is more than the sum of its parts.\r
==========\r
{BOM}2106.09685v2 (Unknown)\r
- Your Highlight on page 1 | Added on Tuesday, 4 June 2024 08:00:00\r
\r
LoRA: Low-Rank Adaptation of Large Language Models\r
==========\r
{BOM}Deep Residual Learning for Image Recognition (Kaiming He; Xiangyu Zhang)\r
- Your Note on page 1 | Added on Monday, 3 June 2024 10:12:00\r
\r
identity shortcuts add no parameters\r
(and no computation)\r
==========\r
{BOM}2106.09685v2 (Unknown)\r
- Your Bookmark on page 4 | Added on Tuesday, 4 June 2024 08:30:00\r
\r
\r
==========\r
"""


def test_clippings_are_grouped_by_document_in_the_order_they_first_appear() -> None:
    documents = read_clippings(CLIPPINGS)
    assert [d.heading for d in documents] == [
        "Deep Residual Learning for Image Recognition (Kaiming He; Xiangyu Zhang)",
        "Thinking in Systems (Meadows, Donella H.)",
        "2106.09685v2 (Unknown)",
    ]
    assert [(c.kind, c.page, c.line) for c in documents[0].clippings] == [
        ("highlight", "1", 1),
        ("note", "1", 16),
    ]
    assert [c.kind for c in documents[2].clippings] == ["highlight", "bookmark"]


def test_a_document_becomes_a_note_of_quotes_with_the_notes_under_them() -> None:
    markdown = document_markdown(read_clippings(CLIPPINGS)[0])
    assert markdown == (
        "---\ntitle: Deep Residual Learning for Image Recognition\n"
        "authors: Kaiming He, Xiangyu Zhang\n---\n\n"
        "# Deep Residual Learning for Image Recognition\n\n"
        "> reformulate the layers as learning residual functions\n>\n> <small>p. 1</small>\n\n"
        "identity shortcuts add no parameters\n(and no computation)\n"
    )


def test_a_note_goes_under_the_highlight_whose_locations_hold_it() -> None:
    text = (
        "Book (A)\n- Your Highlight on page 2 | Location 10-12 | Added on x\n\nfirst\n"
        "==========\nBook (A)\n- Your Highlight on page 3 | Location 20-24 | Added on x\n\n"
        "second\n==========\nBook (A)\n- Your Note on page 2 | Location 12 | Added on x\n\n"
        "about the first\n==========\n"
    )
    body = document_markdown(read_clippings(text)[0]).split("# Book\n\n")[1]
    assert body.index("first\n>") < body.index("about the first") < body.index("> second")
    assert "<small>p. 2 · loc. 10–12</small>" in body


def test_the_kind_and_place_are_read_whatever_the_language() -> None:
    text = (
        "Ein Buch (Autorin)\n- Ihre Markierung auf Seite 5 | Position 70-71 | "
        "Hinzugefügt am Montag, 3. Juni 2024 10:11:12\n\nMarkiert\n==========\n"
        "Un libro (Autora)\n- Tu nota en la página 5 | posición 71 | Añadido el lunes\n\nNota\n"
        "==========\n"
        "一本书 (作者)\n- 您在第 12 页（位置 #180-182）的标注 | 添加于 2024年6月3日星期一\n\n标注\n"
        "==========\n"
        "本 (著者)\n- 3ページ|位置No. 40-42の ハイライト |作成日: 2024年6月3日月曜日\n\nハイ\n"
        "==========\n"
        "本 (著者)\n- 3ページ|位置No. 42の メモ |作成日: 2024年6月3日月曜日\n\nメモ\n"
        "==========\n"
        "Kniha (Autor)\n- Vaše zvýraznění na stránce 9 | umístění 90-95 | Přidáno\n\ntext\n"
        "==========\n"
    )
    found = [(c.kind, c.page, c.location) for d in read_clippings(text) for c in d.clippings]
    assert found == [
        ("highlight", "5", "70–71"),
        ("note", "5", "71"),
        ("highlight", "12", "180–182"),
        ("highlight", "3", "40–42"),
        ("note", "3", "42"),
        # Words we do not know: a range is a highlight's.
        ("highlight", "", "90–95"),
    ]


def test_a_pdf_named_by_its_file_takes_its_id_and_the_title_highlighted_on_page_one() -> None:
    document = parse(CLIPPINGS, "My Clippings.txt")
    lora = next(e.paper for e in document.entries if e.paper and e.paper.arxiv_id)
    assert (lora.arxiv_id, lora.title) == (
        "2106.09685",
        "LoRA: Low-Rank Adaptation of Large Language Models",
    )


def test_the_title_line_gives_authors_in_the_shapes_pdfs_and_books_write_them() -> None:
    assert read_title_line("Attention is all you need - Vaswani et al (Unknown)") == (
        "Attention is all you need",
        {"title": "Attention is all you need", "authors": "Vaswani et al"},
    )
    assert read_title_line("Causality (Pearl, Judea)")[1]["authors"] == "Judea Pearl"
    assert read_title_line("IV (Joshua D. Angrist, Guido W. Imbens and Donald B. Rubin)")[1][
        "authors"
    ] == ("Joshua D. Angrist, Guido W. Imbens, Donald B. Rubin")
    assert read_title_line("smith_jones_2019.pdf (Unknown)")[1] == {
        "title": "smith jones 2019",
        "authors": "Smith and Jones",
        "year": 2019,
    }
    assert "authors" not in read_title_line("Microsoft Word - final.doc (jdoe)")[1]


def test_a_kindle_book_and_bookmarks_alone_are_not_papers() -> None:
    document = parse(CLIPPINGS, "My Clippings.txt")
    titles = {e.paper.title for e in document.entries if e.paper}
    assert "Thinking in Systems" not in titles
    assert any("Kindle book" in w.message and "Thinking in Systems" in w.message
               for w in document.warnings)  # fmt: skip
    only_bookmarks = "Paper (A)\n- Your Bookmark on page 3 | Added on x\n\n\n==========\n"
    assert parse(only_bookmarks, "My Clippings.txt").entries == []


def test_clippings_are_recognised_by_their_shape_not_their_name() -> None:
    assert looks_like_clippings(CLIPPINGS)
    assert registry.detect(Path("export.txt"), CLIPPINGS).name == "kindle"
    assert registry.detect(Path("clippings"), CLIPPINGS).name == "kindle"
    setext = "Title\n==========\n\nSome text.\n\nOther\n==========\n\n- a list | with a bar\n"
    assert not looks_like_clippings(setext)


def test_my_clippings_imports_one_paper_per_paper_document(tmp_path: Path, alice: User) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "My Clippings.txt").write_text(CLIPPINGS, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert sorted(Paper.objects.values_list("title", flat=True)) == [
        "Deep Residual Learning for Image Recognition",
        "LoRA: Low-Rank Adaptation of Large Language Models",
    ]
    resnet = Summary.objects.get(paper__title__startswith="Deep Residual")
    assert "identity shortcuts add no parameters" in resnet.body


def test_a_note_stays_text_and_the_clipping_limit_message_is_no_highlight() -> None:
    text = (
        "Paper One (A. Author)\n- Your Highlight on page 1 | Added on x\n\nA highlight\n"
        "==========\nPaper One (Author, A.)\n- Your Note on page 1 | Added on x\n\n# 2 ideas\n"
        "==========\nPaper One (A. Author)\n- Your Highlight on page 2 | Added on x\n\n"
        "<You have reached the clipping limit for this item>\n==========\n"
    )
    documents = read_clippings(text)
    assert [c.kind for d in documents for c in d.clippings] == ["highlight", "note"]
    assert document_markdown(documents[0]).endswith("<small>p. 1</small>\n\n\\# 2 ideas\n")
