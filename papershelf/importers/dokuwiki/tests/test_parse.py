"""DokuWiki pages (a lab wiki's data/pages), read through the notes importer."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.dokuwiki.parse import looks_like_dokuwiki, parse, to_markdown
from papershelf.importers.records import PaperRecord
from papershelf.importers.registry import detect
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

# A journal-club page: a heading per paper with its link, lists indented two spaces a
# level, a footnote, tags, a PubMed reference and a code block.
JOURNAL_CLUB = """\
====== Journal club 2023 ======

Papers we discussed this year. Add yours to [[journal_club:schedule|the schedule]] first.
~~NOTOC~~

===== Spring =====

==== Attention Is All You Need ====
Presenter: Ana \\\\
[[https://arxiv.org/abs/1706.03762|arXiv]] (NeurIPS 2017)

  * multi-head attention is //cheap// on GPUs((but quadratic in the length))
  * **positional encodings** are sinusoidal: ''PE(pos, 2i)''
    * learned ones work as well
{{tag>transformers nlp}}

==== Fast and Accurate Deep Network Learning by Exponential Linear Units ====
[[https://arxiv.org/abs/1511.07289|paper]] (ICLR 2016)

<code python>
elu = lambda x: x if x > 0 else alpha * (exp(x) - 1)
</code>

===== Autumn =====

==== Orientation Selectivity of Synaptic Input to Neurons in Mouse Visual Cortex ====
[[https://doi.org/10.1038/nn.3682|doi]]
{{pubmed>24464043}}

Notes on the two-photon data.
"""

# The wiki's list of papers to read, kept as a table.
READING_TABLE = """\
====== To read ======

^ Paper ^ Who ^ Notes ^
| [[https://arxiv.org/abs/1512.03385|Deep Residual Learning for Image Recognition]] \
| Chloé | skip connections |
| [[https://arxiv.org/abs/1502.03167|Batch Normalization: Accelerating Deep Network \
Training by Reducing Internal Covariate Shift]] | Ben | |

===== Older =====

See [[archive:2022|last year's page]].
"""


def _papers(text: str, path: str) -> dict[str, PaperRecord]:
    document = parse(text, path)
    return {entry.paper.title: entry.paper for entry in document.entries if entry.paper}


def test_each_paper_heading_with_its_link_is_a_paper_under_its_section() -> None:
    document = parse(JOURNAL_CLUB, "data/pages/journal_club/2023.txt")
    named = [(e.paper.title, e.sections) for e in document.entries if e.paper]
    assert named == [
        ("Attention Is All You Need", ("Spring",)),
        ("Fast and Accurate Deep Network Learning by Exponential Linear Units", ("Spring",)),
        (
            "Orientation Selectivity of Synaptic Input to Neurons in Mouse Visual Cortex",
            ("Autumn",),
        ),
    ]
    papers = {entry.paper.title: entry.paper for entry in document.entries if entry.paper}
    assert papers["Attention Is All You Need"].arxiv_id == "1706.03762"
    assert papers["Attention Is All You Need"].keywords == ["transformers", "nlp"]
    orientation = papers[
        "Orientation Selectivity of Synaptic Input to Neurons in Mouse Visual Cortex"
    ]
    assert orientation.doi == "10.1038/nn.3682"
    assert document.title == "Journal club 2023" and document.format == "dokuwiki"
    assert document.path == "data/pages/journal_club/2023.txt"


def test_dokuwiki_markup_becomes_markdown() -> None:
    markdown = to_markdown(JOURNAL_CLUB)
    assert "# Journal club 2023\n" in markdown and "\n## Spring\n" in markdown
    assert "### Attention Is All You Need\n" in markdown
    assert "[arXiv](https://arxiv.org/abs/1706.03762)" in markdown
    assert "- multi-head attention is *cheap* on GPUs (but quadratic in the length)" in markdown
    assert "- **positional encodings** are sinusoidal: `PE(pos, 2i)`" in markdown
    assert "\n    - learned ones work as well" in markdown
    assert "Tags: transformers, nlp" in markdown and "PMID: [24464043]" in markdown
    assert "```python\nelu = lambda x" in markdown and "~~NOTOC~~" not in markdown
    assert "Add yours to the schedule first." in markdown  # a page of this wiki: its text


def test_a_table_of_papers_becomes_a_table_with_a_header_row_and_its_papers() -> None:
    markdown = to_markdown(READING_TABLE)
    assert "| Paper | Who | Notes |\n| --- | --- | --- |\n" in markdown
    papers = _papers(READING_TABLE, "data/pages/to_read.txt")
    assert list(papers) == [
        "Deep Residual Learning for Image Recognition",
        "Batch Normalization: Accelerating Deep Network Training by Reducing Internal "
        "Covariate Shift",
    ]
    assert papers["Deep Residual Learning for Image Recognition"].arxiv_id == "1512.03385"


def test_only_text_that_reads_as_dokuwiki_is_taken_for_it() -> None:
    assert detect(Path("2023.txt"), JOURNAL_CLUB).name == "dokuwiki"
    assert detect(Path("2023"), JOURNAL_CLUB).name == "dokuwiki"
    plain = "=== Consensus ===\nLamport, Paxos Made Simple\n\n=== Storage ===\nGFS\n"
    assert not looks_like_dokuwiki(plain)
    assert detect(Path("reading.txt"), plain).name == "notes"
    assert detect(Path("notes.md"), JOURNAL_CLUB).name == "notes"


def test_a_dokuwiki_pages_folder_imports_its_papers_and_a_second_import_changes_nothing(
    tmp_path: Path, alice: User
) -> None:
    pages = tmp_path / "data" / "pages"
    (pages / "journal_club").mkdir(parents=True)
    (pages / "journal_club" / "2023.txt").write_text(JOURNAL_CLUB, encoding="utf-8")
    (pages / "to_read.txt").write_text(READING_TABLE, encoding="utf-8")
    options = ImportOptions(user=alice, fetch_metadata=False)
    report = import_paths([tmp_path / "data"], options)
    assert report.count("created") == 5
    assert Paper.objects.get(arxiv_id="1706.03762").title == "Attention Is All You Need"
    assert Paper.objects.filter(doi="10.1038/nn.3682").exists()
    again = import_paths([tmp_path / "data"], ImportOptions(user=alice, fetch_metadata=False))
    assert again.count("created") == 0 and Paper.objects.count() == 5
