"""MediaWiki markup as the Markdown the notes reader reads."""

from __future__ import annotations

from papershelf.importers.wikitext import citation_line, mediawiki_to_markdown


def _markdown(text: str) -> str:
    return mediawiki_to_markdown(text)[0]


def test_headings_emphasis_and_lists_become_their_markdown_shapes() -> None:
    markdown = _markdown(
        "Intro with '''bold''' and ''italic''.\n== Methods ==\n* one\n** nested\n# first\n"
    )
    assert "## Methods" in markdown
    assert "Intro with **bold** and *italic*." in markdown
    assert "- one\n    - nested\n1. first" in markdown


def test_a_line_after_a_list_starts_a_paragraph_rather_than_joining_the_last_item() -> None:
    markdown = _markdown("Read these:\n* Adam\n* Dropout\nThat is all.")
    assert "Read these:\n\n- Adam\n- Dropout\n\nThat is all." in markdown


def test_links_keep_their_text_and_web_addresses_and_categories_become_tags() -> None:
    markdown, categories = mediawiki_to_markdown(
        "See [[Paper notes/ResNet|the ResNet notes]], [[Optimisers]] and "
        "[https://arxiv.org/abs/1412.6980 Adam]. [[Category:Deep learning]] [[File:x.png]]"
    )
    assert markdown.strip() == (
        "See the ResNet notes, Optimisers and [Adam](https://arxiv.org/abs/1412.6980)."
    )
    assert categories == ["Deep learning"]


def test_a_wikitable_becomes_a_markdown_table_under_its_header_row() -> None:
    markdown = _markdown(
        '{| class="wikitable"\n! Date !! Paper\n|-\n| 03-01 || [[Adam|Adam paper]]\n'
        '|-\n| style="color:red" | 03-08 || Dropout {{doi|10.5555/2627435.2670313}}\n|}'
    )
    assert markdown.strip().split("\n") == [
        "| Date | Paper |",
        "| --- | --- |",
        "| 03-01 | Adam paper |",
        "| 03-08 | Dropout [doi:10.5555/2627435.2670313]"
        "(https://doi.org/10.5555/2627435.2670313) |",
    ]


def test_a_citation_template_becomes_a_citation_line_and_other_templates_go() -> None:
    markdown = _markdown(
        "{{Infobox|name=x}}\n{{cite journal |last1=He |first1=Kaiming |last2=Zhang "
        "|first2=Xiangyu |title=Deep Residual Learning for Image Recognition "
        "|journal=CVPR |year=2016 |doi=10.1109/CVPR.2016.90}}\nNotes follow."
    )
    assert markdown.strip() == (
        "He, Kaiming; Zhang, Xiangyu (2016). Deep Residual Learning for Image Recognition. "
        "CVPR. https://doi.org/10.1109/CVPR.2016.90\n\nNotes follow."
    )


def test_a_reference_becomes_a_footnote_the_page_cites() -> None:
    markdown = _markdown(
        "Residual links help.<ref>{{cite arXiv |author=Kingma, D. |title=Adam "
        "|eprint=1412.6980 |year=2014}}</ref>\n\n<references />"
    )
    assert "Residual links help.[^1]" in markdown
    assert "[^1]: Kingma, D. (2014). Adam. https://arxiv.org/abs/1412.6980" in markdown


def test_code_and_math_survive_untouched() -> None:
    markdown = _markdown(
        "<syntaxhighlight lang=\"python\">\nx = a['''k''']\n</syntaxhighlight>\n"
        "Loss <math>\\mathcal{L} = -\\log p</math> and <code>''raw''</code>."
    )
    assert "```python\nx = a['''k''']\n```" in markdown
    assert "Loss $\\mathcal{L} = -\\log p$ and `''raw''`." in markdown


def test_a_citation_without_authors_links_its_title() -> None:
    line = citation_line({"title": "Attention Is All You Need", "arxiv": "1706.03762"})
    assert line == "[Attention Is All You Need](https://arxiv.org/abs/1706.03762)."
    assert citation_line({"authors": "Vaswani"}) == ""
