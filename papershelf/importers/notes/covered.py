"""A post on several papers that names them in its lead.

"**Papers covered**" over a numbered list of whole citations, then "## Paper 1 — SBERT",
"## Paper 2 — DPR", "## Comparing the two": the post is the notes on each paper it
lists, not on a paper titled "Two-for-one: Sentence-BERT and Dense Passage Retrieval".
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from papershelf.importers.notes.layout import Layout, Marker, Part, make_summary, title_heading
from papershelf.importers.notes.lists import LIST_TYPES, label_of, read_list
from papershelf.importers.notes.metadata import identifier_of
from papershelf.importers.notes.source import Source

# "**Papers covered**", "Papers discussed:", "The papers", "Papers in this post".
_COVERS_LABEL_RE = re.compile(
    r"(?:the\s+)?(?:papers?|readings?)(?:\s+(?:covered|discussed|reviewed|summari[sz]ed"
    r"|in this (?:post|note|review)))?",
    re.IGNORECASE,
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
    for node in source.tree.children:
        if not node.map or node.map[0] >= lead_end:
            return None
        if node.type in LIST_TYPES and _COVERS_LABEL_RE.fullmatch(label):
            return _covered(source, node)
        label = label_of(source, node)
    return None


def _covered(source: Source, node: SyntaxTreeNode) -> Layout | None:
    listed = Layout(parts=[])
    read_list(source, node, (), listed)
    papers = [part for part in listed.parts if part.paper is not None]
    stated = [p for p in papers if p.paper and (p.paper.authors or identifier_of(p.paper))]
    if len(stated) < _MIN_PAPERS or len(stated) < len(papers):
        return None
    notes = make_summary(source.text(source.start, len(source.lines)))
    # The opening above the list is the notes' too: nothing there is left out.
    opening = Marker(source.start, "title", "", end=stated[0].start)
    ends = [part.end for part in stated[:-1]] + [len(source.lines)]  # the last, to the end
    parts = [
        Part(part.start, end, part.paper, notes, evidence=COVERED_EVIDENCE)
        for part, end in zip(stated, ends, strict=True)
    ]
    return Layout(parts=parts, markers=[opening])
