"""reStructuredText to Markdown: the shapes notes sites and docstrings write."""

from __future__ import annotations

from papershelf.importers.rst.parse import looks_like_rst, to_markdown


def _markdown(text: str) -> str:
    return to_markdown(text)[0]


def test_it_turns_underlined_and_overlined_titles_into_headings_by_first_appearance() -> None:
    text = "=====\nNotes\n=====\n\nVision\n======\n\nViT\n---\n\nText.\n\nNLP\n======\n"
    assert _markdown(text).split("\n\n") == ["# Notes", "## Vision", "### ViT", "Text.", "## NLP\n"]


def test_it_turns_identifier_roles_into_addresses_the_notes_reader_knows() -> None:
    markdown = _markdown("See :arxiv:`2005.14165` and :doi:`10.1145/359545.359563`.\n")
    assert "https://arxiv.org/abs/2005.14165" in markdown
    assert "https://doi.org/10.1145/359545.359563" in markdown
    assert ":arxiv:" not in markdown


def test_it_converts_links_named_targets_and_anonymous_links() -> None:
    text = (
        "Read `the paper <https://arxiv.org/abs/1706.03762>`_, Sphinx_ and `this\n"
        "one <https://doi.org/10.1/x>`__.\n\n.. _Sphinx: https://www.sphinx-doc.org\n"
    )
    markdown = _markdown(text)
    assert "[the paper](https://arxiv.org/abs/1706.03762)" in markdown
    assert "[Sphinx](https://www.sphinx-doc.org)" in markdown
    assert "[this one](https://doi.org/10.1/x)" in markdown
    assert ".. _Sphinx" not in markdown


def test_it_keeps_literals_math_and_code_blocks() -> None:
    text = (
        "Use ``x_1 * y`` and :math:`a^2`::\n\n    print(1)\n\n"
        ".. code-block:: python\n   :linenos:\n\n   x = 1\n\n.. math::\n\n   E = mc^2\n"
    )
    markdown = _markdown(text)
    assert "`x_1 * y`" in markdown and "$a^2$" in markdown
    assert "```\nprint(1)\n```" in markdown
    assert "```python\nx = 1\n```" in markdown
    assert "$$\nE = mc^2\n$$" in markdown


def test_it_writes_a_citation_as_one_line_the_citation_reader_takes() -> None:
    text = (
        ".. [HLRV12] Tamas Hausel, Emmanuel Letellier.\n"
        "   *Positivity of Kac polynomials*. (2012). :arxiv:`1204.2375`.\n"
    )
    assert _markdown(text) == (
        "- [HLRV12] Tamas Hausel, Emmanuel Letellier. *Positivity of Kac polynomials*. "
        "(2012). https://arxiv.org/abs/1204.2375.\n"
    )


def test_it_keeps_admonitions_as_quotes_and_drops_navigation_and_includes() -> None:
    text = (
        ".. toctree::\n   :maxdepth: 2\n\n   papers\n\n.. include:: /etc/passwd\n\n"
        ".. note::\n\n   Worth reading twice.\n\n.. custombox::\n\n   Kept as text.\n"
    )
    markdown = _markdown(text)
    assert "> **Note:** Worth reading twice." in markdown
    assert "Kept as text." in markdown
    assert "papers" not in markdown and "passwd" not in markdown


def test_it_turns_the_opening_field_list_into_front_matter() -> None:
    text = (
        "Attention Is All You Need\n=========================\n\n"
        ":authors: Ashish Vaswani, Noam Shazeer\n:year: 2017\n"
        ":doi: :doi:`10.48550/arXiv.1706.03762`\n:tags: transformers, nlp\n\nNotes.\n"
    )
    markdown = _markdown(text)
    assert markdown.startswith("---\nauthors: Ashish Vaswani, Noam Shazeer\nyear: 2017\n")
    assert "doi: https://doi.org/10.48550/arXiv.1706.03762\n" in markdown
    assert "tags:\n- transformers\n- nlp\n---\n" in markdown
    assert "# Attention Is All You Need" in markdown


def test_it_writes_a_nicknamed_sections_title_and_link_fields_as_one_paper_line() -> None:
    text = (
        "Consensus\n=========\n\nRaft\n----\n\n"
        ":Paper: *In Search of an Understandable Consensus Algorithm* — Ongaro\n"
        "        and Ousterhout, ATC 2014\n:Link: https://raft.github.io/raft.pdf\n"
    )
    markdown = _markdown(text)
    assert (
        "**Paper:** [In Search of an Understandable Consensus Algorithm]"
        "(https://raft.github.io/raft.pdf)  \n— Ongaro and Ousterhout, ATC 2014  \n"
    ) in markdown


def test_it_maps_each_markdown_line_to_the_rst_line_it_came_from() -> None:
    text = "Title\n=====\n\n* one\n* two\n\n#. three\n"
    markdown, origins = to_markdown(text)
    lines = markdown.split("\n")
    assert origins[lines.index("1. three")] == 6
    assert origins[lines.index("* two")] == 4


def test_it_recognises_rst_but_not_markdown() -> None:
    assert looks_like_rst("Notes\n=====\n\nText.\n")
    assert looks_like_rst("Some :doi:`10.1/x` text.\n")
    assert not looks_like_rst("# Notes\n\nSome *text* and [a link](https://x.org).\n")
