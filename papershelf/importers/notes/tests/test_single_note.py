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
