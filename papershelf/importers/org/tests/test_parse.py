"""Org-mode reading lists and paper notes, read through the notes importer."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.org.parse import looks_like_org, parse, to_markdown
from papershelf.importers.records import PaperRecord
from papershelf.importers.registry import detect
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

# A quals reading list kept in Emacs: TODO states of its own, priorities, tags, property
# drawers with the paper's facts, a clock log, math, a source block and a quote.
READING_LIST = """\
# -*- mode: org -*-
#+TITLE: Quals reading list
#+FILETAGS: :quals:hep:
#+TODO: TOREAD READING | READ
#+STARTUP: overview

* Holography [1/2]
** READ [#A] The Large N Limit of Superconformal Field Theories and Supergravity :adscft:
   CLOSED: [2023-02-11 Sat 18:02]
   :PROPERTIES:
   :AUTHOR:   Juan Maldacena
   :YEAR:     1997
   :ARXIV:    hep-th/9711200
   :ID:       3f1c2a9e-6b1d-4c55-9f0e-1b8f7e2d9a10
   :END:
   :LOGBOOK:
   CLOCK: [2023-02-10 Fri 20:00]--[2023-02-10 Fri 22:15] =>  2:15
   :END:
The /original/ conjecture: type IIB on $AdS_5 \\times S^5$ is dual to $\\mathcal{N}=4$ SYM.
- the 't Hooft coupling $\\lambda = g^2_{YM} N$ is *fixed*
- compare hep-th/9802150 and =witten_notes.pdf=

\\[
Z_{CFT}[\\phi_0] = Z_{string}[\\phi \\to \\phi_0]
\\]

** TOREAD Gauge Theory Correlators from Non-Critical String Theory
   :PROPERTIES:
   :AUTHOR:   S. S. Gubser, I. R. Klebanov, A. M. Polyakov
   :URL:      https://arxiv.org/abs/hep-th/9802109
   :END:
#+BEGIN_QUOTE
The GKP-Witten prescription, the other half of the dictionary.
#+END_QUOTE

* Black holes
** READING Black hole explosions? :hawking:
   :PROPERTIES:
   :JOURNAL:  Nature
   :YEAR:     1974
   :DOI:      10.1038/248030a0
   :END:
#+begin_src python
print(1 / 137)
#+end_src
"""

# A plain list of links, the other way people keep papers in Org.
LINK_LIST = """\
#+title: Sequence models

- [[https://arxiv.org/abs/1706.03762][Attention Is All You Need]] (NeurIPS 2017)
- [[https://arxiv.org/abs/1409.0473][Neural Machine Translation by Jointly Learning to Align \
and Translate]] (ICLR 2015)
  + read the /alignment/ figure first
"""


def _papers(text: str, path: str = "quals.org") -> dict[str, PaperRecord]:
    document = parse(text, path)
    return {entry.paper.title: entry.paper for entry in document.entries if entry.paper}


def test_each_heading_with_a_property_drawer_is_a_paper_with_its_facts() -> None:
    papers = _papers(READING_LIST)
    assert list(papers) == [
        "The Large N Limit of Superconformal Field Theories and Supergravity",
        "Gauge Theory Correlators from Non-Critical String Theory",
        "Black hole explosions?",
    ]
    maldacena = papers["The Large N Limit of Superconformal Field Theories and Supergravity"]
    assert (maldacena.arxiv_id, maldacena.year, maldacena.authors) == (
        "hep-th/9711200",
        1997,
        ["Juan Maldacena"],
    )
    gkp = papers["Gauge Theory Correlators from Non-Critical String Theory"]
    assert gkp.arxiv_id == "hep-th/9802109"
    assert gkp.authors == ["S. S. Gubser", "I. R. Klebanov", "A. M. Polyakov"]
    hawking = papers["Black hole explosions?"]
    assert (hawking.doi, hawking.venue, hawking.year) == ("10.1038/248030a0", "Nature", 1974)


def test_todo_states_priorities_and_cookies_stay_out_of_titles_and_tags_become_keywords() -> None:
    markdown = to_markdown(READING_LIST)
    assert "## The Large N Limit of Superconformal Field Theories and Supergravity\n" in markdown
    assert "# Holography\n" in markdown and "TOREAD" not in markdown and "[#A]" not in markdown
    assert "Tags: adscft" in markdown
    papers = _papers(READING_LIST)
    assert papers["Black hole explosions?"].keywords == ["hawking"]


def test_the_org_title_becomes_the_document_title_and_emacs_bookkeeping_is_dropped() -> None:
    document = parse(READING_LIST, "quals.org")
    assert document.title == "Quals reading list" and document.format == "org"
    markdown = to_markdown(READING_LIST)
    for dropped in ("CLOCK:", "CLOSED:", ":PROPERTIES:", "3f1c2a9e", "#+STARTUP", "mode: org"):
        assert dropped not in markdown


def test_markup_math_and_old_arxiv_ids_come_through_as_markdown() -> None:
    markdown = to_markdown(READING_LIST)
    assert "The *original* conjecture" in markdown and "is **fixed**" in markdown
    assert "$AdS_5 \\times S^5$" in markdown and "\\[\nZ_{CFT}[\\phi_0]" in markdown
    assert "compare hep-th/9802150 and `witten_notes.pdf`" in markdown
    assert "arXiv: hep-th/9711200" in markdown
    assert "```python\nprint(1 / 137)\n```" in markdown
    assert "> The GKP-Witten prescription" in markdown


def test_a_list_of_org_links_is_a_reading_list() -> None:
    papers = _papers(LINK_LIST, "sequence.org")
    assert list(papers) == [
        "Attention Is All You Need",
        "Neural Machine Translation by Jointly Learning to Align and Translate",
    ]
    assert papers["Attention Is All You Need"].arxiv_id == "1706.03762"
    assert "read the *alignment* figure first" in to_markdown(LINK_LIST)


def test_org_tables_become_tables_with_a_header_row() -> None:
    markdown = to_markdown("* Results\n| Model | BLEU |\n|-------+------|\n| Base | 27.3 |\n")
    assert "| Model | BLEU |\n| --- | --- |\n| Base | 27.3 |" in markdown


def test_org_files_are_recognised_by_extension_and_content() -> None:
    assert detect(Path("quals.org"), READING_LIST).name == "org"
    assert looks_like_org(LINK_LIST)
    assert not looks_like_org("# A Markdown note\n\n* a bullet\n")


def test_an_org_reading_list_imports_its_papers_and_a_second_import_changes_nothing(
    tmp_path: Path, alice: User
) -> None:
    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "quals.org").write_text(READING_LIST, encoding="utf-8")
    report = import_paths([folder], ImportOptions(user=alice, fetch_metadata=False))
    assert report.count("created") == 3
    assert Paper.objects.get(arxiv_id="hep-th/9711200").year == 1997
    assert Paper.objects.filter(doi="10.1038/248030a0").exists()
    again = import_paths([folder], ImportOptions(user=alice, fetch_metadata=False))
    assert again.count("created") == 0 and Paper.objects.count() == 3


def test_org_ref_and_org_cite_citations_become_pandoc_keys() -> None:
    markdown = to_markdown(
        "* Wadati 1928\ncite:&wadati1928shallow\n\n"
        "* Two at once\nciteauthor:&a2001;&b2002 and [cite/t:see @c2003 p. 4]\n\n"
        "* Linked\n[[cite:&d2004][D 2004]] but a recite:x stays text\n"
    )
    assert "[@wadati1928shallow]" in markdown
    assert "[@a2001; @b2002] and [@c2003]" in markdown
    assert "[@d2004] but a recite:x stays text" in markdown


def test_org_noter_sections_name_the_papers_cited_under_their_keys() -> None:
    text = (
        "#+TITLE: Glaciology quals\n\n* Ice flow\n"
        "** Glen 1955 -- flow law\n:PROPERTIES:\n:NOTER_DOCUMENT: ~/papers/glen1955.pdf\n:END:\n"
        "cite:&glen1955creep\n\n"
        "Glen, J. W. (1955), The creep of polycrystalline ice, Proc. R. Soc. Lond. A, 228,\n"
        "519-538, doi:10.1098/rspa.1955.0066.\n"
        "*** n = 3\n:PROPERTIES:\n:NOTER_PAGE: (4 . 0.3)\n:END:\n- stress exponent near 3\n\n"
        "** Nye 1953 -- borehole\n:PROPERTIES:\n:NOTER_DOCUMENT: ~/papers/nye1953.pdf\n:END:\n"
        "[cite:@nye1953flow]\n"
        "The flow law of ice from measurements in glacier tunnels, laboratory\n"
        "experiments and the Jungfraufirn borehole experiment. Proc R Soc A 219: 477-489.\n"
        "*** closure\n- tunnel closure rates\n"
    )
    papers = [e.paper for e in parse(text, "quals.org").entries if e.paper]
    assert [(p.title, p.doi) for p in papers] == [
        ("The creep of polycrystalline ice", "10.1098/rspa.1955.0066"),
        (
            "The flow law of ice from measurements in glacier tunnels, laboratory experiments "
            "and the Jungfraufirn borehole experiment",
            "",
        ),
    ]
