"""Synthetic documents of each kind, so the parser is not tuned to the seeds only."""

from __future__ import annotations

from textwrap import dedent

import pytest

from papershelf.importers.notes.parse import parse
from papershelf.importers.records import ParseError

TRANSFORMER_LINE = "📜 [Attention Is All You Need](https://arxiv.org/abs/1706.03762)"

READING_PATH = dedent(
    """\
    # Deep Learning Reading Path

    A path through the classics, one module a week.

    ## Module 1: Foundations

    Start here.

    ### Lesson 1.1

    - [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385v2) — skips.
    - [Batch Normalization](https://arxiv.org/pdf/1502.03167.pdf) (ICML 2015): normalise.
      - Watch the $\\gamma, \\beta$ parameters.

      A second paragraph inside the item.

    ### Lesson 1.2

    1. [Dropout: A Simple Way to Prevent Neural Networks from Overfitting](https://jmlr.org/papers/v15/srivastava14a.html)

    Loose notes on dropout after the list.

    ## Module 2

    - [Attention Is All You Need](https://arxiv.org/abs/1706.03762)
    - Watch the lecture video.
    """
)


def test_a_reading_path_yields_one_entry_per_linked_item_in_order() -> None:
    document = parse(READING_PATH, "path.md")
    titles = [entry.paper.title for entry in document.entries if entry.paper]
    assert titles == [
        "Deep Residual Learning for Image Recognition",
        "Batch Normalization",
        "Dropout: A Simple Way to Prevent Neural Networks from Overfitting",
        "Attention Is All You Need",
    ]
    assert document.ordered is True
    assert document.title == "Deep Learning Reading Path"
    assert document.topics == []  # modules and lessons order the path, they are not topics


def test_module_and_lesson_headings_become_sections() -> None:
    document = parse(READING_PATH, "path.md")
    assert [entry.sections for entry in document.entries] == [
        ("Module 1: Foundations", "Lesson 1.1"),
        ("Module 1: Foundations", "Lesson 1.1"),
        ("Module 1: Foundations", "Lesson 1.2"),
        ("Module 2",),
    ]


def test_a_list_item_note_nested_text_and_loose_paragraphs_form_its_summary() -> None:
    entries = parse(READING_PATH, "path.md").entries
    assert entries[0].summary and entries[0].summary.markdown == "skips."
    assert entries[1].summary and entries[1].summary.markdown == (
        "normalise.\n- Watch the $\\gamma, \\beta$ parameters.\n\n"
        "A second paragraph inside the item."
    )
    assert entries[2].summary and entries[2].summary.markdown == (
        "Loose notes on dropout after the list."
    )
    assert entries[3].summary is None


def test_a_list_item_reads_identifiers_venue_and_year() -> None:
    entries = parse(READING_PATH, "path.md").entries
    resnet, batch_norm = entries[0].paper, entries[1].paper
    assert resnet and (resnet.arxiv_id, resnet.arxiv_version) == ("1512.03385", 2)
    assert batch_norm and (batch_norm.venue, batch_norm.year) == ("ICML", 2015)
    assert batch_norm.arxiv_id == "1502.03167"


def test_a_reading_path_keeps_a_sections_text_as_its_notes_and_warns_about_asides() -> None:
    document = parse(READING_PATH, "path.md")
    assert document.section_notes[("Module 1: Foundations",)] == (7, "Start here.")
    messages = [(warning.line, warning.message) for warning in document.warnings]
    assert not any("Module 1: Foundations" in text for _, text in messages)
    assert any(line == 26 and "Watch the lecture video." in text for line, text in messages)


BLOG = dedent(
    """\
    ---
    title: "Papers I liked"
    tags: [reading]
    ---

    # Papers I liked

    Some intro.

    ## Computer Vision

    Papers about seeing: convolutions, residuals and the like.

    ### Deep Residual Learning for Image Recognition

    **Authors:** Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun
    **Venue:** CVPR 2016

    Residual connections make deep nets trainable: $F(x) + x$.

    #### Details

    ```python
    # a comment, not a heading
    y = f(x) + x
    ```

    ## Natural Language Processing

    Papers about text.

    ### BERT

    Paper: [BERT: Pre-training of Deep Transformers](https://arxiv.org/abs/1810.04805) (NAACL 2019)

    Masked language modelling.

    ## References

    - A textbook, 2016.
    """
)


def test_category_headings_with_descriptions_become_topics() -> None:
    document = parse(BLOG, "blog.md")
    assert [(topic.name, topic.description) for topic in document.topics] == [
        ("Computer Vision", "Papers about seeing: convolutions, residuals and the like."),
        ("Natural Language Processing", "Papers about text."),
        ("reading", ""),  # from the front matter tags
    ]
    assert document.entry_topics == {
        0: ["Computer Vision", "reading"],
        1: ["Natural Language Processing", "reading"],
    }
    assert document.ordered is False  # filed by category, not a path


def test_a_blog_reads_labelled_authors_and_venue_and_keeps_code_fences() -> None:
    document = parse(BLOG, "blog.md")
    resnet = document.entries[0]
    assert resnet.paper and resnet.paper.authors[0] == "Kaiming He"
    assert (resnet.paper.venue, resnet.paper.year) == ("CVPR", 2016)
    assert resnet.summary and "# a comment, not a heading" in resnet.summary.markdown
    assert "#### Details" in resnet.summary.markdown
    bert = document.entries[1]
    assert bert.paper and bert.paper.arxiv_id == "1810.04805"
    assert bert.summary and bert.summary.heading == "BERT"


def test_a_blog_skips_its_references_section_with_a_warning() -> None:
    document = parse(BLOG, "blog.md")
    assert len(document.entries) == 2
    assert any("References" in warning.message for warning in document.warnings)


def test_twenty_categories_with_descriptions_give_twenty_topics() -> None:
    sections = [
        f"## Category {chr(65 + n)}\n\nWhat category {n} is about.\n\n"
        f"### Paper {n}\n\n📜 [A Study of Things Number {n}](https://arxiv.org/abs/2101.{n:05d})\n\n"
        f"Notes on paper {n}.\n"
        for n in range(20)
    ]
    document = parse("# Field guide\n\n" + "\n".join(sections), "guide.md")
    assert len(document.topics) == 20
    assert document.topics[3].description == "What category 3 is about."
    assert document.entry_topics[3] == ["Category D"]
    assert [e.paper.arxiv_id for e in document.entries if e.paper][:2] == [
        "2101.00000",
        "2101.00001",
    ]


OBSIDIAN = dedent(
    """\
    ---
    tags: transformers, attention
    aliases: [attn]
    ---

    ## [[Attention Is All You Need]]

    Link: https://arxiv.org/abs/1706.03762

    Self-attention everywhere; see [[Self-Attention]] and [[Positional Encoding|positions]].

    > [!note]
    > Multi-head attention: $\\text{softmax}(QK^T/\\sqrt{d})V$

    ![[transformer.png]]

    ## Attention

    📜 [[Neural Machine Translation by Jointly Learning to Align and Translate]] https://arxiv.org/abs/1409.0473

    The original attention.
    """
)


def test_an_obsidian_note_keeps_wiki_links_as_text_and_finds_its_papers() -> None:
    document = parse(OBSIDIAN, "vault/attention.md")
    transformer, bahdanau = document.entries
    assert transformer.paper and transformer.paper.title == "Attention Is All You Need"
    assert transformer.paper.arxiv_id == "1706.03762"
    assert transformer.summary
    assert "[[Positional Encoding|positions]]" in transformer.summary.markdown
    assert transformer.summary.images == ["transformer.png"]
    assert bahdanau.paper and bahdanau.paper.arxiv_id == "1409.0473"
    assert bahdanau.paper.title.startswith("Neural Machine Translation by Jointly")
    assert [topic.name for topic in document.topics] == ["transformers", "attention"]


def test_jekyll_liquid_blocks_are_literal_and_their_hash_lines_are_not_headings() -> None:
    text = dedent(
        """\
        ---
        layout: post
        title: Two papers
        categories: ml papers
        ---

        ## Attention

        📜 [Attention Is All You Need](https://arxiv.org/abs/1706.03762)

        {% highlight python %}
        # Scaled dot-product attention
        weights = softmax(q @ k.T / sqrt(d))
        {% endhighlight %}

        See {{ site.baseurl }}/attention and $$\\frac{a}{b}$$.

        ## BERT

        📜 [BERT: Pre-training of Deep Bidirectional Transformers](https://arxiv.org/abs/1810.04805)
        """
    )
    document = parse(text, "_posts/two.md")
    assert document.title == "Two papers"
    assert [topic.name for topic in document.topics] == ["ml", "papers"]
    assert len(document.entries) == 2
    attention = document.entries[0].summary
    assert (
        attention and "{% highlight python %}\n# Scaled dot-product attention" in attention.markdown
    )
    assert "{{ site.baseurl }}/attention" in attention.markdown


def test_a_gfm_table_with_a_header_gives_one_entry_per_row() -> None:
    text = dedent(
        """\
        | Year | Paper | Notes |
        |------|-------|-------|
        | 2017 | [Attention Is All You Need](https://arxiv.org/abs/1706.03762) | $QK^T$, $\\|x\\|$ |
        | 2018 | [BERT](https://arxiv.org/abs/1810.04805) | |
        """
    )
    document = parse(text, "table.md")
    first, second = document.entries
    assert first.paper and (first.paper.year, first.paper.arxiv_id) == (2017, "1706.03762")
    assert first.summary and first.summary.markdown == "$QK^T$, $|x|$"
    assert first.sections == ("2017",)
    assert second.paper and second.paper.title == "BERT" and second.summary is None


def test_headings_that_read_like_titles_are_papers_when_nothing_links() -> None:
    text = dedent(
        """\
        ## Deep Residual Learning for Image Recognition

        Residuals.

        ## Sequence to Sequence Learning with Neural Networks

        Two LSTMs.
        """
    )
    document = parse(text, "blog.md")
    titles = [entry.paper.title for entry in document.entries if entry.paper]
    assert titles == [
        "Deep Residual Learning for Image Recognition",
        "Sequence to Sequence Learning with Neural Networks",
    ]
    assert document.entries[1].summary and document.entries[1].summary.markdown == "Two LSTMs."


def test_year_headings_group_linked_paper_headings() -> None:
    text = dedent(
        """\
        # 2017

        ## Transformer

        📜 [Attention Is All You Need](https://arxiv.org/abs/1706.03762)

        # 2018

        ## BERT

        📜 [BERT: Pre-training of Deep Bidirectional Transformers](https://arxiv.org/abs/1810.04805)
        """
    )
    document = parse(text, "years.md")
    assert [entry.sections for entry in document.entries] == [("2017",), ("2018",)]
    assert document.topics == []
    assert document.ordered is True


def test_a_summary_site_listing_is_recognised_by_its_repeated_metadata_block() -> None:
    block = "Jane Doe, John Smith\n\nNeurIPS - 2019\n\n"
    text = (
        "Latest summaries\n\nA Study of Many Interesting Things\n\n"
        + block * 2
        + "The summary, on one line. ## Method It works.\n\n"
        + "Another Paper About Other Things Entirely\n\n"
        + "Doe, Jane and Roe, Richard\n\nICML - 2020 via Somewhere\n\n" * 2
        + "[link]\nSecond summary.\n"
    )
    document = parse(text, "listing.txt")
    first, second = document.entries
    assert first.paper and first.paper.authors == ["Jane Doe", "John Smith"]
    assert (first.paper.venue, first.paper.year) == ("NeurIPS", 2019)
    assert (
        first.summary and first.summary.markdown == "The summary, on one line. ## Method It works."
    )
    assert second.paper and second.paper.authors == ["Jane Doe", "Richard Roe"]
    assert second.summary and second.summary.markdown == "Second summary."


def test_windows_line_endings_keep_line_numbers_and_bytes() -> None:
    text = (
        f"# Notes\r\n\r\n## Attention\r\n\r\n{TRANSFORMER_LINE}\r\n\r\nLine one.\r\nLine two.\r\n"
    )
    entry = parse(text, "crlf.md").entries[0]
    assert entry.line == 3
    assert entry.summary and entry.summary.markdown.endswith("Line one.\r\nLine two.")


def test_hugo_toml_front_matter_gives_the_title() -> None:
    text = f'+++\ntitle = "Notes"\ntags = ["nlp"]\n+++\n\n## Transformer\n\n{TRANSFORMER_LINE}\n'
    document = parse(text, "hugo.md")
    assert document.title == "Notes"
    assert [topic.name for topic in document.topics] == ["nlp"]


def test_broken_front_matter_is_reported_and_the_notes_still_read() -> None:
    text = f"---\ntitle: [unclosed\n---\n\n## Transformer\n\n{TRANSFORMER_LINE}\n"
    document = parse(text, "broken.md")
    assert len(document.entries) == 1
    assert document.warnings[0].line == 1 and "front matter" in document.warnings[0].message


@pytest.mark.parametrize("text", ["", "   \n\n\t\n"])
def test_an_empty_document_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError) as raised:
        parse(text, "empty.md")
    assert raised.value.path == "empty.md"
    assert raised.value.line is None
    assert "empty" in raised.value.message


def test_front_matter_without_notes_names_no_paper() -> None:
    document = parse("---\ntitle: Nothing yet\n---\n\n", "draft.md")
    assert document.entries == []
    assert "front matter but no notes" in document.warnings[0].message


def test_a_publication_page_that_is_all_front_matter_is_its_paper() -> None:
    page = (
        '---\ntitle: "Savings Constraints and Microenterprise Development"\n'
        "authors:\n  - Pascaline Dupas\n  - Jonathan Robinson\n"
        "date: '2013-01-01T00:00:00Z'\npublication_types: ['2']\n"
        "publication: '*American Economic Journal: Applied Economics*, 5(1), 163–192'\n"
        "doi: 10.1257/app.5.1.163\n---\n"
    )
    [entry] = parse(page, "content/publication/dupas-robinson-2013/index.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "Savings Constraints and Microenterprise Development"
    assert (entry.paper.year, entry.paper.doi) == (2013, "10.1257/app.5.1.163")
    assert entry.paper.authors == ["Pascaline Dupas", "Jonathan Robinson"]


def test_a_document_with_no_recognisable_papers_has_no_entries_and_says_why() -> None:
    text = "# Shopping\n\n- milk\n- [a recipe](https://example.com/soup)\n\nSome thoughts.\n"
    document = parse(text, "shopping.md")
    assert document.entries == []
    [warning] = document.warnings
    assert str(warning).startswith("shopping.md: found no papers")


def test_hash_lines_in_math_blocks_and_links_in_tables_do_not_make_papers() -> None:
    text = dedent(
        """\
        Setext Title
        ============

        ## Transformer

        | related | note |
        |---|---|
        | [Neural Machine Translation by Jointly Learning](https://arxiv.org/abs/1409.0473) | x |

        📜 [Attention Is All You Need](https://arxiv.org/abs/1706.03762)

        $$
        # not a heading
        x^2
        $$
        """
    )
    document = parse(text, "tricky.md")
    assert document.title == "Setext Title"
    (entry,) = document.entries
    assert entry.paper and entry.paper.arxiv_id == "1706.03762"
    assert entry.summary and "# not a heading\nx^2" in entry.summary.markdown
    assert document.warnings == []


def test_a_category_holding_one_linked_item_is_a_list_not_a_paper_heading() -> None:
    text = dedent(
        """\
        # Awesome papers

        ## Optimisation

        How networks are trained.

        - [Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980) - moments

        ## Regularisation

        - [Dropout](https://jmlr.org/papers/v15/srivastava14a.html)
        - [Batch Normalization](https://arxiv.org/abs/1502.03167) - also regularises
        """
    )
    document = parse(text, "awesome.md")
    assert [entry.paper.title for entry in document.entries if entry.paper] == [
        "Adam: A Method for Stochastic Optimization",
        "Dropout",
        "Batch Normalization",
    ]
    assert document.topics[0].name == "Optimisation"
    assert document.topics[0].description == "How networks are trained."
    assert document.entry_topics == {
        0: ["Optimisation"],
        1: ["Regularisation"],
        2: ["Regularisation"],
    }


def test_a_dated_bookmark_row_is_an_entry_even_when_its_link_is_no_paper() -> None:
    text = dedent(
        """\
        |2020||[A blog post](https://blog.example.com/post)|
        ||| Text about the post. |
        |2019||[Attention Is All You Need](https://arxiv.org/abs/1706.03762)|
        ||| [video](https://youtube.com/x) |

        Trailing paragraph after the table.
        """
    )
    document = parse(text, "bookmarks.md")
    blog, transformer = document.entries
    assert blog.paper and blog.paper.url == "https://blog.example.com/post"
    assert blog.summary and blog.summary.markdown == "Text about the post."
    assert transformer.summary and transformer.summary.markdown == "[video](https://youtube.com/x)"
    assert [warning.line for warning in document.warnings] == [6]


def test_a_heading_that_links_its_paper_is_enough() -> None:
    text = "## [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n\nNotes.\n"
    (entry,) = parse(text, "linked.md").entries
    assert entry.paper and entry.paper.arxiv_id == "1706.03762"
    assert entry.summary and entry.summary.heading == "Attention Is All You Need"
    assert entry.summary.markdown == "Notes."
