"""A file that is the notes on one paper: an Obsidian note, a blog post, a Hugo page.

Tried last, when no reader finds several papers: the whole file is one summary, and
its paper is named by the front matter's title, the opening heading, or the file
name — whichever reads like a real paper title — and by the first paper link in it.
"""

from __future__ import annotations

from pathlib import PurePath

from papershelf.importers.notes.frontmatter import FrontMatter
from papershelf.importers.notes.layout import Layout, Part, make_summary
from papershelf.importers.notes.links import add_link, find_links, is_paper_url
from papershelf.importers.notes.source import Source
from papershelf.importers.records import PaperRecord
from papershelf.lib.titles import is_probably_title


def read_single_note(source: Source, front: FrontMatter) -> Layout | None:
    start = source.start
    opening = source.headings[0] if source.headings else None
    if opening is not None and source.has_text(source.start, opening.line):
        opening = None  # text comes before it: the heading names a section, not the note
    candidates = [front.title, opening.text if opening else "", PurePath(source.path).stem]
    title = next((c.strip() for c in candidates if c and is_probably_title(c)), "")
    if not title:
        return None
    if opening is not None and opening.text.strip() == title:
        start = opening.end  # the title is the paper's, not part of the notes
    body = source.text(start, len(source.lines))
    paper = PaperRecord(title=title)
    for link in find_links(body):
        if is_paper_url(link.url):
            add_link(paper, link.url)
            break
    summary = make_summary(body, heading=title)
    return Layout(parts=[Part(start, len(source.lines), paper, summary)], ordered=False)
