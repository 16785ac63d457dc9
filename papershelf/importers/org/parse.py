"""An Org-mode file becomes Markdown, then a notes document like any other.

Org's outline is the notes reader's evidence: ``** Title`` headings, ``:PROPERTIES:``
drawers that hold a paper's facts (written out as the ``Authors:``/``Year:``/``URL:``
lines the notes reader knows), links, lists and tables. What only Emacs needs
(``:LOGBOOK:`` drawers, planning lines, ``#+OPTIONS``, comments) is left out. There is
no Org library for Python that keeps a file's text as written, so this is a line
converter of the subset people write notes in.
"""

from __future__ import annotations

import json
import re

from papershelf.importers.notes.parse import parse as parse_notes
from papershelf.importers.org.bibnotes import (
    MIN_KEYED_HEADINGS,
    KeyedHeading,
    keyed_entry,
    keyed_headings,
)
from papershelf.importers.org.inline import convert_inline
from papershelf.importers.org.syntax import HEADING_RE, PLANNING_RE, PROPERTY_RE, TAGS_RE
from papershelf.importers.records import ParsedDocument, ParseHints
from papershelf.lib.identifiers import arxiv_abs_url, parse_arxiv_id, parse_doi

_KEYWORD_RE = re.compile(r"^\s*#\+(?P<key>[A-Za-z_]+):\s*(?P<value>.*?)\s*$")
_BLOCK_RE = re.compile(r"^\s*#\+begin_(?P<kind>\w+)\s*(?P<args>.*?)\s*$", re.IGNORECASE)
_COMMENT_RE = re.compile(r"^\s*#(?:\s|$)")
_PRIORITY_RE = re.compile(r"\s*\[#[A-Z0-9]\]\s*")
_COOKIE_RE = re.compile(r"\s*\[\d*(?:/\d*|%)\]")
_JOURNAL_TIME_RE = re.compile(r"^\d{1,2}:\d{2}\s+(?=\S)")
_DRAWER_RE = re.compile(r"^\s*:(?P<name>[\w-]+):\s*$")
_TABLE_RULE_RE = re.compile(r"^\s*\|-[-+|]*\s*$")
_DESCRIPTION_ITEM_RE = re.compile(r"^(?P<marker>\s*(?:[-+]|\d+[.)])\s+)(?P<term>.+?)\s+::\s+")
_CHECKBOX_RE = re.compile(r"^(\s*(?:[-+]|\d+[.)])\s+)\[X\]", re.IGNORECASE)
_FOOTNOTE_DEFINITION_RE = re.compile(r"^\[fn:(?P<label>[\w-]+)\]\s*")
_TIMESTAMP_RE = re.compile(
    r"[<\[](?P<date>\d{4}-\d{2}-\d{2})(?:\s+[^\W\d]{2,3}\.?)?(?:\s+\d{1,2}:\d{2}(?:-\d{1,2}:\d{2})?)?"
    r"(?:\s+[.+]?\+\d+[hdwmy])?[>\]]"
)
_MATH_BLOCK_START_RE = re.compile(r"^\s*(?:\\\[|\\begin\{)")
_MATH_BLOCK_END_RE = re.compile(r"(?:\\\]|\\end\{[^}]*\})\s*$")

_DEFAULT_STATES = ("TODO", "DONE")
# Property names as the notes reader's labelled lines know them; the rest keep their name.
_PROPERTY_LABELS = {
    **dict.fromkeys(("TITLE",), "Title"),
    **dict.fromkeys(("AUTHOR", "AUTHORS"), "Authors"),
    **dict.fromkeys(("YEAR", "DATE_PUBLISHED"), "Year"),
    **dict.fromkeys(("JOURNAL", "BOOKTITLE", "VENUE", "CONFERENCE"), "Venue"),
    **dict.fromkeys(("ARXIV", "ARXIV_ID", "EPRINT"), "arXiv"),
    **dict.fromkeys(("DOI",), "DOI"),
    **dict.fromkeys(("URL", "ROAM_REFS", "LINK"), "URL"),
    **dict.fromkeys(("PDF",), "PDF"),
}
# Emacs' own bookkeeping, not facts about the paper.
_HIDDEN_PROPERTIES = frozenset(
    {"ID", "CUSTOM_ID", "CATEGORY", "VISIBILITY", "ORDERED", "STYLE", "EFFORT", "CREATED"}
    | {"LAST_REPEAT", "ARCHIVE", "ARCHIVE_TIME", "ARCHIVE_FILE", "COOKIE_DATA", "INTERLEAVE_PDF"}
)
_FENCED_BLOCKS = {"src": "", "example": "", "export": ""}


def to_markdown(text: str) -> str:
    """Org text as Markdown that keeps the outline, facts, links, lists, tables and math."""
    lines = text.removeprefix("\ufeff").split("\n")
    states = _todo_states(lines)
    title, file_tags = _keyword(lines, "title"), _keyword(lines, "filetags")
    out: list[str] = []
    block = ""  # the open #+BEGIN_ block: "src", "quote", …
    drawer = ""  # the open :DRAWER:
    in_math = False
    table: list[str] = []
    annotations = _annotation_headings(lines)
    for index, line in enumerate(lines):
        if table and not line.lstrip().startswith("|"):
            out += _table(table)
            table = []
        if block in _FENCED_BLOCKS:
            if re.match(rf"^\s*#\+end_{block}\b", line, re.IGNORECASE):
                out += ["```", ""]
                block = ""
            else:
                out.append(re.sub(r"^(\s*),(?=\*|#\+)", r"\1", line))  # Org's ",* " escape
            continue
        if drawer:
            if line.strip().upper() == ":END:":
                out += [""] if drawer == "PROPERTIES" else []
                drawer = ""
            elif drawer == "PROPERTIES":
                out += _property_line(line)
            continue
        if in_math or _MATH_BLOCK_START_RE.match(line):
            in_math = not _MATH_BLOCK_END_RE.search(line)
            out.append(_quoted(line, block))
            continue
        if match := _BLOCK_RE.match(line):
            block = match["kind"].lower()
            out.append("")
            if block in _FENCED_BLOCKS:
                language = match["args"].split()[0] if match["args"] else ""
                out.append("```" + ("" if block == "example" else language))
            continue
        if re.match(r"^\s*#\+end_\w+", line, re.IGNORECASE):
            out.append("")
            block = ""
            continue
        if match := _DRAWER_RE.match(line):
            drawer = match["name"].upper()
            continue
        if _KEYWORD_RE.match(line) or _COMMENT_RE.match(line) or PLANNING_RE.match(line):
            continue
        if (match := HEADING_RE.match(line)) and index in annotations:
            # org-noter's note on a page of the PDF ("** phase diagram figure — redraw"):
            # a remark in the notes, not a section naming a paper.
            out += ["", f"Page note: {convert_inline(match['text'].strip())}", ""]
            continue
        if match := HEADING_RE.match(line):
            out += _heading(len(match["stars"]), match["text"], states)
            continue
        if line.lstrip().startswith("|"):
            table.append(line)
            continue
        out.append(_quoted(_body_line(line), block))
    out += _table(table)
    markdown = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"
    return _front_matter(title, file_tags) + markdown


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    states = _todo_states(text.split("\n"))
    keyed = keyed_headings(text, states)
    if len(keyed) >= MIN_KEYED_HEADINGS and hints is None:
        return _keyed_notes(text, path, keyed)
    document = parse_notes(to_markdown(text), path, hints)
    document.format = "org"
    return document


def _keyed_notes(text: str, path: str, keyed: list[KeyedHeading]) -> ParsedDocument:
    """An org-ref notes file: each heading that names its paper by key is that paper's
    notes; the headings between them (an inbox, a how-to) name none."""
    lines = text.removeprefix("\ufeff").split("\n")
    document = ParsedDocument(path=path, format="org", title=_keyword(lines, "title"))
    for heading in keyed:
        summary = to_markdown("\n".join(heading.body)).strip()
        entry, warning = keyed_entry(heading, path, summary)
        document.warnings += [warning] if warning else []
        if entry is not None:
            document.entries.append(entry)
            if heading.tags:
                document.entry_topics[len(document.entries) - 1] = heading.tags
    return document


def looks_like_org(text: str) -> bool:
    """Org keywords, drawers or an outline of ``* Heading`` lines."""
    head = text.lstrip("\ufeff")[:5000]
    return bool(
        re.search(r"^#\+(?:title|begin_\w+|filetags|startup|options):", head, re.M | re.I)
        or re.search(r"^\s*:PROPERTIES:\s*$", head, re.M)
        or len(re.findall(r"^\*+ \S", head, re.M)) >= 2
    )


def _keyword(lines: list[str], name: str) -> str:
    for line in lines:
        match = _KEYWORD_RE.match(line)
        if match and match["key"].casefold() == name:
            return match["value"]
    return ""


def _annotation_headings(lines: list[str]) -> set[int]:
    """Lines of headings whose properties place them on a page of a PDF (org-noter's
    ``:NOTER_PAGE:``): notes on a passage of the paper. The document's own heading
    (``:NOTER_DOCUMENT:``) keeps the page it was left at too: it is the paper's."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not HEADING_RE.match(line):
            continue
        drawer = lines[index + 1 : index + 2]
        if not drawer or drawer[0].strip().upper() != ":PROPERTIES:":
            continue
        keys = set()
        for inner in lines[index + 2 : index + 20]:
            if inner.strip().upper() == ":END:":
                break
            keys.add(inner.strip().split(":")[1].upper() if inner.strip().startswith(":") else "")
        if "NOTER_PAGE" in keys and "NOTER_DOCUMENT" not in keys:
            found.add(index)
    return found


# Done states that say the paper was never read: "* DROPPED the Lutchyn / Oreg proposals".
_GIVEN_UP_STATES = frozenset({"DROPPED", "CANCELLED", "CANCELED", "SKIPPED", "ABANDONED"})


def _todo_states(lines: list[str]) -> frozenset[str]:
    """The heading keywords this file declares (``#+TODO: TO-READ READING | READ``)."""
    states = set(_DEFAULT_STATES)
    for line in lines:
        match = _KEYWORD_RE.match(line)
        if match and match["key"].upper() in ("TODO", "SEQ_TODO", "TYP_TODO"):
            words = match["value"].replace("|", " ").split()
            states |= {re.sub(r"\(.*\)$", "", word) for word in words}
    return frozenset(states)


def _heading(level: int, text: str, states: frozenset[str]) -> list[str]:
    tags: list[str] = []
    if match := TAGS_RE.search(text):
        tags = [tag for tag in match["tags"].split(":") if tag]
        text = text[: match.start()]
    text = _JOURNAL_TIME_RE.sub("", text)  # org-journal's "** 09:40 Read Kalman 1960"
    first, _, rest = text.partition(" ")
    status = ""
    if first in states or first == "COMMENT":
        text = rest
        # "* DROPPED the Lutchyn / Oreg proposals": never read, as a tracker's Status says.
        # (Open states are a plan's: "** TOREAD …" in a quals list is on the list.)
        if first in _GIVEN_UP_STATES:
            status = "dropped"
    text = _COOKIE_RE.sub("", _PRIORITY_RE.sub(" ", text)).strip()
    # "Group meeting <2024-02-15 Thu 10:00>": an appointment's date, written plainly.
    text = _TIMESTAMP_RE.sub(r"\g<date>", text)
    lines = ["", f"{'#' * min(level, 6)} {convert_inline(text)}", ""]
    lines += [f"Status: {status}  "] if status else []
    return lines + ([f"Tags: {', '.join(tags)}", ""] if tags else [""] if status else [])


def _property_line(line: str) -> list[str]:
    match = PROPERTY_RE.match(line)
    if match is None or not match["value"]:
        return []
    key = match["key"].upper()
    if key in _HIDDEN_PROPERTIES or key.startswith("NOTER_"):
        return []
    label = _PROPERTY_LABELS.get(key) or key.replace("_", " ").capitalize()
    value = convert_inline(match["value"])
    # Two trailing spaces: a Markdown line break, so the facts render one per line.
    return [f"{label}: {value}  ", *_identifier_link(label, match["value"])]


def _identifier_link(label: str, value: str) -> list[str]:
    """A link line for an ``arXiv:`` or ``DOI:`` property, which stays as written
    (``hep-th/9711200``): the notes reader takes a paper's identifier from a link."""
    if label == "arXiv" and (arxiv := parse_arxiv_id(value)):
        return [f"Link: {arxiv_abs_url(arxiv[0], arxiv[1])}  "]
    if label == "DOI" and "://" not in value and (doi := parse_doi(value)):
        return [f"Link: https://doi.org/{doi}  "]
    return []


def _body_line(line: str) -> str:
    if line.lstrip().startswith("#"):
        return "\\" + convert_inline(
            line.lstrip()
        )  # "#hashtag" is text in Org, a heading in Markdown
    if match := _FOOTNOTE_DEFINITION_RE.match(line):
        return f"[^{match['label']}]: " + convert_inline(line[match.end() :])
    line = _CHECKBOX_RE.sub(r"\1[x]", line)
    if match := _DESCRIPTION_ITEM_RE.match(line):
        term = convert_inline(match["term"])
        return f"{match['marker']}**{term}**: {convert_inline(line[match.end() :])}"
    return convert_inline(line)


def _quoted(line: str, block: str) -> str:
    if block != "quote":
        return line
    return f"> {line.strip()}" if line.strip() else ">"


def _table(rows: list[str]) -> list[str]:
    """An Org table as a GFM table: its first row is the header, its rules go."""
    cells = [_cells(row) for row in rows if not _TABLE_RULE_RE.match(row)]
    if not cells:
        return []
    width = max(len(row) for row in cells)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in cells]
    return ["", lines[0], "|" + " --- |" * width, *lines[1:], ""]


def _cells(row: str) -> list[str]:
    inner = row.strip().removeprefix("|").removesuffix("|")
    return [convert_inline(cell.strip()) for cell in inner.split("|")]


def _front_matter(title: str, file_tags: str) -> str:
    if not title and not file_tags:
        return ""
    lines = ["---"]
    if title:
        lines.append(f"title: {json.dumps(convert_inline(title), ensure_ascii=False)}")
    tags = [tag for tag in file_tags.split(":") if tag.strip()]
    if tags:
        lines.append(f"tags: {json.dumps(tags, ensure_ascii=False)}")
    return "\n".join([*lines, "---", "", ""])
