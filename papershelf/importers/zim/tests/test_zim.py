"""Zim desktop wiki pages (a notebook folder of .txt pages), read through the notes importer."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.registry import detect
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.importers.zim.parse import looks_like_zim, parse, to_markdown
from papershelf.papers.models import Paper

HEADER = """\
Content-Type: text/x-zim-wiki
Wiki-Format: zim 0.6
Creation-Date: 2024-02-05T09:12:44+01:00

"""

# A theme page: the H1 is the theme, each paper an H2 nickname over its citation.
OPTICS_PAGE = (
    HEADER
    + """\
====== Optics ======
Created Monday 05 February 2024

Reading for the lab course. See [[Lab:Setup|the setup page]] and [[+Alignment]].

===== Hänsch 1975 =====
//Cooling of gases by laser radiation//, Hänsch & Schawlow, Optics Communications 13, 68 (1975). [[https://doi.org/10.1016/0030-4018(75)90159-5|doi]]

==== Summary ====
* red-detuned light slows atoms moving towards it
	* a second level, with a tab
* ''Doppler'' shift does the __selection__

[ ] redo the estimate for Rb
[*] read section 2
[x] skip the appendix

1. first remark
2. second remark

{{./doppler.png?width=300}}

'''
E = hbar * omega
'''

{{{code: lang="python" linenumbers="True"
detuning = -gamma / 2
}}}

|Quantity|Value|
|:-------|----:|
|Gamma   |6 MHz|

Rule below, not a heading
--------------------

===== Chu 1985 =====
**Three-dimensional viscous confinement and cooling of atoms by resonance radiation \
pressure** — Chu et al., PRL 55, 48 (1985). doi: 10.1103/PhysRevLett.55.48
"""
)

PAPERS = [
    ("Cooling of gases by laser radiation", "10.1016/0030-4018(75)90159-5"),
    (
        "Three-dimensional viscous confinement and cooling of atoms by resonance radiation"
        " pressure",
        "10.1103/physrevlett.55.48",  # DOIs are kept lower-case
    ),
]

JOURNAL_DAY = (
    HEADER
    + """\
====== Wednesday 07 Feb 2024 ======

[*] align the MOT beams
Finally read the sub-Doppler paper on the bus:
Dalibard & Cohen-Tannoudji, **Laser cooling below the Doppler limit by polarization \
gradients**, JOSA B 6, 2023 (1989)
"""
)


def test_the_header_and_created_line_go_and_headings_keep_their_levels() -> None:
    markdown = to_markdown(OPTICS_PAGE, "Physics/Optics.txt")
    assert not markdown.startswith("Content-Type")
    assert "Created Monday" not in markdown
    assert markdown.startswith("# Optics\n")
    assert "\n## Hänsch 1975\n" in markdown
    assert "\n### Summary\n" in markdown


def test_links_lists_checkboxes_and_markup_become_markdown() -> None:
    markdown = to_markdown(OPTICS_PAGE, "Physics/Optics.txt")
    assert "See the setup page and Alignment." in markdown
    assert "*Cooling of gases by laser radiation*" in markdown
    assert "[doi](https://doi.org/10.1016/0030-4018(75)90159-5)" in markdown
    assert "- red-detuned light slows atoms moving towards it" in markdown
    assert "    - a second level, with a tab" in markdown
    assert "- `Doppler` shift does the selection" in markdown
    assert "- [ ] redo the estimate for Rb" in markdown
    assert "- [x] read section 2" in markdown
    assert "- [x] skip the appendix" in markdown
    assert "1. first remark" in markdown


def test_an_attachment_is_an_image_in_the_folder_named_like_the_page() -> None:
    assert "![](Optics/doppler.png)" in to_markdown(OPTICS_PAGE, "Physics/Optics.txt")


def test_verbatim_and_code_blocks_and_tables_are_kept() -> None:
    markdown = to_markdown(OPTICS_PAGE, "Physics/Optics.txt")
    assert "```\nE = hbar * omega\n```" in markdown
    assert "```python\ndetuning = -gamma / 2\n```" in markdown
    assert "| Quantity | Value |\n| --- | --- |\n| Gamma | 6 MHz |" in markdown
    assert "Rule below, not a heading\n\n----\n" in markdown


def test_each_paper_heading_with_its_citation_is_a_paper() -> None:
    document = parse(OPTICS_PAGE, "Physics/Optics.txt")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [(paper.title, paper.doi) for paper in papers] == PAPERS


def test_a_journal_page_is_headed_by_its_day_not_by_a_paper() -> None:
    document = parse(JOURNAL_DAY, "Journal/2024/02/07.txt")
    titles = [entry.paper.title for entry in document.entries if entry.paper]
    assert titles == ["Laser cooling below the Doppler limit by polarization gradients"]


def test_zim_pages_are_told_by_their_header_and_other_txt_files_are_not() -> None:
    assert looks_like_zim(OPTICS_PAGE)
    assert detect(Path("Optics.txt"), OPTICS_PAGE).name == "zim"
    dokuwiki = "====== Notes ======\n\n===== A =====\nSee [[other]].\n"
    assert not looks_like_zim(dokuwiki)
    assert detect(Path("notes.txt"), dokuwiki).name == "dokuwiki"
    assert detect(Path("notes.txt"), "Attention is all you need\nread it\n").name == "notes"


def test_a_zim_notebook_imports_its_papers_and_not_its_config(tmp_path: Path, alice: User) -> None:
    (tmp_path / "notebook.zim").write_text("[Notebook]\nversion=0.4\nname=Optics\n")
    (tmp_path / "Physics").mkdir()
    (tmp_path / "Physics" / "Optics.txt").write_text(OPTICS_PAGE)
    (tmp_path / "Home.txt").write_text(HEADER + "====== Home ======\nWelcome.\n")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(Paper.objects.order_by("id").values_list("title", "doi")) == PAPERS
