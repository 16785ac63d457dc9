"""Pages saved from a browser and stories copied as text, in the shapes people keep (heldout28)."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.containers.textblog import read_text_blog
from papershelf.importers.html.parse import looks_like_html, to_markdown
from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper


def _titles(text: str, path: str = "note.md") -> list[str]:
    return [e.paper.title for e in parse(text, path).entries if e.paper is not None]


WORD_PAGE = """
<!-- saved from url=(0060)https://example.edu/~ann/soc500/SOC500_syllabus.htm -->
<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<meta name="Generator" content="Microsoft Word 15">
<style>p.MsoNormal {margin:0in;}</style></head><body lang="EN-US">
<table class="MsoTableGrid"><tr><td><p><b>Wk</b></p></td><td><p><b>Topic</b></p></td></tr>
<tr><td><p>1</p></td><td><p><a href="https://example.edu/~ann/soc500/SOC500_syllabus.htm#_Week_1">
Ties, weak and strong</a></p></td></tr>
<tr><td><p>2</p></td><td><p><a href="https://example.edu/~ann/soc500/SOC500_syllabus.htm#_Week_2">
Segregation and its measurement</a></p></td></tr></table>
<h2>Week 1 – Ties, Weak and Strong</h2>
<p class="MsoNormal">Granovetter, Mark S. 1973. “The Strength of Weak Ties.” <i>American
Journal of Sociology</i> 78(6):1360–80. <a href="https://doi.org/10.1086/225469">
https://doi.org/10.1086/225469</a></p>
<p class="MsoNormal">Chetty, Raj, Nathaniel Hendren, and Lawrence F. Katz.
2016. “The Effects of Exposure to Better Neighborhoods on Children.” <i>American Economic
Review</i> 106(4):855–902.</p>
<p class="MsoNormal">Badger, Emily, and Quoctrung Bui. 2018. “Detailed New National Maps
Show How Neighborhoods Shape Children for Life.” <i>New York Times</i> (The Upshot), October 1.</p>
<p class="MsoNormal">We will also talk about
Bertrand and Mullainathan’s (2004) résumé audit study in class; no need to read it.</p>
</body></html>
"""


def test_a_word_page_saved_without_a_doctype_imports_its_readings_not_its_calendar(
    tmp_path: Path, alice: User
) -> None:
    assert looks_like_html(WORD_PAGE)
    page = tmp_path / "SOC 500_ Syllabus.html"
    page.write_bytes(WORD_PAGE.encode("windows-1252"))
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    # The calendar's jumps to a week, the newspaper article and the sentence are no
    # papers; the hard-wrapped citation whose second line opens with its year is one.
    assert set(Paper.objects.values_list("title", flat=True)) == {
        "The Strength of Weak Ties",
        "The Effects of Exposure to Better Neighborhoods on Children",
    }


JEMDOC_PAGE = """<!DOCTYPE html><html><head><title>Papers I recommend</title></head><body>
<table summary="Table for page layout." id="tlayout"><tr valign="top">
<td id="layout-menu"><div class="menu-item"><a href="index.html">Home</a></div>
<div class="menu-item"><a href="pubs.html">Publications</a></div></td>
<td id="layout-content"><div id="toptitle"><h1>Papers I recommend</h1></div>
<div class="infoblock"><div class="blocktitle">To read (someday…)</div>
<div class="blockcontent"><p>Things I haven’t read yet:</p><ul>
<li><p><a href="https://arxiv.org/abs/2312.00752">Mamba: Linear-Time Sequence Modeling with
Selective State Spaces</a> (Gu &amp; Dao, 2023)</p></li></ul></div></div>
<h2>2020</h2><ul>
<li><p><a href="https://aclanthology.org/2020.acl-main.463/">Climbing towards NLU: On Meaning,
Form, and Understanding in the Age of Data</a><br />Emily M. Bender, Alexander Koller<br />
<i>ACL 2020</i></p></li>
<li><p><b>[blog]</b> <a href="https://lilianweng.github.io/posts/2020-10-29-odqa/">How to
Build an Open-Domain Question Answering System?</a><br />Lilian Weng, 2020</p></li>
<li><p><a href="https://arxiv.org/abs/2005.14165">Language Models are Few-Shot Learners</a>
<br />Tom B. Brown, Benjamin Mann, et al.<br /><i>NeurIPS 2020</i></p></li></ul>
</td></tr></table></body></html>
"""


def test_a_page_laid_out_in_a_table_is_read_as_its_blocks_without_its_menu() -> None:
    markdown = to_markdown(JEMDOC_PAGE)
    assert "| " not in markdown  # no table made of the page's layout
    assert "Publications" not in markdown  # the menu is left out
    assert "### To read (someday…)" in markdown
    titles = _titles(markdown, "Papers I recommend.html")
    assert titles == [
        "Climbing towards NLU: On Meaning, Form, and Understanding in the Age of Data",
        "Language Models are Few-Shot Learners",
    ]


def test_a_citation_wrapped_with_its_year_opening_a_line_is_one_citation() -> None:
    text = (
        "# SOC 500 readings\n\n## Week 7\n\nNo readings: proposal workshop.\n\n"
        "## Week 8\n\nChetty, Raj, Nathaniel Hendren, and Lawrence F. Katz.\n2016. “The Effects "
        "of Exposure to Better Neighborhoods on Children.” *American Economic\nReview* "
        "106(4):855–902.\n\nSharkey, Patrick, and Felix Elwert. 2011. “The Legacy of\n"
        "Disadvantage.” *American Journal of Sociology* 116(6):1934–81.\n"
    )
    assert _titles(text) == [
        "The Effects of Exposure to Better Neighborhoods on Children",
        "The Legacy of Disadvantage",
    ]


MEDIUM_COPY = """\
https://medium.com/lens-notes/paper-summary-convnext-f02b6d7e8c31

Paper Summary: ConvNeXt
What happens when you modernise a ResNet one decision at a time
Tomás Echeverría
Tomás Echeverría

Follow
9 min read
·
Nov 6, 2023
298

4

Listen

Share

Paper: A ConvNet for the 2020s
Authors: Zhuang Liu, Hanzi Mao, Chao-Yuan Wu, Christoph Feichtenhofer, Trevor Darrell, Saining Xie
Venue: CVPR 2022

Swin beat ResNets everywhere. How much of that is attention?

The roadmap (ImageNet-1K top-1, ResNet-50-sized models)

Training recipe alone: 76.1% → 78.8%. Then a patchify stem, depthwise convs and large kernels.

# image_encoder - a comment line copied from the code
Published in Lens Notes
2.1K followers
Written by Tomás Echeverría
Responses (4)

https://medium.com/lens-notes/paper-summary-segment-anything-1d7f3c9e52a8

Member-only story
Paper Summary: Segment Anything
A promptable foundation model for segmentation
Priya Raman

Follow
11 min read
·
Jan 15, 2024

Paper: Segment Anything
Authors: Alexander Kirillov, Eric Mintun, Nikhila Ravi, et al.
Venue: ICCV 2023 — arXiv:2304.02643

The task: promptable segmentation. Given any prompt, return a valid mask.

More from Lens Notes
"""


def test_medium_stories_copied_as_text_split_at_their_addresses(tmp_path: Path) -> None:
    page = tmp_path / "Lens Notes stories.txt"
    page.write_text(MEDIUM_COPY, encoding="utf-8")
    members = read_text_blog(page)
    assert [name for name, _ in members] == [
        "Paper Summary ConvNeXt.md",
        "Paper Summary Segment Anything.md",
    ]
    convnext = members[0][1]
    # The buttons and counters are gone, the story ends before its author's box, and the
    # paper's labelled block opens the note.
    assert "Follow" not in convnext and "298" not in convnext and "Written by" not in convnext
    assert "\n\nPaper: A ConvNet for the 2020s\nAuthors: Zhuang Liu" in convnext
    assert "\\# image_encoder" in convnext
    assert _titles(convnext, "Lens Notes stories.txt/Paper Summary ConvNeXt.md") == [
        "A ConvNet for the 2020s"
    ]
    sam = _titles(members[1][1], "Lens Notes stories.txt/Paper Summary Segment Anything.md")
    assert sam == ["Segment Anything"]


def test_labels_and_short_cites_in_a_list_of_ones_notes_are_no_citations() -> None:
    assert (
        read_citation("**DiD** Goodman-Bacon (2021); Sun & Abraham (2021) — [notes](x.md)") is None
    )
    assert read_citation("- Manning, *Monopsony in Motion* (2003, book) — [review](r.md)") is None
    gloss = (
        "- **Stacked event study**: one dataset per event with *clean* controls, then stack and "
        "run a single regression, as in [the TWFE post]({% post_url 2021-11-20-twfe %})"
    )
    assert read_citation(gloss) is None
    assert (
        read_citation(
            "“Detailed New National Maps Show How Neighborhoods Shape Children for Life.” "
            "*New York Times* (The Upshot), October 1, 2018."
        )
        is None
    )


def test_a_clubs_schedule_indented_one_space_is_read_entry_by_entry() -> None:
    text = (
        "CMT READING LIST\n================\n\nStart with the reviews.\n\n"
        "FOR THE JOURNAL CLUB NEXT TERM\n==============================\n\n"
        ' [1] Y. Cao, V. Fatemi, and P. Jarillo-Herrero, "Unconventional superconductivity in\n'
        '     magic-angle graphene superlattices," Nature 556, 43 (2018).     -- Lena\n'
        ' [2] L. Fu and C. L. Kane, "Superconducting proximity effect and Majorana\n'
        '     fermions at the surface of a topological insulator," Phys. Rev. Lett.\n'
        "     100, 096407 (2008). [arXiv:0707.1692]                -- Tomasz\n"
        " [3] Kitaev 2003 again, sections 5-9.                     -- MR\n"
        " [4] ??? something on transport -- Ana to pick.\n"
    )
    assert _titles(text, "reading_list.txt") == [
        "Unconventional superconductivity in magic-angle graphene superlattices",
        "Superconducting proximity effect and Majorana fermions at the surface of a "
        "topological insulator",
    ]


def test_a_posts_paper_is_its_paper_line_above_the_first_heading_or_its_second_sentence() -> None:
    fielded = (
        "---\ntitle: 'AFLFast: fuzzing as a Markov chain'\ntags: [fuzzing]\n---\n\n"
        "**Paper:** Marcel Böhme, Van-Thuan Pham, Abhik Roychoudhury — *Coverage-based Greybox "
        "Fuzzing as Markov Chain*, CCS 2016. [doi:10.1145/2976749.2978428]"
        "(https://doi.org/10.1145/2976749.2978428)\n\n## The model\n\nEach path is a state.\n"
    )
    assert _titles(fielded, "content/posts/aflfast/index.md") == [
        "Coverage-based Greybox Fuzzing as Markov Chain"
    ]
    opening = (
        "---\ntitle: 'KRACK: reading the WPA2 paper'\n---\n\n"
        "Everybody's access point got patched, so here's what the fuss was about. Mathy "
        "Vanhoef and Frank Piessens, [Key Reinstallation Attacks: Forcing Nonce Reuse in WPA2]"
        "(https://papers.mathyvanhoef.com/ccs2017.pdf), to appear at CCS 2017.\n\n"
        "## The bug in one paragraph\n\nThe client re-installs the key.\n"
    )
    assert _titles(opening, "content/posts/krack/index.md") == [
        "Key Reinstallation Attacks: Forcing Nonce Reuse in WPA2"
    ]


def test_a_sessions_paper_field_drops_its_authors_and_names_no_pair_of_papers() -> None:
    session = (
        "# Hippocampus as a predictive map\n\nDate: September 20, 2023\nPresenter: Tomás\n"
        "Paper: The hippocampus as a predictive map (Stachenfeld, Botvinick & Gershman)\n"
        "Status: Done\n\nSuccessor representation session.\n"
    )
    assert _titles(session, "Sessions f953/Hippocampus df6c.md") == [
        "The hippocampus as a predictive map"
    ]
    double = (
        "# Neuropixels double feature\n\nDate: October 25, 2023\n"
        "Paper: Stringer et al. 2019 Science; Steinmetz et al. 2019 Nature\nStatus: Done\n\n"
        "Maya did both papers back to back.\n"
    )
    assert _titles(double, "Sessions f953/Neuropixels c6e0.md") == []


def test_initials_before_surnames_and_a_books_key_are_read_as_written() -> None:
    cited = read_citation(
        "- N. Littlestone (1988), *Learning quickly when irrelevant attributes abound: A new "
        "linear-threshold algorithm*, Machine Learning 2(4), 285–318 — required, §1–5 only"
    )
    assert cited is not None and cited.authors == ["N. Littlestone"] and cited.year == 1988
    key = "- **[SSBD]** Shalev-Shwartz & Ben-David, *Understanding Machine Learning* (2014)"
    assert read_citation(key) is None
