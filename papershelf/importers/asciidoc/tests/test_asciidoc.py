"""AsciiDoc notes and books: the markup becomes Markdown, the papers are found in it."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers import registry
from papershelf.importers.asciidoc.parse import looks_like_asciidoc, parse, to_markdown
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList

CONSENSUS = """// reading notes, kept in git
= Consensus reading notes
Sam Rivera <sam@example.org>
v0.3, 2024-05-02
:keywords: distributed systems, consensus
:description: Papers on agreement I read for the systems seminar.
:toc:
:stem: latexmath

== Raft <<raft14>>

*In Search of an Understandable Consensus Algorithm* — Diego Ongaro, John Ousterhout. \
USENIX ATC 2014. https://www.usenix.org/conference/atc14/technical-sessions/presentation/ongaro[paper]

Summary:: Leader election, log replication and safety as _separate_ pieces.
Thoughts:: The figure-2 cheat sheet is the whole protocol.

[bibliography]
== References

* [[[raft14, Raft]]] Diego Ongaro, John Ousterhout. In Search of an Understandable
  Consensus Algorithm. USENIX ATC 2014.
* [[[lamport98]]] Leslie Lamport. The Part-Time Parliament. ACM TOCS 16(2), 1998.
"""


def test_the_header_becomes_front_matter_over_the_title() -> None:
    markdown = to_markdown(CONSENSUS)
    front, _, body = markdown.removeprefix("---\n").partition("---\n")
    assert "author: Sam Rivera" in front and "date: '2024-05-02'" in front
    assert "tags:\n- distributed systems\n- consensus" in front
    assert "toc:" not in front and "stem:" not in front
    # The description is kept as the note's first paragraph too.
    assert body.lstrip().startswith(
        "# Consensus reading notes\n\nPapers on agreement I read for the systems seminar.\n"
    )


def test_the_underlined_two_line_title_is_the_document_title() -> None:
    markdown = to_markdown("Reading log\n===========\n\nSection one\n-----------\n\nText.\n")
    assert markdown == "# Reading log\n\n## Section one\n\nText.\n"


def test_emphasis_links_and_cross_references_keep_their_text() -> None:
    markdown = to_markdown(
        "See *bold*, _italic_, `a_b*c` and <<sec-2,the next part>> or <<lamport98>>.\n"
        "Read https://arxiv.org/abs/1706.03762[the paper^] or link:notes/other.html[this], "
        "xref:chapters/02-raft.adoc#safety[safety] and https://example.org/a_b_c.\n"
    )
    assert markdown == (
        "See **bold**, *italic*, `a_b*c` and the next part or [lamport98].\n"
        "Read [the paper](https://arxiv.org/abs/1706.03762) or [this](notes/other.html), "
        "safety and https://example.org/a_b_c.\n"
    )


def test_lists_nest_by_their_markers() -> None:
    markdown = to_markdown("* one\n** one.a\n* two\n\n. first\n.. first.a\n. second\n")
    assert markdown == ("- one\n    - one.a\n- two\n\n1. first\n    1. first.a\n1. second\n")


def test_source_literal_quote_and_admonition_blocks_keep_their_shape() -> None:
    markdown = to_markdown(
        "[source,python]\n----\nx = *not bold*\n----\n\n....\n  literal\n....\n\n"
        "[quote, Leslie Lamport, The Part-Time Parliament]\n____\nParliament passed decrees.\n"
        "____\n\nNOTE: the proofs are in the appendix.\n\n[WARNING]\n====\nNot *safe* here.\n====\n"
    )
    assert "```python\nx = *not bold*\n```" in markdown
    assert "```\n  literal\n```" in markdown
    assert (
        "> Parliament passed decrees.\n>\n> — Leslie Lamport, *The Part-Time Parliament*"
        in markdown
    )
    assert "> **Note:** the proofs are in the appendix." in markdown
    assert "> **Warning:** Not **safe** here." in markdown


def test_a_table_becomes_a_markdown_table_with_cells_over_several_lines() -> None:
    markdown = to_markdown(
        '.Protocols\n[cols="2,1,3"]\n|===\n| Protocol | Year | Note\n\n| Paxos | 1998\n'
        "| the original,\nhard to read\n| Raft\n| 2014 | escaped \\| bar\n|===\n"
    )
    assert markdown.strip().split("\n") == [
        "*Protocols*",
        "",
        "| Protocol | Year | Note |",
        "| --- | --- | --- |",
        "| Paxos | 1998 | the original, hard to read |",
        "| Raft | 2014 | escaped \\| bar |",
    ]


def test_maths_becomes_dollar_maths() -> None:
    markdown = to_markdown(
        "A quorum of stem:[\\lfloor n/2 \\rfloor + 1] and latexmath:[f < n/3].\n\n"
        "[stem]\n++++\n\\sum_{i} w_i > W/2\n++++\n\n[latexmath]\n++++\n\\[ q = 2f + 1 \\]\n++++\n"
    )
    assert "A quorum of $\\lfloor n/2 \\rfloor + 1$ and $f < n/3$." in markdown
    assert "$$\n\\sum_{i} w_i > W/2\n$$" in markdown
    assert "$$\nq = 2f + 1\n$$" in markdown


def test_comments_includes_and_index_terms_are_dropped() -> None:
    markdown = to_markdown(
        "// a note to self\nKept ((Paxos)) text(((quorum, majority))).\n////\nhidden\n////\n"
        "include::chapters/01.adoc[leveloffset=+1]\nifdef::backend-pdf[]\nPDF only.\nendif::[]\n"
    )
    assert markdown == "Kept Paxos text.\n\nPDF only.\n"


def test_footnotes_go_to_the_end_of_the_note() -> None:
    markdown = to_markdown("Safe.footnote:flp[FLP 1985.] Live.footnote:flp[]\n")
    assert markdown == "Safe.[^1] Live.[^1]\n\n[^1]: FLP 1985.\n"


def test_bibliography_entries_are_citations_without_their_anchors() -> None:
    markdown = to_markdown(CONSENSUS)
    assert (
        "- Diego Ongaro, John Ousterhout. In Search of an Understandable Consensus Algorithm. "
        "USENIX ATC 2014.\n- Leslie Lamport. The Part-Time Parliament. ACM TOCS 16(2), 1998."
    ) in markdown
    assert "[[[" not in markdown and "raft14" not in markdown


def test_description_list_terms_become_labelled_paragraphs() -> None:
    markdown = to_markdown("Summary:: one\nThoughts::\n  two, on the next line\n")
    assert markdown == "**Summary**: one\n\n**Thoughts**: two, on the next line\n"


def test_the_papers_of_a_note_are_found() -> None:
    document = parse(CONSENSUS, "consensus.adoc")
    assert document.format == "asciidoc"
    titles = {entry.paper.title for entry in document.entries if entry.paper}
    assert "The Part-Time Parliament" in titles
    assert any(title.startswith("In Search of an Understandable") for title in titles)


def test_a_file_of_attributes_only_names_no_paper() -> None:
    document = parse("// shared\n:author: Sam\n:stem: latexmath\n", "attributes.adoc")
    assert document.entries == []
    assert "attributes" in document.warnings[0].message


def test_asciidoc_is_recognised_by_extension_and_by_content() -> None:
    assert registry.detect(Path("notes.adoc"), CONSENSUS).name == "asciidoc"
    assert looks_like_asciidoc(CONSENSUS)
    assert not looks_like_asciidoc("# A Markdown note\n\nWith a [link](https://x.org).\n")


CHAPTER = """[[raft]]
= Replication

== Raft <<raft14>>

"In Search of an Understandable Consensus Algorithm" — Diego Ongaro, John Ousterhout, \
USENIX ATC 2014. https://www.usenix.org/system/files/conference/atc14/atc14-paper-ongaro.pdf[pdf]

Summary:: Leader-based replicated log.

== Viewstamped replication

"Viewstamped Replication Revisited" — Barbara Liskov, James Cowling. MIT CSAIL TR, 2012.

Summary:: The other leader-based protocol.
"""
OPENING = """[[basics]]
= Impossibility

== FLP

"Impossibility of Distributed Consensus with One Faulty Process" — Michael J. Fischer, \
Nancy A. Lynch, Michael S. Paterson. JACM 32(2), 1985. https://doi.org/10.1145/3149.214121[doi]

Summary:: No deterministic protocol tolerates one crash in an asynchronous system.
"""
BOOK = """= Consensus notes
include::attributes.adoc[]
:doctype: book

include::chapters/01-impossibility.adoc[leveloffset=+1]
include::chapters/02-replication.adoc[leveloffset=+1]
"""


def test_a_notes_book_imports_its_papers_with_its_chapters_as_sections(
    tmp_path: Path, alice: User
) -> None:
    chapters = tmp_path / "docs" / "chapters"
    chapters.mkdir(parents=True)
    (chapters / "01-impossibility.adoc").write_text(OPENING, encoding="utf-8")
    (chapters / "02-replication.adoc").write_text(CHAPTER, encoding="utf-8")
    (tmp_path / "docs" / "index.adoc").write_text(BOOK, encoding="utf-8")
    (tmp_path / "docs" / "attributes.adoc").write_text(":stem: latexmath\n", encoding="utf-8")
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("title", flat=True)) == {
        "Impossibility of Distributed Consensus with One Faulty Process",
        "In Search of an Understandable Consensus Algorithm",
        "Viewstamped Replication Revisited",
    }
    assert Paper.objects.get(title__startswith="Impossibility").doi == "10.1145/3149.214121"
    skipped = {outcome.name for outcome in report.files_with("skipped")}
    assert {"docs/attributes.adoc", "docs/index.adoc"} <= skipped
    headings = [item.heading for item in ReadingList.objects.get().items.all() if item.heading]
    assert headings == ["Impossibility", "Replication"]


def test_images_are_found_in_the_images_folder_the_document_names() -> None:
    markdown = to_markdown(
        ':imagesdir: img\n\nimage::quorum.svg["Two quorums overlap",400]\n\n'
        "Inline image:logo.png[] beside _me@example.org_.\n"
    )
    assert markdown == (
        "![Two quorums overlap](img/quorum.svg)\n\n"
        "Inline ![](img/logo.png) beside *me@example.org*.\n"
    )


def test_a_jekyll_page_keeps_its_yaml_front_matter_and_curved_quotes_are_quotes() -> None:
    markdown = to_markdown(
        '---\ntitle: "Paxos Made Simple"\ntags: [consensus]\n---\n= Paxos notes\n\n'
        'Lamport calls it "`the simplest`" and `code` stays code.\n'
    )
    assert markdown == (
        "---\ntitle: Paxos Made Simple\ntags:\n- consensus\n---\n\n# Paxos notes\n\n"
        "Lamport calls it “the simplest” and `code` stays code.\n"
    )
