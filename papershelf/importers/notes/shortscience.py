"""Text saved from a summary website's listing (ShortScience.org and the like).

Each paper is a title line, a metadata block (authors; "Venue - Year via …";
"Keywords: …") printed twice, a ``[link]`` with no target, then the summary — which
the page flattened onto one line. The kind is recognised by that repeated block,
not by the site's name. Summaries are kept exactly as captured: putting line breaks
back before ``#`` or fences would guess where a heading ends, and guess wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from papershelf.importers.notes.layout import Layout, Part, make_summary
from papershelf.importers.notes.metadata import parse_authors
from papershelf.importers.notes.source import Source
from papershelf.importers.notes.text import YEAR_RE, word_count
from papershelf.importers.records import PaperRecord

_VENUE_LINE_RE = re.compile(r"^(?P<venue>.*?)\s+[-–]\s+(?P<year>(?:19|20)\d{2})\b(?:\s+via\s+.*)?$")
_KEYWORDS_LINE_RE = re.compile(r"^keywords\s*:\s*(?P<keywords>.*)$", re.IGNORECASE)
_TARGETLESS_LINK_RE = re.compile(r"^\[[^\[\]]+\]$")  # "[link]": a button, not text
_BLOCK_SIZES = (4, 3, 2)
_MAX_METADATA_LINE = 400
_MARKDOWN_STARTS = ("#", "|", "-", "*", ">", "```", "$$")
_FOOTER_LINE_WORDS = 4  # "About", "Contact us": page navigation after the last summary


@dataclass
class _Block:
    title: int  # line of the title
    metadata: list[str]
    after: int  # first line after the repeated block


def read_listing_page(source: Source) -> Layout | None:
    lines = list(source.content_lines(source.start, len(source.lines)))
    texts = [source.lines[i].strip() for i in lines]
    blocks: list[_Block] = []
    position = 1
    while position < len(texts):
        size = _repeated_block_size(texts, position)
        if size:
            after = (
                lines[position + 2 * size]
                if position + 2 * size < len(lines)
                else len(source.lines)
            )
            blocks.append(_Block(lines[position - 1], texts[position : position + size], after))
            position += 2 * size + 1
        else:
            position += 1
    if not blocks:
        return None
    layout = Layout(parts=[], ordered=False)
    for number, block in enumerate(blocks):
        last = number + 1 == len(blocks)
        end = len(source.lines) if last else blocks[number + 1].title
        layout.parts.append(_part(source, block, end, last))
    return layout


def _repeated_block_size(texts: list[str], position: int) -> int:
    for size in _BLOCK_SIZES:
        block = texts[position : position + size]
        if (
            position + 2 * size <= len(texts)
            and block == texts[position + size : position + 2 * size]
            and any(YEAR_RE.search(text) for text in block)
            and all(
                len(t) < _MAX_METADATA_LINE and not t.startswith(_MARKDOWN_STARTS) for t in block
            )
        ):
            return size
    return 0


def _part(source: Source, block: _Block, end: int, last: bool) -> Part:
    paper = PaperRecord(title=source.lines[block.title].strip())
    for text in block.metadata:
        venue_line, keywords_line = _VENUE_LINE_RE.match(text), _KEYWORDS_LINE_RE.match(text)
        if venue_line:
            paper.venue, paper.year = venue_line["venue"].strip(), int(venue_line["year"])
        elif keywords_line:
            keywords = keywords_line["keywords"].split(",")
            paper.keywords = [k.strip() for k in keywords if k.strip()]
        elif not paper.authors:
            paper.authors = parse_authors(text)
    start = block.after
    while start < end and (
        not source.lines[start].strip() or _TARGETLESS_LINK_RE.match(source.lines[start].strip())
    ):
        start += 1
    if last:
        end = _end_before_footer(source, start, end)
    summary = make_summary(source.text(start, end))
    return Part(block.title, end, paper, summary, evidence="a summary-site listing block")


def _end_before_footer(source: Source, start: int, end: int) -> int:
    """Where the last summary ends: before trailing page navigation ("About")."""
    while end > start:
        filled = [i for i in range(start, end) if source.lines[i].strip()]
        last = filled[-1] if filled else start
        paragraph_start = last
        while paragraph_start > start and source.lines[paragraph_start - 1].strip():
            paragraph_start -= 1
        paragraph = source.lines[paragraph_start : last + 1]
        is_footer = paragraph_start > start and all(
            word_count(line) <= _FOOTER_LINE_WORDS and not line.rstrip().endswith(".")
            for line in paragraph
        )
        if not is_footer:
            return last + 1
        end = paragraph_start
    return end
