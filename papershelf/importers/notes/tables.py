"""Bookmark tables: one Markdown table row per paper, continuation rows below it.

A row opens an entry when one cell is nothing but a link and either a year cell
stands before it or the link is a paper (its text a title, its URL a paper's). When
most such rows carry a cell before the link, that cell is required, so a
continuation row that happens to be a lone link stays a continuation. Rows after an
entry row, until the next one, are its summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from papershelf.importers.notes.citation import split_citation
from papershelf.importers.notes.layout import (
    Layout,
    Part,
    heading_marker,
    make_summary,
    title_heading,
)
from papershelf.importers.notes.links import (
    PaperLink,
    is_paper_url,
    paper_from_link,
    read_paper_link,
    read_sole_link,
)
from papershelf.importers.notes.source import Source
from papershelf.importers.notes.text import visible_text, word_count
from papershelf.importers.records import ImportWarning
from papershelf.lib.titles import is_probably_title

_ROW_RE = re.compile(r"^ {0,3}\|")
_CELL_SEPARATOR_RE = re.compile(r"(?<!\\)\|")
_DELIMITER_CELL_RE = re.compile(r"^\s*:?-+:?\s*$")
_YEAR_CELL_RE = re.compile(r"^(?:19|20)\d{2}$")
_IMAGE_TAG_RE = re.compile(r"<img\b[^>]*>|!\[[^\]]*\]\([^)]*\)", re.IGNORECASE)
_LIST_ITEM_RE = re.compile(r"^(?:[-*+]|\d+[.)])\s")
_LEAD_CELL_WORDS = 4  # a year, a number or a tag may stand before the link; prose may not


@dataclass
class _Row:
    line: int
    cells: list[str]  # stripped, with "\|" unescaped


@dataclass
class _Opening:
    row: _Row
    link_cell: int
    link: PaperLink


def read_bookmark_tables(source: Source, front_title: str) -> Layout | None:
    tables = _tables(source)
    openings = [opening for table in tables for row in table if (opening := _opening(row))]
    if not openings:
        return None
    with_lead = [o for o in openings if any(o.row.cells[: o.link_cell])]
    if len(with_lead) * 2 > len(openings):
        openings = with_lead
    opening_at = {opening.row.line: opening for opening in openings}
    layout = Layout(parts=[])
    for table in tables:
        starts = [index for index, row in enumerate(table) if row.line in opening_at]
        for number, index in enumerate(starts):
            stop = starts[number + 1] if number + 1 < len(starts) else len(table)
            end = table[stop].line if stop < len(table) else table[-1].line + 1
            rows = table[index + 1 : stop]
            layout.parts.append(_part(source, opening_at[table[index].line], rows, end, layout))
    title = title_heading(source, front_title)
    layout.markers += [
        heading_marker(heading, "title" if heading is title else "group")
        for heading in source.headings
    ]
    return layout


def _tables(source: Source) -> list[list[_Row]]:
    """Runs of table rows; blank lines between rows do not end a bookmark list."""
    tables: list[list[_Row]] = []
    current: list[_Row] = []
    for index in range(source.start, len(source.lines)):
        line = source.lines[index]
        if index not in source.hidden and _ROW_RE.match(line):
            cells = _cells(line)
            # Delimiter and empty rows only space the table out; they keep it going.
            is_spacer = all(_DELIMITER_CELL_RE.match(cell) or not cell for cell in cells)
            current.append(_Row(index, [] if is_spacer else cells))
        elif line.strip() and current:
            tables.append(current)
            current = []
    return [*tables, current] if current else tables


def _cells(line: str) -> list[str]:
    row = line.strip()[1:]
    if re.search(r"(?<!\\)\|$", row):
        row = row[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SEPARATOR_RE.split(row)]


def _opening(row: _Row) -> _Opening | None:
    for index, cell in enumerate(row.cells):
        link = _link_alone_in(cell) if cell else None
        if link is not None and urlsplit(link.url).fragment and not is_paper_url(link.url):
            return None  # "[Segregation](…syllabus.htm#_Week_2)": a calendar's jump to a week
        if link is not None:
            lead = [visible_text(c) for c in row.cells[:index] if c]
            dated = any(_YEAR_CELL_RE.match(text) for text in lead)
            # A dated row is an entry whatever it links; otherwise the link must be a paper.
            if dated or is_paper_url(link.url) or is_probably_title(link.title):
                return _Opening(row, index, link)
            return None
        if cell and (word_count(cell) > _LEAD_CELL_WORDS or "](" in cell):
            return None  # text before any link: a continuation row or a header
    return None


def _link_alone_in(cell: str) -> PaperLink | None:
    link = read_sole_link(cell) or read_paper_link(cell)
    # A bare URL gives no title, and a paper record needs one: such a row is text.
    return link if link and link.title and not link.after.strip(" *_") else None


def _part(source: Source, opening: _Opening, rows: list[_Row], end: int, layout: Layout) -> Part:
    cells = opening.row.cells
    lead = [visible_text(cell) for cell in cells[: opening.link_cell] if cell]
    year_text = next((cell for cell in lead if _YEAR_CELL_RE.match(cell)), "")
    citation = split_citation(opening.link.title)
    paper = paper_from_link(citation.title, opening.link.url, opening.link.other_urls)
    paper.organisations, paper.authors, paper.venue = (
        citation.organisations,
        citation.authors,
        citation.venue,
    )
    # The row's year is what the reading list is grouped by, so it wins; say so.
    paper.year = int(year_text) if year_text else citation.year
    if year_text and citation.year and citation.year != paper.year:
        layout.warnings.append(
            ImportWarning(
                source.path,
                opening.row.line + 1,
                f"“{citation.title}” is listed under {year_text} but its citation says "
                f"{citation.year}; kept {year_text}",
            )
        )
    texts = [
        cell for cell in cells[: opening.link_cell] if cell and visible_text(cell) != year_text
    ]
    texts += [cell for cell in cells[opening.link_cell + 1 :] if cell]
    texts += [" ".join(cell for cell in row.cells if cell) for row in rows]
    summary = make_summary(_summary_markdown([t for t in texts if t]))
    sections = (year_text,) if year_text else ()
    return Part(
        opening.row.line, end, paper, summary, sections, evidence="a paper link in a table row"
    )


def _summary_markdown(paragraphs: list[str]) -> str:
    """Rows as paragraphs (list rows stay one list); "" when only images are there."""
    if not any(_IMAGE_TAG_RE.sub("", text).strip() for text in paragraphs):
        return ""  # an image-only entry has no summary to keep
    markdown = ""
    for previous, text in zip(["", *paragraphs], paragraphs, strict=False):
        joint = "\n" if _LIST_ITEM_RE.match(previous) and _LIST_ITEM_RE.match(text) else "\n\n"
        markdown += (joint if markdown else "") + text
    return markdown
