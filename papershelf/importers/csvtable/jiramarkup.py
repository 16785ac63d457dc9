"""Jira's wiki markup as Markdown: what a Jira CSV export holds in Description and Comment.

jira2markdown knows the grammar (``h2.``, ``*bold*``, ``[text|url]``, ``{code}``,
``{quote}``, ``bq.``, ``#`` lists, ``||header||`` tables); around it we undo what it
leaves for YouTrack's renderer and the notes reader would read as text: HTML for
colours, citations and super/subscripts, Cloud's ``|smart-link`` suffix inside a link's
address, and lists that swallow the paragraph after them.
"""

from __future__ import annotations

import re

from jira2markdown import convert

# "[https://arxiv.org/abs/…|https://arxiv.org/abs/…|smart-link]": Jira Cloud's link card.
_SMART_LINK_RE = re.compile(r"\|smart-(?:link|card|embed)\]", re.IGNORECASE)
# In Jira a list ends at the first line that is not an item; in Markdown that line would
# be the last item's continuation (and a table after it, indented, no table at all).
_LIST_LINE_RE = re.compile(r"^\s*[*#-]+\s+\S")
_HTML_LEFTOVER_RE = re.compile(r"</?(?:font|sup|sub|u|ins|span)\b[^>]*>", re.IGNORECASE)
_CITATION_RE = re.compile(r"</?q>", re.IGNORECASE)
# An attached image ("!diagram.png|thumbnail!") is a file the export does not carry.
_ATTACHED_IMAGE_RE = re.compile(r"!\[[^\]]*\]\((?!https?:)[^)]*\)")
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def jira_to_markdown(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SMART_LINK_RE.sub("]", text)
    markdown = convert(_end_lists(text))
    markdown = _CITATION_RE.sub('"', _HTML_LEFTOVER_RE.sub("", markdown))
    markdown = _ATTACHED_IMAGE_RE.sub("", markdown)
    return _BLANK_LINES_RE.sub("\n\n", markdown).strip()


def _end_lists(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    for number, line in enumerate(lines):
        after_item = number > 0 and _LIST_LINE_RE.match(lines[number - 1])
        if after_item and line.strip() and not _LIST_LINE_RE.match(line):
            out.append("")
        out.append(line)
    return "\n".join(out)
