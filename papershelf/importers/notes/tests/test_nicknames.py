"""A note titled only by a nickname is the notes on the paper of the import that goes by it."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.lib.titles import is_nickname
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingListItem
from papershelf.summaries.models import Summary

READING_LIST = """\
# Retrieval papers

- Akari Asai, Zeqiu Wu. [Self-RAG: Learning to Retrieve, Generate, and Critique through \
Self-Reflection](https://arxiv.org/abs/2310.11511). ICLR 2024.
- Kelvin Guu, Kenton Lee. [REALM: Retrieval-Augmented Language Model \
Pre-Training](https://arxiv.org/abs/2002.08909). ICML 2020.
"""


def _import(tmp_path: Path, user: User, notes: dict[str, str]) -> None:
    for name, text in notes.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=user, fetch_metadata=False))


def test_a_note_named_after_a_papers_short_name_joins_that_paper(
    tmp_path: Path, alice: User
) -> None:
    _import(
        tmp_path,
        alice,
        {
            "reading-list.md": READING_LIST,
            "Self-RAG quick thoughts.md": "# Self-RAG quick thoughts\n\nReflection tokens.\n",
        },
    )
    assert Paper.objects.count() == 2
    paper = Paper.objects.get(arxiv_id="2310.11511")
    assert Summary.objects.filter(paper=paper, body__contains="Reflection tokens").exists()


def test_a_note_whose_nickname_fits_no_paper_of_the_import_stays_its_own_paper(
    tmp_path: Path, alice: User
) -> None:
    _import(
        tmp_path,
        alice,
        {
            "reading-list.md": READING_LIST,
            "ColBERT.md": "# ColBERT late interaction retrieval\n\nCheap.\n",
        },
    )
    assert Paper.objects.count() == 3
    assert Paper.objects.filter(title="ColBERT late interaction retrieval").exists()


def test_an_index_row_with_a_short_title_is_the_paper_its_note_identifies(
    tmp_path: Path, alice: User
) -> None:
    (tmp_path / "notes").mkdir()
    _import(
        tmp_path,
        alice,
        {
            "README.md": "| Paper | Year |\n|---|---|\n| Prioritized Experience Replay | 2015 |\n"
            "| Dueling Network Architectures | 2016 |\n",
            "notes/per.md": "# Prioritized Experience Replay\n\n"
            "Tom Schaul, John Quan\n\nhttps://arxiv.org/abs/1511.05952\n\nTD error.\n",
        },
    )
    assert Paper.objects.filter(title="Prioritized Experience Replay").count() == 1
    assert Paper.objects.get(arxiv_id="1511.05952").year == 2015


def test_text_under_a_heading_that_names_no_paper_stays_as_notes_of_its_section(
    tmp_path: Path, alice: User
) -> None:
    _import(
        tmp_path,
        alice,
        {
            "notes.md": "## Self-RAG\n\n[Self-RAG: Learning to Retrieve, Generate, and Critique "
            "through Self-Reflection](https://arxiv.org/abs/2310.11511)\n\nReflection tokens.\n\n"
            "## REALM\n\n[REALM: Retrieval-Augmented Language Model Pre-Training]"
            "(https://arxiv.org/abs/2002.08909)\n\nMasked salient spans.\n\n"
            "## Random thoughts on retrieval\n\nNobody evaluates the retriever alone.\n",
        },
    )
    assert Paper.objects.count() == 2
    section = ReadingListItem.objects.get(heading="Random thoughts on retrieval")
    assert "Nobody evaluates the retriever alone" in section.note_html


def test_a_nickname_is_all_acronyms_digits_or_camel_case() -> None:
    assert [is_nickname(t) for t in ("VQ VAE 2", "GPT-3", "AlphaGo", "DQN")] == [True] * 4
    assert not any(is_nickname(t) for t in ("Offline RL", "Glossary", "Policy gradients"))


def test_a_note_without_facts_or_the_mark_of_literature_notes_is_no_paper(
    tmp_path: Path, alice: User
) -> None:
    notes = {
        f"2021020{day}1000 {name}.md": f"# 2021020{day}1000 {name}\n\n#lit #efficiency\n\n{ref}\n"
        for day, (name, ref) in enumerate(
            [
                (
                    "Gibson 1998",
                    "Gibson, E. (1998). Linguistic complexity: locality of "
                    "syntactic dependencies. *Cognition*, 68, 1–76.",
                ),
                (
                    "Piantadosi 2011",
                    "Piantadosi ST, Tily H, Gibson E. Word lengths are "
                    "optimized for efficient communication. PNAS. 2011;108:3526.",
                ),
                (
                    "Kemp 2012",
                    "Kemp, C., & Regier, T. (2012). Kinship categories across "
                    "languages reflect general communicative principles. *Science*, 336, 1049.",
                ),
                (
                    "Futrell 2015",
                    "Futrell, R., Mahowald, K., & Gibson, E. (2015). Large-scale "
                    "evidence of dependency length minimization in 37 languages. *PNAS*, 112.",
                ),
            ],
            start=1,
        )
    }
    notes["202103030910 Word order minimizes dependency length.md"] = (
        "# 202103030910 Word order minimizes dependency length\n\n#permanent #efficiency\n\n"
        "Related words sit close together [[202102011000]].\n"
    )
    notes["202103040910 Word length tracks predictability.md"] = (
        "# 202103040910 Word length tracks predictability\n\n#permanent\n\nSee [[202102021000]].\n"
    )
    _import(tmp_path, alice, notes)  # four notes in six state facts: too few to expect them
    assert Paper.objects.count() == 4
    assert not Paper.objects.filter(title__icontains="minimizes").exists()
    assert not Paper.objects.filter(title__icontains="predictability").exists()
