"""Notes exported from Zotero 7 ("Export Note…" as HTML): citations name their papers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from papershelf.accounts.models import User
from papershelf.importers.html.parse import parse, to_markdown
from papershelf.importers.html.zotero import citation_line
from papershelf.importers.registry import detect
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

# CSL-JSON as Zotero stores it: an arXiv preprint (id in number, URL and note) and a
# conference paper with a DOI whose proceedings title starts with the year.
ATTENTION: dict[str, Any] = {
    "uris": ["http://zotero.org/users/4100175/items/U285LCSS"],
    "itemData": {
        "id": "http://zotero.org/users/4100175/items/U285LCSS",
        "type": "article",
        "title": "Attention Is All You Need",
        "author": [
            {"family": "Vaswani", "given": "Ashish"},
            {"family": "Shazeer", "given": "Noam"},
            {"family": "Parmar", "given": "Niki"},
        ],
        "issued": {"date-parts": [["2017", 12, 5]]},
        "number": "arXiv:1706.03762",
        "publisher": "arXiv",
        "URL": "http://arxiv.org/abs/1706.03762",
        "DOI": "10.48550/arXiv.1706.03762",
        "note": "arXiv:1706.03762 [cs]",
    },
}
RESNET: dict[str, Any] = {
    "uris": ["http://zotero.org/users/4100175/items/9KXQ2ZB7"],
    "itemData": {
        "id": "http://zotero.org/users/4100175/items/9KXQ2ZB7",
        "type": "paper-conference",
        "title": "Deep Residual Learning for Image Recognition",
        "container-title": "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
        "author": [
            {"family": "He", "given": "Kaiming"},
            {"family": "Zhang", "given": "Xiangyu"},
            {"family": "Ren", "given": "Shaoqing"},
            {"family": "Sun", "given": "Jian"},
        ],
        "issued": {"date-parts": [["2016", 6]]},
        "DOI": "10.1109/CVPR.2016.90",
    },
}


def _cite(item: dict[str, Any], visible: str, locator: str = "", *, embed: bool = False) -> str:
    """A citation span; the item data is in the note's container unless ``embed``."""
    cited: dict[str, Any] = {"uris": item["uris"]}
    if locator:
        cited |= {"locator": locator, "label": "page"}
    if embed:
        cited["itemData"] = item["itemData"]
    data = quote(json.dumps({"citationItems": [cited], "properties": {}}))
    return (
        f'<span class="citation" data-citation="{data}">'
        f'(<span class="citation-item">{visible}</span>)</span>'
    )


NOTE = f"""\
<div data-schema-version="9" data-citation-items="{quote(json.dumps([ATTENTION, RESNET]))}">
<h1>Architectures reading group</h1>
<p>We started from the transformer {_cite(ATTENTION, "Vaswani et al., 2017")}: self-attention
costs $O(n^2)$ in the length.</p>
<ul><li><p>Residual connections come from
{_cite(RESNET, "He et al., 2016, p. 771", "771")}.</p></li></ul>
<blockquote><p>"Attention is all you need"
{_cite(ATTENTION, "Vaswani et al., 2017, p. 3", "3")}</p></blockquote>
</div>
"""


def _papers(html: str) -> dict[str, Any]:
    document = parse(html, "Architectures.html")
    return {entry.paper.title: entry.paper for entry in document.entries if entry.paper}


def test_each_cited_item_becomes_a_paper_with_its_authors_year_and_identifier() -> None:
    papers = _papers(NOTE)
    assert list(papers) == [
        "Attention Is All You Need",
        "Deep Residual Learning for Image Recognition",
    ]
    attention = papers["Attention Is All You Need"]
    assert (attention.arxiv_id, attention.year) == ("1706.03762", 2017)
    assert attention.authors == ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"]
    resnet = papers["Deep Residual Learning for Image Recognition"]
    assert (resnet.doi, resnet.year) == ("10.1109/cvpr.2016.90", 2016)


def test_the_visible_citation_text_stays_and_each_paper_is_written_out_once() -> None:
    markdown = to_markdown(NOTE)
    # The list of cited papers comes after the paragraph, not in the middle of it.
    assert "the transformer (Vaswani et al., 2017): self-attention\ncosts $O(n^2)$" in markdown
    assert '> "Attention is all you need"\n> (Vaswani et al., 2017, p. 3)' in markdown
    assert markdown.count("*Attention Is All You Need*") == 1
    assert "PSZOTEROCITE" not in markdown


def test_a_note_that_cites_one_paper_is_the_notes_on_that_paper() -> None:
    # Item data in the citation itself: the note has no container that holds it.
    html = (
        "<html><body><h1>ResNet</h1>"
        f"<p>Read {_cite(RESNET, 'He et al., 2016', embed=True)} before Tuesday.</p>"
        f"<p>\u201cIdentity shortcuts\u201d {_cite(RESNET, 'Ibid., p. 3', '3', embed=True)}</p>"
        "</body></html>"
    )
    document = parse(html, "ResNet.html")
    [entry] = document.entries
    assert entry.paper is not None
    assert entry.paper.title == "Deep Residual Learning for Image Recognition"
    assert (entry.paper.doi, entry.paper.year) == ("10.1109/cvpr.2016.90", 2016)
    assert entry.summary is not None and "before Tuesday" in entry.summary.markdown


def test_a_citation_line_reads_like_a_reference() -> None:
    assert citation_line(RESNET["itemData"]) == (
        "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun. "
        "*Deep Residual Learning for Image Recognition*. IEEE Conference on Computer Vision "
        "and Pattern Recognition (CVPR) 2016. [doi](https://doi.org/10.1109/cvpr.2016.90)"
    )
    assert citation_line(ATTENTION["itemData"]).endswith(
        "[arXiv](https://arxiv.org/abs/1706.03762)"
    )


def test_a_zotero_note_without_a_page_around_it_is_still_html() -> None:
    assert detect(Path("Architectures.html"), NOTE).name == "html"


def test_an_exported_zotero_note_imports_its_cited_papers_once(tmp_path: Path, alice: User) -> None:
    path = tmp_path / "Architectures.html"
    path.write_text(NOTE, encoding="utf-8")
    report = import_paths([path], ImportOptions(user=alice, fetch_metadata=False))
    assert report.count("created") == 2
    assert Paper.objects.get(arxiv_id="1706.03762").title == "Attention Is All You Need"
    again = import_paths([path], ImportOptions(user=alice, fetch_metadata=False))
    assert again.count("created") == 0 and Paper.objects.count() == 2


def _highlight(item: dict[str, Any], quote_text: str) -> str:
    annotation = quote(json.dumps({"citationItem": {"uris": item["uris"]}, "color": "#ffd400"}))
    return f'<span class="highlight" data-annotation="{annotation}">“{quote_text}”</span>'


def test_a_note_of_annotations_is_the_notes_on_the_annotated_paper_not_on_a_cited_one() -> None:
    # "Add Note from Annotations": the container comes first, the heading is a date.
    html = (
        f'<div data-citation-items="{quote(json.dumps([ATTENTION, RESNET]))}" '
        'data-schema-version="9"><h1>Annotations<br>(3/5/2024, 10:12:04 AM)</h1>'
        f"<p>{_highlight(ATTENTION, 'multi-head attention')} {_cite(ATTENTION, 'Vaswani, p. 4')}"
        f" — like the shortcuts of {_cite(RESNET, 'He et al., 2016')}</p>"
        f"<p>{_highlight(ATTENTION, 'positional encoding')} {_cite(ATTENTION, 'Vaswani, p. 6')}</p>"
        "</div>"
    )
    assert detect(Path("Annotations (3-5-2024).html"), html).name == "html"
    [entry] = parse(html, "Annotations (3-5-2024).html").entries
    assert entry.paper is not None and entry.paper.arxiv_id == "1706.03762"
    assert entry.summary is not None and "(He et al., 2016)" in entry.summary.markdown


def test_a_markdown_file_that_opens_with_a_centred_paragraph_is_still_markdown() -> None:
    text = '<p align="center"><img src="logo.png"></p>\n\n# Paper notes\n\n- [A](https://arxiv.org/abs/1706.03762)\n'
    assert detect(Path("README.html"), text).name == "notes"
