"""Workbooks (.xlsx, .xlsm, .ods): a reading tracker's sheets, one CSV each.

The workbooks are built with openpyxl in the shapes trackers take: a title banner merged
across the columns above a two-row header, a sheet per reading state, a pivot of counts
and a sheet of drop-down values beside the papers, links on "pdf" cells and on titles,
``=HYPERLINK`` formulas (their saved values patched in as Excel and LibreOffice save
them: openpyxl writes none), a sheet formatted down to its last row. The .ods workbooks
are content.xml as LibreOffice Calc writes it: spanned and covered cells, repeated rows
and columns to the sheet's end, a hidden sheet's table style.
"""

# ruff: noqa: E501 - the fixtures keep cells and rows on the lines LibreOffice writes them

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from papershelf.accounts.models import User
from papershelf.importers.containers import readers
from papershelf.importers.containers import spreadsheet as spreadsheet_module
from papershelf.importers.containers.spreadsheet import read_spreadsheet
from papershelf.importers.csvtable.parse import parse
from papershelf.importers.records import ParseError
from papershelf.importers.services import ImportOptions, import_paths
from papershelf.papers.models import Paper

ATTENTION = "https://arxiv.org/abs/1706.03762"
RESNET = "https://arxiv.org/abs/1512.03385"


def _save(book: openpyxl.Workbook, path: Path) -> Path:
    book.save(path)
    return path


def _tables(path: Path) -> dict[str, list[list[str]]]:
    return {name: list(csv.reader(io.StringIO(text))) for name, text in read_spreadsheet(path)}


def _rewrite_part(path: Path, part: str, edit: object) -> None:
    """Rewrite one part of a saved workbook (``edit`` takes and gives its text)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[part] = edit(parts[part].decode()).encode()  # type: ignore[operator]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _save_formula_values(
    path: Path, values: dict[str, str], part: str = "xl/worksheets/sheet1.xml"
) -> None:
    """Excel saves a formula's value beside it (``<f>…</f><v>text</v>``); openpyxl does not."""

    def edit(xml: str) -> str:
        for reference, value in values.items():
            xml = re.sub(
                rf'<c r="{reference}"([^>]*)><f>(.*?)</f><v\s*/>',
                rf'<c r="{reference}"\1 t="str"><f>\2</f><v>{value}</v>',
                xml,
            )
        return xml

    _rewrite_part(path, part, edit)


def _tracker(tmp_path: Path, name: str = "Reading tracker.xlsx") -> Path:
    """A lab member's tracker: a banner over a two-row header, a to-read sheet, a pivot,
    a sheet of the drop-downs' values, a hidden scratch sheet."""
    book = openpyxl.Workbook()
    papers = book.active
    papers.title = "Papers"
    papers.append(["Vision reading group — papers I read"])
    papers.merge_cells("A1:G1")
    papers.append(["Last updated: 2024-03-02", None, None, "Owner: Dana"])
    papers.append([])
    papers.append(["Title", "Publication", None, None, "Reading", None, None])
    papers.merge_cells("A4:A5")  # Title spans both header rows
    papers.merge_cells("B4:D4")
    papers.merge_cells("E4:G4")
    papers.append(
        [
            None,
            "Author(s)",
            "Publication Year",
            "Journal/Conference",
            "Status",
            "PDF",
            "Key findings",
        ]
    )
    papers.append(
        [
            "Attention Is All You Need",
            "Vaswani et al.",
            2017,
            "NeurIPS",
            "Read",
            "pdf",
            "Self-attention only.",
        ]
    )
    papers["F6"].hyperlink = "https://arxiv.org/pdf/1706.03762"
    papers.append(
        [
            "Deep Residual Learning for Image Recognition",
            "He et al.",
            2016,
            "CVPR",
            "Read",
            None,
            "Residual connections.",
        ]
    )
    papers["A7"].hyperlink = RESNET
    papers.append(
        ["An Image is Worth 16x16 Words", "Dosovitskiy et al.", 2021, "ICLR", "To read", None, None]
    )
    papers["A8"].hyperlink = "https://arxiv.org/abs/2010.11929"
    queue = book.create_sheet("Reading queue")
    queue.append(["Paper", "Authors", "Link"])
    queue.append(
        [
            "Masked Autoencoders Are Scalable Vision Learners",
            "He et al.",
            "https://arxiv.org/abs/2111.06377",
        ]
    )
    queue.append(["Swin Transformer", "Liu et al.", "https://arxiv.org/abs/2103.14030"])
    summary = book.create_sheet("Summary")
    summary.append(["Row Labels", "Count of Title"])
    summary.append(["Read", 2])
    summary.append(["To read", 1])
    summary.append(["Grand Total", 3])
    lists = book.create_sheet("Lists")
    lists.append(["Status", "Venue", "Rating"])
    lists.append(["Read", "NeurIPS", 5])
    lists.append(["To read", "CVPR", 4])
    scratch = book.create_sheet("Scratch")
    scratch.append(["Title", "Authors", "Year"])
    scratch.append(["A Paper I Only Meant to Check", "Nobody", 2020])
    scratch.sheet_state = "hidden"
    return _save(book, tmp_path / name)


def test_a_banner_over_a_two_row_merged_header_is_left_out_and_columns_named_as_csv_reads_them(
    tmp_path: Path,
) -> None:
    papers = _tables(_tracker(tmp_path))["Papers.csv"]
    # A linked title's address beside it, in a Link column the CSV reader reads.
    assert papers[0] == ["Title", "Link", "Authors", "Year", "Venue", "Status", "PDF", "Notes"]
    assert papers[1] == [
        "Attention Is All You Need", "", "Vaswani et al.", "2017", "NeurIPS", "Read",
        "https://arxiv.org/pdf/1706.03762", "Self-attention only.",
    ]  # fmt: skip
    assert [row[:2] for row in papers[2:]] == [
        ["Deep Residual Learning for Image Recognition", RESNET],
        ["An Image is Worth 16x16 Words", "https://arxiv.org/abs/2010.11929"],
    ]


def test_each_visible_sheet_with_a_table_becomes_a_csv_named_after_it(tmp_path: Path) -> None:
    names = [name for name, _ in read_spreadsheet(_tracker(tmp_path))]
    # The pivot names no columns; the hidden scratch sheet is left out; the drop-downs'
    # values are a table without titles, for the CSV reader to report.
    assert names == ["Papers.csv", "Reading queue.csv", "Lists.csv"]


def test_a_sheet_named_after_a_reading_status_gives_its_rows_that_status(tmp_path: Path) -> None:
    queue = _tables(_tracker(tmp_path))["Reading queue.csv"]
    assert queue[0] == ["Title", "Authors", "Link", "Status"]
    assert {row[-1] for row in queue[1:]} == {"Reading queue"}
    document = parse(read_spreadsheet(_tracker(tmp_path))[1][1], "Reading queue.csv")
    assert document.entries == []
    assert "no row names a paper read" in document.warnings[0].message


@pytest.mark.parametrize(
    ("sheet", "status"),
    [
        ("To read", "To read"),
        ("Papers to read", "to read"),
        ("backlog", "backlog"),
        ("Skipped", "Skipped"),
    ],
)
def test_a_status_is_read_from_the_sheets_name_around_words_like_papers(
    tmp_path: Path, sheet: str, status: str
) -> None:
    book = openpyxl.Workbook()
    book.active.title = sheet
    book.active.append(["Title", "Year"])
    book.active.append(["Swin Transformer", 2021])
    [(_, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert text.splitlines() == ["Title,Year,Status", f"Swin Transformer,2021,{status}"]


@pytest.mark.parametrize("sheet", ["Reading list", "2024", "NLP", "Read later ideas"])
def test_a_sheet_whose_name_is_no_status_gets_no_status_column(tmp_path: Path, sheet: str) -> None:
    book = openpyxl.Workbook()
    book.active.title = sheet
    book.active.append(["Title", "Year"])
    book.active.append(["Swin Transformer", 2021])
    [(_, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert text.splitlines()[0] == "Title,Year"


def test_a_sheets_own_status_column_wins_over_its_name(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "To read"
    book.active.append(["Title", "Reading status"])
    book.active.append(["Swin Transformer", "Read"])
    [(_, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert text.splitlines() == ["Title,Status", "Swin Transformer,Read"]


def test_a_linked_title_keeps_its_text_and_the_csv_reader_takes_the_link_as_the_papers(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Paper", "Notes"])  # no link column, no year: only the link says it is a paper
    sheet.append(["Attention Is All You Need", "Self-attention only."])
    sheet["A2"].hyperlink = ATTENTION
    sheet.append(["Deep Residual Learning for Image Recognition", "Skip connections."])
    sheet["A3"].hyperlink = RESNET
    [(name, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert text.splitlines()[:2] == [
        "Title,Link,Notes",
        f"Attention Is All You Need,{ATTENTION},Self-attention only.",
    ]
    document = parse(text, name)
    assert [(e.paper.title, e.paper.arxiv_id) for e in document.entries if e.paper] == [
        ("Attention Is All You Need", "1706.03762"),
        ("Deep Residual Learning for Image Recognition", "1512.03385"),
    ]


@pytest.mark.parametrize("label", ["pdf", "arXiv", "link", "[PDF]"])
def test_a_link_cell_labelled_pdf_or_arxiv_gives_its_address(tmp_path: Path, label: str) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Title", "URL"])
    book.active.append(["Attention Is All You Need", label])
    book.active["B2"].hyperlink = ATTENTION
    [(_, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert text.splitlines() == ["Title,Link", f"Attention Is All You Need,{ATTENTION}"]


def test_a_link_to_the_persons_own_copy_of_the_paper_is_left_as_its_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Title", "Year", "PDF"])
    book.active.append(["Attention Is All You Need", 2017, "pdf"])
    book.active["A2"].hyperlink = "https://docs.google.com/document/d/1AbC/edit"
    book.active["C2"].hyperlink = "https://drive.google.com/file/d/1XyZ/view"
    [(_, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    # As a CSV download has it: the notes reader takes a row linking only to Drive or
    # Docs for a row about something else than a paper.
    assert text.splitlines() == ["Title,Year,PDF", "Attention Is All You Need,2017,pdf"]


def test_links_in_other_columns_are_kept_only_when_they_lead_to_a_paper(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Title", "Year", "Code", "Related"])
    sheet.append(["Attention Is All You Need", 2017, "GitHub", "RNN baseline"])
    sheet["C2"].hyperlink = "https://github.com/tensorflow/tensor2tensor"
    sheet["D2"].hyperlink = "https://arxiv.org/abs/1409.0473"
    [(_, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert text.splitlines() == [
        "Title,Year,Code,Related,Related link",
        "Attention Is All You Need,2017,GitHub,RNN baseline,https://arxiv.org/abs/1409.0473",
    ]


def test_a_hyperlink_formula_gives_its_address_with_or_without_a_saved_value(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Title", "DOI", "Link"])
    sheet.append(
        ['=HYPERLINK("https://arxiv.org/abs/1706.03762","Attention Is All You Need")', None, None]
    )
    sheet.append(
        [
            "Deep Residual Learning",
            "10.1109/CVPR.2016.90",
            '=HYPERLINK("https://doi.org/"&B3,"doi")',
        ]
    )
    sheet.append(["Swin Transformer", None, '=HYPERLINK("https://arxiv.org/abs/2103.14030")'])
    path = _save(book, tmp_path / "t.xlsx")
    rows = list(csv.reader(io.StringIO(read_spreadsheet(path)[0][1])))  # no values saved
    _save_formula_values(
        path,
        {"A2": "Attention Is All You Need", "C3": "doi", "C4": "https://arxiv.org/abs/2103.14030"},
    )
    assert (
        list(csv.reader(io.StringIO(read_spreadsheet(path)[0][1])))
        == rows
        == [
            ["Title", "Title link", "DOI", "Link"],
            ["Attention Is All You Need", ATTENTION, "", ""],
            [
                "Deep Residual Learning",
                "",
                "10.1109/CVPR.2016.90",
                "https://doi.org/10.1109/CVPR.2016.90",
            ],
            ["Swin Transformer", "", "", "https://arxiv.org/abs/2103.14030"],
        ]
    )


def test_dates_are_iso_dates_and_whole_numbers_have_no_decimal_point(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Title", "Year", "Date read", "Rating", "Read?", "Share"])
    sheet.append(["Attention Is All You Need", 2017.0, dt.datetime(2024, 3, 1), 4.5, True, 0.25])
    sheet["F2"].number_format = "0%"
    sheet.append(["Deep Residual Learning", 2016, dt.datetime(2024, 3, 2, 14, 30), 4, False, None])
    [(_, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert text.splitlines()[1:] == [
        "Attention Is All You Need,2017,2024-03-01,4.5,TRUE,25%",
        "Deep Residual Learning,2016,2024-03-02 14:30,4,FALSE,",
    ]


def test_a_column_of_row_numbers_is_left_out_so_the_tracker_is_not_taken_for_an_issue_export(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    book.active.append(["ID", "Title", "Year", "Status", "Notes"])
    book.active.append([1, "Language Models are Few-Shot Learners", 2020, "Done", "In-context."])
    book.active.append(
        [2, "Training Compute-Optimal Large Language Models", 2022, "Done", "Chinchilla."]
    )
    [(name, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert text.splitlines()[0] == "Title,Year,Status,Notes"
    document = parse(text, name)
    assert [entry.summary.markdown for entry in document.entries if entry.summary] == [
        "In-context.",
        "Chinchilla.",
    ]


def test_a_header_that_explains_a_column_in_its_name_is_still_the_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Literature catalogue"])
    book.active.append(
        ["Title", "Author(s)", "Year", "Key arguments (causal relationships, key findings, etc.)"]
    )
    book.active.append(["The Power of Feedback", "Hattie, J.", 2007, "Feedback's effect varies."])
    [(_, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert text.splitlines()[0].startswith("Title,Authors,Year,")


def test_a_cell_merged_down_over_rows_gives_its_value_to_each(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Week", "Topic", "Paper", "Presenter"])
    sheet.append(["Week 1", "Attention", "Attention Is All You Need", "Ana"])
    sheet.append(
        [None, None, "Neural Machine Translation by Jointly Learning to Align and Translate", "Ben"]
    )
    sheet.append(["Week 2", "Vision", "Deep Residual Learning", "Cy"])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    [(_, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert [row[:2] for row in csv.reader(io.StringIO(text))][1:] == [
        ["Week 1", "Attention"],
        ["Week 1", "Attention"],
        ["Week 2", "Vision"],
    ]


def test_a_sheet_kept_one_paper_to_a_column_is_turned_round(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Extraction"
    sheet.append(["Data extraction form"])
    sheet.append([])
    for row in (
        ["Title:", "Attention Is All You Need", "Deep Residual Learning"],
        ["Authors:", "Vaswani et al.", "He et al."],
        ["Year:", 2017, 2016],
        ["Design:", "Benchmark", "Benchmark"],
        ["Findings:", "Attention suffices.", "Depth helps."],
    ):
        sheet.append(row)
    [(_, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert text.splitlines() == [
        "Title,Authors,Year,Design,Notes",
        "Attention Is All You Need,Vaswani et al.,2017,Benchmark,Attention suffices.",
        "Deep Residual Learning,He et al.,2016,Benchmark,Depth helps.",
    ]


def test_a_literature_matrix_without_a_title_column_reads_its_citations_as_titles(
    tmp_path: Path,
) -> None:
    citation = (
        "Vaswani, A., Shazeer, N., et al. (2017). Attention is all you need. "
        "Advances in Neural Information Processing Systems, 30."
    )
    book = openpyxl.Workbook()
    book.active.append(["Reference", "Methodology", "Key findings"])
    book.active.append([citation, "Benchmark", "Attention suffices."])
    book.active.append(["Smith (2019)", "Survey", "Short label, one of many long citations."])
    book.active.append([citation.replace("2017", "2018"), "Benchmark", "Again."])
    [(_, text)] = read_spreadsheet(_save(book, tmp_path / "t.xlsx"))
    assert text.splitlines()[0] == "Title,Methodology,Notes"


def test_hidden_and_very_hidden_sheets_are_left_out(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Title", "Year"])
    book.active.append(["Attention Is All You Need", 2017])
    for state in ("hidden", "veryHidden"):
        sheet = book.create_sheet(state)
        sheet.append(["Title", "Year"])
        sheet.append(["Not Meant for Anyone", 2020])
        sheet.sheet_state = state
    assert [name for name, _ in read_spreadsheet(_save(book, tmp_path / "t.xlsx"))] == ["Sheet.csv"]


def test_a_sheet_with_no_table_gives_nothing(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "How to use"
    book.active.append(["Add one paper per row on the Papers sheet."])
    book.active.append(["Statuses come from the Lists sheet; the Summary sheet counts them."])
    book.active.append([])
    book.active.append(["Papers read:", 42])
    assert read_spreadsheet(_save(book, tmp_path / "t.xlsx")) == []


def test_excels_owner_file_of_an_open_workbook_gives_nothing(tmp_path: Path) -> None:
    owner = tmp_path / "~$Reading tracker.xlsx"
    owner.write_bytes(b"\x04Dana" + b" " * 50 + "Dana".encode("utf-16-le") + b"\x00" * 100)
    assert read_spreadsheet(owner) == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Title,Year\nNot really a workbook,2020\n", "not a readable .xlsx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "password-protected"),
        (b"PK\x03\x04" + b"\x00" * 40, "not a readable .xlsx file"),
    ],
)
def test_a_corrupt_or_password_protected_workbook_is_refused_by_name(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(content)
    with pytest.raises(ParseError, match=reason) as raised:
        read_spreadsheet(path)
    assert raised.value.path == "tracker.xlsx"


def test_a_zip_without_a_workbook_in_it_is_refused_as_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "tracker.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "not a workbook")
    with pytest.raises(ParseError, match="not a readable workbook") as raised:
        read_spreadsheet(path)
    assert raised.value.path == "tracker.xlsx"


def test_a_damaged_sheet_is_refused_by_name(tmp_path: Path) -> None:
    path = _tracker(tmp_path)
    _rewrite_part(path, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])
    with pytest.raises(ParseError, match="damaged") as raised:
        read_spreadsheet(path)
    assert raised.value.path == "Reading tracker.xlsx"


def test_a_part_declaring_entities_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = _tracker(tmp_path)
    bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">]>'
    _rewrite_part(path, "xl/workbook.xml", lambda xml: bomb + xml.split("?>", 1)[-1])
    with pytest.raises(ParseError, match=r"xl/workbook\.xml declares a DOCTYPE"):
        read_spreadsheet(path)


def test_a_part_too_large_to_be_a_workbooks_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _tracker(tmp_path)
    monkeypatch.setattr(spreadsheet_module, "MAX_PART_BYTES", 1000)
    with pytest.raises(ParseError, match="is too large to be a workbook's"):
        read_spreadsheet(path)


def test_a_sheet_formatted_down_to_its_last_row_is_read_quickly(tmp_path: Path) -> None:
    """A sheet whose 1,048,576 rows all carry a format: its table is read, the empty
    rows passed over, its hyperlinks (written after all the rows) still found."""
    book = openpyxl.Workbook()
    book.active.append(["Title", "Year", "Link"])
    book.active.append(["Attention Is All You Need", 2017, "pdf"])
    book.active["C2"].hyperlink = "https://arxiv.org/pdf/1706.03762"
    path = _save(book, tmp_path / "big.xlsx")
    formatted = "".join(
        f'<row r="{r}" s="1" customFormat="1" ht="15"/>' for r in range(3, 1_048_577)
    )
    _rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("</sheetData>", formatted + "</sheetData>").replace(
            '<dimension ref="A1:C2" />', '<dimension ref="A1:XFD1048576" />'
        ),
    )
    started = time.monotonic()
    [(_, text)] = read_spreadsheet(path)
    assert time.monotonic() - started < 10
    assert text.splitlines() == [
        "Title,Year,Link",
        "Attention Is All You Need,2017,https://arxiv.org/pdf/1706.03762",
    ]


# OpenDocument spreadsheets, as LibreOffice Calc writes content.xml.

ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"'
)
ODS_STYLES = (
    "<office:automatic-styles>"
    '<style:style style:name="ta1" style:family="table" style:master-page-name="Default">'
    '<style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>'
    '<style:style style:name="ta2" style:family="table" style:master-page-name="Default">'
    '<style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style>'
    "</office:automatic-styles>"
)
TO_THE_END = '<table:table-cell table:number-columns-repeated="16378"/>'


def _string(text: str) -> str:
    return f'<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def _ods(tmp_path: Path, tables: str, name: str = "tracker.ods") -> Path:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES} '
        f'office:version="1.3">{ODS_STYLES}<office:body><office:spreadsheet>{tables}'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    return path


ODS_PAPERS = (
    '<table:table table:name="Papers" table:style-name="ta1">'
    '<table:table-column table:number-columns-repeated="16384"/>'
    '<table:table-row><table:table-cell office:value-type="string" table:number-columns-spanned="6" '
    'table:number-rows-spanned="1"><text:p>Reading log</text:p></table:table-cell>'
    '<table:covered-table-cell table:number-columns-repeated="5"/>'
    '<table:table-cell table:number-columns-repeated="16378"/></table:table-row>'
    '<table:table-row><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    f"<table:table-row>{_string('Title')}{_string('Authors')}{_string('Year')}{_string('Link')}"
    f"{_string('Date read')}{_string('Notes')}{TO_THE_END}</table:table-row>"
    "<table:table-row>"
    '<table:table-cell office:value-type="string"><text:p><text:a xlink:href="https://arxiv.org/abs/1512.03385" '
    'xlink:type="simple">Deep Residual Learning</text:a></text:p></table:table-cell>'
    f"{_string('He et al.')}"
    '<table:table-cell office:value-type="float" office:value="2016" calcext:value-type="float"><text:p>2016</text:p></table:table-cell>'
    '<table:table-cell table:formula="of:=HYPERLINK(&quot;https://arxiv.org/pdf/1512.03385&quot;;&quot;pdf&quot;)" '
    'office:value-type="string" office:string-value="pdf"><text:p>pdf</text:p></table:table-cell>'
    '<table:table-cell office:value-type="date" office:date-value="2024-03-01"><text:p>01/03/24</text:p></table:table-cell>'
    '<table:table-cell office:value-type="string"><text:p>Residual<text:s/>connections.</text:p>'
    "<text:p>Second line.</text:p></table:table-cell>"
    f"{TO_THE_END}</table:table-row>"
    '<table:table-row table:number-rows-repeated="1048571"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    "</table:table>"
)


def test_an_ods_workbook_is_read_like_an_xlsx_one(tmp_path: Path) -> None:
    hidden = (
        '<table:table table:name="Old" table:style-name="ta2">'
        f"<table:table-row>{_string('Title')}{_string('Year')}</table:table-row>"
        f"<table:table-row>{_string('Not Meant for Anyone')}{_string('2020')}</table:table-row>"
        "</table:table>"
    )
    queue = (
        '<table:table table:name="To read" table:style-name="ta1">'
        f"<table:table-row>{_string('Title')}{_string('Venue')}</table:table-row>"
        f"<table:table-row>{_string('Swin Transformer')}{_string('ICCV')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        "</table:table>"
    )
    started = time.monotonic()
    tables = _tables(_ods(tmp_path, ODS_PAPERS + hidden + queue))
    assert time.monotonic() - started < 5
    assert tables == {
        "Papers.csv": [
            ["Title", "Title link", "Authors", "Year", "Link", "Date read", "Notes"],
            [
                "Deep Residual Learning", RESNET, "He et al.", "2016",
                "https://arxiv.org/pdf/1512.03385", "2024-03-01", "Residual connections.\nSecond line.",
            ],
        ],
        "To read.csv": [["Title", "Venue", "Status"], ["Swin Transformer", "ICCV", "To read"]],
    }  # fmt: skip


def test_a_damaged_or_password_protected_ods_is_refused_by_name(tmp_path: Path) -> None:
    path = _ods(tmp_path, ODS_PAPERS)
    _rewrite_part(path, "content.xml", lambda xml: xml[: len(xml) // 2])
    with pytest.raises(ParseError, match=r"content\.xml is damaged") as raised:
        read_spreadsheet(path)
    assert raised.value.path == "tracker.ods"
    _rewrite_part(
        path,
        "META-INF/manifest.xml",
        lambda xml: xml.replace("/>", "><manifest:encryption-data/></manifest:manifest>"),
    )
    with pytest.raises(ParseError, match="password-protected"):
        read_spreadsheet(path)


def test_an_ods_text_document_is_no_spreadsheet(tmp_path: Path) -> None:
    path = _ods(tmp_path, ODS_PAPERS)
    _rewrite_part(path, "mimetype", lambda _: "application/vnd.oasis.opendocument.text")
    with pytest.raises(ParseError, match="not an OpenDocument spreadsheet"):
        read_spreadsheet(path)


def test_workbooks_are_opened_by_their_suffix() -> None:
    opened = readers()
    assert {opened[suffix] for suffix in (".xlsx", ".xlsm", ".ods", ".fods")} == {read_spreadsheet}


def test_importing_a_folder_with_a_workbook_creates_the_papers_read_and_leaves_out_those_to_read(
    tmp_path: Path, alice: User
) -> None:
    _tracker(tmp_path)
    (tmp_path / "~$Reading tracker.xlsx").write_bytes(b"\x04Dana" + b"\x00" * 160)
    (tmp_path / ".~lock.Reading tracker.xlsx#").write_text(
        ",Dana,laptop,02.03.2024 10:15,file:///home/dana;"
    )
    report = import_paths([tmp_path], ImportOptions(user=alice, fetch_metadata=False))
    papers = {paper.title: paper for paper in Paper.objects.all()}
    assert set(papers) == {
        "Attention Is All You Need",
        "Deep Residual Learning for Image Recognition",
    }
    assert papers["Attention Is All You Need"].arxiv_id == "1706.03762"
    assert papers["Deep Residual Learning for Image Recognition"].arxiv_id == "1512.03385"
    outcomes = {outcome.name: outcome.status for outcome in report.files}
    assert outcomes == {
        "Reading tracker.xlsx/Papers.csv": "imported",
        "Reading tracker.xlsx/Reading queue.csv": "skipped",  # every row still to read
        "Reading tracker.xlsx/Lists.csv": "skipped",  # the drop-downs' values
        "~$Reading tracker.xlsx": "skipped",  # who has the workbook open
        ".~lock.Reading tracker.xlsx#": "skipped",
    }
    assert any("An Image is Worth 16x16 Words" in str(warning) for warning in report.warnings)
