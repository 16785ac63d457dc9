"""Phone note apps and web clippers: Simplenote's export, Omnivore's Obsidian notes.

Simplenote keeps no title: a note's first line is its name, often a nickname ("Grubbs
1995 — metathesis"), with the reference on the lines below. Its notes.zip holds every note
twice (source/notes.json with tags, and "<first line>.txt"). Omnivore writes one note per
saved page, titled by the browser tab, with its reading state in the front matter.
"""

from __future__ import annotations

import json
from pathlib import Path

from papershelf.accounts.models import User
from papershelf.importers.notes.parse import parse
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper


def _only_paper(text: str, path: str = "note.md") -> tuple[str, int | None, str]:
    document = parse(text, path)
    assert len(document.entries) == 1, document.warnings
    paper = document.entries[0].paper
    assert paper is not None
    return paper.title, paper.year, paper.doi


def test_a_nickname_over_a_citation_without_a_year_names_the_cited_paper() -> None:
    note = (
        "# Nicolaou 2000 — total synthesis review\n\n"
        "Nicolaou, Vourloumis & Winssinger. The Art and Science of Total Synthesis at the "
        "Dawn of the Twenty-First Century. Angew Chem 39 (1): 44–122.\n\n"
        "Long, but the taxol section is the one to reread.\n"
    )
    title, year, _ = _only_paper(note)
    assert title.startswith("The Art and Science of Total Synthesis at the Dawn")
    assert year == 2000  # the nickname gives the year the citation left out


def test_a_plain_title_over_its_journal_volume_and_doi_lines_is_the_paper() -> None:
    note = (
        "# Sharpless 2001 click\n\n"
        "Click Chemistry: Diverse Chemical Function from a Few Good Reactions\n"
        "Angew Chem Int Ed 40(11): 2004–2021\n"
        "doi 10.1002/1521-3773(20010601)40:11<2004::AID-ANIE2004>3.0.CO;2-5\n\n"
        "- CuAAC is the poster child; modular, high-yielding, benign solvents\n"
    )
    title, year, doi = _only_paper(note)
    assert title == "Click Chemistry: Diverse Chemical Function from a Few Good Reactions"
    assert year == 2001 and doi.startswith("10.1002/1521-3773")


def test_a_title_dash_journal_line_names_a_short_titled_paper() -> None:
    note = (
        "# Pauling 1931 bonding\n\n"
        "The Nature of the Chemical Bond — J Am Chem Soc 53(4), April 1931, pp. 1367–1400\n\n"
        "Hybrid orbitals; the tetrahedral carbon from sp3.\n"
    )
    title, year, _ = _only_paper(note)
    assert (title, year) == ("The Nature of the Chemical Bond", 1931)


def test_a_to_read_tag_over_a_plan_is_no_paper_but_over_notes_it_is() -> None:
    planned = (
        "# Fürstner 2013 — alkyne metathesis\n\nTags: toread\n\nChem Rev. Before group meeting.\n"
    )
    assert not parse(planned, "a.md").entries
    read = (
        "# Fürstner 2013 — alkyne metathesis\n\nTags: toread, catalysis\n\n"
        "Alkyne Metathesis in Total Synthesis. Fürstner, Angew Chem 52 (10): 2794–2819.\n\n"
        "Molybdenum alkylidynes tolerate far more functional groups than the old Schrock "
        "systems did; the macrocyclisation examples in section 4 are the useful part.\n"
    )
    assert parse(read, "b.md").entries


def test_a_note_on_the_persons_own_abstract_draft_names_no_paper() -> None:
    note = (
        "# ACS fall abstract draft\n\n"
        "Title: Ligand effects in Ni-catalysed C–N coupling\n\n250 words max.\n"
    )
    assert not parse(note, "draft.md").entries


def _simplenote(
    folder: Path, notes: list[dict[str, object]], trashed: list[dict[str, object]]
) -> None:
    (folder / "source").mkdir()
    export = {"activeNotes": notes, "trashedNotes": trashed}
    (folder / "source" / "notes.json").write_text(json.dumps(export, indent=2), encoding="utf-8")
    for note in notes:  # Simplenote writes each note again as "<first line>.txt"
        content = str(note["content"])
        name = content.split("\r\n", 1)[0][:40].replace(" ", "-")
        (folder / f"{name}.txt").write_text(content.replace("\r\n", "\n"), encoding="utf-8")
    (folder / "trash").mkdir()
    for note in trashed:
        name = str(note["content"]).split("\r\n", 1)[0][:40].replace(" ", "-")
        (folder / "trash" / f"{name}.txt").write_text(str(note["content"]), encoding="utf-8")


def test_a_simplenote_export_is_read_once_from_its_json_with_tags_and_no_bin(
    tmp_path: Path, alice: User
) -> None:
    cited = [
        ("Grubbs 2006 — Nobel lecture", "Olefin-Metathesis Catalysts for the Preparation of "
         "Molecules and Materials", "Angew Chem Int Ed 45(23): 3760–3765",
         "10.1002/anie.200600680"),
        ("Buchwald 2008 — biaryl phosphines", "Biaryl Phosphane Ligands in Palladium-Catalyzed "
         "Amination", "Angew Chem Int Ed 47(34): 6338–6361", "10.1002/anie.200800497"),
        ("Hartwig 2008 — C–N coupling", "Evolution of a Fourth Generation Catalyst for the "
         "Amination and Thioetherification of Aryl Halides", "Acc Chem Res 41(11): 1534–1544",
         "10.1021/ar800098p"),
        ("Suzuki 1995 — review", "Palladium-Catalyzed Cross-Coupling Reactions of "
         "Organoboron Compounds", "Chem Rev 95(7): 2457–2483", "10.1021/cr00039a007"),
    ]  # fmt: skip
    notes: list[dict[str, object]] = [
        {"id": f"{i:032x}", "content": f"{nick}\r\n\r\n{title}\r\n{venue}\r\ndoi {doi}\r\n\r\n"
         "- the ligand table is the useful part\r\n- compare with our Ni results",
         "tags": ["catalysis", "read"]}
        for i, (nick, title, venue, doi) in enumerate(cited)
    ]  # fmt: skip
    notes.append({"id": "f" * 32, "content": "Group meeting rota\r\n\r\nwk1 me\r\nwk2 Sam"})
    trashed: list[dict[str, object]] = [
        {"id": "e" * 32, "content": "Old draft\r\n\r\nNegishi 1977 notes, never finished"}
    ]
    _simplenote(tmp_path, notes, trashed)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    dois = set(Paper.objects.values_list("doi", flat=True))
    assert dois == {doi for *_, doi in cited}  # once each, not again from the .txt copies


def test_an_omnivore_note_is_titled_by_the_page_and_its_inbox_is_not_read() -> None:
    def clipped(title: str, url: str, state: str, highlights: str) -> str:
        return (
            f"---\nid: 1\ntitle: {title}\nsite_name: Wiley Online Library\n"
            "omnivore_url: https://omnivore.app/me/trophic-cascades-18d09c91a98\n"
            f"original_url: {url}\ntype: ARTICLE\nstate: {state}\n---\n\n# {title}\n"
            f"#Omnivore\n\n[Read Original]({url})\n\n{highlights}"
        )

    title = "Trophic cascades in lakes and on land: a meta-analysis - Wiley Online Library"
    url = "https://onlinelibrary.wiley.com/doi/10.1111/j.1461-0248.2000.00181.x"
    highlights = (
        "## Highlights\n\n> cascades are stronger in water than on land\n\n"
        "The meta-analysis figure 2 is the one to show in the seminar on Thursday.\n"
    )
    document = parse(clipped(title, url, "ARCHIVED", highlights), "Omnivore/2024-01-02/a.md")
    assert [e.paper.title for e in document.entries if e.paper] == [
        "Trophic cascades in lakes and on land: a meta-analysis"
    ]
    # Saved and never opened: still in the inbox, nothing highlighted.
    assert not parse(clipped(title, url, "INBOX", ""), "Omnivore/2024-01-02/b.md").entries
    blog = "https://ecoblog.org/2023/05/cascades/"
    post = clipped("Why cascades fizzle on land", blog, "ARCHIVED", highlights)
    assert not parse(post, "Omnivore/2024-01-03/c.md").entries


def test_an_inbox_tag_in_a_zettelkasten_is_notes_to_file_not_papers_unread() -> None:
    inbox = (
        "# 202101050900 Reading inbox\n\n#inbox\n\n"
        "- [ ] Labov (1963). The social motivation of a sound change. *Word* 19(3).\n"
        "- [ ] Hale (2001). A probabilistic Earley parser as a psycholinguistic model. NAACL.\n"
    )
    titles = [
        e.paper.title for e in parse(inbox, "202101050900 Reading inbox.md").entries if e.paper
    ]
    assert titles == [
        "The social motivation of a sound change",
        "A probabilistic Earley parser as a psycholinguistic model",
    ]
