"""A Todoist project's CSV export: one note per task, and the project's order as a list."""

from __future__ import annotations

from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers import reader_for, readers
from papershelf.importers.containers.todoist import (
    looks_like_todoist_csv,
    parse_todoist,
    read_todoist,
    split_labels,
)
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList
from papershelf.topics.models import Topic

# Today's export: DESCRIPTION after CONTENT, durations and deadlines at the end, a meta row.
HEADER = (
    "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,"
    "DURATION,DURATION_UNIT,DEADLINE,DEADLINE_LANG"
)
ME = "Noor (41822093)"


def _row(kind: str, content: str = "", description: str = "", indent: int = 1) -> str:
    def cell(text: str) -> str:
        return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text

    if kind == "note":
        return f"note,{cell(content)},,,,{ME},,2024-02-05T09:00:00.000000Z,,,,,,"
    if kind == "section":
        return f"section,{cell(content)},,,,,,,,,,,,"
    if kind == "task":
        fields = f"{cell(content)},{cell(description)},4,{indent},{ME},,,en,Europe/Lisbon"
        return f"task,{fields},,,,"
    return ",,,,,,,,,,,,,"


# A neuroscience student's qualifying-exam reading: a link per task, a citation per
# task, a nickname with the reference in its description or in a comment, sub-tasks,
# comments naming other papers in passing, an admin task and an empty section.
QUALS = "\n".join(
    [
        HEADER,
        "meta,view_style=list,,,,,,,,,,,,",
        _row(""),
        _row("task", "Email the committee about the exam date"),
        _row(""),
        _row("section", "Single neurons"),
        _row(
            "task",
            "[A quantitative description of membrane current and its application to "
            "conduction and excitation in nerve](https://doi.org/10.1113/jphysiol.1952.sp004764)"
            " @classic @biophysics",
            "Squid giant axon under voltage clamp; four coupled equations.",
        ),
        _row(
            "task",
            "[Receptive fields, binocular interaction and functional architecture in the "
            "cat's visual cortex](https://doi.org/10.1113/jphysiol.1962.sp006837) @classic",
        ),
        _row("note", "Simple and complex cells; the ice-cube model only came in 1977."),
        _row(""),
        _row("section", "Plasticity"),
        _row("task", "the STDP paper @plasticity"),
        _row(
            "note",
            "Bi, G., & Poo, M. (1998). Synaptic modifications in cultured hippocampal "
            "neurons: dependence on spike timing, synaptic strength, and postsynaptic cell "
            "type. Journal of Neuroscience, 18(24), 10464–10472. "
            "https://doi.org/10.1523/JNEUROSCI.18-24-10464.1998",
        ),
        _row("task", "redraw the timing window figure", indent=2),
        _row("task", "compare with the Markram et al. 1997 experiments", indent=2),
        _row("task", "check the dendritic recordings", indent=3),
        _row(""),
        _row("section", "Networks"),
        _row(
            "task",
            "Hopfield nets @networks",
            "Hopfield, J. J. (1982). Neural networks and physical systems with emergent "
            "collective computational abilities. PNAS, 79(8), 2554–2558. "
            "doi:10.1073/pnas.79.8.2554",
        ),
        _row(
            "task",
            "Olshausen & Field sparse coding @networks @vision",
            "Emergence of simple-cell receptive field properties by learning a sparse code "
            "for natural images. Nature 381, 607–609 (1996). "
            "https://doi.org/10.1038/381607a0",
        ),
        _row(""),
        _row("section", "Maybe later"),
        _row(""),
    ]
)
# Beside it, the person's Inbox: chores, no reading.
INBOX = "\n".join(
    [
        HEADER,
        "meta,view_style=list,,,,,,,,,,,,",
        _row("task", "Buy oat milk @errands"),
        _row("task", "Renew the library card @errands"),
        _row("task", "bring the card", indent=2),
        _row("task", "Call the plumber about the sink"),
        _row("note", "Tuesday after 4pm works"),
    ]
)
# An older export (2017–2020): no DESCRIPTION column, no meta row; an ecology project.
OLD_HEADER = "TYPE,CONTENT,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE"
ECOLOGY = "\n".join(
    [
        OLD_HEADER,
        "task,Food web complexity and species diversity @predation,4,1,Ana (1846598),,,en,UTC",
        'note,"Paine, R. T. (1966). Food web complexity and species diversity. The American '
        'Naturalist, 100(910), 65–75. https://doi.org/10.1086/282400",,,Ana (1846598),,,,',
        ",,,,,,,,",
        "task,[An equilibrium theory of insular zoogeography](https://doi.org/10.1111/"
        "j.1558-5646.1963.tb03295.x) @islands,4,1,Ana (1846598),,,en,UTC",
        "task,pick up the field notebooks from the station,4,2,Ana (1846598),,,en,UTC",
    ]
)
# A seismology reading project that labels what was read (ticking a task would take it
# out of the export): the unlabelled backlog is still to be read.
SEISMOLOGY = "\n".join(
    [
        HEADER.replace("DESCRIPTION,", "DESCRIPTION,IS_COLLAPSED,"),
        "meta,view_style=list,,,,,,,,,,,,,",
        "section,Earthquake source,,False,,,,,,,,,,,",
        "task,[Frequency of earthquakes in California](https://doi.org/10.1785/BSSA0340040185)"
        " @read,,,4,1,Kim (77),,,,UTC,,None,,",
        'note,"the quasi-static part is what matters for us",,,,,Kim (77),,'
        "2024-05-02T10:00:00.000000Z,,,,,,",
        'task,"Aki, K. (1967). Scaling law of seismic spectrum. Journal of Geophysical Research,'
        ' 72(4), 1217–1231. https://doi.org/10.1029/JZ072i004p01217 @read",,,4,1,Kim (77),,,,UTC,'
        ",None,,",
        "section,Backlog,,False,,,,,,,,,,,",
        'task,"Brune, J. N. (1970). Tectonic stress and the spectra of seismic shear waves from'
        ' earthquakes. Journal of Geophysical Research, 75(26), 4997–5009.",,,4,1,Kim (77),,,,'
        "UTC,,None,,",
    ]
)


def _export(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_a_todoist_export_is_known_by_its_header_in_each_of_its_versions() -> None:
    with_collapsed = HEADER.replace("DESCRIPTION,", "DESCRIPTION,IS_COLLAPSED,")
    assert looks_like_todoist_csv(QUALS)
    assert looks_like_todoist_csv(with_collapsed + "\nmeta,view_style=board,,,,,,,,,,,,,,\n")
    assert looks_like_todoist_csv("\ufeff" + ECOLOGY)
    assert looks_like_todoist_csv(HEADER + "\n")  # an empty project
    assert not looks_like_todoist_csv("title,url,time_added,tags,status\nA,https://x,1,,unread")
    assert not looks_like_todoist_csv("TYPE,CONTENT,AMOUNT\nexpense,coffee,3.20\n")


def test_a_todoist_file_opens_as_one_whatever_its_name(tmp_path: Path) -> None:
    export = _export(tmp_path, "backup-0412.csv", QUALS)
    pocket = _export(tmp_path, "pocket.csv", "title,url,time_added,tags,status\n")
    assert reader_for(export, readers()) is read_todoist
    assert reader_for(pocket, readers()) is not read_todoist


def test_labels_are_taken_out_of_the_task_name_but_addresses_and_mail_are_kept() -> None:
    assert split_labels("[Hopfield 1982](https://example.org/@lab/x) @networks @to_read") == (
        "[Hopfield 1982](https://example.org/@lab/x)",
        ["networks", "to_read"],
    )
    assert split_labels("write to noor@example.org") == ("write to noor@example.org", [])


def test_sub_tasks_and_comments_stay_with_the_task_above_them() -> None:
    sections, tasks = parse_todoist(QUALS, "quals.csv")
    assert sections == ["Single neurons", "Plasticity", "Networks", "Maybe later"]
    assert [t.content.split(" @")[0][:24] for t in tasks] == [
        "Email the committee abou",
        "[A quantitative descript",
        "[Receptive fields, binoc",
        "the STDP paper",
        "Hopfield nets",
        "Olshausen & Field sparse",
    ]
    stdp = tasks[3]
    assert stdp.section == 1 and stdp.comments[0].startswith("Bi, G., & Poo, M. (1998)")
    assert [child.content for child in stdp.children] == [
        "redraw the timing window figure",
        "compare with the Markram et al. 1997 experiments",
    ]
    assert stdp.children[1].children[0].content == "check the dendritic recordings"
    assert tasks[2].comments == ["Simple and complex cells; the ice-cube model only came in 1977."]


def test_each_task_is_a_note_with_its_labels_description_sub_tasks_and_comments(
    tmp_path: Path,
) -> None:
    members = dict(read_todoist(_export(tmp_path, "Quals [2203911847].csv", QUALS)))
    assert members["the STDP paper.md"] == (
        "---\ntags:\n- plasticity\nsection: Plasticity\n---\n\n# the STDP paper\n\n"
        "- [ ] redraw the timing window figure\n"
        "- [ ] compare with the Markram et al. 1997 experiments\n"
        "  - [ ] check the dendritic recordings\n\n"
        "Bi, G., & Poo, M. (1998). Synaptic modifications in cultured hippocampal neurons: "
        "dependence on spike timing, synaptic strength, and postsynaptic cell type. Journal "
        "of Neuroscience, 18(24), 10464–10472. https://doi.org/10.1523/JNEUROSCI.18-24-10464.1998\n"
    )
    hopfield = members["Hopfield nets.md"]
    assert "# Hopfield nets\n\nHopfield, J. J. (1982). Neural networks" in hopfield
    linked = next(text for name, text in members.items() if name.startswith("A quantitative"))
    assert "\n# [A quantitative description of membrane current" in linked
    assert "- classic\n- biophysics\n" in linked
    assert members["Email the committee about the exam date.md"] == (
        "# Email the committee about the exam date\n"
    )


def test_the_projects_order_is_one_page_of_links_under_the_sections_that_hold_tasks(
    tmp_path: Path,
) -> None:
    members = dict(read_todoist(_export(tmp_path, "Quals [2203911847].csv", QUALS)))
    page = members["Site navigation.md"]
    assert page.startswith("---\ntitle: Quals\n---\n\n# Quals\n\n- [Email the committee about")
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == ["## Single neurons", "## Plasticity", "## Networks"]  # no empty one
    assert "- [Hopfield nets](<Hopfield nets.md>)" in page


def test_a_ticked_task_keeps_its_state_where_an_exporter_writes_one(tmp_path: Path) -> None:
    text = (
        "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,"
        "TIMEZONE,CHECKED\n"
        "task,Dryer 1992 word order,,4,1,,,,en,UTC,1\n"
        "task,reread section 4,,4,2,,,,en,UTC,true\n"
        "task,Greenberg 1963 universals,,4,1,,,,en,UTC,0\n"
    )
    members = dict(read_todoist(_export(tmp_path, "Typology.csv", text)))
    assert members["Dryer 1992 word order.md"] == (
        "---\nstatus: done\n---\n\n# Dryer 1992 word order\n\n- [x] reread section 4\n"
    )
    assert "status" not in members["Greenberg 1963 universals.md"]


def test_a_comments_attachment_is_a_link_to_its_file(tmp_path: Path) -> None:
    attachment = (
        '[[file {""file_name"":""paine1966.pdf"",""file_type"":""application/pdf"",'
        '""file_url"":""https://files.example.org/paine1966.pdf""}]]'
    )
    text = f'{OLD_HEADER}\ntask,Paine 1966,4,1,,,,en,UTC\nnote,"the PDF: {attachment}",,,,,,,\n'
    [(_, note)] = read_todoist(_export(tmp_path, "Ecology.csv", text))
    assert "the PDF: [paine1966.pdf](https://files.example.org/paine1966.pdf)" in note


def test_a_broken_todoist_file_is_refused_at_the_line_it_breaks(tmp_path: Path) -> None:
    broken = _export(tmp_path, "Quals.csv", HEADER + '\ntask,"Hopfield nets,,4,1\n')
    with pytest.raises(ParseError) as error:
        read_todoist(broken)
    assert error.value.line == 3 and "not valid CSV" in str(error.value)


def test_a_todoist_project_imports_the_papers_its_tasks_name_as_a_reading_list(
    tmp_path: Path, alice: User
) -> None:
    _export(tmp_path, "Quals [2203911847].csv", QUALS)
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("doi", flat=True)) == {
        "10.1113/jphysiol.1952.sp004764",
        "10.1113/jphysiol.1962.sp006837",
        "10.1523/jneurosci.18-24-10464.1998",
        "10.1073/pnas.79.8.2554",
        "10.1038/381607a0",
    }
    hopfield = Paper.objects.get(doi="10.1073/pnas.79.8.2554")
    assert hopfield.title == (
        "Neural networks and physical systems with emergent collective computational abilities"
    )
    assert hopfield.year == 1982
    skipped = {f.name for f in report.files if f.status == "skipped"}
    assert "Quals [2203911847].csv/Email the committee about the exam date.md" in skipped
    quals = ReadingList.objects.get(title="Quals")
    items = quals.items.select_related("paper").order_by("position")
    assert [f"## {i.heading}" if i.paper is None else i.paper.doi for i in items] == [
        "## Single neurons",
        "10.1113/jphysiol.1952.sp004764",
        "10.1113/jphysiol.1962.sp006837",
        "## Plasticity",
        "10.1523/jneurosci.18-24-10464.1998",
        "## Networks",
        "10.1073/pnas.79.8.2554",
        "10.1038/381607a0",
    ]
    assert {"classic", "networks"} <= set(Topic.objects.values_list("name", flat=True))


def test_an_older_export_without_descriptions_reads_its_comments_instead(
    tmp_path: Path, alice: User
) -> None:
    _export(tmp_path, "Community ecology [2199000411].csv", ECOLOGY)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    papers = {p.doi: (p.title, p.year) for p in Paper.objects.all()}
    assert papers == {
        "10.1086/282400": ("Food web complexity and species diversity", 1966),
        "10.1111/j.1558-5646.1963.tb03295.x": (
            "An equilibrium theory of insular zoogeography",
            None,
        ),
    }


def test_a_project_that_labels_what_was_read_marks_its_unlabelled_backlog_to_read(
    tmp_path: Path,
) -> None:
    members = dict(read_todoist(_export(tmp_path, "Seismology [2210000001].csv", SEISMOLOGY)))
    backlog = next(text for name, text in members.items() if name.startswith("Brune"))
    assert backlog.startswith("---\nsection: Backlog\nstatus: to read\n---\n")
    assert "\nstatus: read\n" in members["Frequency of earthquakes in California.md"]
    # A project that says nothing of reading says nothing of its tasks either.
    quals = read_todoist(_export(tmp_path, "Quals.csv", QUALS))
    assert not any("status:" in text for _, text in quals)


def test_a_link_whose_address_holds_brackets_names_its_note_by_the_links_text(
    tmp_path: Path,
) -> None:
    text = (
        f"{HEADER}\n"
        + _row("task", "[Scaling law of seismic spectrum](https://doi.org/10.1029/(72)1217) @x")
        + "\n"
    )
    [(name, note)] = read_todoist(_export(tmp_path, "Seismology.csv", text))
    assert name == "Scaling law of seismic spectrum.md"
    assert note.endswith("# [Scaling law of seismic spectrum](https://doi.org/10.1029/(72)1217)\n")


def test_a_chores_project_beside_the_reading_names_no_paper(tmp_path: Path, alice: User) -> None:
    _export(tmp_path, "Quals [2203911847].csv", QUALS)
    _export(tmp_path, "Inbox [2203911000].csv", INBOX)
    import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    assert "" not in set(Paper.objects.values_list("doi", flat=True))
