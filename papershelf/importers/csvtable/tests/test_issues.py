"""Issue trackers' CSV exports (Jira, Linear, GitLab, GitHub Projects): a ticket a note."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers import registry
from papershelf.importers.csvtable.issues import is_issue_export
from papershelf.importers.csvtable.jiramarkup import jira_to_markdown
from papershelf.importers.csvtable.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.topics.models import Topic

# Jira's "Export CSV (all fields)": a column once per value (Labels, Sprint, Comment),
# custom fields as "Custom field (…)", comments as "date;account;text", wiki markup.
JIRA_HEADER = [
    "Summary", "Issue key", "Issue id", "Parent id", "Issue Type", "Status", "Project key",
    "Priority", "Resolution", "Assignee", "Reporter", "Created", "Component/s", "Labels",
    "Labels", "Description", "Attachment", "Custom field (Epic Link)",
    "Custom field (Epic Name)", "Custom field (DOI)", "Sprint", "Sprint", "Comment", "Comment",
]  # fmt: skip


def _jira(**row: str) -> list[str]:
    cells = dict.fromkeys(JIRA_HEADER, "")
    cells.update({"Issue Type": "Story", "Status": "Done", "Project key": "ASR"})
    values = [cells[name] for name in JIRA_HEADER]
    for name, value in row.items():
        values[JIRA_HEADER.index(name.replace("_", " "))] = value
    return values


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _with_second(name: str, first: str, second: str, **row: str) -> list[str]:
    """A row whose repeated column ``name`` holds two values."""
    values = _jira(**row)
    index = JIRA_HEADER.index(name)
    values[index], values[index + 1] = first, second
    return values


JIRA = _csv(
    JIRA_HEADER,
    [
        _jira(
            Summary="Self-supervised speech",
            Issue_key="ASR-1",
            Issue_id="10001",
            Issue_Type="Epic",
            Status="In Progress",
            **{"Custom field (Epic Name)": "Self-supervised speech"},
        ),
        _with_second(
            "Comment",
            "05/Jan/24 2:30 PM;557058:6a1b;Discussed in the reading group: the *diversity "
            "loss* matters.",
            "06/Jan/24 9:00 AM;dkim;Code: [fairseq|https://github.com/facebookresearch/fairseq]",
            **{
                "Summary": "Read: wav2vec 2.0: A Framework for Self-Supervised Learning of "
                "Speech Representations (Baevski et al. 2020)",
                "Issue key": "ASR-2",
                "Issue id": "10002",
                "Labels": "ssl",
                "Component/s": "Pretraining",
                "Custom field (Epic Link)": "ASR-1",
                "Description": "h2. Summary\r\nMasks latent features and solves a *contrastive"
                " task* over _quantized_ targets.\r\n* 10 min of labels: WER 4.8/8.2\r\n* "
                "Gumbel-softmax codebooks\r\nLink: [arXiv|https://arxiv.org/abs/2006.11477]",
            },
        ),
        _jira(
            Summary="Conformer",
            Issue_key="ASR-3",
            Issue_id="10003",
            Labels="conformer",
            Description="h3. Paper\r\n*Conformer: Convolution-augmented Transformer for "
            "Speech Recognition*\r\nAnmol Gulati, James Qin, Chung-Cheng Chiu — Interspeech "
            "2020\r\n[https://arxiv.org/abs/2005.08100|https://arxiv.org/abs/2005.08100|"
            "smart-link]\r\nh3. Why\r\nOur production encoder.\r\n{quote}Convolution for "
            "local, attention for global context.{quote}",
        ),
        _jira(
            Summary="Read: HuBERT (Hsu et al. 2021)",
            Issue_key="ASR-4",
            Issue_id="10004",
            Status="To Do",
            Description="https://arxiv.org/abs/2106.07447",
        ),
        _jira(
            Summary="Read: Whisper",
            Issue_key="ASR-5",
            Issue_id="10005",
            Status="Done",
            Resolution="Won't Do",
        ),
        _jira(
            Summary="Set up the ESPnet recipe on the cluster",
            Issue_key="ASR-6",
            Issue_id="10006",
            Issue_Type="Task",
            Description="Needs CUDA 12 and a newer sox. Ask IT about the quota on gpu-03.",
        ),
        _jira(
            Summary="Listen, Attend and Spell (Chan, Jaitly, Le & Vinyals, ICASSP 2016)",
            Issue_key="ASR-7",
            Issue_id="10007",
            Status="To Do",
            Description="Started it on the train: the pyramidal BLSTM listener halves the "
            "time resolution three times, and the speller attends over it.",
            **{"Custom field (DOI)": "10.1109/ICASSP.2016.7472621"},
        ),
    ],
)


def _papers(text: str, path: str = "Jira.csv") -> list[tuple[str, str, int | None]]:
    document = parse(text, path)
    return [
        (e.paper.title, e.paper.arxiv_id or e.paper.doi, e.paper.year)
        for e in document.entries
        if e.paper
    ]


def test_each_jira_ticket_on_a_paper_is_a_paper_and_tasks_and_unread_tickets_are_not() -> None:
    assert _papers(JIRA) == [
        (
            "wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations",
            "2006.11477",
            2020,
        ),
        ("Conformer: Convolution-augmented Transformer for Speech Recognition", "2005.08100", 2020),
        ("Listen, Attend and Spell", "10.1109/icassp.2016.7472621", 2016),
    ]


def test_a_jira_ticket_keeps_its_description_and_comments_as_markdown() -> None:
    wav2vec = parse(JIRA, "Jira.csv").entries[0]
    assert wav2vec.summary is not None
    note = wav2vec.summary.markdown
    assert "**contrastive task**" in note and "- Gumbel-softmax codebooks" in note
    assert "the **diversity loss** matters" in note and "557058" not in note
    assert "[fairseq](https://github.com/facebookresearch/fairseq)" in note


def test_a_ticket_says_its_authors_in_its_summary_and_its_epic_and_labels_are_topics() -> None:
    document = parse(JIRA, "Jira.csv")
    wav2vec = document.entries[0].paper
    assert wav2vec is not None and wav2vec.authors == ["Baevski"]
    assert document.entry_topics[0] == ["ssl", "Pretraining", "Self-supervised speech"]
    listen = document.entries[2].paper
    assert listen is not None and listen.authors == ["Chan", "Jaitly", "Le", "Vinyals"]
    assert listen.venue == "ICASSP"


def test_a_ticket_is_reported_at_the_line_its_row_starts_on() -> None:
    # Cells with line breaks: the Conformer row starts well after the second line.
    lines = {e.paper.title: e.line for e in parse(JIRA, "Jira.csv").entries if e.paper}
    conformer_row = JIRA.split("\r\n").index(next(ln for ln in JIRA.split("\r\n") if "ASR-3" in ln))
    assert lines["Conformer: Convolution-augmented Transformer for Speech Recognition"] == (
        conformer_row + 1
    )


def test_a_sheet_of_papers_with_a_status_column_is_no_issue_tracker() -> None:
    assert not is_issue_export(["Title", "Authors", "Year", "Status", "Priority"])
    assert is_issue_export(["Summary", "Issue key", "Status"])
    assert is_issue_export(["ID", "Team", "Title", "Description", "Status", "Labels"])


def test_linear_and_gitlab_exports_hold_markdown_and_labels_in_one_cell() -> None:
    linear = _csv(
        ["ID", "Team", "Title", "Description", "Status", "Labels", "Assignee"],
        [
            [
                "RES-12",
                "Research",
                "Paper: Denoising Diffusion Probabilistic Models",
                "Ho, Jain, Abbeel — NeurIPS 2020 — [arXiv](https://arxiv.org/abs/2006.11239)"
                "\n\n**Takeaway:** the simple loss works best.",
                "Done",
                "diffusion, generative",
                "kim",
            ],
            ["RES-13", "Research", "Renew the cluster allocation", "", "Backlog", "", ""],
        ],
    )
    gitlab = _csv(
        ["Issue ID", "URL", "Title", "State", "Description", "Author", "Labels"],
        [
            [
                "7",
                "https://gitlab.com/lab/reading/-/issues/7",
                "Score-Based Generative Modeling through Stochastic Differential Equations",
                "Closed",
                "Song et al., ICLR 2021. https://arxiv.org/abs/2011.13456\n\nSDE view of both.",
                "kim",
                "diffusion",
            ]
        ],
    )
    assert _papers(linear) == [
        ("Denoising Diffusion Probabilistic Models", "2006.11239", 2020),
    ]
    assert parse(linear, "Linear.csv").entry_topics == {0: ["diffusion", "generative"]}
    assert [arxiv for _, arxiv, _ in _papers(gitlab)] == ["2011.13456"]


def test_jira_markup_becomes_markdown_lists_quotes_tables_and_links() -> None:
    markdown = jira_to_markdown(
        "h2. Notes\r\n# first\r\n# second\r\nAfter the list.\r\n||Model||WER||\r\n|LAS|6.9|"
        "\r\nbq. Quoted\r\n{color:red}red{color} and ??a citation?? [paper|https://doi.org/"
        "10.1/x] !figure.png|thumbnail!"
    )
    assert markdown.splitlines()[:5] == ["## Notes", "1. first", "1. second", "", "After the list."]
    assert "|Model|WER|" in markdown and "> Quoted" in markdown
    assert 'red and "a citation" [paper](https://doi.org/10.1/x)' in markdown
    assert "figure.png" not in markdown


def test_a_folder_whose_only_csv_names_no_paper_warns_and_does_not_abort(
    tmp_path: Path, alice: User
) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    tasks = _csv(JIRA_HEADER, [_jira(Summary="Renew the GPU quota", Issue_key="OPS-1")])
    (folder / "Jira.csv").write_text(tasks, encoding="utf-8")
    report = import_paths([folder], ImportOptions(user=alice, fetch_metadata=False))
    assert [(f.name, f.status) for f in report.files] == [("Jira.csv", "skipped")]
    assert any("names no paper" in str(warning) for warning in report.warnings)
    assert Paper.objects.count() == 0


def test_a_jira_export_in_a_folder_imports_its_papers_with_topics(
    tmp_path: Path, alice: User
) -> None:
    path = tmp_path / "Jira Export CSV (all fields) 20240617.csv"
    path.write_text(JIRA, encoding="utf-8")
    assert registry.detect(path, JIRA).name == "csv"
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert Paper.objects.filter(arxiv_id="2006.11477").exists()
    assert Topic.objects.filter(name="Self-supervised speech").exists()
