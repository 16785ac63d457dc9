"""Scrivener projects (.scriv): each binder document a note, read through the binder.

The fixtures are small projects laid out as Scrivener 3 (UUID folders under
Files/Data) and Scrivener 2 (numbered files under Files/Docs) lay them out, with the
files that sit beside the documents (a QuickLook preview, settings, snapshots, binder
backups) holding papers that must not be imported from there.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers.scrivener import read_scrivener
from papershelf.importers.records import ParseError
from papershelf.importers.rtf.convert import MAX_DEPTH
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper


def _cocoa_rtf(*paragraphs: str) -> str:
    """Text as Scrivener 3 for macOS saves it: Cocoa RTF, a backslash ending each line."""
    head = (
        "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2709\n\\cocoatextscaling0\\cocoaplatform0"
        "{\\fonttbl\\f0\\fnil\\fcharset0 Palatino-Roman;\\f1\\fnil\\fcharset0 Palatino-Italic;}\n"
        "{\\colortbl;\\red255\\green255\\blue255;}\n{\\*\\expandedcolortbl;;}\n"
        "\\pard\\tx360\\tx720\\fi360\\sl288\\slmult1\\pardirnatural\\partightenfactor0\n\n"
        "\\f0\\fs26 \\cf0 "
    )
    return head + "\\\n".join(paragraphs) + "}"


def _windows_rtf(*paragraphs: str) -> str:
    """Text as Scrivener for Windows saves it."""
    head = (
        "{\\rtf1\\ansi\\ansicpg1252\\uc1\\deff0{\\fonttbl{\\f0\\fnil\\fcharset0\\fprq2 "
        "Times New Roman;}}\n{\\colortbl;\\red0\\green0\\blue0;}\n\\paperw12240\\paperh15840"
        "\\margl1800\\margr1800\\margt1440\\margb1440\\fet2\\ftnbj\\aenddoc\\pgnrestart"
        "\\pgnstarts0\n\\pard\\plain \\fi360\\sl264\\slmult1\\f0\\fs24 "
    )
    return head + "\\par\n".join(paragraphs) + "\\par\n}"


SAFFRAN = (
    "Saffran, J. R., Aslin, R. N., & Newport, E. L. (1996). Statistical learning by "
    "8-month-old infants. {\\i Science, 274}(5294), 1926\\'961928. "
    "https://doi.org/10.1126/science.274.5294.1926"
)
MARCUS = (
    "Marcus, G. F., Vijayan, S., Bandi Rao, S., & Vishton, P. M. (1999). Rule learning by "
    "seven-month-old infants. {\\i Science, 283}(5398), 77\\'9680. "
    "https://doi.org/10.1126/science.283.5398.77"
)
KUHL = (
    "Kuhl, P. K., Williams, K. A., Lacerda, F., Stevens, K. N., & Lindblom, B. (1992). "
    "Linguistic experience alters phonetic perception in infants by 6 months of age. "
    "{\\i Science, 255}(5044), 606\\'96608. https://doi.org/10.1126/science.1736364"
)
WERKER = (
    "Werker, J. F., & Tees, R. C. (1984). Cross-language speech perception. Infant Behavior "
    "and Development, 7(1), 49\\'9663. https://doi.org/10.1016/S0163-6383(84)80022-3"
)
JUSCZYK_PREVIEW = (
    "<html><body><h1>Thesis</h1><p>Jusczyk, P. W., &amp; Aslin, R. N. (1995). Infants' "
    "detection of the sound patterns of words in fluent speech. Cognitive Psychology, 29(1), "
    "1-23. https://doi.org/10.1006/cogp.1995.1010</p></body></html>"
)

SCRIVENER_3_BINDER = """<?xml version="1.0" encoding="UTF-8"?>
<ScrivenerProject Identifier="0C5E5B7A-3E7B-4C5F-9E55-8D3A1E0B6F21" Version="2.0" \
Creator="SCRMAC-3.3.6-17201" Device="Ana-MacBook" Author="Ana Silva" \
Modified="2024-03-02 18:40:11 +0000" ModID="5D1C6E2A-0B9F-4A7E-8C3D-2F1E0A9B8C7D">
    <Binder>
        <BinderItem UUID="D1A6F0E2-6C1B-4B7E-9F0A-1C2D3E4F5A60" Type="DraftFolder" \
Created="2023-10-01 09:00:00 +0100" Modified="2024-03-01 10:00:00 +0000">
            <Title>Draft</Title>
            <MetaData><IncludeInCompile>Yes</IncludeInCompile></MetaData>
            <Children>
                <BinderItem UUID="D2B7A1F3-7D2C-4C8F-8A1B-2D3E4F5A6B71" Type="Text" \
Created="2023-10-01 09:00:00 +0100" Modified="2024-03-01 10:00:00 +0000">
                    <Title>Chapter 1 –
 Introduction</Title>
                    <MetaData><IncludeInCompile>Yes</IncludeInCompile></MetaData>
                    <TextSettings><TextSelection>0,0</TextSelection></TextSettings>
                </BinderItem>
            </Children>
        </BinderItem>
        <BinderItem UUID="R0C8B2A4-8E3D-4D9A-9B2C-3E4F5A6B7C82" Type="ResearchFolder" \
Created="2023-10-01 09:00:00 +0100" Modified="2024-03-01 10:00:00 +0000">
            <Title>Research</Title>
            <Children>
                <BinderItem UUID="F1D9C3B5-9F4E-4EAB-8C3D-4F5A6B7C8D93" Type="Folder" \
Created="2023-10-02 09:00:00 +0100" Modified="2024-03-01 10:00:00 +0000">
                    <Title>Paper notes</Title>
                    <Children>
                        <BinderItem UUID="P1EAD4C6-0A5F-4FBC-9D4E-5A6B7C8D9EA4" Type="Text" \
Created="2023-10-02 09:00:00 +0100" Modified="2024-03-01 10:00:00 +0000">
                            <Title>Saffran, Aslin &amp; Newport 1996</Title>
                            <MetaData><LabelID>2</LabelID><StatusID>4</StatusID></MetaData>
                            <Keywords><KeywordID>0</KeywordID><KeywordID>1</KeywordID></Keywords>
                            <Bookmarks>
                                <Bookmark Destination="https://www.science.org/doi/\
10.1126/science.274.5294.1926">Publisher page</Bookmark>
                                <Bookmark Destination="x-scrivener-item:///P2FBE5D7">Marcus</Bookmark>
                            </Bookmarks>
                        </BinderItem>
                        <BinderItem UUID="P2FBE5D7-1B6A-40CD-8E5F-6B7C8D9EAFB5" Type="Text" \
Created="2023-10-03 09:00:00 +0100" Modified="2024-03-01 10:00:00 +0000">
                            <Title>Marcus et al. 1999</Title>
                            <Keywords><KeywordID>1</KeywordID></Keywords>
                        </BinderItem>
                    </Children>
                </BinderItem>
                <BinderItem UUID="A3C0F6E8-2C7B-41DE-9F6A-7C8D9EAFBAC6" Type="PDF" \
Created="2023-10-04 09:00:00 +0100" Modified="2023-10-04 09:00:00 +0100">
                    <Title>saffran1996.pdf</Title>
                    <MetaData><FileExtension>pdf</FileExtension></MetaData>
                </BinderItem>
                <BinderItem UUID="A4D1A7F9-3D8C-42EF-8A7B-8D9EAFBACBD7" Type="PDF" \
Created="2023-10-04 09:00:00 +0100" Modified="2023-10-04 09:00:00 +0100">
                    <Title>Kuhl et al 1992</Title>
                    <MetaData><FileExtension>pdf</FileExtension></MetaData>
                </BinderItem>
            </Children>
        </BinderItem>
        <BinderItem UUID="C0A1B2C3-D4E5-46F7-8899-AABBCCDDEEFF" Type="Folder" \
Created="2023-10-01 09:00:00 +0100" Modified="2023-10-01 09:00:00 +0100">
            <Title>Template Sheets</Title>
            <Children>
                <BinderItem UUID="C1B2C3D4-E5F6-4708-99AA-BBCCDDEEFF00" Type="Text" \
Created="2023-10-01 09:00:00 +0100" Modified="2023-10-01 09:00:00 +0100">
                    <Title>Paper note</Title>
                </BinderItem>
            </Children>
        </BinderItem>
        <BinderItem UUID="T0E2B8A0-4E9D-43F0-9B8C-9EAFBACBDCE8" Type="TrashFolder" \
Created="2023-10-01 09:00:00 +0100" Modified="2024-02-01 10:00:00 +0000">
            <Title>Trash</Title>
            <Children>
                <BinderItem UUID="T1F3C9B1-5FAE-4401-8C9D-AFBACBDCEDF9" Type="Text" \
Created="2023-11-01 09:00:00 +0100" Modified="2024-02-01 10:00:00 +0000">
                    <Title>Werker &amp; Tees 1984</Title>
                </BinderItem>
            </Children>
        </BinderItem>
    </Binder>
    <Collections>
        <Collection Type="Binder" ID="2A5E7C9B-1D3F-4B6A-8C0E-2F4A6C8E0B1D" Color="0.1 0.1 0.1">
            <Title>Binder</Title>
        </Collection>
    </Collections>
    <TemplateFolderUUID>C0A1B2C3-D4E5-46F7-8899-AABBCCDDEEFF</TemplateFolderUUID>
    <Keywords>
        <Keyword ID="0"><Title>statistical learning</Title><Color>0.3 0.8 0.9</Color></Keyword>
        <Keyword ID="1"><Title>infancy</Title><Color>0.5 0.8 0.3</Color></Keyword>
    </Keywords>
</ScrivenerProject>
"""


def _scrivener_3_project(folder: Path) -> Path:
    project = folder / "Thesis.scriv"
    (project / "Files" / "Data").mkdir(parents=True)
    (project / "Thesis.scrivx").write_text(SCRIVENER_3_BINDER, encoding="utf-8")

    def document(uuid: str, **files: str) -> None:
        base = project / "Files" / "Data" / uuid
        base.mkdir()
        for name, text in files.items():
            (base / name.replace("_", ".")).write_text(text, encoding="ascii")

    document(
        "D2B7A1F3-7D2C-4C8F-8A1B-2D3E4F5A6B71",
        content_rtf=_cocoa_rtf("Infants segment fluent speech before they know any words."),
    )
    document(
        "P1EAD4C6-0A5F-4FBC-9D4E-5A6B7C8D9EA4",
        content_rtf=_cocoa_rtf(SAFFRAN, "", "{\\f1\\i Design.} Two minutes of a stream."),
        synopsis_txt="The transitional-probability paper.",
        notes_rtf=_cocoa_rtf("Frequency is confounded with TP in Exp 1."),
    )
    document("P2FBE5D7-1B6A-40CD-8E5F-6B7C8D9EAFB5", content_rtf=_cocoa_rtf(MARCUS))
    document("A3C0F6E8-2C7B-41DE-9F6A-7C8D9EAFBAC6", content_pdf="%PDF-1.4 not read")
    document(
        "A4D1A7F9-3D8C-42EF-8A7B-8D9EAFBACBD7",
        content_pdf="%PDF-1.4 not read",
        notes_rtf=_cocoa_rtf(KUHL, "Read for the perceptual narrowing section."),
    )
    document("T1F3C9B1-5FAE-4401-8C9D-AFBACBDCEDF9", content_rtf=_cocoa_rtf(WERKER))
    template = _cocoa_rtf("Author, A. (Year). Title. {\\i Journal}, vol(issue), pages. doi")
    document("C1B2C3D4-E5F6-4708-99AA-BBCCDDEEFF00", content_rtf=template)
    # What Scrivener keeps beside the documents: none of it is a note.
    (project / "Files" / "Data" / "docs.checksum").write_text("P1EAD4C6=4c1f\n")
    (project / "Files" / "version.txt").write_text("23")
    (project / "Files" / "binder.autosave").write_bytes(b"PK\x03\x04 backup of the binder")
    (project / "QuickLook").mkdir()
    (project / "QuickLook" / "Preview.html").write_text(JUSCZYK_PREVIEW)
    (project / "Settings").mkdir()
    (project / "Settings" / "recents.txt").write_text("P1EAD4C6-0A5F-4FBC-9D4E-5A6B7C8D9EA4\n")
    snapshots = project / "Snapshots" / "P1EAD4C6-0A5F-4FBC-9D4E-5A6B7C8D9EA4.snapshots"
    snapshots.mkdir(parents=True)
    (snapshots / "2024-01-05-10-00-00+0000.rtf").write_text(_cocoa_rtf(WERKER))
    return project


SCRIVENER_2_BINDER = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<ScrivenerProject Version="1.0" Creator="SCRWIN-1.9.16.0" Modified="2019-05-14 16:02:11 +0100">
    <Binder>
        <BinderItem ID="0" Type="DraftFolder" Created="2019-01-10 10:00:00 +0000" \
Modified="2019-05-14 16:02:11 +0100">
            <Title>Draft</Title>
            <Children>
                <BinderItem ID="3" Type="Text" Created="2019-01-10 10:00:00 +0000" \
Modified="2019-05-14 16:02:11 +0100">
                    <Title>Reading list</Title>
                    <MetaData><IncludeInCompile>Yes</IncludeInCompile></MetaData>
                </BinderItem>
            </Children>
        </BinderItem>
        <BinderItem ID="1" Type="ResearchFolder" Created="2019-01-10 10:00:00 +0000" \
Modified="2019-05-14 16:02:11 +0100">
            <Title>Research</Title>
        </BinderItem>
        <BinderItem ID="2" Type="TrashFolder" Created="2019-01-10 10:00:00 +0000" \
Modified="2019-05-14 16:02:11 +0100">
            <Title>Trash</Title>
        </BinderItem>
    </Binder>
</ScrivenerProject>
"""


def _scrivener_2_project(folder: Path) -> Path:
    project = folder / "Seminar.scriv"
    docs = project / "Files" / "Docs"
    docs.mkdir(parents=True)
    (project / "Seminar.scrivx").write_text(SCRIVENER_2_BINDER, encoding="utf-8")
    (docs / "3.rtf").write_text(_windows_rtf("{\\b Week 1}", MARCUS), encoding="ascii")
    (docs / "3_synopsis.txt").write_text("Rule learning, na\u00efve view", encoding="utf-8")
    (docs / "3_notes.rtf").write_text(_windows_rtf("Ask about ABA vs ABB."), encoding="ascii")
    (project / "Files" / "search.indexes").write_text("<SearchIndexes/>")
    return project


def test_each_document_is_a_note_in_binder_order_inside_the_binders_folders(
    tmp_path: Path,
) -> None:
    members = read_scrivener(_scrivener_3_project(tmp_path))
    assert [name for name, _ in members] == [
        "Draft/Chapter 1 – Introduction.md",
        "Research/Paper notes/Saffran, Aslin & Newport 1996.md",
        "Research/Paper notes/Marcus et al. 1999.md",
        "Research/Kuhl et al 1992.md",
    ]


def test_a_note_holds_the_synopsis_text_inspector_notes_bookmarks_and_keywords(
    tmp_path: Path,
) -> None:
    notes = dict(read_scrivener(_scrivener_3_project(tmp_path)))
    saffran = notes["Research/Paper notes/Saffran, Aslin & Newport 1996.md"]
    assert saffran == (
        "---\ntags:\n- statistical learning\n- infancy\n---\n"
        "# Saffran, Aslin & Newport 1996\n\n"
        "The transitional-probability paper.\n\n"
        "Saffran, J. R., Aslin, R. N., & Newport, E. L. (1996). Statistical learning by "
        "8-month-old infants. *Science, 274*(5294), 1926–1928. "
        "https://doi.org/10.1126/science.274.5294.1926\n\n"
        "*Design.* Two minutes of a stream.\n\n"
        "Frequency is confounded with TP in Exp 1.\n\n"
        "- [Publisher page](https://www.science.org/doi/10.1126/science.274.5294.1926)\n"
    )


def test_the_trash_templates_and_research_files_are_left_out_but_notes_on_them_kept(
    tmp_path: Path,
) -> None:
    notes = dict(read_scrivener(_scrivener_3_project(tmp_path)))
    assert not any("Werker" in text or "Author, A." in text for text in notes.values())
    assert "saffran1996.pdf" not in " ".join(notes)
    kuhl = notes["Research/Kuhl et al 1992.md"]
    assert "Linguistic experience alters phonetic perception" in kuhl and "%PDF" not in kuhl


def test_a_scrivener_2_project_is_read_from_its_numbered_documents(tmp_path: Path) -> None:
    [(name, text)] = read_scrivener(_scrivener_2_project(tmp_path))
    assert name == "Draft/Reading list.md"
    assert text.startswith(
        "# Reading list\n\nRule learning, naïve view\n\n**Week 1**\nMarcus, G. F."
    )
    assert text.rstrip().endswith("Ask about ABA vs ABB.")


def test_importing_a_folder_reads_a_project_in_it_through_its_binder_alone(
    tmp_path: Path, alice: User
) -> None:
    _scrivener_3_project(tmp_path)
    _scrivener_2_project(tmp_path)
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    dois = set(Paper.objects.values_list("doi", flat=True))
    assert {
        "10.1126/science.274.5294.1926",
        "10.1126/science.283.5398.77",
        "10.1126/science.1736364",
    } <= dois
    # Not from the Trash, a snapshot or the QuickLook preview.
    assert "10.1016/s0163-6383(84)80022-3" not in dois and "10.1006/cogp.1995.1010" not in dois
    files = [outcome.name for outcome in report.files]
    assert "Thesis.scriv/Research/Paper notes/Saffran, Aslin & Newport 1996.md" in files
    assert not any(part in name for name in files for part in ("QuickLook", "Data/", "Settings"))


def test_a_zipped_project_is_read_through_its_binder(tmp_path: Path, alice: User) -> None:
    project = _scrivener_3_project(tmp_path / "unzipped")
    archive = tmp_path / "Thesis.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(project.rglob("*")):
            if path.is_file():
                zipped.write(path, path.relative_to(project.parent).as_posix())
    report = import_paths([archive], ImportOptions(user=alice, fetch_metadata=False))
    assert "10.1126/science.274.5294.1926" in set(Paper.objects.values_list("doi", flat=True))
    assert "10.1006/cogp.1995.1010" not in set(Paper.objects.values_list("doi", flat=True))
    assert all(outcome.name.startswith("Thesis.zip/Thesis.scriv/") for outcome in report.files)


def test_the_binder_file_named_alone_opens_its_project(tmp_path: Path) -> None:
    project = _scrivener_3_project(tmp_path)
    members = read_scrivener(project / "Thesis.scrivx")
    assert len(members) == 4


def test_a_folder_named_scriv_without_a_binder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "Empty.scriv").mkdir()
    with pytest.raises(ParseError, match=r"no \.scrivx binder"):
        read_scrivener(tmp_path / "Empty.scriv")


def test_a_scrivener_1_project_is_refused_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "Old.scriv").mkdir()
    (tmp_path / "Old.scriv" / "binder.scrivproj").write_text("<ScrivenerProject/>")
    with pytest.raises(ParseError, match="Scrivener 1 project: open it in Scrivener 3"):
        read_scrivener(tmp_path / "Old.scriv")


def test_a_damaged_binder_is_refused_at_its_line(tmp_path: Path) -> None:
    project = _scrivener_3_project(tmp_path)
    (project / "Thesis.scrivx").write_text(SCRIVENER_3_BINDER.replace("</Title>", "", 3))
    with pytest.raises(ParseError, match="not a readable Scrivener binder") as raised:
        read_scrivener(project)
    assert raised.value.path == "Thesis.scriv" and raised.value.line is not None


def test_a_binder_that_declares_entities_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    project = _scrivener_3_project(tmp_path)
    bomb = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<ScrivenerProject/>'
    (project / "Thesis.scrivx").write_text(bomb)
    with pytest.raises(ParseError, match="declares XML entities"):
        read_scrivener(project)


def test_a_damaged_document_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    project = _scrivener_3_project(tmp_path)
    damaged = project / "Files/Data/P2FBE5D7-1B6A-40CD-8E5F-6B7C8D9EAFB5/content.rtf"
    damaged.write_text("{\\rtf1\n" + "{" * (MAX_DEPTH + 1))
    with pytest.raises(ParseError, match="nested deeper") as raised:
        read_scrivener(project)
    assert raised.value.path == (
        "Thesis.scriv/Files/Data/P2FBE5D7-1B6A-40CD-8E5F-6B7C8D9EAFB5/content.rtf"
    )
    assert raised.value.line == 2
