"""Freeplane and FreeMind mind maps (.mm): papers as notes, themes as a reading list's
sections, everything else in the map's own outline note.

The fixtures are maps in the shapes the two programs save: Freeplane 1.9's (its styles
in a hook of the central node, HTML notes, Markdown details, attributes, icons, arrows)
and FreeMind's (0.8's note hooks, 1.0's HTML node text), with our own text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import override_settings

from papershelf.accounts.models import User
from papershelf.importers.containers.freeplane import read_freeplane
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList

FREEPLANE_MAP = """<map version="freeplane 1.9.13">
<!--To view this file, download free mind mapping software Freeplane from \
https://www.freeplane.org -->
<node TEXT="Sea ice and the AMOC" FOLDED="false" ID="ID_1090" CREATED="1700000000000" \
MODIFIED="1700000500000"><hook NAME="MapStyle">
    <properties edgeColorConfiguration="#808080ff,#ff0000ff" fit_to_viewport="false"/>
<map_styles>
<stylenode LOCALIZED_TEXT="styles.root_node" STYLE="oval" UNIFORM_SHAPE="true">
<stylenode LOCALIZED_TEXT="styles.predefined" POSITION="bottom_or_right" STYLE="bubble">
<stylenode LOCALIZED_TEXT="default" ID="ID_271890427" ICON_SIZE="12 pt" COLOR="#000000">
<richcontent TYPE="DETAILS" CONTENT-TYPE="plain/auto"/>
<richcontent TYPE="NOTE" CONTENT-TYPE="plain/auto"/>
</stylenode>
<stylenode TEXT="Reference: Author (Year) Title. Journal."/>
</stylenode>
</stylenode>
</map_styles>
</hook>
<hook NAME="AutomaticEdgeColor" COUNTER="4" RULE="ON_BRANCH_CREATION"/>
<richcontent TYPE="NOTE">
<html>
  <head>

  </head>
  <body>
    <p>
      Background reading for the <b>thesis proposal</b>.
    </p>
  </body>
</html></richcontent>
<node TEXT="Box models" POSITION="bottom_or_right" ID="ID_1100" CREATED="1" MODIFIED="2">
<edge COLOR="#ff0000"/>
<node TEXT="Thermohaline Convection with Two Stable Regimes of Flow" \
LINK="https://doi.org/10.3402/tellusa.v13i2.9491" ID="ID_1101" CREATED="1" MODIFIED="2">
<icon BUILTIN="button_ok"/>
<attribute_layout NAME_WIDTH="60 pt" VALUE_WIDTH="90 pt"/>
<attribute NAME="Year" VALUE="1961"/>
<attribute NAME="Rating" VALUE="4/5"/>
<attribute NAME="Keywords" VALUE="box models, bistability"/>
<richcontent TYPE="NOTE">
<html>
  <head>

  </head>
  <body>
    <p>
      Two boxes; temperature and <i>salinity</i>&#xa0;fight over the flow.
    </p>
  </body>
</html></richcontent>
<arrowlink SHAPE="CUBIC_CURVE" COLOR="#000000" WIDTH="2" DESTINATION="ID_1201" \
MIDDLE_LABEL="tested in a GCM by" STARTARROW="NONE" ENDARROW="DEFAULT"/>
<node TEXT="hysteresis under freshwater forcing" ID="ID_1102" CREATED="1" MODIFIED="2"/>
</node>
<node ID="ID_1103" CREATED="1" MODIFIED="2"><richcontent TYPE="NODE">

<html>
  <head>

  </head>
  <body>
    <p>
      Rahmstorf (1996) On the freshwater forcing and transport of the Atlantic \
thermohaline circulation
    </p>
  </body>
</html>
</richcontent>
<icon BUILTIN="unchecked"/>
</node>
</node>
<node TEXT="Models" POSITION="bottom_or_right" ID="ID_1200" CREATED="1" MODIFIED="2">
<node TEXT="Collapse of the Atlantic Overturning in a Coupled Model" ID="ID_1201" \
CREATED="1" MODIFIED="2">
<richcontent TYPE="DETAILS" CONTENT-TYPE="plain/markdown">
    <text>Freshwater hosing; **no recovery** for centuries.</text>
</richcontent>
<node TEXT="check the hosing rate in Table 2" ID="ID_1202"/>
</node>
<node TEXT="Ocean circulation explained simply" \
LINK="https://www.youtube.com/watch?v=abc123" ID="ID_1203"/>
</node>
<node TEXT="Open questions" POSITION="top_or_left" ID="ID_1300">
<node TEXT="Is the bistable regime reachable from today's climate?" ID="ID_1301"/>
<node TEXT="Email Ruiz about the proposal date" ID="ID_1302"/>
</node>
<node TEXT="Books" POSITION="top_or_left" ID="ID_1400">
<node TEXT="Vallis (2017) Atmospheric and Oceanic Fluid Dynamics. Cambridge." ID="ID_1401"/>
</node>
</node>
</map>
"""

# FreeMind 0.8: notes in a hook, no HTML; a tool's export with lower-case attributes.
FREEMIND_08_MAP = """<map version="0.8.1">
<!-- To view this file, download free mind mapping software FreeMind from \
http://freemind.sourceforge.net -->
<node CREATED="1160000000000" ID="Freemind_Link_1" MODIFIED="1160000000000" TEXT="Syntax">
<node CREATED="1" ID="Freemind_Link_2" MODIFIED="2" POSITION="right" TEXT="Generative grammar">
<node CREATED="1" ID="Freemind_Link_3" MODIFIED="2" \
TEXT="Three Models for the Description of Language">
<hook NAME="accessories/plugins/NodeNote.properties">
<text>Chomsky 1956: the hierarchy in its first form.
Finite-state grammars cannot do English.</text>
</hook>
</node>
<node text="On Certain Formal Properties of Grammars" \
link="https://doi.org/10.1016/S0019-9958(59)90362-6" position="right"/>
</node>
</node>
</map>
"""


def _write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def _notes(folder: Path, name: str = "amoc.mm", text: str = FREEPLANE_MAP) -> dict[str, str]:
    return dict(read_freeplane(_write(folder, name, text)))


def test_each_paper_node_is_a_note_with_its_link_facts_notes_and_arrows(tmp_path: Path) -> None:
    notes = _notes(tmp_path)
    stommel = notes["Thermohaline Convection with Two Stable Regimes of Flow.md"]
    assert stommel == (
        "---\n"
        "year: '1961'\n"
        "link: https://doi.org/10.3402/tellusa.v13i2.9491\n"
        "tags:\n- box models\n- bistability\n"
        "status: read\n"
        "---\n\n"
        "# Thermohaline Convection with Two Stable Regimes of Flow\n\n"
        "Two boxes; temperature and *salinity* fight over the flow.\n\n"
        "- **Rating**: 4/5\n\n"
        "- hysteresis under freshwater forcing\n\n"
        "Related:\n\n"
        "- Collapse of the Atlantic Overturning in a Coupled Model (tested in a GCM by)\n"
    )


def test_a_node_written_as_html_is_read_for_its_title_and_its_icon_says_to_read(
    tmp_path: Path,
) -> None:
    notes = _notes(tmp_path)
    [rahmstorf] = [text for name, text in notes.items() if name.startswith("Rahmstorf")]
    assert rahmstorf.startswith("---\nstatus: to read\n---\n\n")
    assert "Year: 1996" in rahmstorf and "Authors: Rahmstorf" in rahmstorf


def test_the_themes_order_the_papers_in_a_page_named_after_the_centre(tmp_path: Path) -> None:
    navigation = _notes(tmp_path)["Site navigation.md"]
    assert navigation.startswith(
        "---\ntitle: Sea ice and the AMOC\n---\n\n# Sea ice and the AMOC\n"
    )
    body = navigation.split("# Sea ice and the AMOC\n", 1)[1]
    headings = [line for line in body.splitlines() if line.startswith("#")]
    assert headings == ["## Box models", "## Models"]
    assert "[Collapse of the Atlantic Overturning in a Coupled Model](<Collapse of the " in body


def test_questions_chores_books_and_videos_stay_in_the_maps_outline_note(tmp_path: Path) -> None:
    notes = _notes(tmp_path)
    outline = notes["Sea ice and the AMOC.md"]
    assert outline.startswith(
        "# Sea ice and the AMOC\n\nBackground reading for the **thesis proposal**."
    )
    for kept in (
        "## Open questions",
        "- Is the bistable regime reachable from today's climate?",
        "- Email Ruiz about the proposal date",
        "## Books",
        "- Vallis (2017) Atmospheric and Oceanic Fluid Dynamics. Cambridge.",
        "- [Ocean circulation explained simply](https://www.youtube.com/watch?v=abc123)",
    ):
        assert kept in outline
    assert not any(name.startswith(("Vallis", "Ocean circ", "Email")) for name in notes)
    assert "Reference: Author" not in "".join(notes.values())  # a style, not a node


def test_a_freemind_0_8_map_keeps_its_hooked_notes_and_lower_case_attributes(
    tmp_path: Path,
) -> None:
    notes = _notes(tmp_path, "syntax.mm", FREEMIND_08_MAP)
    assert notes["Three Models for the Description of Language.md"] == (
        "# Three Models for the Description of Language\n\n"
        "Chomsky 1956: the hierarchy in its first form.\n"
        "Finite-state grammars cannot do English.\n"
    )
    assert notes["On Certain Formal Properties of Grammars.md"].startswith(
        "---\nlink: https://doi.org/10.1016/S0019-9958(59)90362-6\n---\n"
    )


def test_formatted_text_freemind_0_8_kept_in_the_text_attribute_is_read_as_text(
    tmp_path: Path,
) -> None:
    html = (
        "&lt;html&gt;&lt;body&gt;&lt;p&gt;&lt;b&gt;Syntactic Structures&lt;/b&gt; (Chomsky, 1957)"
    )
    text = FREEMIND_08_MAP.replace(
        'TEXT="Generative grammar">',
        f'TEXT="Generative grammar">\n'
        f'<node ID="F_4" TEXT="{html}&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;"/>',
    )
    notes = _notes(tmp_path, "syntax.mm", text)
    assert notes["Syntactic Structures (Chomsky, 1957).md"].startswith("# Syntactic Structures\n")


def test_a_map_saved_in_the_old_windows_code_page_is_read(tmp_path: Path) -> None:
    text = FREEMIND_08_MAP.replace("Syntax", "Syntaxe générative")
    notes = dict(read_freeplane(_write(tmp_path, "syntaxe.mm", text, "cp1252")))
    assert notes["Site navigation.md"].startswith("---\ntitle: Syntaxe générative\n")


def test_a_map_of_paper_titles_alone_is_a_reading_list(tmp_path: Path) -> None:
    week = """<map version="1.0.1">
<node ID="ID_1" TEXT="Reading group">
<node ID="ID_2" POSITION="right" TEXT="Week 1: Tipping points">
<node ID="ID_3" TEXT="Tipping Elements in the Earth's Climate System"/>
<node ID="ID_4" TEXT="the overturning seems bistable in models"/>
</node>
<node ID="ID_5" POSITION="left" TEXT="Week 2: Observations">
<node ID="ID_6" TEXT="Observed Fingerprint of a Weakening Atlantic Ocean Overturning Circulation"/>
</node>
</node>
</map>
"""
    notes = _notes(tmp_path, "group.mm", week)
    assert set(notes) == {
        "Tipping Elements in the Earth's Climate System.md",
        "Observed Fingerprint of a Weakening Atlantic Ocean Overturning Circulation.md",
        "Reading group.md",  # the remark in lower case, a line of the outline
        "Site navigation.md",
    }
    assert "- the overturning seems bistable in models" in notes["Reading group.md"]


def test_a_damaged_map_is_refused_at_its_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "broken.mm",
        FREEPLANE_MAP.replace('</node>\n<node TEXT="Models"', '<node TEXT="Models"', 1),
    )
    with pytest.raises(ParseError, match="XML is damaged") as raised:
        read_freeplane(path)
    assert raised.value.path == "broken.mm" and raised.value.line is not None


def test_a_map_that_declares_entities_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE map [<!ENTITY a "aaaa">]>\n<map><node TEXT="&a;"/></map>'
    )
    with pytest.raises(ParseError, match="DOCTYPE or entities"):
        read_freeplane(_write(tmp_path, "bomb.mm", bomb))


def test_objective_c_source_named_mm_holds_no_notes_and_a_foreign_map_is_refused(
    tmp_path: Path,
) -> None:
    source = '#import "Shelf.h"\n\n@implementation Shelf\n- (void)load {}\n@end\n'
    assert read_freeplane(_write(tmp_path, "Shelf.mm", source)) == []
    with pytest.raises(ParseError, match="not a Freeplane or FreeMind map: it opens with <maps>"):
        read_freeplane(_write(tmp_path, "other.mm", "<maps><node TEXT='x'/></maps>"))


def test_importing_a_folder_makes_the_papers_read_and_a_reading_list_with_the_themes(
    tmp_path: Path, alice: User
) -> None:
    _write(tmp_path / "maps", "amoc.mm", FREEPLANE_MAP)
    import_paths([tmp_path / "maps"], ImportOptions(user=alice, fetch_metadata=False))
    titles = set(Paper.objects.values_list("title", flat=True))
    # Rahmstorf's node carries the unticked box: still to read, so not on the shelf.
    assert titles == {
        "Thermohaline Convection with Two Stable Regimes of Flow",
        "Collapse of the Atlantic Overturning in a Coupled Model",
    }
    [reading_list] = ReadingList.objects.all()
    assert reading_list.title == "Sea ice and the AMOC"
    items = reading_list.items.select_related("paper").order_by("position")
    assert [f"## {i.heading}" if i.paper is None else i.paper.title for i in items] == [
        "## Box models",
        "Thermohaline Convection with Two Stable Regimes of Flow",
        "## Models",
        "Collapse of the Atlantic Overturning in a Coupled Model",
    ]


@override_settings(IMPORT_MAX_FILE_BYTES=2048)
def test_a_map_past_the_size_limit_fails_alone_and_the_folder_still_imports(
    tmp_path: Path, alice: User
) -> None:
    folder = tmp_path / "maps"
    _write(folder, "amoc.mm", FREEPLANE_MAP)  # about 5 kB
    _write(folder, "syntax.mm", FREEMIND_08_MAP)
    report = import_paths([folder], ImportOptions(user=alice, fetch_metadata=False))
    failed = {
        outcome.name: outcome.detail for outcome in report.files if outcome.status == "failed"
    }
    assert "too large" in failed["amoc.mm"]
    assert "Three Models for the Description of Language" in set(
        Paper.objects.values_list("title", flat=True)
    )
