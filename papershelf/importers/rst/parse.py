"""A reStructuredText page becomes Markdown, then a notes document like any other.

Sphinx "reading notes" sites keep a page per area (``source/*.rst``) with a section
per paper: its fields (``:Authors:``, ``:Link: :doi:`…```), citations
(``.. [Key] Authors. *Title*. Venue, year.``) and notes. The page is converted with
no docutils (nothing in it is executed or followed), and the notes reader finds the
papers in the Markdown, as in any other notes document. Warnings point at the line of
the ``.rst`` file they are about.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import yaml

from papershelf.importers.notes.converted import parse_converted
from papershelf.importers.records import ParsedDocument, ParseHints
from papershelf.importers.rst import markup
from papershelf.importers.rst.blocks import Converter, Field, Output, read_fields

_LINK_FIELDS = frozenset({"doi", "arxiv", "url", "link", "pdf", "paper_url", "source", "href"})
_LIST_FIELDS = frozenset({"tags", "keywords", "categories", "topics"})
_MARKDOWN_LINK_RE = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]+)\)")
_ROLE_RE = re.compile(r"(?<![\w`]):[A-Za-z][\w.+-]*(?::[\w.+-]+)*:`[^`]+`")
_HEADING_RE = re.compile(r"^#{1,6} ")
_FENCE_RE = re.compile(r"^\s*```")
_CITED_KEY_RE = re.compile(r"\[(?P<key>[^\]\s]+)\](?!\()")
_CITATION_ITEM_RE = re.compile(r"^- \[(?P<key>[^\]\s]+)\] ")
_LINK_RE = re.compile(r"`[^`]+`__?(?!\w)|^\.\.\s+\S", re.MULTILINE)


def to_markdown(text: str) -> tuple[str, list[int]]:
    """The Markdown, and for each of its lines the 0-based line of ``text`` it came from."""
    lines = text.removeprefix("\ufeff").split("\n")
    converter = Converter(markup.read_references(lines))
    fields, start, end = _docinfo(lines)
    if fields:
        out = _front_matter(converter, fields)
        out.extend(converter.convert(lines[:start], 0))
        out.extend(converter.convert(lines[end:], end))
    else:
        out = converter.convert(lines, 0)
    _lift_cited_references(out)
    _squeeze_blank_lines(out)
    return "\n".join(out.lines) + "\n", out.origins


def parse(text: str, path: str, hints: ParseHints | None = None) -> ParsedDocument:
    markdown, origins = to_markdown(text)
    return parse_converted(markdown, path, "rst", hints, origins)


def looks_like_rst(text: str) -> bool:
    """A title underlined, a ``..`` directive or comment, or a role: Markdown has none."""
    lines = text.lstrip("\ufeff")[:20000].split("\n")
    underlined = any(
        line.strip() and markup.ADORNMENT_RE.match(below) and len(below.strip()) >= 3
        for line, below in itertools.pairwise(lines)
    )
    return underlined or bool(_LINK_RE.search(text[:20000]) or _ROLE_RE.search(text[:20000]))


def _docinfo(lines: list[str]) -> tuple[list[Field], int, int]:
    """The field list that opens the page, under its title if it has one (docinfo)."""
    index = _skip_blank_and_comments(lines, 0)
    if index + 1 < len(lines) and markup.ADORNMENT_RE.match(lines[index + 1]):
        index = _skip_blank_and_comments(lines, index + 2)
    elif index + 2 < len(lines) and markup.ADORNMENT_RE.match(lines[index]):
        index = _skip_blank_and_comments(lines, index + 3)
    fields, end = read_fields(lines, index)
    return fields, index, end


def _skip_blank_and_comments(lines: list[str], index: int) -> int:
    while index < len(lines):
        line = lines[index]
        if line.strip() and not _is_comment(line):
            return index
        index = markup.block_end(lines, index, 0) if line.strip() else index + 1
    return index


def _is_comment(line: str) -> bool:
    text = line.strip()
    return bool(markup.EXPLICIT_RE.match(text)) and not (
        markup.DIRECTIVE_RE.match(text) or markup.NOTE_RE.match(text)
    )


def _front_matter(converter: Converter, fields: list[Field]) -> Output:
    """Docinfo fields as YAML front matter, with the keys written in the page."""
    data: dict[str, Any] = {}
    for found in fields:
        key = found.key.casefold().replace(" ", "_")
        data[key] = _front_value(key, converter.inline(found.value))
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)
    lines = ["---", *dumped.rstrip("\n").split("\n"), "---"]
    return Output(lines, [fields[0].origin] * len(lines))


def _front_value(key: str, value: str) -> Any:
    """A field's Markdown as plain data: a link's address for link fields, else its text."""
    keep = "url" if key in _LINK_FIELDS else "text"
    value = _MARKDOWN_LINK_RE.sub(lambda m: m[keep] or m["url"], value)
    value = value.replace("**", "").replace("`", "").strip()
    if key in _LIST_FIELDS:
        return [part.strip() for part in re.split(r"[,;]", value) if part.strip()]
    if key == "year" and re.fullmatch(r"\d{4}", value):
        return int(value)
    return value


def _squeeze_blank_lines(out: Output) -> None:
    """One blank line between blocks; none at the start or the end."""
    kept = [
        i
        for i, line in enumerate(out.lines)
        if line.strip() or (i and out.lines[i - 1].strip() and i < len(out.lines) - 1)
    ]
    out.lines = [out.lines[i] for i in kept]
    out.origins = [out.origins[i] for i in kept]
    while out.lines and not out.lines[-1].strip():
        out.lines.pop()
        out.origins.pop()


def _lift_cited_references(out: Output) -> None:
    """A section that opens by citing ``[FLP85]_`` and defines that citation below is
    notes on the cited paper: its reference moves under the heading, where notes
    written in Markdown give a paper's reference line.

    A section that opens with fields (``:Authors:``) names its paper already.
    """
    sections = _sections(out.lines)
    for start, end in reversed(sections):
        opening = _opening_paragraph(out.lines, start, end)
        if not opening or opening[0].startswith("**"):
            continue
        cited = {m["key"] for line in opening for m in _CITED_KEY_RE.finditer(line)}
        found = next(
            (
                i
                for i in range(start, end)
                if (m := _CITATION_ITEM_RE.match(out.lines[i])) and m["key"] in cited
            ),
            None,
        )
        if found is None:
            continue
        line, origin = out.lines.pop(found)[2:], out.origins.pop(found)
        out.lines[start + 1 : start + 1] = [line, ""]
        out.origins[start + 1 : start + 1] = [origin, origin]


def _sections(lines: list[str]) -> list[tuple[int, int]]:
    """(heading line, end) of each Markdown section, headings in code blocks aside."""
    headings: list[int] = []
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE_RE.match(line):
            fenced = not fenced
        elif not fenced and _HEADING_RE.match(line):
            headings.append(index)
    return list(zip(headings, [*headings[1:], len(lines)][: len(headings)], strict=True))


def _opening_paragraph(lines: list[str], start: int, end: int) -> list[str]:
    index = start + 1
    while index < end and not lines[index].strip():
        index += 1
    paragraph = []
    while index < end and lines[index].strip():
        paragraph.append(lines[index])
        index += 1
    return paragraph
