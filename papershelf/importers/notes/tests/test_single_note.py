"""A file that is the notes on one paper becomes one entry."""

from __future__ import annotations

from papershelf.importers.notes.parse import parse


def test_a_note_titled_by_its_front_matter_is_one_entry_with_the_whole_text() -> None:
    text = (
        "---\ntitle: Deep Residual Learning for Image Recognition\ntags: [vision]\n---\n\n"
        "Residual blocks learn $F(x) = H(x) - x$ ([[Batch Normalization]]).\n\n"
        "## Why it works\n\nIdentity shortcuts.\n"
    )
    document = parse(text, "ResNet.md")
    [entry] = document.entries
    assert entry.paper is not None
    assert entry.paper.title == "Deep Residual Learning for Image Recognition"
    assert entry.summary is not None and "## Why it works" in entry.summary.markdown
    assert "[[Batch Normalization]]" in entry.summary.markdown


def test_a_note_named_by_its_file_takes_the_first_paper_link() -> None:
    text = "Notes from the reading group.\n\nPaper: https://arxiv.org/abs/1607.06450v1\n"
    document = parse(text, "vault/Layer Normalization for Recurrent Networks.md")
    [entry] = document.entries
    assert entry.paper is not None and entry.paper.arxiv_id == "1607.06450"
    assert entry.paper.title == "Layer Normalization for Recurrent Networks"


def test_a_note_with_no_title_to_go_by_names_no_paper_and_says_why() -> None:
    document = parse("Some thoughts on things.\n", "misc.md")
    assert document.entries == []
    assert "found no papers" in document.warnings[0].message


def test_a_post_with_a_catchy_title_is_about_the_paper_its_link_card_shows() -> None:
    text = (
        "# LAS in 2021: still worth reading?\n\nYes, for the pyramid\n\n---\n\n"
        "### LAS in 2021: still worth reading?\n\n"  # Medium repeats the title
        "[**Listen, Attend and Spell**  \n*We present a neural network that…*arxiv.org]"
        '(https://arxiv.org/abs/1508.01211 "https://arxiv.org/abs/1508.01211")\n\n'
        "Compared with [CTC](https://doi.org/10.1145/1143844.1143891), no alignment.\n\n"
        "#### What I liked\n\nThe pyramid.\n"
    )
    [entry] = parse(text, "posts/2021-09-05_LAS-in-2021.md").entries
    assert entry.paper is not None
    assert (entry.paper.title, entry.paper.arxiv_id) == ("Listen, Attend and Spell", "1508.01211")
    assert "cited at the top" in entry.evidence


def test_a_post_that_opens_by_citing_its_paper_is_the_notes_on_that_paper() -> None:
    text = (
        "# CTC: the loss everyone uses and nobody derives\n\n"
        "The paper is from 2006 and still the clearest source:\n\n"
        "**Connectionist Temporal Classification: Labelling Unsegmented Sequence Data with "
        "Recurrent Neural Networks** — Alex Graves, Santiago Fernández. ICML 2006. "
        "[ACM DL](https://doi.org/10.1145/1143844.1143891)\n\n"
        "## The lattice\n\nSum over paths; compare "
        "[Listen, Attend and Spell](https://arxiv.org/abs/1508.01211).\n"
    )
    [entry] = parse(text, "posts/ctc.md").entries
    assert entry.paper is not None
    assert entry.paper.title.startswith("Connectionist Temporal Classification")
    assert entry.paper.doi == "10.1145/1143844.1143891"


def test_a_post_on_two_papers_under_headings_of_their_own_gives_both() -> None:
    text = (
        "# Codecs as tokenizers: EnCodec and VALL-E\n\nTwo papers, one idea.\n\n"
        "#### 1. High Fidelity Neural Audio Compression\n\n"
        "Défossez et al. (2022). [arXiv:2210.13438](https://arxiv.org/abs/2210.13438). RVQ.\n\n"
        "#### 2. Neural Codec Language Models are Zero-Shot Text to Speech Synthesizers\n\n"
        "Wang et al. (2023). [arXiv](https://arxiv.org/abs/2301.02111). Codes as tokens.\n"
    )
    document = parse(text, "posts/2023-03-12-codecs.md")
    assert [e.paper.arxiv_id for e in document.entries if e.paper] == ["2210.13438", "2301.02111"]


def test_links_to_blog_posts_about_papers_are_not_papers() -> None:
    text = (
        "# Bookmarks\n\n"
        "- [wav2vec 2.0: A Framework for Self-Supervised Learning (explained)]"
        "(https://towardsdatascience.com/wav2vec-2-0-explained-9z8y)\n"
        "- [Understanding CTC loss for speech recognition](https://medium.com/@x/ctc-5f6e)\n"
    )
    assert [e for e in parse(text, "bookmarks.md").entries if e.paper] == []


def test_a_mkdocs_paper_box_names_the_notes_paper_not_its_authors_line() -> None:
    text = (
        "# Raft\n\n"
        '!!! abstract "Paper"\n'
        "    **In Search of an Understandable Consensus Algorithm**  \n"
        "    Diego Ongaro, John Ousterhout · USENIX ATC 2014 · "
        "[pdf](https://www.usenix.org/system/files/conference/atc14/atc14-paper-ongaro.pdf)\n\n"
        "## Summary\n\nA strong leader.\n"
    )
    [entry] = parse(text, "docs/consensus/raft.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "In Search of an Understandable Consensus Algorithm"


def test_a_metadata_table_or_quoted_paper_line_names_the_paper() -> None:
    table = (
        "# ZooKeeper\n\n| | |\n| --- | --- |\n"
        "| **Paper** | ZooKeeper: Wait-free Coordination for Internet-scale Systems |\n"
        "| **Authors** | Patrick Hunt, Mahadev Konar |\n\n## Summary\n\nZnodes.\n"
    )
    quoted = (
        "# Chain replication\n\n> **Paper:** Robbert van Renesse and Fred B. Schneider. "
        "*Chain Replication for Supporting High Throughput and Availability*. OSDI 2004.\n\n"
        "## Summary\n\nHead to tail.\n"
    )
    [first] = parse(table, "zookeeper.md").entries
    [second] = parse(quoted, "chain.md").entries
    assert first.paper is not None and first.paper.title.startswith("ZooKeeper: Wait-free")
    assert second.paper is not None and second.paper.title.startswith("Chain Replication for")
    assert second.paper.year == 2004


def test_a_paper_title_in_front_matter_beats_the_short_page_title() -> None:
    text = "---\ntitle: GFS\npaper_title: The Google File System\n---\n\n# GFS\n\nChunks.\n"
    [entry] = parse(text, "gfs.md").entries
    assert entry.paper is not None and entry.paper.title == "The Google File System"


def test_sub_headings_that_each_give_a_doi_are_the_papers_not_the_heading_above() -> None:
    text = (
        "## Drop-seq and inDrop (back-to-back in Cell, May 2015)\n\nPresenter: Dan\n\n"
        "### Macosko et al. 2015\n"
        "Highly Parallel Genome-wide Expression Profiling of Individual Cells Using Nanoliter "
        "Droplets. Cell 161(5):1202–1214. https://doi.org/10.1016/j.cell.2015.05.002\n\n"
        "- barcoded beads\n\n"
        "### Klein et al. 2015\n"
        "Droplet Barcoding for Single-Cell Transcriptomics Applied to Embryonic Stem Cells. "
        "Cell 161(5):1187–1201. DOI: 10.1016/j.cell.2015.04.044\n\n- hydrogel beads\n"
    )
    document = parse(text, "Session-02-Droplet-methods.md")
    papers = [entry.paper for entry in document.entries if entry.paper]
    assert [(paper.title.split()[0], paper.doi) for paper in papers] == [
        ("Highly", "10.1016/j.cell.2015.05.002"),
        ("Droplet", "10.1016/j.cell.2015.04.044"),
    ]


def test_a_note_on_a_blog_post_names_no_paper() -> None:
    text = (
        "# What Is the Synthetic Control Method?\n\n## Metadata\n"
        "- Author: [[marginalrevolution.com]]\n"
        "- Full Title: What Is the Synthetic Control Method?\n- Category: #articles\n"
        "- URL: https://marginalrevolution.com/marginalrevolution/2021/09/synthetic-control.html\n\n"
        "## Highlights\n- the synthetic control is a weighted average of untreated units\n"
    )
    document = parse(text, "Readwise/Articles/What Is the Synthetic Control Method.md")
    assert [entry.paper for entry in document.entries if entry.paper] == []


def test_a_paper_link_alone_under_a_message_names_the_paper_of_the_note() -> None:
    text = (
        "Presenting RT-1 on Thursday. Please at least skim sections 3-4 before.\n\n"
        "[RT-1: Robotics Transformer for Real-World Control at Scale]"
        "(https://arxiv.org/abs/2212.06817)\n"
    )
    [entry] = parse(text, "2023-03-14.md").entries
    assert entry.paper is not None and entry.paper.arxiv_id == "2212.06817"
    assert entry.paper.title == "RT-1: Robotics Transformer for Real-World Control at Scale"


def test_a_file_name_where_a_title_should_be_is_no_title() -> None:
    text = (
        "# w4509\n\n## Metadata\n- Full Title: w4509\n"
        "- URL: https://www.nber.org/system/files/working_papers/w4509/w4509.pdf\n\n"
        "## Highlights\n- We find no indication that the rise reduced employment.\n"
    )
    titles = [entry.paper.title for entry in parse(text, "w4509.md").entries if entry.paper]
    assert "w4509" not in titles


def test_a_pelican_posts_title_is_for_readers_and_its_lead_citation_names_the_paper() -> None:
    text = (
        "Title: Paper notes: E-values for unmeasured confounding\nDate: 2022-10-10 12:00\n"
        "Category: paper-notes\nTags: causal inference\nSlug: e-values\nAuthors: Ana Ribeiro\n\n"
        "VanderWeele TJ, Ding P. Sensitivity Analysis in Observational Research: Introducing "
        "the E-Value. *Ann Intern Med.* 2017;167(4):268–274. "
        "[doi.org/10.7326/M16-2607](https://doi.org/10.7326/M16-2607)\n\n"
        "## Summary\n\nE-value = minimum strength of association.\n"
    )
    [entry] = parse(text, "content/2022-10-10-e-values.md").entries
    assert entry.paper is not None
    assert entry.paper.title == (
        "Sensitivity Analysis in Observational Research: Introducing the E-Value"
    )
    assert entry.paper.authors == ["TJ VanderWeele", "P Ding"]
    assert entry.paper.doi == "10.7326/m16-2607"


def test_a_two_line_lead_under_a_heading_is_the_notes_paper() -> None:
    text = (
        "# Note\n\n**Attention Is All You Need**\n"
        "Ashish Vaswani, Noam Shazeer, Niki Parmar — NeurIPS 2017\n\nSome notes.\n"
    )
    [entry] = parse(text, "note.md").entries
    assert entry.paper is not None
    assert (entry.paper.title, entry.paper.year) == ("Attention Is All You Need", 2017)


def test_a_note_whose_heading_says_book_names_no_paper() -> None:
    text = (
        "# Book: Huggins — Advanced Batteries, ch. 7–9\n\n"
        "Robert A. Huggins, *Advanced Batteries: Materials Science Aspects*, Springer 2009.\n"
    )
    assert parse(text, "book.md").entries == []


def test_a_venue_with_its_volume_and_year_is_never_the_title() -> None:
    text = (
        "# Architecture of a Database System\n\n"
        "Joseph M. Hellerstein, Michael Stonebraker, James Hamilton. Foundations and Trends "
        "in Databases 1(2), 2007.\n"
        "PDF from the Berkeley page: https://dsf.berkeley.edu/papers/fntdb07-architecture.pdf\n"
    )
    [entry] = parse(text, "papers/hellerstein07.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "Architecture of a Database System"


def test_a_meeting_page_named_by_its_date_is_no_paper() -> None:
    # A Notion database of journal-club meetings: each row a page named "JC <date>".
    text = (
        "# JC 2024-01-18\n\n| Date | January 18, 2024 |\n| --- | --- |\n| Status | Done |\n"
        "| Papers discussed | Jinek 2012 — Cas9 in vitro, Cong 2013 — multiplex editing |\n\n"
        "Kick-off. Aiko presented Jinek, Tomás presented Cong.\n"
    )
    document = parse(text, "Meetings/JC 2024-01-18 55f6b5c38687f4c15c3cd5c0f0680413.md")
    assert [e.paper.title for e in document.entries if e.paper] == []


def test_a_sites_own_page_and_a_themes_sample_post_are_no_papers() -> None:
    teaching = (
        "---\nlayout: page\npermalink: /teaching/\ntitle: teaching\nnav: true\n---\n\n"
        "**BIO 3xx — Global Change Biology** (spring). Lectures on range shifts.\n"
    )
    assert parse(teaching, "_pages/teaching.md").entries == []
    sample = (
        "---\nlayout: post\ntitle: a post with formatting and links\n"
        "description: march & april, looking forward to summer\ncategories: sample-posts\n"
        "---\n\nJean shorts raw denim Vice normcore, art party High Life.\n"
    )
    assert parse(sample, "_posts/2015-03-15-formatting-and-links.md").entries == []


def test_a_typed_objects_full_title_property_names_its_paper_and_a_weblink_is_none() -> None:
    paper = (
        "---\ntype: Paper\ntitle: Spanner\ndescription: TrueTime, external consistency\n"
        'Full title: "Spanner: Google\'s Globally-Distributed Database"\nYear: 2012\n'
        "Status: Read\n---\n\n# Spanner\n\n- TrueTime API: TT.now() returns an interval.\n"
    )
    [entry] = parse(paper, "Papers/Spanner.md").entries
    assert entry.paper is not None
    assert entry.paper.title == "Spanner: Google's Globally-Distributed Database"
    weblink = (
        "---\ntype: Weblink\ntitle: Jepsen analyses\ndescription: Kyle Kingsbury's database "
        "safety reports\nurl: https://jepsen.io/analyses\n---\n\n# Jepsen analyses\n\n"
        "Read the etcd and MongoDB ones.\n"
    )
    assert [e.paper for e in parse(weblink, "Weblinks/Jepsen analyses.md").entries if e.paper] == []


def test_a_page_of_books_to_read_names_no_paper() -> None:
    text = (
        "# Books to read\n\n"
        "- [ ] *Misbehaving: The Making of Behavioral Economics* — Thaler (2015)\n"
        "- [ ] *Behavioral Game Theory* — Camerer (2003)\n"
    )
    assert [e.paper for e in parse(text, "Books to read.md").entries if e.paper] == []


def test_a_heading_that_adds_who_and_when_to_a_short_title_gives_the_title() -> None:
    note = (
        "---\ntitle: Notions of computation\n---\n"
        "# Notions of computation — Moggi 1989\n\nMonads as a semantics of effects.\n"
    )
    [entry] = parse(note, "docs/papers/moggi.md").entries
    assert entry.paper is not None
    assert (entry.paper.title, entry.paper.year) == ("Notions of computation", 1989)


def test_a_draft_read_only_as_far_as_the_intro_is_not_read() -> None:
    note = (
        "# Gradual typing for functional languages\n\n"
        "TODO — only read the intro so far. The cast calculus is next.\n"
    )
    assert not parse(note, "drafts/gradual.md").entries


def test_a_zotero_note_on_a_book_item_names_no_paper() -> None:
    note = (
        "---\ntitle: 'Types and Programming Languages'\nauthors:\n  - Benjamin C. Pierce\n"
        "year: 2002\nitem-type: book\n---\n\n# Types and Programming Languages\n\nCh. 22.\n"
    )
    assert not parse(note, "TAPL notes.md").entries
