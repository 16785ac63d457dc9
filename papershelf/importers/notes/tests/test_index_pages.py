"""A page of links to the notes of an import (a seminar log, a map of content) is their
reading list, in its order and under its headings."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.notes.index_pages import linked_notes
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.readinglists.models import ReadingList


def _note(folder: Path, name: str, title: str, doi: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md").write_text(
        f"# {name}\n\n**{title}**\n\nDOI: {doi}\n\nWhat I took from it: three lines of notes.\n"
    )


def _items(reading_list: ReadingList) -> list[str]:
    """Headings as "## name", papers by title, in the list's order."""
    return [
        f"## {item.heading}" if item.paper is None else item.paper.title
        for item in reading_list.items.select_related("paper").order_by("position")
    ]


def test_a_craft_page_of_linked_subpages_is_a_reading_list_by_week(
    tmp_path: Path, alice: User
) -> None:
    pages = tmp_path / "Seminar" / "Reading Log"
    _note(pages, "Prospect theory (KT 1979)", "Prospect Theory: An Analysis of Decision under Risk",
          "10.2307/1914185")  # fmt: skip
    _note(pages, "Heuristics", "Judgment under Uncertainty: Heuristics and Biases",
          "10.1126/science.185.4157.1124")  # fmt: skip
    _note(pages, "SMarT", "Save More Tomorrow: Using Behavioral Economics to Increase Employee "
          "Saving", "10.1086/380085")  # fmt: skip
    (tmp_path / "Seminar" / "Reading Log.md").write_text(
        "# Reading Log\n\nOne subpage per paper, in syllabus order.\n\n"
        "## Week 1 — Biases\n\n[Heuristics](Reading%20Log/Heuristics.md)\n\n"
        "## Week 2 — Prospect theory\n\n"
        "[Prospect theory (KT 1979)](Reading%20Log/Prospect%20theory%20(KT%201979).md)\n\n"
        "> Optional: Benartzi & Thaler (1995) — skipped.\n\n"
        "## Week 5 — Defaults\n\n[SMarT](Reading%20Log/SMarT.md)\n\n"
        "[Course site](https://example.edu/econ7420)\n"
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    reading_list = ReadingList.objects.get(title="Reading Log")
    assert _items(reading_list) == [
        "## Week 1 — Biases",
        "Judgment under Uncertainty: Heuristics and Biases",
        "## Week 2 — Prospect theory",
        "Prospect Theory: An Analysis of Decision under Risk",
        "## Week 5 — Defaults",
        "Save More Tomorrow: Using Behavioral Economics to Increase Employee Saving",
    ]


def test_an_obsidian_map_of_content_links_notes_by_name_wherever_they_are() -> None:
    text = "# Path\n\n## Foundations\n\n- [[LeNet]]\n- [[AlexNet|the 2012 one]]\n\nSome prose.\n"
    entries = linked_notes(text)
    assert [(e.note_link, e.sections) for e in entries] == [
        ("LeNet.md", ("Foundations",)),
        ("AlexNet.md", ("Foundations",)),
    ]
    assert linked_notes("# One link\n\n[[LeNet]]\n") == []  # one link is no list


def test_a_kanban_board_of_linked_cards_is_a_path_under_its_lanes(
    tmp_path: Path, alice: User
) -> None:
    papers = tmp_path / "Papers"
    _note(
        papers,
        "Lorenz 1963",
        "Deterministic Nonperiodic Flow",
        "10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2",
    )
    _note(
        papers,
        "Charney 1948",
        "On the Scale of Atmospheric Motions",
        "10.1007/978-1-944970-35-2_14",
    )
    _note(
        papers,
        "Hasselmann 1976",
        "Stochastic climate models Part I. Theory",
        "10.3402/tellusa.v28i6.11316",
    )
    board = (
        "---\n\nkanban-plugin: board\n\n---\n\n## Dynamics\n\n"
        "- [x] [[Charney 1948|Charney 1948]]\n- [x] [[Lorenz 1963]]\n\n"
        "## Variability\n\n- [ ] [[Hasselmann 1976]]\n\n"
    )  # fmt: skip
    (tmp_path / "Quals board.md").write_text(board, encoding="utf-8")
    pipeline = (
        "---\n\nkanban-plugin: board\n\n---\n\n## Inbox\n\n- [ ] [[Hasselmann 1976]]\n\n"
        "## Done\n\n- [x] [[Lorenz 1963]]\n- [x] [[Charney 1948]]\n"
    )
    (tmp_path / "Pipeline.md").write_text(pipeline, encoding="utf-8")
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert list(ReadingList.objects.values_list("title", flat=True)) == ["Quals board"]
    assert _items(ReadingList.objects.get()) == [
        "## Dynamics", "On the Scale of Atmospheric Motions", "Deterministic Nonperiodic Flow",
        "## Variability", "Stochastic climate models Part I. Theory",
    ]  # fmt: skip
