"""Anki's "Notes in Plain Text" export: each note a row, read as a note of its own.

Anki (2.1.55 on) opens the file with what it holds: ``#separator:tab``, ``#html:true``,
then the columns of the note's guid, note type, deck and tags (``#tags column:5``,
counted from 1); the note's fields fill the other columns. A field with the separator,
a quote or a line break is quoted, quotes doubled; with ``#html:true`` a field is the
HTML the card shows (``<b>``, ``<br>``, ``<a href>``), with cloze deletions
(``{{c1::answer::hint}}``) and sound and image references. Older versions write no
header: fields separated by tabs, the tags last, line breaks turned into spaces.

A note is a question and its answer far more often than a paper, so a note is about a
paper only when it states the paper's facts (an identifier, authors, a venue or a year):
a deck of drug cards names none. The first field heads the note when it reads as a
title ("Angiotensin–neprilysin inhibition versus enalapril in heart failure",
"PARADIGM-HF (McMurray 2014)"), not when it asks or blanks something out; tags are
topics, a nested tag ("cardiology::heart_failure") by its last part.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from papershelf.importers.html.parse import to_markdown
from papershelf.importers.notes.cardtitle import card_heading, labelled_facts
from papershelf.importers.notes.citations import read_title_over_authors
from papershelf.importers.notes.converted import parse_each
from papershelf.importers.records import ParsedDocument, ParseError
from papershelf.lib.titles import is_probably_title

FORMAT = "anki"
_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_META_COLUMNS = ("guid", "notetype", "deck", "tags")
_HEADER_RE = re.compile(r"^#(?P<key>[a-z ]+):(?P<value>.*)$", re.IGNORECASE)
_CLOZE_RE = re.compile(r"\{\{c\d+::(?P<answer>.*?)(?:::[^{}]*?)?\}\}", re.DOTALL)
_MEDIA_RE = re.compile(r"\[sound:[^\]]*\]|<img\b[^>]*>", re.IGNORECASE)
_HTML_RE = re.compile(r"</?(?:b|i|u|br|div|p|span|a|ul|ol|li|sup|sub|font|img)\b", re.IGNORECASE)
_TAG_RE = re.compile(r"^[^\s<>\"]+(?:\s+[^\s<>\"]+){0,15}$")
_ET_AL_RE = re.compile(r",?\s+et\s+al\b")
_SYSTEM_TAGS = frozenset({"marked", "leech"})
_SNIFF_ROWS = 30
_MIN_HEADERLESS_ROWS = 3
_MAX_TITLE_WORDS = 30
_MAX_SENTENCES_AFTER = 3  # remarks after a citation on the back of a card


@dataclass
class Layout:
    """What the header says of the rows below it."""

    separator: str = "\t"
    html: bool | None = None  # None: no header said; look at the fields
    columns: dict[str, int] = field(default_factory=dict)  # "deck" -> 0-based column
    header_lines: int = 0


def looks_like_anki(text: str) -> bool:
    """Anki's own header, or else rows of tab-separated fields, each as many: a text
    file's lines never all hold the same number of tabs, an export's always do."""
    layout = read_layout(text)
    if layout.header_lines:
        return True
    stripped = text.lstrip("\ufeff \n")
    if stripped.startswith(("{", "[", "<", "#")):
        return False
    try:
        rows = _records(text[:50000], layout, "")[:_SNIFF_ROWS]
    except ParseError:
        return False
    if len(rows) < _MIN_HEADERLESS_ROWS or len(rows[-1][1]) != len(rows[0][1]):
        rows = rows[:-1]  # the last row may be cut off by the sample
    widths = {len(fields) for _, fields in rows}
    return (
        len(rows) >= _MIN_HEADERLESS_ROWS
        and len(widths) == 1
        and widths.pop() >= 2
        and all(fields[0].strip() for _, fields in rows)
    )


def read_layout(text: str) -> Layout:
    layout = Layout()
    for line in text.lstrip("\ufeff").splitlines():
        match = _HEADER_RE.match(line.strip())
        if match is None:
            break
        layout.header_lines += 1
        key, value = " ".join(match["key"].casefold().split()), match["value"].strip()
        if key == "separator":
            layout.separator = _SEPARATORS.get(value.casefold(), value[:1] or "\t")
        elif key == "html":
            layout.html = value.casefold() == "true"
        elif key.removesuffix(" column") in _META_COLUMNS and value.isdigit() and int(value):
            layout.columns[key.removesuffix(" column")] = int(value) - 1
    return layout


def parse(text: str, path: str) -> ParsedDocument:
    layout = read_layout(text)
    rows = _records(text, layout, path)
    if not rows:
        raise ParseError(path, layout.header_lines + 1, "no notes under Anki's header")
    if "tags" not in layout.columns and _last_column_is_tags(rows):
        layout.columns["tags"] = len(rows[0][1]) - 1  # an old export: the tags come last
    html = layout.html if layout.html is not None else _holds_html(rows)
    notes = [_note(fields, layout, html) for _, fields in rows]
    return parse_each(
        notes,
        path,
        FORMAT,
        "names no paper: no card states a paper's authors, year, venue or identifier",
        starts=[line for line, _ in rows],
        needs_facts=[True] * len(rows),
    )


def _records(text: str, layout: Layout, path: str) -> list[tuple[int, list[str]]]:
    """Each row below the header with the line it starts on."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)[layout.header_lines :]
    reader = csv.reader(io.StringIO("".join(lines)), delimiter=layout.separator, strict=False)
    rows, start = [], layout.header_lines + 1
    try:
        for fields in reader:
            if any(value.strip() for value in fields):
                rows.append((start, fields))
            start = layout.header_lines + reader.line_num + 1
    except csv.Error as error:
        raise ParseError(path, start, f"not a plain-text export of Anki notes: {error}") from error
    return rows


def _last_column_is_tags(rows: list[tuple[int, list[str]]]) -> bool:
    """Old exports end each row with the note's tags, words without spaces in them."""
    last = [fields[-1].strip() for _, fields in rows if len(fields) >= 3]
    if len(last) < len(rows) or not any(last):
        return False
    return all(not cell or (_TAG_RE.match(cell) and ". " not in cell) for cell in last)


def _holds_html(rows: list[tuple[int, list[str]]]) -> bool:
    return any(_HTML_RE.search(value) for _, fields in rows for value in fields)


def _note(fields: list[str], layout: Layout, html: bool) -> str:
    meta = set(layout.columns.values())
    values = [_field_markdown(v, html) for i, v in enumerate(fields) if i not in meta]
    values = [value for value in values if value]
    blocks = []
    if values and _reads_as_title(values[0], fields, layout):
        blocks.append(card_heading(values.pop(0)))
        blocks.append(_cited_under(blocks[0], values[0]) if values else "")
    tags = _tags(fields, layout)
    blocks.append(f"Tags: {', '.join(tags)}" if tags else "")  # fields stand near the top
    blocks += values
    return "\n\n".join(block for block in blocks if block) + "\n"


def _field_markdown(value: str, html: bool) -> str:
    value = _MEDIA_RE.sub("", _CLOZE_RE.sub(lambda m: m["answer"], value))
    return (to_markdown(value) if html else value).strip()


def _reads_as_title(first: str, fields: list[str], layout: Layout) -> bool:
    """One line that reads as a title: not a question, a sentence or a cloze's text."""
    notetype = _cell(fields, layout, "notetype").casefold()
    if "cloze" in notetype or any(_CLOZE_RE.search(value) for value in fields):
        return False
    if "\n" in first or first.endswith(("?", ".", ":")) or len(first.split()) > _MAX_TITLE_WORDS:
        return False
    heading = card_heading(first).partition("\n")[0].removeprefix("# ")
    return is_probably_title(heading) or heading != first  # "PARADIGM-HF (McMurray 2014)"


def _cited_under(heading: str, answer: str) -> str:
    """ "McMurray JJV, Solomon SD, et al. N Engl J Med 2019;381:1995–2008." on the back
    of a card whose front is the title: its authors, journal and year, as labelled lines.
    """
    if heading.count("\n"):
        return ""  # the front said who and when already
    title = heading.removeprefix("# ")
    line = _ET_AL_RE.sub("", answer.strip().partition("\n")[0])
    for _ in range(_MAX_SENTENCES_AFTER):
        paper = read_title_over_authors([title, line])
        if paper is not None and paper.authors and paper.year:
            return labelled_facts(", ".join(paper.authors), paper.venue, str(paper.year))
        if ". " not in line:
            break
        line = line.rsplit(". ", 1)[0] + "."  # '… 2014;371:993–1004. "PARADIGM"': a remark
    return ""


def _tags(fields: list[str], layout: Layout) -> list[str]:
    names = []
    for tag in _cell(fields, layout, "tags").split():
        name = tag.split("::")[-1].replace("_", " ").strip("# ")
        if name and name.casefold() not in _SYSTEM_TAGS:
            names.append(name)
    return list(dict.fromkeys(names))


def _cell(fields: list[str], layout: Layout, column: str) -> str:
    index = layout.columns.get(column)
    return fields[index] if index is not None and index < len(fields) else ""
