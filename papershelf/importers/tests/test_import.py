"""How an import behaves: atomic, re-runnable, honest about what it did."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from papershelf.importers.models import ImportedEntry
from papershelf.importers.records import ParseError
from papershelf.papers.models import Paper, PaperConflict
from papershelf.readinglists.models import ReadingList
from papershelf.summaries.models import Summary
from papershelf.topics.models import Topic

pytestmark = pytest.mark.django_db

ZOTERO_BIB = r"""
@inproceedings{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and
            Jones, Llion and Gomez, Aidan N. and Kaiser, {\L}ukasz and Polosukhin, Illia},
  booktitle = {Advances in Neural Information Processing Systems},
  volume = {30},
  year = {2017},
  eprint = {1706.03762},
  archivePrefix = {arXiv},
  keywords = {transformers; attention},
}

@article{krizhevsky2017imagenet,
  title = {{ImageNet} Classification with Deep Convolutional Neural Networks},
  author = {Krizhevsky, Alex and Sutskever, Ilya and Hinton, Geoffrey E.},
  journal = {Communications of the ACM},
  volume = {60}, number = {6}, pages = {84--90},
  year = {2017},
  doi = {10.1145/3065386},
  url = {https://doi.org/10.1145/3065386},
}

@misc{DBLP:journals/corr/abs-1810-04805,
  author    = {Jacob Devlin and Ming{-}Wei Chang and Kenton Lee and Kristina Toutanova},
  title     = {{BERT:} Pre-training of Deep Bidirectional Transformers for Language Understanding},
  journal   = {CoRR},
  volume    = {abs/1810.04805},
  year      = {2018},
  url       = {http://arxiv.org/abs/1810.04805},
  eprinttype = {arXiv},
  eprint    = {1810.04805},
}

@phdthesis{scholkopf1997,
  author = {Sch{\"o}lkopf, Bernhard},
  title = {Support Vector Learning},
  school = {Technische Universit{\"a}t Berlin},
  year = {1997},
}
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_reference_manager_bibtex_file_imports_with_authors_and_identifiers(
    tmp_path: Path, run_import
) -> None:
    report = run_import(_write(tmp_path, "library.bib", ZOTERO_BIB))
    assert report.count("created") == 4
    attention = Paper.objects.get(arxiv_id="1706.03762")
    names = [a.name for a in attention.ordered_authors()]
    assert names[0] == "Ashish Vaswani" and names[6] == "Łukasz Kaiser" and len(names) == 8
    assert attention.venue is not None
    assert attention.venue.name == "NeurIPS"  # the alias table's name for the long one
    assert attention.bibtex_key == "vaswani2017attention" and attention.year == 2017
    alexnet = Paper.objects.get(doi="10.1145/3065386")
    assert alexnet.title == "ImageNet Classification with Deep Convolutional Neural Networks"
    assert [a.name for a in alexnet.ordered_authors()][2] == "Geoffrey E. Hinton"
    bert = Paper.objects.get(arxiv_id="1810.04805")
    assert bert.dblp_key == "journals/corr/abs-1810-04805"
    assert [a.name for a in bert.ordered_authors()][1] == "Ming-Wei Chang"
    thesis = Paper.objects.get(title="Support Vector Learning")
    assert thesis.ordered_authors()[0].name == "Bernhard Schölkopf"


def test_a_broken_file_names_its_line_and_writes_nothing(tmp_path: Path, run_import) -> None:
    broken = _write(tmp_path, "broken.bib", ZOTERO_BIB + "\n@article{oops,\n  title = {Unclosed\n")
    with pytest.raises(ParseError) as error:
        run_import(broken)
    assert "broken.bib" in str(error.value) and error.value.line
    assert Paper.objects.count() == 0 and ImportedEntry.objects.count() == 0


def test_a_broken_file_among_others_is_reported_and_the_rest_goes_in(
    tmp_path: Path, run_import
) -> None:
    good = _write(tmp_path, "good.bib", ZOTERO_BIB)
    broken = _write(tmp_path, "broken.bib", ZOTERO_BIB + "\n@article{oops,\n  title = {Unclosed\n")
    report = run_import(good, broken)
    [failed] = report.files_with("failed")
    assert failed.name == "broken.bib" and "broken.bib:" in failed.detail
    assert [f.name for f in report.files_with("imported")] == ["good.bib"]
    assert Paper.objects.filter(title="Attention Is All You Need").exists()


def test_strict_stops_at_a_broken_file_and_writes_nothing(tmp_path: Path, run_import) -> None:
    good = _write(tmp_path, "good.bib", ZOTERO_BIB)
    broken = _write(tmp_path, "broken.bib", ZOTERO_BIB + "\n@article{oops,\n  title = {Unclosed\n")
    with pytest.raises(ParseError) as error:
        run_import(good, broken, strict=True)
    assert "broken.bib" in str(error.value) and error.value.line
    assert Paper.objects.count() == 0 and ImportedEntry.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"   \n", "empty"),
        ("figure.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("latin1.md", "# Notes\n\nCaf\xe9 society".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_input_gets_a_clear_message(
    tmp_path: Path, run_import, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ParseError, match=message) as error:
        run_import(path)
    assert name in str(error.value)
    assert Paper.objects.count() == 0


def test_a_dry_run_reports_what_would_happen_and_writes_nothing(tmp_path: Path, run_import) -> None:
    report = run_import(_write(tmp_path, "library.bib", ZOTERO_BIB), dry_run=True)
    assert report.count("created") == 4
    assert Paper.objects.count() == 0 and ImportedEntry.objects.count() == 0
    assert "nothing would be written" in report.lines()[-1]


def test_a_reimport_updates_a_changed_note_and_keeps_the_old_text_as_a_revision(
    tmp_path: Path, run_import
) -> None:
    notes = tmp_path / "notes.md"
    body = (
        "# Attention Is All You Need\n\n"
        "[Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n\n"
        "First thoughts: $O(n^2)$.\n"
    )
    notes.write_text(body)
    run_import(notes)
    summary = Summary.objects.get()
    notes.write_text(body.replace("First thoughts", "Second thoughts"))
    report = run_import(notes)
    summary.refresh_from_db()
    assert report.summaries_updated == 1 and Summary.objects.count() == 1
    assert "Second thoughts" in summary.body
    assert [r.body.count("First") for r in summary.revisions.order_by("number")] == [1, 0]


def test_the_same_paper_from_bibtex_and_notes_is_one_paper_with_conflicts_recorded(
    tmp_path: Path, run_import
) -> None:
    run_import(_write(tmp_path, "library.bib", ZOTERO_BIB))
    notes = (
        "## 2016\n\n### Attention is all you need (Transformer)\n\n"
        "[Attention is all you need (Transformer), Google, NeurIPS](https://arxiv.org/pdf/1706.03762v5.pdf)\n\n"
        "Self-attention everywhere.\n"
    )
    report = run_import(_write(tmp_path, "notes.md", notes))
    assert report.count("merged") == 1 and Paper.objects.count() == 4
    paper = Paper.objects.get(arxiv_id="1706.03762")
    assert paper.summaries.count() == 1 and paper.year == 2017
    if paper.conflicts.filter(field="year").exists():
        assert PaperConflict.objects.get(field="year").other == "2016"


def test_imported_papers_can_be_tagged_and_listed_from_options(tmp_path: Path, run_import) -> None:
    run_import(
        _write(tmp_path, "library.bib", ZOTERO_BIB),
        topics=["Deep learning"],
        list_name="Reading group",
    )
    topic = Topic.objects.get(name="Deep learning")
    assert topic.papers.count() == 4
    reading_list = ReadingList.objects.get(title="Reading group")
    assert reading_list.items.count() == 4


def test_a_zipped_notion_export_stores_its_images_as_attachments(
    tmp_path: Path, run_import
) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(picture, format="PNG")
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(
            "Papers/Papers.md",
            "# Papers\n\n# ResNet\n\n📜 [Deep Residual Learning for Image Recognition]"
            "(https://arxiv.org/abs/1512.03385)\n\n![Residual block](Papers/block%201.png)\n\n"
            "Learn $F(x) = H(x) - x$.\n",
        )
        zipped.writestr("Papers/Papers/block 1.png", picture.getvalue())
    report = run_import(archive)
    summary = Summary.objects.get()
    assert report.attachments == 1
    attachment = summary.attachments.get()
    assert attachment.name == "Papers/block%201.png"
    assert f'src="{attachment.url()}"' in summary.body_html
    assert ImportedEntry.objects.get().where.startswith("export.zip/Papers/Papers.md:")


def test_a_zip_cannot_write_outside_its_folder(tmp_path: Path, run_import) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("../../escape.md", "# x")
    with pytest.raises(ParseError, match="unsafe path"):
        run_import(archive)


def test_a_folder_of_one_note_per_paper_imports_each_note_as_a_summary(
    tmp_path: Path, run_import
) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "Deep Residual Learning.md").write_text(
        "---\ntitle: Deep Residual Learning for Image Recognition\ntags: [vision]\n---\n\n"
        "Residual blocks learn $F(x) = H(x) - x$. See [[Batch Normalization]].\n"
    )
    (vault / "Layer norm.md").write_text(
        "---\ntags: [Vision, '#paper']\n---\n# Layer Normalization\n\n"
        "https://arxiv.org/abs/1607.06450\n\nNormalise over features.\n"
    )
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian" / "app.json").write_text("{}")
    report = run_import(vault)
    assert report.count("created") == 2 and report.summaries_created == 2
    resnet = Paper.objects.get(title="Deep Residual Learning for Image Recognition")
    assert "[[Batch Normalization]]" in resnet.summaries.get().body
    assert resnet.topics.filter(name__iexact="vision").exists()  # two notes share the tag
    layer_norm = Paper.objects.get(arxiv_id="1607.06450")
    assert layer_norm.title == "Layer Normalization"
    assert not layer_norm.topics.filter(name="paper").exists()  # one note's tag is no topic
    assert ReadingList.objects.count() == 0  # one paper a file is no reading path


def test_tags_that_name_a_venue_or_a_year_become_the_papers_venue_and_year(
    tmp_path: Path, run_import
) -> None:
    posts = tmp_path / "_posts"
    posts.mkdir()
    for day, (title, arxiv) in enumerate(
        [("World Models", "1803.10122"), ("Hindsight Experience Replay", "1707.01495")], 1
    ):
        (posts / f"2018-05-0{day}-{title}.md").write_text(
            f"---\nlayout: post\ntitle: {title}\ntags: ['2018', 'NeurIPS', 'RL']\n---\n\n"
            f"* [Link to the paper](https://arxiv.org/abs/{arxiv})\n\n"
            "* Cites [Adam: A Method for Stochastic Optimization](https://arxiv.org/abs/1412.6980)\n"
        )
    run_import(posts)
    assert sorted(Paper.objects.values_list("title", flat=True)) == [
        "Hindsight Experience Replay",
        "World Models",
    ]  # the cited paper is no paper of the collection
    world = Paper.objects.get(arxiv_id="1803.10122")
    assert world.year == 2018 and world.venue is not None and world.venue.name == "NeurIPS"
    assert [t.name for t in world.topics.all()] == ["RL"]


def test_templates_dashboards_and_journal_pages_are_skipped_with_their_reason(
    tmp_path: Path, run_import
) -> None:
    vault = tmp_path / "vault"
    (vault / "templates").mkdir(parents=True)
    (vault / "Daily").mkdir()
    (vault / "templates" / "Paper.md").write_text("---\ntitle: {{title}}\n---\n# {{title}}\n")
    (vault / "Daily" / "2024-05-02.md").write_text("- read https://arxiv.org/abs/2401.04088\n")
    (vault / "Dashboard.md").write_text("# Dashboard\n\n```dataview\nTABLE link FROM #paper\n```\n")
    (vault / "GRPO.md").write_text(
        "---\ntitle: GRPO\nlink: https://arxiv.org/abs/2402.03300\n---\n\n"
        "# DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models\n\n"
        "Group-relative advantages, no critic.\n"
    )
    report = run_import(vault)
    skipped = {f.name: f.detail for f in report.files_with("skipped")}
    assert set(skipped) == {"templates/Paper.md", "Daily/2024-05-02.md", "Dashboard.md"}
    assert "journal" in skipped["Daily/2024-05-02.md"]
    [paper] = Paper.objects.all()
    assert paper.title.startswith("DeepSeekMath") and paper.arxiv_id == "2402.03300"


def test_templates_with_empty_fields_or_angle_placeholders_are_skipped_as_templates(
    tmp_path: Path, run_import
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "_template.md").write_text(
        "# <short name>\n\n**Paper:** <title> (<venue> <year>) — [arXiv](<link>)\n\n## TL;DR\n"
    )
    (notes / "Template - journal club.md").write_text(
        "Template – journal club note\n\n**Paper:** \n**DOI:** \n**Presenter:** \n\n## Summary\n"
    )
    (notes / "Paper note template.md").write_text(
        "# Paper note template\n\n| Title | Paper title |\n|---|---|\n"
        "| Authors | Author One, Author Two |\n| Year | YYYY |\n"
        "| Link | https://doi.org/... |\n\n## Summary\n\nWhat did they find?\n"
    )
    (notes / "per.md").write_text(
        "# Prioritized Experience Replay\n\n**Paper:** Prioritized Experience Replay\n"
        "**DOI:** \n**arXiv:** 1511.05952\n\nTD-error priorities.\n"
    )
    report = run_import(notes)
    skipped = {f.name: f.detail for f in report.files_with("skipped")}
    assert set(skipped) == {"_template.md", "Template - journal club.md", "Paper note template.md"}
    assert all("template" in reason for reason in skipped.values())
    assert Paper.objects.get().arxiv_id == "1511.05952"


def test_a_word_web_page_in_the_encoding_its_meta_declares_imports(
    tmp_path: Path, run_import
) -> None:
    page = (
        '<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">'
        "</head><body><h1>Annotated bibliography</h1>"
        "<p class=MsoNormal>Hori, Y.; Kikuchi, K.; Suzuki, S. Production of CO and CH4 in "
        "Electrochemical Reduction of CO2 at Metal Electrodes. <i>Chem. Lett.</i> <b>1985</b>, "
        "<i>14</i>, 1695\u20131698. \u201cThe\u201d classic.</p>"
        "<p class=MsoNormal>Hammer, B.; N\u00f8rskov, J. K. Why Gold Is the Noblest of All the "
        "Metals. <i>Nature</i> <b>1995</b>, <i>376</i>, 238\u2013240.</p></body></html>"
    )
    path = tmp_path / "Annotated bibliography.htm"
    path.write_bytes(page.encode("cp1252"))
    run_import(path)
    paper = Paper.objects.get(title__startswith="Why Gold")
    assert next(str(link.author) for link in paper.author_links.all()) == "B. Hammer"
    assert paper.year == 1995


def test_a_note_named_by_a_citation_key_is_the_notes_on_that_bibliography_entry(
    tmp_path: Path, run_import
) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "obermeyer2019dissecting.bib").write_text(
        "@article{obermeyer2019dissecting, title={Dissecting racial bias in an algorithm used "
        "to manage the health of populations}, author={Obermeyer, Ziad and Powers, Brian}, "
        "journal={Science}, year={2019}, doi={10.1126/science.aax2342}}\n"
    )
    (papers / "obermeyer2019dissecting.md").write_text(
        "# Obermeyer et al., Science 2019\n\nThe algorithm predicts cost as a proxy for need.\n"
    )
    run_import(papers)
    paper = Paper.objects.get()
    assert paper.doi == "10.1126/science.aax2342"
    assert Summary.objects.get(paper=paper).body.startswith("The algorithm predicts cost")


def test_highlights_of_books_podcasts_and_tweets_are_skipped_as_no_papers(
    tmp_path: Path, run_import
) -> None:
    root = tmp_path / "Readwise"
    for folder in ("Articles", "Books", "Podcasts"):
        (root / folder).mkdir(parents=True)
    (root / "Books" / "Poor Economics.md").write_text(
        "# Poor Economics\n\n## Metadata\n- Author: Abhijit Banerjee and Esther Duflo\n"
    )
    (root / "Podcasts" / "Raj Chetty on Mobility.md").write_text(
        "# Raj Chetty on Mobility\n\n- x\n"
    )
    (root / "Articles" / "Card Krueger.md").write_text(
        "# Minimum Wages and Employment: A Case Study of the Fast-Food Industry in New Jersey "
        "and Pennsylvania\n\n## Metadata\n- Author: David Card, Alan B. Krueger\n"
        "- URL: https://www.nber.org/papers/w4509\n"
    )
    report = run_import(root)
    skipped = {f.name for f in report.files_with("skipped")}
    assert skipped == {"Books/Poor Economics.md", "Podcasts/Raj Chetty on Mobility.md"}
    assert Paper.objects.get().title.startswith("Minimum Wages and Employment")


def test_topics_given_to_an_import_are_searchable_at_once(tmp_path: Path, run_import) -> None:
    from papershelf.search.services import search

    run_import(_write(tmp_path, "library.bib", ZOTERO_BIB), topics=["Reading group"])
    titles = [hit.paper.title for hit in search("topic:reading", mode="keyword").hits]
    assert "Attention Is All You Need" in titles


def test_a_large_file_with_thousands_of_authors_imports_and_is_searchable(
    tmp_path: Path, run_import
) -> None:
    from papershelf.search.services import search

    entries = [
        f"@article{{k{i}, title={{Sparse study number {i} of pruning}}, year={{2020}},\n"
        f" author={{Alpha{i}, Ann and Beta{i}, Bo and Gamma{i}, Cy}}}}\n"
        for i in range(700)
    ]
    report = run_import(_write(tmp_path, "big.bib", "\n".join(entries)))
    assert report.count("created") == 700
    assert search("au:beta699", mode="keyword").hits[0].paper.title.endswith("699 of pruning")


COURSE = """\
Module 1: Value-Based Methods

Lesson 1 — From tabular Q-learning to function approximation

The Bellman optimality equation:

$$Q^*(s,a) = \\mathbb{E}\\left[r + \\gamma \\max_{a'} Q^*(s', a')\\right]$$

Readings:
- Mnih, V., et al. (2015). Human-level control through deep reinforcement learning.
  Nature. doi:10.1038/nature14236

Lesson 2 — Fixing the overestimation

A lesson with no readings of its own: $\\max$ over noisy estimates is biased.

Module 2: Policy Gradients

Lesson 3 — REINFORCE

Readings:
- Schulman, J., et al. (2017). Proximal Policy Optimization Algorithms. arXiv:1707.06347
"""


def test_course_notes_become_a_list_of_modules_and_lessons_with_their_notes(
    tmp_path: Path, run_import
) -> None:
    run_import(_write(tmp_path, "course.md", COURSE))
    [course] = ReadingList.objects.all()
    items = list(course.items.order_by("position"))
    outline = [(i.depth, i.heading) if i.paper is None else i.paper.title for i in items]
    assert outline == [
        (1, "Module 1: Value-Based Methods"),
        (2, "Lesson 1 — From tabular Q-learning to function approximation"),
        "Human-level control through deep reinforcement learning",
        (2, "Lesson 2 — Fixing the overestimation"),
        (1, "Module 2: Policy Gradients"),
        (2, "Lesson 3 — REINFORCE"),
        "Proximal Policy Optimization Algorithms",
    ]
    first, last = items[2].paper, items[6].paper
    assert first is not None and first.doi == "10.1038/nature14236"
    assert last is not None and last.arxiv_id == "1707.06347"
    lesson_1, lesson_2 = items[1], items[3]
    assert "\\mathbb{E}" in lesson_1.note and "math" in lesson_1.note_html
    assert "biased" in lesson_2.note  # a lesson without readings keeps its notes too


def test_a_folder_in_which_nothing_names_a_paper_reports_each_file_and_fails_nothing(
    tmp_path: Path, run_import
) -> None:
    folder = tmp_path / "lectures"
    folder.mkdir()
    (folder / "lecture01.md").write_text("# Lecture 1: Why graphs?\n\nNodes and edges.\n")
    (folder / "lecture02.md").write_text("# Lecture 2: Walks\n\nRandom walks, briefly.\n")
    report = run_import(folder)
    assert [(f.name, f.status) for f in report.files] == [
        ("lecture01.md", "skipped"),
        ("lecture02.md", "skipped"),
    ]
    assert all("names no paper" in f.detail for f in report.files)
    assert Paper.objects.count() == 0
