"""CherryTree notebooks (.ctd as XML, .ctb as SQLite): each node a note in its parents'
folders, rich text as Markdown.

The fixtures are notebooks in the shapes CherryTree saves them: nodes nested in XML
with rich-text spans, a code box and a table placed by their character offsets (the
table's header row last), a picture; and the same tables CherryTree creates in SQLite.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.cherrytree import read_cherrytree
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

NOTEBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<cherrytree>
  <bookmarks list="2"/>
  <node name="Reading" unique_id="1" prog_lang="custom-colors" tags="" \
readonly="0" custom_icon_id="0" is_bold="1" foreground="" \
ts_creation="1700000000" ts_lastsave="1700000100">
    <node name="Stommel 1961" unique_id="2" prog_lang="custom-colors" \
tags="ocean, box models" readonly="0" custom_icon_id="0" is_bold="0" \
foreground="" ts_creation="1700000001" ts_lastsave="1700000200">
      <rich_text scale="h1">Thermohaline convection with two stable regimes of flow</rich_text>
      <rich_text>
Stommel, H. (1961). Tellus 13(2), 224–230. </rich_text>
      <rich_text link="webs https://doi.org/10.3402/tellusa.v13i2.9491">doi link</rich_text>
      <rich_text>

</rich_text>
      <rich_text weight="heavy">Key idea:</rich_text>
      <rich_text> two boxes, temperature and </rich_text>
      <rich_text style="italic">salinity</rich_text>
      <rich_text> compete.
• multiple equilibria
   • hysteresis under freshwater forcing
☑ re-derive the fixed points
☐ compare with </rich_text>
      <rich_text family="monospace">box2.py</rich_text>
      <rich_text>

Code:
</rich_text>
      <rich_text justification="left"></rich_text>
      <rich_text>
Parameters:
</rich_text>
      <rich_text justification="left"></rich_text>
      <rich_text>
</rich_text>
      <rich_text link="node 3">see the Munk note</rich_text>
      <codebox char_offset="286" justification="left" frame_width="500" \
frame_height="100" width_in_pixels="1" syntax_highlighting="python3" \
highlight_brackets="1" show_line_numbers="0">def flux(q, dT, dS):
    return q * (dT - dS)</codebox>
      <table char_offset="300" justification="left" col_min="40" col_max="400" col_widths="0,0">
        <row>
          <cell>alpha</cell>
          <cell>0.2</cell>
        </row>
        <row>
          <cell>beta</cell>
          <cell>0.8</cell>
        </row>
        <row>
          <cell>symbol</cell>
          <cell>value</cell>
        </row>
      </table>
      <encoded_png char_offset="319" justification="left" link="">iVBORw0KGgo=</encoded_png>
    </node>
    <node name="Munk 1966" unique_id="3" prog_lang="plain-text" tags="" \
readonly="0" custom_icon_id="0" is_bold="0" foreground="" \
ts_creation="1700000002" ts_lastsave="0">
      <rich_text>Munk, W. H. (1966). Abyssal recipes. Deep Sea Research 13(4), 707–730. https://doi.org/10.1016/0011-7471(66)90602-4
Read for the vertical diffusivity estimate.</rich_text>
    </node>
  </node>
  <node name="scripts" unique_id="4" prog_lang="python3" tags="" readonly="0" \
custom_icon_id="0" is_bold="0" foreground="" ts_creation="1700000003" ts_lastsave="0">
    <rich_text>print("box model")</rich_text>
  </node>
</cherrytree>
"""

STOMMEL_NOTE = (
    "---\ntags:\n- ocean\n- box models\n---\n\n"
    "# Stommel 1961\n\n"
    "## Thermohaline convection with two stable regimes of flow\n\n"
    "Stommel, H. (1961). Tellus 13(2), 224–230. "
    "[doi link](https://doi.org/10.3402/tellusa.v13i2.9491)\n\n"
    "**Key idea:** two boxes, temperature and *salinity* compete.\n\n"
    "- multiple equilibria\n"
    "    - hysteresis under freshwater forcing\n"
    "- [x] re-derive the fixed points\n"
    "- [ ] compare with `box2.py`\n\n"
    "Code:\n\n"
    "```python3\ndef flux(q, dT, dS):\n    return q * (dT - dS)\n```\n\n"
    "Parameters:\n\n"
    "| symbol | value |\n| --- | --- |\n| alpha | 0.2 |\n| beta | 0.8 |\n\n"
    "see the Munk note\n"
)

# CherryTree's tables, as ct_storage_sqlite.cc creates them.
CTB_SCHEMA = """
CREATE TABLE node (node_id INTEGER UNIQUE, name TEXT, txt TEXT, syntax TEXT, tags TEXT,
  is_ro INTEGER, is_richtxt INTEGER, has_codebox INTEGER, has_table INTEGER,
  has_image INTEGER, level INTEGER, ts_creation INTEGER, ts_lastsave INTEGER);
CREATE TABLE codebox (node_id INTEGER, offset INTEGER, justification TEXT, txt TEXT,
  syntax TEXT, width INTEGER, height INTEGER, is_width_pix INTEGER, do_highl_bra INTEGER,
  do_show_linenum INTEGER);
CREATE TABLE grid (node_id INTEGER, offset INTEGER, justification TEXT, txt TEXT,
  col_min INTEGER, col_max INTEGER);
CREATE TABLE image (node_id INTEGER, offset INTEGER, justification TEXT, anchor TEXT,
  png BLOB, filename TEXT, link TEXT, time INTEGER);
CREATE TABLE children (node_id INTEGER UNIQUE, father_id INTEGER, sequence INTEGER);
CREATE TABLE bookmark (node_id INTEGER UNIQUE, sequence INTEGER);
"""
LECUN_SPANS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<node>'
    '<rich_text scale="h2">Deep learning</rich_text><rich_text>\nLeCun, Y., Bengio, Y., '
    "&amp; Hinton, G. (2015). Deep learning. Nature, 521(7553), 436–444. </rich_text>"
    '<rich_text link="webs https://doi.org/10.1038/nature14539">'
    "https://doi.org/10.1038/nature14539</rich_text>"
    "<rich_text>\n\nA review; read sections 1–3.\nArchitectures:\n</rich_text></node>"
)
LECUN_TEXT_CHARS = 182  # where the table stands: after the text above
GRID = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<table col_widths="0,0">'
    "<row><cell>CNN</cell><cell>images</cell></row>"
    "<row><cell>RNN</cell><cell>sequences</cell></row>"
    "<row><cell>network</cell><cell>data</cell></row></table>"
)


def _notebook(folder: Path, name: str = "lab.ctd", text: str = NOTEBOOK) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _database(folder: Path, name: str = "lab.ctb") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    database = sqlite3.connect(path)
    database.executescript(CTB_SCHEMA)
    node = "INSERT INTO node VALUES (?, ?, ?, ?, ?, 0, ?, 0, ?, 0, 0, 1700000000, 0)"
    database.executemany(
        node,
        [
            (1, "Papers", "", "custom-colors", "", 1, 0),
            (2, "LeCun 2015", LECUN_SPANS, "custom-colors", "review", 1, 1),
            (3, "Journal club", "Thursdays, room 2.\n", "plain-text", "", 0, 0),
            (4, "plots", 'plt.plot(t, amoc)\nplt.savefig("amoc.png")', "python3", "", 0, 0),
        ],
    )
    database.execute("INSERT INTO grid VALUES (2, ?, 'left', ?, 40, 400)", (LECUN_TEXT_CHARS, GRID))
    # "Journal club" comes first among the notebook's top nodes, then "Papers".
    database.executemany(
        "INSERT INTO children VALUES (?, ?, ?)", [(1, 0, 2), (2, 1, 1), (3, 0, 1), (4, 1, 2)]
    )
    database.commit()
    database.close()
    return path


def test_each_node_is_a_note_in_the_folders_of_its_parents(tmp_path: Path) -> None:
    names = [name for name, _ in read_cherrytree(_notebook(tmp_path))]
    # "Reading" holds no text of its own: only the folder of its children.
    assert names == ["Reading/Stommel 1961.md", "Reading/Munk 1966.md", "scripts.md"]


def test_rich_text_becomes_markdown_with_the_widgets_at_their_offsets(tmp_path: Path) -> None:
    notes = dict(read_cherrytree(_notebook(tmp_path)))
    assert notes["Reading/Stommel 1961.md"] == STOMMEL_NOTE


def test_plain_text_stays_as_written_and_code_is_fenced(tmp_path: Path) -> None:
    notes = dict(read_cherrytree(_notebook(tmp_path)))
    assert notes["Reading/Munk 1966.md"] == (
        "# Munk 1966\n\nMunk, W. H. (1966). Abyssal recipes. Deep Sea Research 13(4), "
        "707–730. https://doi.org/10.1016/0011-7471(66)90602-4\n"
        "Read for the vertical diffusivity estimate.\n"
    )
    assert notes["scripts.md"] == '# scripts\n\n```python3\nprint("box model")\n```\n'


def test_a_ctb_notebook_is_read_from_its_tables_in_the_trees_order(tmp_path: Path) -> None:
    notes = read_cherrytree(_database(tmp_path))
    assert [name for name, _ in notes] == [
        "Journal club.md",
        "Papers/LeCun 2015.md",
        "Papers/plots.md",
    ]
    assert dict(notes)["Papers/LeCun 2015.md"] == (
        "---\ntags:\n- review\n---\n\n"
        "# LeCun 2015\n\n"
        "### Deep learning\n\n"
        "LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521(7553), "
        "436–444. https://doi.org/10.1038/nature14539\n\n"
        "A review; read sections 1–3.\nArchitectures:\n\n"
        "| network | data |\n| --- | --- |\n| CNN | images |\n| RNN | sequences |\n"
    )


def test_a_damaged_notebook_is_refused_at_its_line(tmp_path: Path) -> None:
    damaged = NOTEBOOK.replace("</rich_text>", "", 1)
    with pytest.raises(ParseError, match="XML is damaged") as raised:
        read_cherrytree(_notebook(tmp_path, "damaged.ctd", damaged))
    assert raised.value.path == "damaged.ctd" and raised.value.line is not None


def test_other_programs_files_of_the_same_suffixes_hold_no_notes(tmp_path: Path) -> None:
    # AutoCAD's plot-style tables are .ctb files too; a .ctd of some other program.
    (tmp_path / "monochrome.ctb").write_bytes(b"PIAFILEVERSION_2.0,CTBVER1,compress\r\npmzlibcodec")
    assert read_cherrytree(tmp_path / "monochrome.ctb") == []
    assert (
        read_cherrytree(_notebook(tmp_path, "other.ctd", "<notes><node name='x'/></notes>")) == []
    )


def test_a_sqlite_file_that_is_no_notebook_is_refused_with_what_it_is(tmp_path: Path) -> None:
    database = sqlite3.connect(tmp_path / "other.ctb")
    database.execute("CREATE TABLE things (id INTEGER)")
    database.commit()
    database.close()
    with pytest.raises(ParseError, match=r"not a readable CherryTree notebook \(\.ctb\)"):
        read_cherrytree(tmp_path / "other.ctb")


def test_a_damaged_node_of_a_ctb_is_named_in_the_error(tmp_path: Path) -> None:
    path = _database(tmp_path)
    with sqlite3.connect(path) as database:
        database.execute("UPDATE node SET txt = '<node><rich_text>cut' WHERE node_id = 2")
    database.close()
    with pytest.raises(ParseError, match="XML is damaged") as raised:
        read_cherrytree(path)
    assert raised.value.path == "lab.ctb (node “LeCun 2015”)"


def test_importing_a_folder_reads_both_notebooks_and_leaves_their_backups(
    tmp_path: Path, alice: User
) -> None:
    folder = tmp_path / "notes"
    _notebook(folder)
    _database(folder)
    # CherryTree's backups of the notebook: the same nodes, never read a second time.
    _notebook(folder, "lab.ctd~", NOTEBOOK.replace("Stommel", "Backup"))
    _notebook(folder, "lab.ctd~~", NOTEBOOK.replace("Stommel", "Older backup"))
    report = import_paths([folder], ImportOptions(user=alice, fetch_metadata=False))
    assert set(Paper.objects.values_list("title", "doi")) == {
        ("Thermohaline convection with two stable regimes of flow", "10.3402/tellusa.v13i2.9491"),
        ("Abyssal recipes", "10.1016/0011-7471(66)90602-4"),
        ("Deep learning", "10.1038/nature14539"),
    }
    backups = {o.name: o.status for o in report.files if "~" in o.name}
    assert backups == {"lab.ctd~": "skipped", "lab.ctd~~": "skipped"}  # reported, not read
