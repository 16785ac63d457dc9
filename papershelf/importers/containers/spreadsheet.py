"""A workbook (.xlsx, .xlsm, .ods, .fods): a reading tracker, one CSV per sheet.

People keep the papers they read as a workbook rather than a CSV download of one: a
sheet of Title, Authors, Year, Venue, Link, Status and Notes, often a sheet per topic or
per state ("Read", "To read"), a summary or pivot sheet, a sheet of the values the
drop-downs offer. Each visible sheet that holds a table is written as ``<sheet>.csv`` and
read as any CSV tracker is (``csvtable``). What the workbook holds that its CSV would
lose is kept in the CSV:

- the table need not start at A1: a title banner (often merged across the columns),
  notes and blank rows above it are left out; the header is the first row that names
  columns (short, non-numeric cells, a Title-like one among them). A sheet kept one
  paper per column, its field names down the first column (an extraction form), is
  turned round. Column names trackers use for the fields the CSV reader knows
  ("Article Title", "Author(s)", "Publication Year", "Journal/Conference", "Key
  findings") are given the names it reads;
- a hyperlink whose text is not its address: in a Link/PDF/DOI column ("pdf",
  "arXiv") the address replaces the text; a linked title keeps its text and the
  address goes into an added column ("Link", or "Title link" beside a Link column of
  the sheet's own); in any other column only a link to a paper is kept so, and a link
  to the person's own copy (Drive, Dropbox) not at all. A
  ``=HYPERLINK("url", "text")`` formula, whose saved value is only its text, alike;
- a cell merged down over several rows (a week, a topic) gives its value to each;
- dates as ISO dates, whole numbers as whole ("2019", not "2019.0"), TRUE/FALSE;
- a sheet named after a reading status ("To read", "Backlog", "Skipped") with no
  Status column of its own: its rows get that status, so that papers still to read are
  left out as a Status column marks them.

Hidden and very hidden sheets, and sheets with no table (a dashboard, a chart, notes)
give nothing; a table with no Title column is left for the CSV reader to report. The
work is bounded: rows are read until a long run of empty ones (a sheet formatted down
to its 1,048,576th row holds no more table), at most ``_MAX_ROWS`` rows and
``_MAX_COLUMNS`` columns of a sheet, and parts past office.MAX_PART_BYTES are refused.

Excel's owner file (``~$name.xlsx``, a few bytes naming who has the workbook open)
gives nothing; LibreOffice's lock file (``.~lock.name.ods#``) is hidden and never read.

An .xlsx is read with openpyxl in read-only mode, which streams a sheet's rows but
reads neither its hyperlinks nor its merged ranges: both follow the rows in the
sheet's XML, and are read here from that part, the rows skipped as bytes. Its XML
parts are vetted first as office.parse_xml does (openpyxl parses with the standard
library's expat). An .ods is parsed here: openpyxl reads no ODF, and the ODF libraries
on PyPI (odfpy, ezodf, little kept since 2020 and 2015) build a whole DOM of
content.xml; it is streamed instead, its repeated rows and cells never expanded.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import posixpath
import re
import statistics
import warnings
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import openpyxl
from openpyxl.utils.cell import range_boundaries

from papershelf.importers.containers import Member
from papershelf.importers.containers.members import MemberNames
from papershelf.importers.containers.office import (
    MAX_PART_BYTES,
    open_package,
    outside_link,
    parse_xml,
    read_part,
)
from papershelf.importers.notes.links import is_paper_url
from papershelf.importers.notes.status import (
    PART_READ,
    READ,
    TO_READ,
    status_key,
    status_says_unread,
)
from papershelf.importers.records import ParseError

_MAX_ROWS = 20_000  # a tracker of years holds hundreds; a search export, thousands
_MAX_COLUMNS = 128
_MAX_EMPTY_RUN = 200  # blank rows that end a sheet's table
_HEADER_SEARCH_ROWS = 30  # non-empty rows above which a header is looked for
_MAX_SHEETS = 256
_MAX_PACKAGE_BYTES = 512 * 1024**2
_PROLOG_BYTES = 64 * 1024
_CHUNK_BYTES = 1024**2
_MAX_HEAD_BYTES = 16 * 1024**2  # a sheet's XML before its rows: views, 16,384 columns' widths
_LOCK_PREFIXES = ("~$", ".~lock.")
_ODS_MIMETYPES = (b"application/vnd.oasis.opendocument.spreadsheet",)

# The names the CSV reader (and the notes reader's tables) read, and what trackers call
# the same columns.
_ALIASES: dict[str, tuple[str, ...]] = {
    "Title": (
        "title", "paper", "paper title", "name", "article", "publication", "article title",
        "document title", "title of paper", "title of the paper", "title of article",
        "paper name", "study title", "titel", "título", "titre", "titolo",
    ),
    "Authors": ("authors", "author", "author(s)", "by", "first author", "lead author"),
    "Year": (
        "year", "publication year", "pub year", "pub. year", "year published",
        "year of publication", "yr",
    ),
    "Venue": (
        "venue", "journal", "conference", "journal/conference", "conference/journal",
        "journal / conference", "published in", "publication venue", "source title",
        "journal name", "journal title", "proceedings", "outlet",
    ),
    "Link": (
        "link", "links", "url", "paper link", "paper url", "link to paper", "pdf link",
        "web link", "article link", "article url", "full text", "full text link",
        "doi link", "arxiv link", "website", "online link", "hyperlink",
    ),
    "Status": ("status", "reading status", "read status", "state", "progress"),
    "Notes": (
        "notes", "note", "summary", "comments", "comment", "thoughts", "tl;dr", "tldr",
        "my notes", "key findings", "main findings", "findings", "key points",
        "takeaways", "key takeaways", "remarks", "annotation", "annotations",
    ),
    "Tags": (
        "tags", "tag", "topics", "topic", "keywords", "labels", "category", "categories",
        "theme", "themes",
    ),
}  # fmt: skip
_CANONICAL = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_TITLE_KEYS = frozenset(_ALIASES["Title"])
# Columns whose cell is only a way to the paper: "pdf", "arXiv", "link" gives its address.
_LINK_KEYS = frozenset(_ALIASES["Link"]) | {"pdf", "doi", "arxiv", "arxiv id", "paper pdf"}
# A column of whole citations is the papers' titles where a sheet has no Title column.
_CITATION_KEYS = frozenset(
    {"citation", "reference", "full citation", "full reference", "apa citation"}
    | {"bibliographic reference", "article citation", "bibliography", "reference (apa)"}
)
_MIN_CITATION_WORDS = 8
# Words that column names of a tracker, a literature matrix or an extraction form are
# made of; a row of cells that use them is a header.
_COLUMN_WORDS = frozenset(
    {"title", "paper", "author", "authors", "year", "date", "venue", "journal", "conference"}
    | {"link", "url", "pdf", "doi", "arxiv", "status", "read", "notes", "note", "summary"}
    | {"comments", "comment", "tags", "tag", "topic", "topics", "keywords", "category"}
    | {"rating", "stars", "priority", "type", "method", "methods", "methodology", "findings"}
    | {"results", "abstract", "code", "dataset", "data", "theme", "themes", "relevance"}
    | {"citation", "citations", "reference", "source", "published", "publication", "pages"}
    | {"volume", "issue", "publisher", "added", "started", "finished", "progress", "takeaways"}
    | {"thoughts", "questions", "limitations", "sample", "design", "aim", "aims", "objective"}
    | {"objectives", "country", "population", "outcome", "outcomes", "field", "area", "score"}
    | {"quality", "id", "no", "name", "article", "study", "contribution", "contributions"}
    | {"idea", "ideas", "problem", "question", "conclusion", "conclusions", "model", "task"}
    | {"domain", "key", "takeaway", "cited", "pmid", "isbn", "language", "week", "session"}
    | {"presenter", "reviewer", "theory", "framework", "context", "setting", "participants"}
)
_ROW_NUMBER_KEYS = frozenset({"#", "id", "no", "no.", "nr", "nr.", "number", "n", "row", "index"})
_MIN_KNOWN_COLUMNS = 2
_MAX_NAME_CHARS = 60
_MAX_NAME_WORDS = 8
_NUMBER_LIKE_RE = re.compile(r"[\d\s.,:/%$€£+\-]+")
_WORD_RE = re.compile(r"[^\W\d_]+")
_LINK_SCHEMES = ("http://", "https://", "ftp://")
# Where people keep their own copy of a paper or their notes on it.
_OWN_FILES = frozenset(
    {"drive.google.com", "docs.google.com", "dropbox.com", "dl.dropboxusercontent.com"}
    | {"onedrive.live.com", "1drv.ms", "box.com", "app.box.com", "icloud.com", "notion.so"}
)
_OWN_FILE_DOMAINS = (".sharepoint.com", ".notion.site", ".box.com")
# Words around a status in a sheet's name: "Papers to read" is the "to read" sheet.
_SHEET_NAME_FILLER = frozenset({"papers", "paper", "articles", "article"})


@dataclass(frozen=True)
class _Cell:
    text: str = ""
    link: str = ""  # where a hyperlink on the cell leads
    formula: str = ""  # a HYPERLINK formula: its saved value is only its text

    def __bool__(self) -> bool:
        return bool(self.text or self.link or self.formula)


_EMPTY = _Cell()


@dataclass
class _Sheet:
    name: str
    rows: list[list[_Cell]]
    # Merged ranges, 0-based and inclusive: (first row, first column, last row, last column).
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


def read_spreadsheet(path: Path) -> list[Member]:
    if path.name.startswith(_LOCK_PREFIXES):
        return []  # an owner or lock file of a workbook open elsewhere: no sheet in it
    suffix = path.suffix.lower()
    sheets = _ods_sheets(path) if suffix in (".ods", ".fods") else _xlsx_sheets(path)
    names = MemberNames()
    members = []
    for sheet in sheets:
        if text := _sheet_csv(sheet):
            members.append((names.name_for(sheet.name).removesuffix(".md") + ".csv", text))
    return members


class _Rows:
    """A sheet's rows from its first, until a long run of empty ones or a limit."""

    def __init__(self) -> None:
        self.rows: list[list[_Cell]] = []
        self.empty_run = 0
        self.done = False

    def add(self, cells: list[_Cell], repeat: int = 1) -> bool:
        """Add a row, ``repeat`` times over; False once no more rows are wanted."""
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            self.empty_run += repeat
            self.done = self.empty_run > _MAX_EMPTY_RUN
            if not self.done:
                self.rows.extend([] for _ in range(repeat))
            return not self.done
        self.empty_run = 0
        self.rows.extend(list(cells) for _ in range(min(repeat, _MAX_ROWS - len(self.rows))))
        self.done = len(self.rows) >= _MAX_ROWS
        return not self.done

    def finished(self) -> list[list[_Cell]]:
        while self.rows and not self.rows[-1]:
            self.rows.pop()
        return self.rows


# Office Open XML (.xlsx, .xlsm), through openpyxl.

_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SHEET_DATA_RE = re.compile(rb"<(?:[\w.\-]+:)?sheetData\b[^>]*?(/?)>")
_SHEET_DATA_END_RE = re.compile(rb"</(?:[\w.\-]+:)?sheetData\s*>")
_FORMULA_MARK = b"HYPERLINK("


def _xlsx_sheets(path: Path) -> list[_Sheet]:
    kind = path.suffix.lower() if path.suffix.lower() == ".xlsm" else ".xlsx"
    with open_package(path, kind) as archive:
        _vet_package(archive, path.name)
        with path.open("rb") as file:
            book = _open_workbook(file, path.name, data_only=True)
            try:
                read = [_xlsx_sheet(archive, ws, path.name) for ws in _visible(book, path.name)]
            finally:
                book.close()
        if any(formulas for _, formulas in read):
            with path.open("rb") as file:
                book = _open_workbook(file, path.name, data_only=False)
                try:
                    for sheet, formulas in read:
                        if formulas:
                            _add_formulas(book[sheet.name], sheet, path.name)
                finally:
                    book.close()
    return [sheet for sheet, _ in read]


def _vet_package(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse what no spreadsheet application writes before openpyxl parses it: a part
    too large to be a workbook's (a zip bomb), an XML part in UTF-16 or one that declares
    a DOCTYPE or entities (see office.parse_xml)."""
    members = archive.infolist()
    if sum(member.file_size for member in members) > _MAX_PACKAGE_BYTES:
        raise ParseError(name, None, "the workbook unpacks to more than 512 MiB; refused")
    for member in members:
        if member.file_size > MAX_PART_BYTES:
            raise ParseError(name, None, f"{member.filename} is too large to be a workbook's")
        if not member.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        head = _read_head(archive, member, name)
        if b"\x00" in head[:512]:
            raise ParseError(name, None, f"{member.filename} is not UTF-8 XML as Excel writes it")
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise ParseError(
                name, None, f"{member.filename} declares a DOCTYPE or entities; refused"
            )


def _read_head(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> bytes:
    try:
        with archive.open(member) as stream:
            return stream.read(_PROLOG_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, zlib.error):
        raise ParseError(name, None, f"{member.filename} cannot be unpacked") from None


def _open_workbook(file: IO[bytes], name: str, data_only: bool) -> Any:
    try:
        with warnings.catch_warnings():
            # "extension is not supported", "no default style": about saving the file again
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(file, read_only=True, data_only=data_only)
    except Exception as error:  # openpyxl raises what its parsing meets (KeyError, …)
        raise ParseError(name, None, f"not a readable workbook ({_reason(error)})") from None


def _reason(error: Exception) -> str:
    text = " ".join(str(error).strip("'\"").split())
    return (text[:120] or type(error).__name__).rstrip(".")


def _visible(book: Any, name: str) -> list[Any]:
    sheets = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    if len(sheets) > _MAX_SHEETS:
        raise ParseError(name, None, f"more than {_MAX_SHEETS} sheets; no tracker has so many")
    return sheets


def _xlsx_sheet(archive: zipfile.ZipFile, ws: Any, name: str) -> tuple[_Sheet, bool]:
    """A worksheet's rows, merged ranges and hyperlinks, and whether any of its cells
    holds a HYPERLINK formula (read in a second pass: openpyxl gives a cell's formula or
    its saved value, not both)."""
    rows = _Rows()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            width = min(ws.max_column or _MAX_COLUMNS, _MAX_COLUMNS)
            for cells in ws.iter_rows(max_col=width):
                if not rows.add([_xlsx_cell(cell) for cell in cells]):
                    break
    except Exception as error:  # a shared string past the table, a damaged part, …
        raise ParseError(name, None, f"sheet “{ws.title}” is damaged ({_reason(error)})") from None
    sheet = _Sheet(ws.title, rows.finished())
    part = getattr(ws, "_worksheet_path", "")
    outside, formulas = _outside_rows(archive, part, name) if part else (None, False)
    if outside is not None:
        sheet.merged = _merged_ranges(outside)
        _add_hyperlinks(sheet, outside, _relationships(archive, part, name))
    return sheet, formulas


def _xlsx_cell(cell: Any) -> _Cell:
    value = cell.value
    if value is None or getattr(cell, "data_type", "") == "e":
        return _EMPTY  # empty, or an error (#N/A, #REF!)
    return _Cell(_value_text(value, getattr(cell, "number_format", "") or ""))


def _value_text(value: object, number_format: str = "") -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float):
        return _number_text(value, percent="%" in number_format)
    return str(value).strip()


def _number_text(value: float, percent: bool = False) -> str:
    value = value * 100 if percent else value
    text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.15g}"
    return f"{text}%" if percent else text


def _outside_rows(archive: zipfile.ZipFile, part: str, name: str) -> tuple[ET.Element | None, bool]:
    """A worksheet's XML without its rows (what follows them: merged ranges, hyperlinks),
    and whether any cell's formula is a HYPERLINK. Read a megabyte at a time, the rows
    passed over as bytes: a sheet formatted down to its last row is never held whole."""
    try:
        info = archive.getinfo(part)
    except KeyError:
        return None, False
    head, tail, window = bytearray(), bytearray(), b""
    state, formulas = "head", False
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK_BYTES):
                if state == "head":
                    head += chunk
                    found = _SHEET_DATA_RE.search(head)
                    if found is None:
                        if len(head) > _MAX_HEAD_BYTES:
                            return None, False
                        continue
                    chunk = bytes(head[found.end() :])
                    del head[found.start() :]
                    state = "tail" if found[1] else "rows"  # <sheetData/>: no rows
                if state == "rows":
                    window += chunk
                    formulas = formulas or _FORMULA_MARK in window.upper()
                    end = _SHEET_DATA_END_RE.search(window)
                    if end is None:
                        window = window[-64:]
                        continue
                    chunk, state = window[end.end() :], "tail"
                tail += chunk
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, zlib.error):
        raise ParseError(name, None, f"{part} cannot be unpacked") from None
    if state != "tail":
        return None, formulas
    return parse_xml(bytes(head + tail), name, part), formulas


def _merged_ranges(root: ET.Element) -> list[tuple[int, int, int, int]]:
    ranges = []
    for merge in root.iter():
        if merge.tag.endswith("}mergeCell") and (bounds := _bounds(merge.get("ref", ""))):
            ranges.append(bounds)
    return ranges


def _bounds(reference: str) -> tuple[int, int, int, int] | None:
    """ "B2:D4" as 0-based (first row, first column, last row, last column)."""
    try:
        first_column, first_row, last_column, last_row = range_boundaries(reference)
    except (ValueError, TypeError):
        return None
    if None in (first_column, first_row, last_column, last_row):
        return None  # a whole row or column: no cell of a table
    return first_row - 1, first_column - 1, last_row - 1, last_column - 1


def _relationships(archive: zipfile.ZipFile, part: str, name: str) -> dict[str, str]:
    folder, base = posixpath.split(part)
    root = read_part(archive, f"{folder}/_rels/{base}.rels".lstrip("/"), name)
    if root is None:
        return {}
    return {each.get("Id", ""): each.get("Target", "") for each in root.iter(_RELATIONSHIP)}


def _add_hyperlinks(sheet: _Sheet, root: ET.Element, targets: dict[str, str]) -> None:
    """Each hyperlink's address on the cells it covers; links to a place in the workbook
    (``location`` only) lead nowhere once imported."""
    for hyperlink in root.iter():
        if not hyperlink.tag.endswith("}hyperlink"):
            continue
        target = targets.get(hyperlink.get(_R_ID, ""), "")
        bounds = _bounds(hyperlink.get("ref", ""))
        if not target or bounds is None:
            continue
        first_row, first_column, last_row, last_column = bounds
        for row in sheet.rows[first_row : last_row + 1]:
            for column in range(first_column, min(last_column + 1, len(row))):
                if row[column]:
                    row[column] = replace(row[column], link=target)


def _add_formulas(ws: Any, sheet: _Sheet, name: str) -> None:
    """The HYPERLINK formulas of the rows read, beside their saved values."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values = ws.iter_rows(max_row=len(sheet.rows), max_col=_MAX_COLUMNS, values_only=True)
            for row, cells in zip(sheet.rows, values, strict=False):
                for column, value in enumerate(cells):
                    if isinstance(value, str) and "HYPERLINK" in value.upper():
                        row.extend([_EMPTY] * (column + 1 - len(row)))
                        row[column] = replace(row[column], formula=value)
    except Exception as error:  # see _xlsx_sheet
        raise ParseError(name, None, f"sheet “{ws.title}” is damaged ({_reason(error)})") from None


# OpenDocument (.ods, and the flat .fods), streamed.

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_ODS_CELLS = frozenset({f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"})
_UNSEEN = frozenset({f"{_OFFICE}annotation", f"{_TEXT}note"})


def _ods_sheets(path: Path) -> list[_Sheet]:
    reader = _OdsReader(path.name)
    try:
        if path.suffix.lower() == ".fods":
            with path.open("rb") as stream:
                return reader.read(stream, "")
        with open_package(path, ".ods") as archive:
            _check_ods(archive, path.name)
            try:
                info = archive.getinfo("content.xml")
            except KeyError:
                reason = "not an OpenDocument spreadsheet: it has no content.xml"
                raise ParseError(path.name, None, reason) from None
            if info.file_size > MAX_PART_BYTES:
                raise ParseError(path.name, None, "content.xml is too large to be a workbook's")
            with archive.open(info) as stream:
                return reader.read(stream, "content.xml")
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, zlib.error):
        raise ParseError(path.name, None, "content.xml cannot be unpacked") from None
    except RecursionError:
        raise ParseError(path.name, None, "a cell's text nests too deep to read") from None


def _check_ods(archive: zipfile.ZipFile, name: str) -> None:
    try:
        mimetype = archive.read("mimetype").strip()
        manifest = archive.read("META-INF/manifest.xml")
    except KeyError:
        return  # some writers leave these out; content.xml decides
    if mimetype and not mimetype.startswith(_ODS_MIMETYPES):
        kind = mimetype.decode("ascii", "replace")
        raise ParseError(name, None, f"not an OpenDocument spreadsheet but {kind}")
    if b"encryption-data" in manifest:
        raise ParseError(name, None, "password-protected: save it again without a password")


def _xml_events(stream: IO[bytes], name: str, part: str) -> Iterator[tuple[str, ET.Element]]:
    """XML parsed as it is read, refusing what office.parse_xml refuses."""
    parser = ET.XMLPullParser(events=("start", "end"))
    subject, previous, first = part or "the workbook", b"", True
    try:
        while chunk := stream.read(_CHUNK_BYTES):
            if first and b"\x00" in chunk[:512]:
                reason = f"{subject} is not UTF-8 XML as an office suite writes it"
                raise ParseError(name, None, reason)
            joined, previous, first = previous[-16:] + chunk, chunk, False
            if b"<!DOCTYPE" in joined or b"<!ENTITY" in joined:
                raise ParseError(name, None, f"{subject} declares a DOCTYPE or entities; refused")
            parser.feed(chunk)
            yield from _events(parser)
        parser.close()
        yield from _events(parser)
    except ET.ParseError as error:
        line, column = error.position if error.position else (0, 0)
        reason = f"{subject} is damaged (line {line}, column {column + 1})"
        raise ParseError(name, None, reason) from None


def _events(parser: ET.XMLPullParser) -> Iterator[tuple[str, ET.Element]]:
    for event in parser.read_events():
        if len(event) == 2 and isinstance(event[1], ET.Element):  # start and end events
            yield event[0], event[1]


class _OdsReader:
    """content.xml's tables, row by row, each row dropped once read."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.hidden_styles: set[str] = set()
        self.sheets: list[_Sheet] = []

    def read(self, stream: IO[bytes], part: str) -> list[_Sheet]:
        stack: list[ET.Element] = []
        open_cells = 0  # a table inside a cell is no sheet
        table: _OdsTable | None = None
        for event, element in _xml_events(stream, self.name, part):
            tag = element.tag
            if event == "start":
                stack.append(element)
                open_cells += tag in _ODS_CELLS
                if tag == f"{_TABLE}table" and not open_cells:
                    hidden = element.get(f"{_TABLE}style-name", "") in self.hidden_styles
                    table = _OdsTable(element.get(f"{_TABLE}name", ""), hidden)
                continue
            stack.pop()
            open_cells -= tag in _ODS_CELLS
            if tag == f"{_STYLE}style":
                self._note_style(element)
            elif tag == f"{_TABLE}table-row" and table is not None and not open_cells:
                table.add(element)
                stack[-1].remove(element)  # read: the rows already read are not kept
            elif tag == f"{_TABLE}table" and table is not None and not open_cells:
                if not table.hidden:
                    self.sheets.append(table.sheet())
                if len(self.sheets) > _MAX_SHEETS:
                    raise ParseError(self.name, None, f"more than {_MAX_SHEETS} sheets")
                table = None
                if stack:
                    stack[-1].remove(element)
        return self.sheets

    def _note_style(self, style: ET.Element) -> None:
        """A table style that hides the sheet (Calc's Sheet ▸ Hide Sheet)."""
        properties = style.find(f"{_STYLE}table-properties")
        if properties is not None and properties.get(f"{_TABLE}display") == "false":
            self.hidden_styles.add(style.get(f"{_STYLE}name", ""))


class _OdsTable:
    def __init__(self, name: str, hidden: bool) -> None:
        self.name, self.hidden = name, hidden
        self.rows = _Rows()
        self.merged: list[tuple[int, int, int, int]] = []
        self.index = 0  # the sheet row the next row element starts at

    def add(self, row: ET.Element) -> None:
        repeat = _count(row.get(f"{_TABLE}number-rows-repeated"))
        if self.hidden or self.rows.done:
            return
        cells: list[_Cell] = []
        column = 0
        for cell in row:
            if cell.tag not in _ODS_CELLS or column >= _MAX_COLUMNS:
                continue
            times = _count(cell.get(f"{_TABLE}number-columns-repeated"))
            across = _count(cell.get(f"{_TABLE}number-columns-spanned"))
            down = _count(cell.get(f"{_TABLE}number-rows-spanned"))
            if across > 1 or down > 1:
                self.merged.append((self.index, column, self.index + down - 1, column + across - 1))
            value = _ods_cell(cell) if cell.tag == f"{_TABLE}table-cell" else _EMPTY
            if value:
                cells.extend([_EMPTY] * (column - len(cells)))
                cells.extend([value] * min(times, _MAX_COLUMNS - column))
            column += times
        self.rows.add(cells, repeat)
        self.index += repeat

    def sheet(self) -> _Sheet:
        return _Sheet(self.name, self.rows.finished(), self.merged)


def _count(value: str | None) -> int:
    return max(int(value), 1) if value and value.isdigit() else 1


def _ods_cell(cell: ET.Element) -> _Cell:
    kind = cell.get(f"{_OFFICE}value-type", "")
    links: list[str] = []
    text = "\n".join(
        _ods_text(paragraph, links).strip()
        for paragraph in cell
        if paragraph.tag in (f"{_TEXT}p", f"{_TEXT}h")
    ).strip()
    if kind == "float" and (number := cell.get(f"{_OFFICE}value")):
        with contextlib.suppress(ValueError):  # a value LibreOffice would not write
            text = _number_text(float(number))
    elif kind == "date" and (date := cell.get(f"{_OFFICE}date-value")):
        text = _iso_date(date) or text
    elif kind == "boolean":
        text = "TRUE" if cell.get(f"{_OFFICE}boolean-value") == "true" else "FALSE"
    formula = cell.get(f"{_TABLE}formula", "")
    link = next((found for found in map(_address, links) if found), "")
    return _Cell(text, link, formula if "HYPERLINK" in formula.upper() else "")


def _ods_text(element: ET.Element, links: list[str]) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_TEXT}s":
            parts.append(" " * _count(child.get(f"{_TEXT}c")))
        elif child.tag in (f"{_TEXT}tab", f"{_TEXT}line-break"):
            parts.append(" " if child.tag.endswith("tab") else "\n")
        elif child.tag not in _UNSEEN:
            if child.tag == f"{_TEXT}a":
                links.append(child.get(f"{_XLINK}href", ""))
            parts.append(_ods_text(child, links))
        parts.append(child.tail or "")
    return "".join(parts)


def _iso_date(value: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return ""
    return _value_text(moment)


# From a sheet's cells to the CSV the tracker reader reads.


def _sheet_csv(sheet: _Sheet) -> str:
    grid = _filled_down(sheet.rows, sheet.merged)
    grid = [[_resolved(cell, grid) for cell in row] for row in grid]
    header_at = _header_row(grid)
    titled = header_at is not None and _has_title(grid[header_at])
    if not titled and (turned := _turned(grid)) is not None:
        grid, header_at = turned, 0
    if header_at is None:
        return ""  # no table: a dashboard, a chart's data, a page of notes
    header = grid[header_at]
    keys = [_key(cell.text) for cell in header]
    body = [
        row
        for row in grid[header_at + 1 :]
        if any(row) and [_key(cell.text) for cell in row] != keys[: len(row)]
    ]
    width = max(len(row) for row in [header, *body])
    columns = [
        column
        for column in range(width)
        if (_at(header, column) or any(_at(row, column) for row in body))
        and not _numbers_the_rows(header, body, column)
    ]
    names = _canonical([" ".join(_at(header, c).text.split()) for c in columns])
    cells = [[_at(row, column) for column in columns] for row in body]
    _title_from_citations(names, cells)
    names, texts = _with_links(names, cells)
    if "Title" in names and "Status" not in names and (status := _sheet_status(sheet.name)):
        names.append("Status")
        texts = [[*row, status] for row in texts]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(texts)
    return out.getvalue()


def _numbers_the_rows(header: list[_Cell], body: list[list[_Cell]], column: int) -> bool:
    """A column of row numbers ("#", "ID": 1, 2, 3…) says nothing of the papers, and an
    "ID" beside a Title and a Status is what the CSV reader takes for an issue tracker's."""
    values = [_at(row, column).text for row in body if _at(row, column).text]
    return _key(_at(header, column).text) in _ROW_NUMBER_KEYS and all(map(str.isdigit, values))


def _at(row: list[_Cell], column: int) -> _Cell:
    return row[column] if column < len(row) else _EMPTY


def _filled_down(
    rows: list[list[_Cell]], merged: list[tuple[int, int, int, int]]
) -> list[list[_Cell]]:
    """A cell merged down over rows (a week, a topic, a header over two header rows)
    gives its value to each; one merged across columns stays in its first."""
    grid = [list(row) for row in rows]
    for first_row, column, last_row, _ in merged:
        if first_row >= len(grid) or not (value := _at(grid[first_row], column)):
            continue
        for row in grid[first_row + 1 : last_row + 1]:
            row.extend([_EMPTY] * (column + 1 - len(row)))
            row[column] = value
    return grid


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" *:")


def _could_name_a_column(text: str, labels: bool = False) -> bool:
    """Not a value: no number or date, no address, no "Name:" label (above a table,
    "Name: | Dana" is no header; down a form's first column, "Title:" is)."""
    text = " ".join(text.split())
    return (
        not _NUMBER_LIKE_RE.fullmatch(text)
        and not text.casefold().startswith(("http://", "https://", "www."))
        and (labels or not text.endswith(":"))
    )


def _is_short(text: str) -> bool:
    return len(text) <= _MAX_NAME_CHARS and len(text.split()) <= _MAX_NAME_WORDS


def _names_a_column(text: str) -> bool:
    key = _key(text)
    return key in _CANONICAL or bool(set(_WORD_RE.findall(key)) & _COLUMN_WORDS)


def _looks_like_header(row: list[_Cell]) -> bool:
    """Column names: no values among them, most of them short (a template may explain
    a column in its name), at least two of the words trackers name columns with."""
    texts = [cell.text for cell in row if cell.text]
    return (
        all(map(_could_name_a_column, texts))
        and sum(map(_is_short, texts)) * 3 >= len(texts) * 2
        and _known_names(row) >= _MIN_KNOWN_COLUMNS
    )


def _known_names(row: list[_Cell]) -> int:
    return sum(_names_a_column(cell.text) for cell in row if cell.text)


def _has_title(row: list[_Cell]) -> bool:
    return any(_key(cell.text) in _TITLE_KEYS for cell in row)


def _header_row(grid: list[list[_Cell]]) -> int | None:
    """The first row that names columns with a Title among them; else the first that
    names columns at all (a table of other things, left for the CSV reader to report)."""
    filled = [index for index, row in enumerate(grid) if any(row)][:_HEADER_SEARCH_ROWS]
    headers = [index for index in filled if _looks_like_header(grid[index])]
    titled = [index for index in headers if _has_title(grid[index])]
    if not titled:
        return headers[0] if headers else None
    # Of a header over two rows ("Publication" over "Authors | Year | Venue"), the row
    # that names the most columns.
    block = [titled[0]]
    while block[-1] + 1 in headers:
        block.append(block[-1] + 1)
    return max(reversed(block), key=lambda index: _known_names(grid[index]))


def _turned(grid: list[list[_Cell]]) -> list[list[_Cell]] | None:
    """A sheet kept one paper to a column, the field names down its first column (a
    data extraction form, a sheet per study): turned so that each paper is a row."""
    first = min(
        (next(i for i, cell in enumerate(row) if cell) for row in grid if any(row)), default=0
    )
    # The rows that label a value; a banner above the form has none beside it.
    fields = [row for row in grid if _at(row, first).text and any(row[first + 1 :])]
    labels = [_at(row, first).text for row in fields]
    if not any(_key(label) in _TITLE_KEYS for label in labels):
        return None
    named = [label for label in labels if _could_name_a_column(label, True) and _is_short(label)]
    if sum(map(_names_a_column, named)) < 3 or len(named) < len(labels) / 2:
        return None
    header = [_Cell(_key(label).capitalize()) for label in labels]
    width = max(len(row) for row in fields)
    papers = [[_at(row, column) for row in fields] for column in range(first + 1, width)]
    return [header, *[paper for paper in papers if any(paper)]]


def _canonical(names: list[str]) -> list[str]:
    """Column names as the CSV reader reads them ("Article Title" → "Title"), the first
    of each kind; a column named so already keeps its name, and others of its kind theirs."""
    keys = [_key(name) for name in names]
    taken = {
        _CANONICAL[key] for key in keys if key in _CANONICAL and key == _CANONICAL[key].casefold()
    }
    out = []
    for name, key in zip(names, keys, strict=True):
        canonical = _CANONICAL.get(key)
        if canonical is None or (canonical in taken and key != canonical.casefold()):
            out.append(name)
        else:
            taken.add(canonical)
            out.append(canonical)
    return out


def _title_from_citations(names: list[str], cells: list[list[_Cell]]) -> None:
    """A literature matrix with no Title column: its column of whole citations is read
    as the papers' titles (the notes reader takes a citation in a title cell apart)."""
    if "Title" in names:
        return
    for column, name in enumerate(names):
        words = [len(row[column].text.split()) for row in cells if row[column].text]
        if (
            _key(name) in _CITATION_KEYS
            and words
            and statistics.median(words) >= _MIN_CITATION_WORDS
        ):
            names[column] = "Title"
            return


def _resolved(cell: _Cell, grid: list[list[_Cell]]) -> _Cell:
    """A HYPERLINK formula's address (and text, where no value was saved with it)."""
    if not cell.formula:
        return cell
    address, label = _hyperlink(cell.formula, grid)
    if not address:
        return cell
    return replace(cell, text=cell.text or label or address, link=cell.link or address)


_HYPERLINK_RE = re.compile(
    r"^\s*(?:of:)?\s*=?\s*(?:_xlfn\.)?HYPERLINK\s*\((?P<args>.*)\)\s*$", re.I | re.S
)
_REFERENCE_RE = re.compile(r"^\[?\.?\$?(?P<column>[A-Z]{1,3})\$?(?P<row>\d{1,7})\]?$", re.I)


def _hyperlink(formula: str, grid: list[list[_Cell]]) -> tuple[str, str]:
    """``HYPERLINK("https://…", "text")`` (Excel, Google Sheets; ``;`` between the
    arguments in LibreOffice) as (address, text). The address may join strings and cells
    of the same sheet with ``&``; anything else (another function) is not worked out."""
    found = _HYPERLINK_RE.match(formula)
    if found is None:
        return "", ""
    arguments = _split(found["args"], ",;")
    values = [_evaluate(argument, grid) for argument in arguments[:2]]
    address = _address(values[0] or "") if values else ""
    label = values[1] if len(values) > 1 and values[1] else ""
    return address, label


def _split(text: str, separators: str) -> list[str]:
    """Text split at the separators outside quotes and brackets."""
    parts: list[str] = []
    current: list[str] = []
    quoted, depth = False, 0
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "([":
            depth += 1
        elif not quoted and char in ")]":
            depth -= 1
        elif not quoted and depth == 0 and char in separators:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    parts.append("".join(current).strip())
    return parts


def _evaluate(expression: str, grid: list[list[_Cell]]) -> str | None:
    """A string, a cell of this sheet, or such joined with ``&``; None for any other."""
    pieces = []
    for piece in _split(expression, "&"):
        if len(piece) >= 2 and piece[0] == piece[-1] == '"':
            pieces.append(piece[1:-1].replace('""', '"'))
        elif reference := _REFERENCE_RE.match(piece):
            row, column = int(reference["row"]) - 1, _column_index(reference["column"])
            pieces.append(_at(grid[row], column).text if row < len(grid) else "")
        else:
            return None
    return "".join(pieces)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _address(target: str) -> str:
    """A link a reader can follow to the web ("doi:10.…" as its doi.org address); "" for
    a mail address, a file beside the workbook or a place in it."""
    target = target.strip()
    if target.casefold().startswith("doi:"):
        target = "https://doi.org/" + target[4:].strip()
    found = outside_link(target)
    return found if found.casefold().startswith(_LINK_SCHEMES) else ""


def _with_links(names: list[str], rows: list[list[_Cell]]) -> tuple[list[str], list[list[str]]]:
    """The table's texts, each hyperlink whose text is not its address kept: in a link
    column the address replaces the text ("pdf"); from a title, and from another column
    when it leads to a paper, it goes into a column added after it."""
    out_names: list[str] = []
    columns: list[list[str]] = []
    for column, name in enumerate(names):
        cells = [row[column] for row in rows]
        targets = [_target(cell) for cell in cells]
        out_names.append(name)
        if _key(name) in _LINK_KEYS:
            columns.append(
                [target or cell.text for cell, target in zip(cells, targets, strict=True)]
            )
            continue
        columns.append([cell.text for cell in cells])
        title = name == "Title"
        kept = [target if target and (title or is_paper_url(target)) else "" for target in targets]
        if any(kept):
            # "Link" is a column the CSV reader reads as a paper's (a sheet of titles and
            # notes has no other); beside the sheet's own Link column, "Title link".
            out_names.append("Link" if title and "Link" not in names else f"{name} link")
            columns.append(kept)
    return out_names, [list(row) for row in zip(*columns, strict=True)]


def _target(cell: _Cell) -> str:
    """The cell's link where its text does not already say it, and where it leads to
    more than the person's own copy of a file (a PDF in Drive, notes in a Doc): the notes
    reader takes a row whose only links lead there for one about something else."""
    address = _address(cell.link) if cell.link else ""
    if not address or _same_address(address, cell.text):
        return ""
    host = (urlsplit(address).hostname or "").removeprefix("www.")
    if host in _OWN_FILES or host.endswith(_OWN_FILE_DOMAINS):
        return ""
    return address


def _same_address(address: str, text: str) -> bool:
    def plain(value: str) -> str:
        value = value.strip().casefold().rstrip("/")
        return re.sub(r"^(?:https?://)?(?:www\.)?", "", value)

    return plain(address) == plain(text)


def _sheet_status(name: str) -> str:
    """The reading status a sheet's name is ("To read", "Papers to read", "Backlog"), or
    "" for any other name ("Reading list", "2024", "NLP")."""
    if _status_named(name):
        return name.strip()
    words = [w for w in re.split(r"[\s_\-]+", name.casefold()) if w and w not in _SHEET_NAME_FILLER]
    phrase = " ".join(words)
    return phrase if phrase and _status_named(phrase) else ""


def _status_named(text: str) -> bool:
    return status_key(text) in TO_READ | READ | PART_READ or status_says_unread(text)
