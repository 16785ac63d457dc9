"""Part 2 of a series of posts on one paper is more notes on the paper Part 1 names.

"T5 Review Part 2: objectives, multi-task, scaling" opens with "[Part 1]({% post_url
paper-review/2023-04-08-t5-part-1 %}) covered the framework … Same paper": its title
names no paper of its own, the post it links does (``collection.follow_note_links``).
"""

from __future__ import annotations

import re

from papershelf.importers.notes.layout import Layout, Part, make_summary, title_heading
from papershelf.importers.notes.source import Source

# "Part 2", "Pt. 3", "Part II", "part two", "(2/3)": a later part of a series.
_LATER_PART_RE = re.compile(
    r"\b(?:part|pt\.?)\s*(?:[2-9]|ii|iii|iv|vi{0,3}|two|three|four|five)\b|\([2-9]\s*/\s*[2-9]\)",
    re.IGNORECASE,
)
# The link back: "[Part 1](…)", "[the first part](…)", "[previous post](…)".
_EARLIER_PART_RE = re.compile(
    r"^(?:part|pt\.?)\s*(?:1|i|one)$|^(?:the\s+)?(?:previous|first|last|earlier)\s+(?:part|post)$",
    re.IGNORECASE,
)
_LINK_RE = re.compile(r"\[(?P<text>[^\[\]]{1,60})\]\((?P<target>[^()\n]{1,200})\)")
_WIKI_LINK_RE = re.compile(
    r"\[\[(?P<target>[^\[\]|#]{1,200})(?:#[^\]|]*)?(?:\|(?P<text>[^\]]*))?\]\]"
)
# Jekyll's "{% post_url 2023-04-08-t5-part-1 %}", Hugo's '{{< relref "t5-part-1.md" >}}'.
_SITE_LINK_RE = re.compile(
    r"^\{%-?\s*(?:post_url|link)\s+(?P<liquid>\S+)\s*-?%\}$"
    r"|^\{\{[<%]\s*(?:rel)?ref\s+\"?(?P<hugo>[^\"\s>]+)\"?\s*[>%]\}\}$"
)
EVIDENCE = "a later part of a series: the paper of the part it links"


def read_later_part(source: Source, front_title: str) -> Layout | None:
    """The notes of a post titled as a later part that links its earlier part, if it is
    one: a part with no paper of its own that takes the paper of the note it links."""
    title = front_title or (heading.text if (heading := title_heading(source, "")) else "")
    if not _LATER_PART_RE.search(title):
        return None
    target = _earlier_part(source)
    if not target:
        return None
    end = len(source.lines)
    notes = make_summary(source.text(source.start, end))
    return Layout(parts=[Part(source.start, end, None, notes, evidence=EVIDENCE, note_link=target)])


def _earlier_part(source: Source) -> str:
    """The note a link back to the series' earlier part points at, as a file name."""
    for line in source.lines[source.start :]:
        for match in [*_LINK_RE.finditer(line), *_WIKI_LINK_RE.finditer(line)]:
            text = (match["text"] or match["target"]).strip(" *_")
            if _EARLIER_PART_RE.match(text):
                return _as_file(match["target"].strip())
    return ""


def _as_file(target: str) -> str:
    site = _SITE_LINK_RE.match(target)
    if site:
        return site["liquid"] or site["hugo"]
    if "://" in target or target.startswith(("#", "mailto:")):
        return ""  # a web address: no note of this import
    return target.split("#")[0].rstrip("/")
