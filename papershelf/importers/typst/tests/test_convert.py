"""Typst markup becomes the Markdown the notes reader and the summary renderer know."""

from __future__ import annotations

import pytest

from papershelf.importers.records import ParseError
from papershelf.importers.typst.parse import looks_like_typst, parse, to_markdown


def markdown(source: str, path: str = "notes.typ") -> str:
    return to_markdown(source, path)[0]


def test_headings_strong_emphasis_and_raw_text_become_markdown() -> None:
    source = (
        "= Reading notes <top>\n\n"
        "== Week 1\n\n"
        "Some *strong* and _emphasised_ words, `a_b*c` raw, snake_case stays.\n"
    )
    assert markdown(source) == (
        "# Reading notes\n\n## Week 1\n\n"
        "Some **strong** and _emphasised_ words, `a_b*c` raw, snake_case stays.\n"
    )


def test_bullet_numbered_and_term_lists_keep_their_nesting() -> None:
    source = "- first\n  - nested\n    goes on\n+ one\n+ two\n/ Authors: Lee, Snaith\n"
    assert markdown(source) == (
        "- first\n  - nested goes on\n1. one\n1. two\n- **Authors**: Lee, Snaith\n"
    )


def test_the_lines_of_a_paragraph_run_together_unless_a_line_break_ends_them() -> None:
    source = "*Attention Is All You Need* \\\nVaswani et al.\nNeurIPS 2017\n\nNext.\n"
    assert markdown(source) == (
        "**Attention Is All You Need**\nVaswani et al. NeurIPS 2017\n\nNext.\n"
    )


def test_settings_definitions_imports_and_comments_leave_no_trace() -> None:
    source = """#import "template.typ": *
#set text(font: "New Computer Modern", lang: "en")
#show heading: it => {
  set text(fill: blue)
  it
}
#let note(body) = block(
  fill: luma(240),
)[#body]
// a line comment
Kept /* an inline comment */ words.
/* a comment
over lines */
#include "chapters/01-intro.typ"
"""
    assert markdown(source) == "Kept words.\n"


def test_links_bare_urls_and_email_addresses_read_as_they_are_written() -> None:
    source = (
        'See #link("https://doi.org/10.1126/science.1228604")[the paper], '
        '#link("https://arxiv.org/abs/1308.6207") and https://example.org/a_b_c.\n'
        "Mail jane\\@example.org or jane@example.org.\n"
    )
    assert markdown(source) == (
        "See [the paper](https://doi.org/10.1126/science.1228604), "
        "<https://arxiv.org/abs/1308.6207> and <https://example.org/a_b_c>. "
        "Mail jane@example.org or jane@example.org.\n"
    )


def test_inline_and_display_math_become_tex_by_their_spaces() -> None:
    source = (
        "Efficiency $eta = P_"
        + '"out"'
        + " / P_"
        + '"in"'
        + "$ rises:\n$ frac(a, b) >= sqrt(x) $\n"
    )
    assert markdown(source) == (
        "Efficiency $\\eta = \\frac{P_{\\text{out}}}{P_{\\text{in}}}$ rises:\n\n"
        "$$\n\\frac{a}{b} \\ge \\sqrt{x}\n$$\n"
    )


def test_math_that_cannot_be_read_stays_readable_as_code() -> None:
    assert markdown("Broken $frac(a, b$ here.\n") == "Broken `frac(a, b` here.\n"


def test_citations_become_pandoc_citations_and_cross_references_their_names() -> None:
    source = (
        "= Results <sec:results>\n\n"
        "As @lee2012 and #cite(<kojima2009>) show (@stranks2013[p. 4]), see @fig:jv and "
        "@sec:results.\n\n"
        '#figure(image("jv.png"), caption: [J–V curves]) <fig:jv>\n'
    )
    assert markdown(source) == (
        "# Results\n\n"
        "As [@lee2012] and [@kojima2009] show ([@stranks2013, p. 4]), see jv and results.\n\n"
        "![J–V curves](jv.png)\n\n_Figure: J–V curves_\n"
    )


def test_a_simple_table_becomes_a_markdown_table_and_a_merged_one_a_line_per_row() -> None:
    source = """#table(
  columns: (auto, 1fr),
  table.header[*Cell*][*PCE*],
  [MAPbI#sub[3]], [3.8%],
  "MSSC", [10.9%],
)

#table(
  columns: 2,
  table.cell(colspan: 2)[Spanning],
  [a], [b],
)
"""
    assert markdown(source) == (
        "| **Cell** | **PCE** |\n| --- | --- |\n| MAPbI3 | 3.8% |\n| MSSC | 10.9% |\n\n"
        "Spanning · a\nb\n"
    )


def test_quotes_footnotes_raw_blocks_and_shorthands_are_kept() -> None:
    source = """#quote(attribution: [H. Snaith], block: true)[Perovskites are different.]

Pages 3--5 --- roughly... a~b#footnote[Measured in air.]

```python
print("hi")
```
"""
    assert markdown(source) == (
        "> Perovskites are different.\n> — H. Snaith\n\n"
        "Pages 3–5 — roughly… a\u00a0b[^1]\n\n"
        '```python\nprint("hi")\n```\n\n'
        "[^1]: Measured in air.\n"
    )


def test_a_function_of_ones_own_that_names_a_paper_gives_a_heading_and_facts() -> None:
    source = """= Transformers

#paper(
  title: [Attention Is All You Need],
  authors: ("Ashish Vaswani", (name: "Noam Shazeer", affiliation: "Google")),
  year: 2017,
  venue: "NeurIPS",
  arxiv: "1706.03762",
  key: <vaswani2017>,
  status: "read",
)[
  Self-attention only.
]
"""
    assert markdown(source) == (
        "# Transformers\n\n## Attention Is All You Need\n\n"
        "- **arXiv**: https://arxiv.org/abs/1706.03762\n"
        "- **Authors**: Ashish Vaswani, Noam Shazeer\n"
        "- **Year**: 2017\n- **Venue**: NeurIPS\n- **Key**: [@vaswani2017]\n"
        "- **Status**: read\n\nSelf-attention only.\n"
    )


def test_a_function_that_names_no_paper_keeps_its_title_and_words() -> None:
    source = '#recap("The bitter lesson")[\n  Search and learning scale.\n\n  - compute wins\n]\n'
    assert (
        markdown(source)
        == "**The bitter lesson**\n\nSearch and learning scale.\n\n- compute wins\n"
    )


def test_a_note_template_given_a_papers_facts_becomes_front_matter() -> None:
    source = """#show: note.with(
  title: "Attention Is All You Need",
  authors: ("Ashish Vaswani", "Noam Shazeer"),
  arxiv: "1706.03762",
)
= Summary
Self-attention only.
"""
    assert markdown(source).startswith(
        "---\ntitle: Attention Is All You Need\nauthors: Ashish Vaswani, Noam Shazeer\n"
        "arxiv: '1706.03762'\n---\n"
    )


def test_a_thesis_template_with_no_paper_facts_adds_nothing() -> None:
    source = (
        '#show: thesis.with(title: [Charge transport], author: "A. Green", date: "2024")\n'
        "= Intro\nText.\n"
    )
    assert markdown(source) == "# Intro\nText.\n"


def test_an_unclosed_bracket_is_an_error_with_its_file_and_line() -> None:
    with pytest.raises(ParseError) as raised:
        parse(
            '= Notes\n\nFine.\n#figure(image("a.png"),\n  caption: [never closed\n', "ch/notes.typ"
        )
    assert (raised.value.path, raised.value.line) == ("ch/notes.typ", 5)
    assert raised.value.message == "a content block ([) opened here is never closed"


def test_a_file_of_definitions_only_names_no_paper_and_says_why() -> None:
    document = parse(
        '#let paper(title: none, body) = block[#title #body]\n#import "x.typ": *\n', "template.typ"
    )
    assert document.entries == []
    assert "settings, definitions or #include lines only" in document.warnings[0].message


def test_any_text_in_a_typ_file_is_typst_but_a_saved_page_is_not() -> None:
    assert looks_like_typst("Just a few words.\n")
    assert not looks_like_typst("<!DOCTYPE html><html></html>")


def test_a_function_given_only_a_citation_key_and_notes_is_headed_by_the_citation() -> None:
    source = "#paper(<kojima2009>)[\n  Liquid electrolyte, 3.8%.\n]\n\nAs #citet(<lee2012>) show.\n"
    assert markdown(source) == (
        "## [@kojima2009]\n\n- **Key**: [@kojima2009]\n\nLiquid electrolyte, 3.8%.\n\n"
        "As [@lee2012] show.\n"
    )


def test_an_identifier_in_a_term_list_becomes_the_link_the_notes_reader_follows() -> None:
    source = "/ Authors: Kojima, Teshima\n/ DOI: 10.1021/ja809598r\n/ arXiv: 1308.6207\n"
    assert markdown(source) == (
        "- **Authors**: Kojima, Teshima\n- **DOI**: https://doi.org/10.1021/ja809598r\n"
        "- **arXiv**: https://arxiv.org/abs/1308.6207\n"
    )


def test_a_note_template_given_a_citation_key_names_that_entry() -> None:
    source = '#show: note.with(title: "MSSC", key: <lee2012>)\n\nAlumina scaffold.\n'
    (entry,) = parse(source, "lee.typ").entries
    assert entry.cites == "lee2012"
