"""Tables with a header that names their columns: "| Title | Authors | Venue | Year | Link |".

A "papers I read" README, a Notion database page or a syllabus keeps its papers as rows
of such a table. A row is a paper when its title cell holds a title; the other named
columns give its authors, venue and year, and any cell linking a paper gives its
identifiers. Links to the notes beside the table (``notes/gfs.md``) are no evidence.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote

from papershelf.importers.notes.citations import (
    NOT_A_PAPER_LABEL_RE,
    SAYS_A_BOOK_RE,
    is_link_word,
    names_non_papers,
    names_only,
    read_citation,
    read_names_then_title,
)
from papershelf.importers.notes.layout import (
    Layout,
    Part,
    heading_marker,
    make_summary,
    title_heading,
)
from papershelf.importers.notes.links import (
    add_identifier,
    add_link,
    find_links,
    is_not_paper_url,
    is_paper_url,
)
from papershelf.importers.notes.metadata import parse_authors, states_facts
from papershelf.importers.notes.source import Source
from papershelf.importers.notes.status import is_checked, status_says_unread
from papershelf.importers.notes.text import (
    MARKDOWN_LINK_RE,
    YEAR_RE,
    strip_decoration,
    visible_text,
)
from papershelf.importers.records import ImportWarning, PaperRecord, SummaryRecord
from papershelf.lib.identifiers import classify_url, identify
from papershelf.lib.titles import is_probably_title

_ROW_RE = re.compile(r"^ {0,3}\|.*\|\s*$")
_DELIMITER_RE = re.compile(r"^ {0,3}\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$")
_CELL_SEPARATOR_RE = re.compile(r"(?<!\\)\|")
_COLUMNS = {
    "title": ("title", "paper", "paper title", "name", "论文", "标题", "题目"),
    "authors": ("authors", "author", "by", "作者"),
    "venue": ("venue", "conference", "journal", "published", "where", "会议", "期刊"),
    "year": ("year", "date", "年份", "年"),
    "notes": ("notes", "note", "summary", "comments", "comment", "thoughts", "tl;dr", "tldr"),
    # A reading tracker's (Notion, Airtable, a sheet): what it says was read, and what is
    # no paper at all.
    "status": ("status", "reading status", "read status", "state", "progress"),
    "read": ("read?", "read", "have read", "read it", "done?", "finished?"),
    "type": ("type", "item type", "kind", "resource type", "document type", "media type"),
}
_MIN_ROWS = 2


def read_headed_tables(
    source: Source, front_title: str, *, min_rows: int = _MIN_ROWS
) -> Layout | None:
    layout = Layout(parts=[])
    index = source.start
    # Tables under numbered sections are a path to follow: a row not ticked yet is still
    # on it (the ticks are the reader's progress), as a to-read section of a path is.
    path = sum(1 for h in source.headings if _NUMBERED_HEADING_RE.match(h.text)) >= 2
    while index < len(source.lines) - 1:
        if _starts_table(source, index):
            index = _read_table(source, index, layout, path=path)
        else:
            index += 1
    if len(layout.parts) < min_rows:
        return None
    title = title_heading(source, front_title)
    layout.markers += [
        heading_marker(heading, "title" if heading is title else "group")
        for heading in source.headings
    ]
    return layout


def _starts_table(source: Source, index: int) -> bool:
    return (
        index not in source.hidden
        and bool(_ROW_RE.match(source.lines[index]))
        and bool(_DELIMITER_RE.match(source.lines[index + 1]))
    )


def _byline(text: str) -> list[str]:
    """ "*Graves, Jaitly*", "*Rabiner*", "*Dahl, Yu, Deng, Acero*": surnames alone, one
    per comma (not "Family, Given"); full names as any author list is read."""
    text = strip_decoration(text).strip()
    parts = [part.strip() for part in re.split(r",|&|\band\b", text) if part.strip()]
    if parts and all(_SURNAME_RE.match(part) for part in parts):
        return parts
    return parse_authors(text) if names_only(text) else []


_SURNAME_RE = re.compile(r"^[A-Z][\w'’\-]+$")
_LINE_BREAK_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BOOK_VENUE_RE = re.compile(r"^\W*(?:book|textbook)\b", re.IGNORECASE)
_NUMBERED_HEADING_RE = re.compile(r"^\W*(?:part\s+|stage\s+|step\s+)?\d{1,2}\b", re.IGNORECASE)


def _read_table(source: Source, start: int, layout: Layout, *, path: bool = False) -> int:
    columns = _columns(_cells(source.lines[start]))
    index = start + 2
    if not columns and _bold_row(source, index):
        # Apple Notes and Word write no header row: its first row, set in bold, is one
        # ("|  |  |" over "| **Paper** | **Notes** |").
        columns, index = _columns(_cells(source.lines[index])), index + 1
    if "title" not in columns:
        return _read_citation_cells(source, start, layout)
    found: list[Part] = []
    end = index
    while end < len(source.lines) and _ROW_RE.match(source.lines[end]):
        end += 1
    ticked = (
        not path
        and "read" in columns
        and any(
            is_checked(_cell(_cells(source.lines[i]), columns, "read")) for i in range(index, end)
        )
    )
    while index < end:
        cells = _cells(source.lines[index])
        left_out = _not_read(cells, columns, ticked)
        paper = None if left_out else _paper(cells, columns)
        if left_out and (title := visible_text(cells[columns["title"]]).strip()):
            message = f"“{title}” left out: {left_out}, not a paper read"
            layout.warnings.append(ImportWarning(source.path, index + 1, message))
        if paper is not None:
            evidence = "a row of a table with a Title column"
            summary = _notes(cells, columns)
            # A table keyed by its first column's year is a bookmark page by year.
            by_year = columns.get("year") == 0 and paper.year is not None
            sections = (str(paper.year),) if by_year else ()
            link = _note_link(cells[columns["title"]]) or _notion_page(
                source.path, cells[columns["title"]]
            )
            found.append(
                Part(index, index + 1, paper, summary, sections, evidence=evidence, note_link=link)
            )
        index += 1
    # A rota ("| 10 Mar | me | Dagan (Clalit vaccine) |") names papers by what the group
    # calls them, and a tracker's rows with no link, author or year are its videos and
    # talks: a row with no facts counts only when it reads as a title.
    found = [
        part
        for part in found
        if part.paper is not None
        and (_states_facts(part.paper) or is_probably_title(_CITED_BY_RE.sub("", part.paper.title)))
    ]
    layout.parts += found
    return index


# "BM25 warm-up (Robertson & Zaragoza)", "RAPTOR (Sarthi et al. 2024)?": a nickname and
# who wrote it; the names are no part of a title.
_CITED_BY_RE = re.compile(r"\s*\([^()]*(?:\bet al\b|&|\band\b|\b(?:19|20)\d{2}\b)[^()]*\)\W*$")


def _bold_row(source: Source, index: int) -> bool:
    if index >= len(source.lines) or not _ROW_RE.match(source.lines[index]):
        return False
    if any(cell.strip() for cell in _cells(source.lines[index - 2])):
        return False
    cells = [cell.strip() for cell in _cells(source.lines[index])]
    return bool(cells) and all(_BOLD_CELL_RE.match(cell) for cell in cells if cell)


_BOLD_CELL_RE = re.compile(r"^(?:\*\*|__)[^*_]+(?:\*\*|__)$")


def _states_facts(paper: PaperRecord) -> bool:
    return bool(paper.url or paper.pdf_url) or states_facts(paper)  # a row may link its page


def _read_citation_cells(source: Source, start: int, layout: Layout) -> int:
    """A syllabus's table with no Title column ("Week | Topic | Required reading |
    Optional"): each cell that is a citation is a paper, in the table's row order. Fewer
    than two such cells and the table is about something else."""
    index = start + 2
    found: list[Part] = []
    columns = _columns(_cells(source.lines[start]))
    while index < len(source.lines) and _ROW_RE.match(source.lines[index]):
        cells = _cells(source.lines[index])
        if status_says_unread(visible_text(_cell(cells, columns, "status"))):
            index += 1
            continue  # "| Mar 18 | Gustavo | [Mixtral of Experts](…) | | announced |"
        for cell in cells:
            paper = read_citation(cell) if len(cell.split()) >= 4 else None
            papers = [paper] if paper is not None else _identified_links(cell)
            for paper in papers:
                evidence = "a citation in a table cell"
                found.append(Part(index, index + 1, paper, None, evidence=evidence))
        index += 1
    layout.parts += found if len(found) >= _MIN_ROWS else []
    return index


def _identified_links(cell: str) -> list[PaperRecord]:
    """ "[RT-1](https://arxiv.org/abs/2212.06817) and [RT-2](…)": papers known by a
    nickname whose links are their identifiers (a catalogue gives the titles online)."""
    papers = []
    for link in find_links(cell):
        identifier = identify(link.url)
        text = strip_decoration(link.text)
        if identifier is None or identifier.kind not in ("arxiv", "doi") or not text:
            continue
        if not is_link_word(text):
            paper = PaperRecord(title=text)
            add_link(paper, link.url)
            papers.append(paper)
    return papers


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, cell in enumerate(header):
        name = strip_decoration(visible_text(cell)).casefold().rstrip(":")
        for column, names in _COLUMNS.items():
            if name in names and column not in found:
                found[column] = position
    return found


def _cell(cells: list[str], columns: dict[str, int], column: str) -> str:
    position = columns.get(column)
    return cells[position] if position is not None and position < len(cells) else ""


# A Notes cell that says what the row is not: "software, not a paper — …", "not a paper".
_SAYS_NOT_A_PAPER_RE = re.compile(r"^[^.;]{0,30}?\bnot an? (?:paper|article)\b", re.IGNORECASE)


def _not_read(cells: list[str], columns: dict[str, int], ticked: bool) -> str:
    """Why a tracker's row is no paper read: a book or a tool, marked to read, or left
    unticked in a Read? column the person ticks (``ticked``: some row is); or ""."""
    notes = visible_text(_cell(cells, columns, "notes"))
    kind = visible_text(_cell(cells, columns, "type"))
    if kind and (names_non_papers(kind) or NOT_A_PAPER_LABEL_RE.match(kind + ":")):
        return f"its type is “{kind}”"
    if said := _SAYS_NOT_A_PAPER_RE.search(notes):
        return f"its notes say “{said[0]}”"  # "software, not a paper — but cite it in the SI"
    status = visible_text(_cell(cells, columns, "status"))
    if status_says_unread(status, notes):
        return f"it is marked “{status}”"
    if ticked and not is_checked(_cell(cells, columns, "read")):
        return "its Read? box is not ticked"
    return ""


# "**Graph Attention Networks** (GAT) ⭐": the title in bold, its nickname and marks after.
_BOLD_THEN_NICKNAME_RE = re.compile(
    r"^\s*\*\*(?P<title>[^*]+)\*\*\s*(?:\([\w+.\- ]{1,20}\))?[^\w\[\]()]*$"
)


def _paper(cells: list[str], columns: dict[str, int]) -> PaperRecord | None:
    def cell(column: str) -> str:
        return _cell(cells, columns, column)

    # "[Title](…)<br>*Graves, Fernández*": the title, then who wrote it on a line below.
    written, *below = _LINE_BREAK_RE.split(cell("title"), maxsplit=1)
    bold = _BOLD_THEN_NICKNAME_RE.match(written)
    title = strip_decoration(visible_text(bold["title"] if bold else written))
    if len(title.split()) < 1 or not any(ch.isalpha() for ch in title):
        return None
    if SAYS_A_BOOK_RE.search(title) or _BOOK_VENUE_RE.match(visible_text(cell("venue"))):
        return None  # "Speech and Language Processing, ch. 16" / venue "book (3rd ed.)"
    links = [link.url for text in cells for link in find_links(text)]
    linked = any(is_paper_url(url) for url in links)
    if not linked and not cell("authors").strip() and _no_paper(cell("title"), title):
        return None  # "TBD", "*spring break*", "Practice talk (no reading)": a schedule's note
    if links and not linked and all(_elsewhere(url) for url in links):
        return None  # a row for a video, a blog post or a code library the sheet tracks
    # "Sterne JAC et al. RoB 2: a revised tool … BMJ 2019;366:l4898": a citation's title.
    paper = read_citation(title) or read_names_then_title(title) or PaperRecord(title=title)
    if cell("authors").strip():
        paper.authors = parse_authors(cell("authors"))
    elif below and (names := _byline(visible_text(below[0]))):
        paper.authors = names
    year = YEAR_RE.search(visible_text(cell("year")) or visible_text(cell("venue")))
    paper.year = int(year[1]) if year else paper.year
    venue = strip_decoration(YEAR_RE.sub("", visible_text(cell("venue"))).strip())
    paper.venue = venue or paper.venue
    for text in cells:
        for link in find_links(text):
            if is_paper_url(link.url):
                add_link(paper, link.url)
        value = visible_text(text).strip()
        if " " not in value and not value.startswith("http"):
            add_identifier(paper, value)  # "| 10.1136/bmj.l4898 |": a DOI column
    return paper


# A link to a file beside the table: no scheme ("https:", "mailto:"), not "/site/path"
# or "#anchor", and a note's suffix or none (wiki and Obsidian links leave it out).
_NOT_A_FILE_RE = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:|[/#])", re.IGNORECASE)
_NOTE_SUFFIXES = frozenset({"", ".md", ".markdown", ".html", ".htm", ".txt", ".org", ".rst"})


def _note_link(cell: str) -> str:
    """The note a title cell links ("[Fitts 1954 - …](Fitts-1954_98411.html)"), if any:
    a Confluence or Notion index, a README over its notes folder."""
    links = [match for match in MARKDOWN_LINK_RE.finditer(cell) if not match["image"]]
    if len(links) != 1:
        return ""
    url = links[0]["url"].strip("<>")
    path = unquote(url.split("#", 1)[0].split("?", 1)[0])
    if (
        not path
        or _NOT_A_FILE_RE.match(url)
        or PurePosixPath(path).suffix.lower() not in (_NOTE_SUFFIXES)
    ):
        return ""
    return path


# Notion exports a database as "Reading list <32 hex>.csv" (and "…_all.csv"; read as a
# Markdown table, so ".md" here) beside a folder "Reading list <32 hex>/" of one
# "<Name> <32 hex>.md" page per row.
_NOTION_DATABASE_RE = re.compile(r"^(?P<name>.+ [0-9a-f]{32})(?:_all)?\.(?:csv|md)$")
# Characters Notion leaves out of a page's file name.
_NOTION_DROPPED_RE = re.compile(r'[:/\\?*"<>|]')


def _notion_page(path: str, cell: str) -> str:
    """The page a Notion database's row is exported as, named as links name it (without
    its hex suffix, see ``collection.follow_note_links``): the row is that page."""
    database = _NOTION_DATABASE_RE.match(PurePosixPath(path.replace("\\", "/")).name)
    if database is None:
        return ""
    return f"{database['name']}/{_NOTION_DROPPED_RE.sub(' ', visible_text(cell)).strip()}"


def _elsewhere(url: str) -> bool:
    return is_not_paper_url(url) or classify_url(url).kind == "code"


# What a reading group's schedule writes where no paper is read that week.
_SCHEDULE_NOTE_RE = re.compile(
    r"^(?:tbd|tba|tbc|n/?a|none|-+|—|cancell?ed|holiday|break\b|no (?:meeting|session|reading)"
    r"|(?:guest |practice |invited )?talk\b|keynote\b|social\b|spring break|winter break)"
    r"|\bno reading\b",
    re.IGNORECASE,
)


def _no_paper(raw: str, title: str) -> bool:
    """A title cell with nothing to vouch for it that is a note, not a paper's title: a
    placeholder, a remark set in italics, or words that do not start like a title."""
    italic = bool(re.fullmatch(r"\s*([*_])[^*_].*\1\s*", raw))
    return italic or bool(_SCHEDULE_NOTE_RE.search(title)) or title[:1].islower()


def _notes(cells: list[str], columns: dict[str, int]) -> SummaryRecord | None:
    """The Notes cell as the row's summary, unless it only points at a note file."""
    position = columns.get("notes")
    text = cells[position].strip() if position is not None and position < len(cells) else ""
    links = find_links(text)
    if not text or (links and not MARKDOWN_LINK_RE.sub("", text).strip(" ·,;")):
        return None
    return make_summary(text)


def _cells(line: str) -> list[str]:
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if re.search(r"(?<!\\)\|$", row) else row
    return [c.strip().replace("\\|", "|") for c in _CELL_SEPARATOR_RE.split(row)]
