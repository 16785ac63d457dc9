"""Vimwiki pages (.wiki), read through the notes importer."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.registry import detect
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.importers.vimwiki.parse import looks_like_vimwiki, parse, to_markdown
from papershelf.papers.models import Paper

# A page of notes on two papers, with most of Vimwiki's syntax around them.
SCHEDULING_PAGE = """\
%title Scheduling papers
%date 2024-05-02
:os:scheduling:

%% private: move to the thesis wiki later
%%+ a comment
over two lines +%%
== Lottery ==
*Lottery Scheduling: Flexible Proportional-Share Resource Management*
Waldspurger & Weihl, OSDI 1994. [[https://dl.acm.org/doi/10.5555/1267638.1267639|ACM]]

  * tickets, _currencies_ and ~~stride~~ compensation
      - nested under it
  * see [[papers/stride|the stride page]] and [[diary:2024-05-01]]
  1. [X] reread section 4
  2. [ ] ask about `lottery_compensate()`

== Scheduler activations ==
*Scheduler Activations: Effective Kernel Support for the User-Level Management of Parallelism*
Anderson, Bershad, Lazowska, Levy. ACM TOCS 10(1), 1992. DOI: 10.1145/146941.146944

{{file:../images/upcalls.png|upcalls}}

{{{c
void upcall(int cpu);
}}}

{{$
T = \\sum_i t_i
}}$

| Paper   | Year |
|---------|------|
| Lottery | 1994 |
Term:: a definition
----
"""


def test_headings_placeholders_tags_and_comments_become_markdown() -> None:
    markdown = to_markdown(SCHEDULING_PAGE)
    assert markdown.startswith("# Scheduling papers\n")
    assert "2024-05-02" not in markdown  # the page's date, not a paper's year
    assert "Tags: os, scheduling" in markdown
    assert "private" not in markdown and "over two lines" not in markdown
    assert "\n## Lottery\n" in markdown


def test_typefaces_links_and_nested_lists_become_markdown() -> None:
    markdown = to_markdown(SCHEDULING_PAGE)
    assert "**Lottery Scheduling: Flexible Proportional-Share Resource Management**" in markdown
    assert "[ACM](https://dl.acm.org/doi/10.5555/1267638.1267639)" in markdown
    assert "- tickets, *currencies* and ~~stride~~ compensation" in markdown
    assert "    - nested under it" in markdown
    assert "- see the stride page and 2024-05-01" in markdown
    assert "1. [x] reread section 4" in markdown
    assert "2. [ ] ask about `lottery_compensate()`" in markdown


def test_images_code_math_and_tables_are_kept() -> None:
    markdown = to_markdown(SCHEDULING_PAGE)
    assert "![upcalls](../images/upcalls.png)" in markdown
    assert "```c\nvoid upcall(int cpu);\n```" in markdown
    assert "$$\nT = \\sum_i t_i\n$$" in markdown
    assert "| Paper | Year |\n| --- | --- |\n| Lottery | 1994 |" in markdown
    assert "Term: a definition" in markdown


def test_each_paper_under_its_heading_is_a_paper() -> None:
    document = parse(SCHEDULING_PAGE, "wiki/papers/scheduling.wiki")
    assert [(entry.paper.title, entry.paper.doi) for entry in document.entries if entry.paper] == [
        (
            "Lottery Scheduling: Flexible Proportional-Share Resource Management",
            "10.5555/1267638.1267639",  # dl.acm.org/doi/… gives the DOI
        ),
        (
            "Scheduler Activations: Effective Kernel Support for the User-Level Management"
            " of Parallelism",
            "10.1145/146941.146944",
        ),
    ]


def test_wiki_files_are_vimwiki_unless_written_in_mediawiki_markup() -> None:
    assert looks_like_vimwiki(SCHEDULING_PAGE)
    assert detect(Path("scheduling.wiki"), SCHEDULING_PAGE).name == "vimwiki"
    assert not looks_like_vimwiki("== Intro ==\n'''Bold''' words.<ref>a</ref>\n")


def test_a_vimwiki_folder_imports_its_pages_papers(tmp_path: Path, alice: User) -> None:
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "scheduling.wiki").write_text(SCHEDULING_PAGE)
    (tmp_path / "index.wiki").write_text("= Index =\n  * [[papers/scheduling|Scheduling]]\n")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.5555/1267638.1267639",
        "10.1145/146941.146944",
    }
