"""A documentation site's navigation (VitePress sidebar, MkDocs nav) orders its notes."""

from __future__ import annotations

from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.readinglists.models import ReadingList


def test_a_vitepress_sidebar_is_the_reading_path_of_the_sites_notes(
    tmp_path: Path, alice: User
) -> None:
    papers = tmp_path / "docs" / "papers"
    papers.mkdir(parents=True)
    notes = {
        "codd": ("A Relational Model of Data for Large Shared Data Banks", "10.1145/362384.362685"),
        "gray": ("The Transaction Concept: Virtues and Limitations", "10.5555/1286831.1286905"),
        "stonebraker": ("The Design of POSTGRES", "10.1145/16856.16888"),
    }
    for name, (title, doi) in notes.items():
        (papers / f"{name}.md").write_text(f"# {title}\n\ndoi: {doi}\n\nNotes.\n", "utf-8")
    (tmp_path / "docs" / ".vitepress").mkdir()
    (tmp_path / "docs" / ".vitepress" / "config.mts").write_text(
        "export default defineConfig({\n  title: 'Database reading',\n  themeConfig: {\n"
        "    sidebar: [\n      { text: 'Foundations', items: [\n"
        "        { text: 'Codd 1970', link: '/papers/codd' },\n"
        "        { text: 'Gray 1981', link: '/papers/gray' } ] },\n"
        "      { text: 'Systems', items: [ { text: 'Postgres', link: '/papers/stonebraker' } ] }\n"
        "    ]\n  }\n})\n",
        encoding="utf-8",
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    [reading_list] = ReadingList.objects.all()
    items = reading_list.items.select_related("paper").order_by("position")
    assert [f"## {i.heading}" if i.paper is None else i.paper.title for i in items] == [
        "## Foundations",
        "A Relational Model of Data for Large Shared Data Banks",
        "The Transaction Concept: Virtues and Limitations",
        "## Systems",
        "The Design of POSTGRES",
    ]


def test_an_mkdocs_nav_orders_the_notes_under_its_sections(tmp_path: Path, alice: User) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, title, doi in [
        ("raft", "In Search of an Understandable Consensus Algorithm", "10.5555/2643634.2643666"),
        ("paxos", "Paxos Made Simple", "10.1145/568425.568433"),
        ("gfs", "The Google File System", "10.1145/945445.945450"),
    ]:
        (docs / f"{name}.md").write_text(f"# {title}\n\ndoi: {doi}\n\nNotes on it.\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Systems notes\nnav:\n  - Home: index.md\n  - Consensus:\n"
        "      - Paxos: paxos.md\n      - Raft: raft.md\n  - Storage:\n      - GFS: gfs.md\n",
        encoding="utf-8",
    )  # fmt: skip
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    [reading_list] = ReadingList.objects.all()
    items = reading_list.items.select_related("paper").order_by("position")
    assert [f"## {i.heading}" if i.paper is None else i.paper.title for i in items] == [
        "## Consensus", "Paxos Made Simple",
        "In Search of an Understandable Consensus Algorithm", "## Storage",
        "The Google File System",
    ]  # fmt: skip


def test_a_docsify_sidebar_orders_the_notes_under_its_bold_groups(
    tmp_path: Path, alice: User
) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    notes = {
        "kimura": (
            "The neutral theory of molecular evolution",
            "10.1038/scientificamerican1179-98",
        ),
        "ohta": ("Slightly deleterious mutant substitutions in evolution", "10.1038/246096a0"),
        "hudson": ("Testing the constant-rate neutral allele model", "10.1093/genetics/111.1.147"),
    }
    for name, (title, doi) in notes.items():
        (papers / f"{name}.md").write_text(f"# {title}\n\ndoi: {doi}\n\nNotes.\n", "utf-8")
    (tmp_path / "index.html").write_text(
        "<script>window.$docsify = { name: 'Popgen notes', loadSidebar: true }</script>", "utf-8"
    )
    (tmp_path / "README.md").write_text("# Popgen notes\n\nWhat I read for prelims.\n", "utf-8")
    (tmp_path / "_sidebar.md").write_text(
        "* [Home](/)\n\n* **Neutral theory**\n  * [Kimura](papers/kimura.md)\n"
        "  * [Ohta — nearly neutral](papers/ohta.md)\n\n"
        "* Tests of neutrality\n  * [HKA test](/papers/hudson)\n",
        encoding="utf-8",
    )
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    [reading_list] = ReadingList.objects.all()
    items = reading_list.items.select_related("paper").order_by("position")
    assert [f"## {i.heading}" if i.paper is None else i.paper.title for i in items] == [
        "## Neutral theory",
        "The neutral theory of molecular evolution",
        "Slightly deleterious mutant substitutions in evolution",
        "## Tests of neutrality",
        "Testing the constant-rate neutral allele model",
    ]
    assert reading_list.title == "Popgen notes"
