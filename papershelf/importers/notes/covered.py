"""A post on several papers that names them in its lead.

"**Papers covered**" over a numbered list of whole citations, then "## Paper 1 — SBERT",
"## Paper 2 — DPR", "## Comparing the two": the post is the notes on each paper it
lists, not on a paper titled "Two-for-one: Sentence-BERT and Dense Passage Retrieval".
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from papershelf.importers.notes.citations import read_citation
from papershelf.importers.notes.frontmatter import FrontMatter, as_text
from papershelf.importers.notes.layout import Layout, Marker, Part, make_summary, title_heading
from papershelf.importers.notes.links import add_identifier
from papershelf.importers.notes.lists import LIST_TYPES, label_of, read_list
from papershelf.importers.notes.metadata import apply_labelled_fields, identifier_of
from papershelf.importers.notes.source import Source
from papershelf.importers.notes.text import visible_text
from papershelf.importers.records import PaperRecord
from papershelf.lib.titles import is_probably_title

# "**Papers covered**", "Papers discussed:", "The papers", "Papers in this post".
_COVERS_LABEL_RE = re.compile(
    r"(?:the\s+)?(?:papers?|readings?)(?:\s+(?:covered|discussed|reviewed|summari[sz]ed"
    r"|in this (?:post|note|review)))?",
    re.IGNORECASE,
)
# "Two papers this time, because …:", "Both papers:": a lead-in that counts them.
_COVERS_SENTENCE_RE = re.compile(
    r"\b(?:two|three|four|both|these|the following)\s+papers\b", re.IGNORECASE
)
_MIN_PAPERS = 2
COVERED_EVIDENCE = "a citation the post's opening lists among the papers it covers"


def read_covered_papers(source: Source, front_title: str) -> Layout | None:
    """The papers a post's lead lists under a label that says so, each with the post as
    its notes; None unless the list holds at least two citations that state their paper."""
    title = title_heading(source, front_title)
    body = [h.line for h in source.headings if h is not title]
    lead_end = min(body, default=len(source.lines))
    label = ""
    quoted: list[Part] = []  # "> **J. Lee, …, M. Hutter.** Learning quadrupedal …": one each
    for node in source.tree.children:
        if not node.map or node.map[0] >= lead_end:
            break
        if node.type in LIST_TYPES and (
            _COVERS_LABEL_RE.fullmatch(label) or _COVERS_SENTENCE_RE.search(label)
        ):
            return _covered(source, node)
        if node.type == "blockquote" and (cited := _quoted_citation(source, *node.map)):
            quoted.append(cited)
        label = label_of(source, node) or _lead_in(source, node)
    return _as_covered(source, quoted) if len(quoted) >= _MIN_PAPERS else None


def _quoted_citation(source: Source, start: int, end: int) -> Part | None:
    """A blockquote that is one whole citation, stating its paper's authors or identifier."""
    text = " ".join(re.sub(r"^\s*>\s?", "", line).strip() for line in source.lines[start:end])
    paper = read_citation(text)
    if paper is None or not (paper.authors and (paper.year or identifier_of(paper))):
        return None
    return Part(start, end, paper, None)


def _lead_in(source: Source, node: SyntaxTreeNode) -> str:
    """A paragraph's last line, where a sentence introducing the list below ends."""
    return source.lines[node.map[1] - 1].strip() if node.type == "paragraph" and node.map else ""


def _covered(source: Source, node: SyntaxTreeNode) -> Layout | None:
    listed = Layout(parts=[])
    read_list(source, node, (), listed)
    papers = [part for part in listed.parts if part.paper is not None]
    stated = [p for p in papers if p.paper and (p.paper.authors or identifier_of(p.paper))]
    if len(stated) < _MIN_PAPERS or len(stated) < len(papers):
        return None
    return _as_covered(source, stated)


def _as_covered(source: Source, stated: list[Part]) -> Layout:
    notes = make_summary(source.text(source.start, len(source.lines)))
    # The opening above the list is the notes' too: nothing there is left out.
    opening = Marker(source.start, "title", "", end=stated[0].start)
    ends = [part.end for part in stated[:-1]] + [len(source.lines)]  # the last, to the end
    parts = [
        Part(part.start, end, part.paper, notes, evidence=COVERED_EVIDENCE)
        for part, end in zip(stated, ends, strict=True)
    ]
    return Layout(parts=parts, markers=[opening])


FRONT_MATTER_EVIDENCE = "the post's front matter describes it (paper: title, authors, …)"
# Fields of a paper described in front matter whose value may be its identifier.
_IDENTIFYING_FIELDS = ("doi", "arxiv", "arxiv_id", "url", "link", "pdf", "paper_url", "openreview")


def read_front_matter_papers(source: Source, front: FrontMatter) -> Layout | None:
    """The papers a post describes as data in its front matter — ``paper:`` with a title,
    authors, venue and DOI under it, or ``papers:`` listing two — each with the post as
    its notes, whatever the post itself is titled ("Eighteen rules for AI that behaves")."""
    value = front.data.get("papers") or front.data.get("paper")
    items = value if isinstance(value, list) else [value]
    papers = [paper for item in items if (paper := _described_paper(item)) is not None]
    if not papers:
        return None
    notes = make_summary(source.text(source.start, len(source.lines)))
    end = len(source.lines)
    parts = [
        Part(source.start, end, paper, notes, evidence=FRONT_MATTER_EVIDENCE) for paper in papers
    ]
    return Layout(parts=parts, markers=[Marker(source.start, "title", "", end=source.start)])


def _described_paper(item: object) -> PaperRecord | None:
    """A paper described by fields ({title, authors, venue, year, doi}), or None."""
    if not isinstance(item, dict):
        return None
    fields = {str(key).casefold(): as_text(value) for key, value in item.items()}
    title = visible_text(fields.get("title", "")).strip()
    if not is_probably_title(title):
        return None
    paper = PaperRecord(title=title)
    apply_labelled_fields(paper, fields)
    for name in _IDENTIFYING_FIELDS:
        add_identifier(paper, fields.get(name, ""))
    return paper if paper.authors or identifier_of(paper) or paper.year else None
