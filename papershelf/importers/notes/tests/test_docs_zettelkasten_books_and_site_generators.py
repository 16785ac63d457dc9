"""A Google Doc saved as a web page, a Zettelkasten beside its library, Joplin's export,
site generators' books and blogs (Jupyter Book, mdBook, Eleventy, Astro), org-roam and a
reading group's HackMD notes: the shapes of heldout31, each written afresh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.html.parse import to_markdown
from papershelf.importers.itemtypes import not_a_paper
from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.collection import skip_reason
from papershelf.importers.notes.parse import parse
from papershelf.importers.org.parse import parse as parse_org
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.lib.titles import is_probably_title
from papershelf.papers.models import Paper


def titles(text: str, path: str = "notes.md") -> list[str]:
    return [entry.paper.title for entry in parse(text, path).entries if entry.paper]


# --- A Google Doc downloaded as a web page ---------------------------------------------

GOOGLE_DOC = """\
<html><head><style>.c3{font-weight:700}.c5{font-style:italic}.c1{color:#000}</style></head>
<body class="c9 doc-content"><p class="title"><span>Labor reading group</span></p>
<h1 id="h.a1"><span>Schedule</span></h1>
<h2 id="h.b2"><span>Jan 23 — Minimum wages, bunching approach</span></h2>
<p><span>Presenter: Marisol</span></p>
<p><span class="c3">Main:</span><span class="c1"> Cengiz, Doruk, Arindrajit Dube, Attila Lindner
and Ben Zipperer (2019). &ldquo;The Effect of Minimum Wages on Low-Wage Jobs.&rdquo; </span>
<span class="c5">Quarterly Journal of Economics</span><span> 134(3): 1405&ndash;1454. [</span>
<a href="https://www.google.com/url?q=https://doi.org/10.1093/qje/qjz014&amp;sa=D&amp;\
source=editors&amp;ust=1707934101459944&amp;usg=AOvVaw">published</a><span>]</span></p>
<p><span class="c3">Feb 6 — Neighborhoods &amp; MTO</span></p>
<p><span>Presenter: Ife</span></p>
<p><span class="c3">Optional (classic):</span><span> Card, David and Alan B. Krueger (1994).
&ldquo;Minimum Wages and Employment: A Case Study of the Fast-Food Industry in New Jersey and
Pennsylvania.&rdquo; </span><span class="c5">American Economic Review</span><span> 84(4).</span>
</p><h2 id="h.c3"><span>Feb 13 — Trade shocks</span></h2>
<p><span>Presenter: Jonas</span></p>
<p><span class="c3">Main:</span><span> Autor, David H., David Dorn and Gordon H. Hanson (2013).
&ldquo;The China Syndrome: Local Labor Market Effects of Import Competition in the United
States.&rdquo; </span><span class="c5">AER</span><span> 103(6): 2121&ndash;68.</span></p>
</body></html>
"""


def test_a_google_doc_reads_its_bold_classes_as_labels_and_headings_and_unwraps_its_links() -> None:
    markdown = to_markdown(GOOGLE_DOC)
    assert "## Feb 6 — Neighborhoods & MTO" in markdown  # a bold paragraph among headings
    assert "**Main:**" in markdown
    assert "(https://doi.org/10.1093/qje/qjz014)" in markdown  # not google.com/url?q=…
    assert "google.com/url" not in markdown


def test_a_google_docs_sessions_over_whole_citations_are_sections_not_papers() -> None:
    document = parse(to_markdown(GOOGLE_DOC), "Labor_ReadingGroup.html")
    papers = {e.paper.title: e for e in document.entries if e.paper}
    assert set(papers) == {
        "The Effect of Minimum Wages on Low-Wage Jobs",
        "Minimum Wages and Employment: A Case Study of the Fast-Food Industry in New Jersey "
        "and Pennsylvania",
        "The China Syndrome: Local Labor Market Effects of Import Competition in the United States",
    }
    cengiz = papers["The Effect of Minimum Wages on Low-Wage Jobs"]
    assert cengiz.paper is not None and cengiz.paper.doi == "10.1093/qje/qjz014"
    assert cengiz.paper.authors[0] == "Doruk Cengiz"
    assert "Jan 23 — Minimum wages, bunching approach" in cengiz.sections[-1]


@pytest.mark.parametrize(
    ("line", "first_author"),
    [
        ("Main: Callaway, Brantly and Pedro H. C. Sant’Anna (2021). “Difference-in-Differences "
         "with multiple time periods.” Journal of Econometrics 225(2).", "Brantly Callaway"),
        ("- **Paper 2:** Tim Dettmers, Artidoro Pagnoni, Ari Holtzman, Luke Zettlemoyer. "
         "_QLoRA: Efficient Finetuning of Quantized LLMs._ NeurIPS 2023.", "Tim Dettmers"),
    ],
)  # fmt: skip
def test_a_readings_role_label_is_no_author(line: str, first_author: str) -> None:
    cited = read_citation(line)
    assert cited is not None and cited.authors[0] == first_author


def test_a_word_in_quotes_that_a_sentence_runs_on_from_is_no_title() -> None:
    assert read_citation('Worry: "structure" does different jobs in epistemic vs ontic SR.') is None


# --- A Zettelkasten beside its library ------------------------------------------------

LIBRARY = [
    {"id": f"author{i}", "type": "article-journal", "title": title,
     "author": [{"family": "Author", "given": "A."}], "issued": {"date-parts": [[1980 + i]]},
     "DOI": f"10.1000/zk{i}"}
    for i, title in enumerate(
        ["A Confutation of Convergent Realism", "Structural Realism: The Best of Both Worlds?",
         "What is Structural Realism?"]
    )
] + [
    {"id": "chakravartty2017", "type": "entry-encyclopedia", "title": "Scientific Realism",
     "author": [{"family": "Chakravartty", "given": "Anjan"}], "issued": {"date-parts": [[2017]]}},
]  # fmt: skip


def test_in_a_zettelkasten_whose_literature_notes_open_on_keys_a_permanent_note_names_no_paper(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "My Library.json").write_text(json.dumps(LIBRARY), encoding="utf-8")
    for i in range(3):
        (tmp_path / f"20210315{i}000 Literature note {i}.md").write_text(
            f"# Author {1980 + i} — notes\n\n[@author{i}]\n\n**Claim:** success is no guide.\n",
            encoding="utf-8",
        )
    (tmp_path / "202103161015 The pessimistic meta-induction is a reductio.md").write_text(
        "# The pessimistic meta-induction is better read as a reductio\n\n"
        "As an induction this is weak; read [@author0] as a reductio instead.\n",
        encoding="utf-8",
    )
    (tmp_path / "202103181100 Chakravartty SEP.md").write_text(
        "# Chakravartty — Scientific realism (SEP)\n\n[@chakravartty2017]\n\nThree commitments.\n",
        encoding="utf-8",
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    found = set(Paper.objects.values_list("title", flat=True))
    assert found == {entry["title"] for entry in LIBRARY[:3]}  # no idea, no encyclopedia


def test_an_encyclopedia_entry_is_no_paper_in_either_librarys_types() -> None:
    assert not_a_paper("entry-encyclopedia") and not_a_paper("encyclopediaArticle")


def test_a_notes_chapter_of_a_book_is_no_paper_however_its_title_is_marked_up() -> None:
    note = (
        '# van Fraassen — *The Scientific Image*, ch. 2 "Arguments"\n\nConstructive empiricism.\n'
    )
    assert titles(note) == []


# --- Joplin, reading lists and wikis ------------------------------------------------------


@pytest.mark.parametrize("done", ["no", "yes"])
def test_a_joplin_to_do_is_a_task_not_a_paper(done: str) -> None:
    note = (
        f"---\ntitle: Scrublet (Wolock et al. 2019)\nupdated: 2022-06-01 08:30:00Z\n"
        f"completed?: {done}\ndue: 2022-06-03 10:00:00Z\n---\n\n"
        "Read before the doublet discussion: https://doi.org/10.1016/j.cels.2018.11.005\n"
    )
    assert titles(note, "Reading/To read/Scrublet (Wolock et al. 2019).md") == []


def test_a_lists_textbooks_heading_and_a_rows_not_a_paper_note_leave_those_out() -> None:
    page = (
        "## Classics\n\n"
        "| Title | Authors | Journal | Year | DOI | Notes |\n|---|---|---|---|---|---|\n"
        "| Density-functional thermochemistry. III. The role of exact exchange | Becke, A. D. "
        "| J. Chem. Phys. | 1993 | 10.1063/1.464913 | B3LYP |\n"
        "| NMR Chemical Shifts of Trace Impurities: Common Laboratory Solvents | Gottlieb, H. E. "
        "| J. Org. Chem. | 1997 | 10.1021/jo971176v | print it |\n"
        "| Gaussian 16, Revision C.01 | Frisch, M. J. et al. | Gaussian, Inc. | 2016 | "
        "| software, not a paper — but cite it in the SI |\n\n"
        "## Textbooks\n\nCopies on the shelf in 3.21.\n\n"
        "* Anslyn, E. V.; Dougherty, D. A. *Modern Physical Organic Chemistry*; University "
        "Science Books, 2006.\n"
        "* Hartwig, J. F. *Organotransition Metal Chemistry: From Bonding to Catalysis*; "
        "University Science Books, 2010.\n"
    )
    assert titles(page, "Reading list.md") == [
        "Density-functional thermochemistry. III. The role of exact exchange",
        "NMR Chemical Shifts of Trace Impurities: Common Laboratory Solvents",
    ]


def test_a_schedule_row_announced_but_not_held_is_not_read() -> None:
    schedule = (
        "| Date | Presenter | Paper(s) | Status |\n| --- | --- | --- | --- |\n"
        "| Jan 15 | Alice | [Attention Is All You Need](https://arxiv.org/abs/1706.03762) | ✅ |\n"
        "| Jan 29 | Dana | [InstructGPT](https://arxiv.org/abs/2203.02155) | ✅ |\n"
        "| Mar 18 | Gus | [Mixtral of Experts](https://arxiv.org/abs/2401.04088) | announced |\n"
    )
    arxiv = [e.paper.arxiv_id for e in parse(schedule, "Schedule.md").entries if e.paper]
    assert arxiv == ["1706.03762", "2203.02155"]


def test_a_reading_groups_week_is_no_title() -> None:
    assert not is_probably_title("NLP reading group, week 2")


# --- Blogs of site generators -----------------------------------------------------------


def test_a_posts_front_matter_that_describes_its_papers_names_each() -> None:
    post = (
        '---\ntitle: "Overreliance, two ways"\ndate: 2023-03-21\npapers:\n'
        '  - title: "Does the Whole Exceed its Parts? The Effect of AI Explanations on '
        'Complementary Team Performance"\n    authors: "Gagan Bansal, Tongshuang Wu"\n'
        '    venue: "CHI 2021"\n    doi: "10.1145/3411764.3445717"\n'
        '  - title: "To Trust or to Think: Cognitive Forcing Functions Can Reduce '
        'Overreliance on AI in AI-assisted Decision-making"\n'
        '    authors: "Zana Buçinca, Maja Barbara Malaya, Krzysztof Z. Gajos"\n'
        '    doi: "10.1145/3449287"\n---\n\nTwo papers back to back.\n\n'
        "## Bansal: explanations don't buy complementarity\n\nConfidence helped.\n"
    )
    papers = [e.paper for e in parse(post, "src/posts/2023/overreliance.md").entries if e.paper]
    assert [(p.doi, p.year) for p in papers] == [
        ("10.1145/3411764.3445717", 2021),
        ("10.1145/3449287", None),
    ]
    assert papers[0].authors == ["Gagan Bansal", "Tongshuang Wu"]


def test_a_section_opening_on_a_paper_cards_fields_names_that_paper() -> None:
    post = (
        "## Toolformer\n\nTitle: Toolformer: Language Models Can Teach Themselves to Use Tools\n"
        "Authors: Timo Schick, Jane Dwivedi-Yu\nVenue: NeurIPS 2023\nArxiv: 2302.04761\n\n"
        "**What.** Fine-tune GPT-J to insert API calls.\n\n"
        "## Retrieval-Augmented Generation\n\n"
        "Title: Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks\n"
        "Authors: Patrick Lewis, Ethan Perez\nVenue: NeurIPS 2020\nArxiv: 2005.11401\n\n"
        'Everyone says "RAG" now and few people mean this architecture.\n'
    )
    papers = [e.paper for e in parse(post, "blog/this-week-2.mdx").entries if e.paper]
    assert [(p.title.split(":")[0], p.arxiv_id, p.year) for p in papers] == [
        ("Toolformer", "2302.04761", 2023),
        ("Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks", "2005.11401", 2020),
    ]


def test_a_byline_under_a_numbered_heading_leaves_the_heading_its_title() -> None:
    post = (
        "## 1. Chain-of-Thought Prompting Elicits Reasoning in Large Language Models\n\n"
        "_Jason Wei, Xuezhi Wang, Dale Schuurmans, Denny Zhou — NeurIPS 2022_ · "
        "[arXiv:2201.11903](https://arxiv.org/abs/2201.11903)\n\n**Idea.** Few-shot exemplars.\n\n"
        "## 2. ReAct: Synergizing Reasoning and Acting in Language Models\n\n"
        "_Shunyu Yao, Jeffrey Zhao, Dian Yu, Nan Du — ICLR 2023_ · "
        "[arXiv:2210.03629](https://arxiv.org/abs/2210.03629)\n\n**Idea.** Interleave.\n"
    )
    assert titles(post, "blog/this-week-1.md") == [
        "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models",
        "ReAct: Synergizing Reasoning and Acting in Language Models",
    ]


def test_a_link_dump_and_a_watching_list_name_no_papers() -> None:
    dump = (
        "---\ntitle: 'Link dump: November 2022'\ntags: [links]\n---\n\n**Reading**\n\n"
        '- [Simon Willison — "Prompt injection attacks against GPT-3"]'
        "(https://simonwillison.net/2022/Sep/12/prompt-injection/). Clearest explanation.\n"
    )
    assert titles(dump, "src/posts/2022/link-dump-november.md") == []
    watching = (
        "**Watching**\n\n"
        '- [Bret Victor — "Inventing on Principle" (2012)](https://vimeo.com/36579366).\n'
        '- [Rich Hickey — "Simple Made Easy" (2011)](https://www.infoq.com/presentations/x).\n'
    )
    assert titles(watching, "watch.md") == []


def test_only_a_summarys_first_sentence_says_whether_a_post_is_unread() -> None:
    post = (
        "---\ntitle: This week #2\ndescription: Toolformer teaches itself to call APIs. Plus a "
        "pile of links I haven't read yet.\n---\n\n## Toolformer\n\n"
        "[Toolformer: Language Models Can Teach Themselves to Use Tools]"
        "(https://arxiv.org/abs/2302.04761)\n\nLoss-based filtering of API calls.\n"
    )
    assert titles(post, "blog/this-week-2.md") == [
        "Toolformer: Language Models Can Teach Themselves to Use Tools"
    ]


# --- Books of site generators: Jupyter Book, mdBook -------------------------------------


def test_a_lecture_titled_for_its_students_names_the_paper_its_readings_cite() -> None:
    lecture = (
        "(lec-svm)=\n# Kernels and support vector machines\n\n## Maximum-margin classifiers\n\n"
        "Binary labels $y_i$.\n\n## Readings\n\n### Required reading\n\n"
        "- [Support-Vector Networks](https://doi.org/10.1007/BF00994018), Cortes & Vapnik "
        "(1995) {cite:p}`cortes1995support`.\n\n### Optional reading\n\n"
        "- The *Essence of linear algebra* video series by 3Blue1Brown "
        "(<https://www.3blue1brown.com/topics/linear-algebra>).\n"
    )
    assert titles(lecture, "lectures/03-kernels-svms.md") == ["Support-Vector Networks"]


def test_a_template_variable_is_no_title() -> None:
    assert not is_probably_title("{{ course }}: Machine Learning ({{ term }})")


def test_a_generators_output_beside_its_configuration_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "book.toml").write_text("[book]\ntitle = 'Papers'\n")
    built = tmp_path / "book" / "print.html"
    built.parent.mkdir()
    built.write_text("<html></html>")
    assert "built" in skip_reason(built, "book/print.html", 10)
    notes = tmp_path / "notes" / "book" / "ddia.md"  # a folder of notes on books: read
    notes.parent.mkdir(parents=True)
    notes.write_text("# DDIA\n")
    assert skip_reason(notes, "notes/book/ddia.md", 10) == ""
    sphinx = tmp_path / "_build" / "html" / "bibliography.html"
    assert skip_reason(sphinx, "_build/html/bibliography.html", 10) != ""


# --- org-roam -----------------------------------------------------------------------------

KITAEV = """\
:PROPERTIES:
:ID:       9f1c
:ROAM_REFS: cite:kitaev2006anyons
:END:
#+title: Kitaev, Ann. Phys. 2006
#+TODO: TODO | DONE DROPPED

Kitaev, A. (2006). Anyons in an exactly solved model and beyond. Annals of Physics, 321(1), 2–111.

* PDF annotations
:PROPERTIES:
:NOTER_DOCUMENT: /home/mira/Zotero/storage/Kitaev - 2006 - Anyons.pdf
:END:
** phase diagram figure — redraw for the qual
:PROPERTIES:
:NOTER_PAGE: 24
:END:
The A phases are gapped.
* DROPPED the Lutchyn / Oreg nanowire proposals (2010)
the journal-club version via Mourik is enough for now
"""


def test_an_org_noter_page_note_and_a_dropped_heading_name_no_papers() -> None:
    document = parse_org(KITAEV, "refs/kitaev2006anyons.org")
    named = [e.paper.title for e in document.entries if e.paper]
    assert named == ["Anyons in an exactly solved model and beyond"]


def test_a_journal_before_its_volume_is_no_title() -> None:
    assert read_citation("Traag, Waltman & van Eck, *Scientific Reports* 9, 5233 (2019)") is None


JOPLIN_CLIP = """\
---
title: >-
  SCANPY: large-scale single-cell gene expression data analysis | Genome Biology
  | Full Text
updated: 2021-03-22 17:05:33Z
source: https://genomebiology.biomedcentral.com/articles/10.1186/s13059-017-1382-0
---

# SCANPY: large-scale single-cell gene expression data analysis

- Software
- Published: 06 February 2018

[F. Alexander Wolf](#auth-1), [Philipp Angerer](#auth-2) & [Fabian J. Theis](#auth-3)
"""


def test_a_clip_of_a_papers_page_is_that_paper_whatever_the_journal_labels_it() -> None:
    [entry] = parse(JOPLIN_CLIP, "Reading/Papers/SCANPY_ large-scale.md").entries
    assert entry.paper is not None and entry.paper.doi == "10.1186/s13059-017-1382-0"


def test_a_clip_of_a_page_that_is_no_papers_names_none() -> None:
    clip = (
        "---\ntitle: 'rnaseq: Usage'\nsource: https://nf-co.re/rnaseq/3.6/usage\n---\n\n"
        "# rnaseq: Usage\n\nThe samplesheet has to be a comma-separated file.\n"
    )
    assert titles(clip, "Clippings/nf-core_rnaseq_ Usage.md") == []


def test_an_org_inbox_that_says_it_holds_maybes_names_no_paper() -> None:
    inbox = (
        "#+title: Reading inbox\n#+TODO: TODO MAYBE | READ DROPPED\n\n"
        "Things I might read. Once I actually read something it gets its own note.\n\n"
        "* TODO [[https://arxiv.org/abs/cond-mat/0512165][Vidal — Entanglement renormalization]]\n"
        "MERA. Tomás says read it before the tensor network school.\n"
        "* MAYBE [[https://arxiv.org/abs/0707.1889][Nayak et al. — Non-Abelian anyons and "
        "topological quantum computation]]\nRMP. only if the anyon part of the qual needs it.\n"
    )
    assert [e.paper for e in parse_org(inbox, "reading_inbox.org").entries if e.paper] == []


def test_a_quoted_phrase_inside_a_title_stays_in_the_title() -> None:
    cited = read_citation(
        'MacDonald CJ, Lepage KQ, Eden UT, Eichenbaum H (2011) Hippocampal "time cells" bridge '
        "the gap in memory for discontiguous events. Neuron 71:737–749."
    )
    assert cited is not None and cited.title.startswith("Hippocampal")
    assert cited.title.endswith("discontiguous events") and cited.year == 2011


def test_a_sites_address_on_this_machine_is_no_paper() -> None:
    readme = "## Quick start\n\nYour site is now running at `http://localhost:8000`!\n"
    assert titles(readme, "README.md") == []
