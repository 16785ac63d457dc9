"""A blog or summary site copied from the browser as plain text, where Markdown is gone.

Posts are found by the line that repeats between them ("Read more", "→ Continue
reading", "Permalink") — detected, not listed: a short line written several times,
each time followed by a new title. A post opens with its title on a plain line; its
paper's own link is the labelled one ("Paper: …", "arXiv: …"), never one it cites.
Sub-headings that recur from post to post ("Summary", "0. TLDR") become Markdown
headings again, and a list of categories (``**Name**: description``) becomes topics.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from papershelf.importers.notes.layout import FORMAT, is_section_label, make_summary
from papershelf.importers.notes.links import add_link
from papershelf.importers.records import (
    Entry,
    ImportWarning,
    PaperRecord,
    ParsedDocument,
    TopicRecord,
)
from papershelf.lib.identifiers import identify
from papershelf.lib.titles import is_probably_title

_CATEGORY_RE = re.compile(r"^\s*\*\*(?P<name>[^*]{2,60})\*\*\s*[:—–-]\s*(?P<description>.+)$")
_DATE_RE = re.compile(
    r"^\s*(?:\w+,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
    r"\.?\s+(?:\d{1,2},?\s+)?\d{4}\s*$|^\s*\d{4}-\d{2}-\d{2}\s*$",
    re.IGNORECASE,
)
_OWN_LINK_RE = re.compile(
    r"\b(?:paper|arxiv|link|pdf|doi)\s*:\s*(?P<value>(?:https?://)?\S+)", re.IGNORECASE
)
_TITLE_PREFIX_RE = re.compile(r"^\s*(?:paper\s+)?(?:summary|review|notes?)\s*:\s*", re.IGNORECASE)
_MAX_SEPARATOR_WORDS = 6
_MIN_POSTS = 2


@dataclass
class _Post:
    start: int  # the title line, 0-based
    end: int  # exclusive: the separator line


def read_text_posts(lines: list[str], path: str, separator: str = "") -> ParsedDocument | None:
    """The posts of a page saved as text, or None when no separator line splits it.

    ``separator`` is the line a person named in the preview; otherwise it is detected.
    """
    stripped = [line.strip() for line in lines]
    separator = separator.strip() or _separator(stripped) or ""
    if not separator:
        return None
    categories = _categories(stripped)
    posts = _posts(stripped, separator, categories)
    if len(posts) < _MIN_POSTS:
        return None
    labels = _recurring_labels(stripped, posts)
    document = ParsedDocument(path=path, format=FORMAT, ordered=False)
    document.topics = [TopicRecord(name=n, description=d) for n, d in categories.items()]
    for post in posts:
        _add_post(document, stripped, post, labels, categories, separator)
    return document


def _separator(lines: list[str]) -> str | None:
    """The short line that, each time it is written, is followed by a new title."""
    counts = Counter(line for line in lines if line and len(line.split()) <= _MAX_SEPARATOR_WORDS)
    best, best_share = None, 0.0
    for line, count in counts.items():
        if count < _MIN_POSTS or is_section_label(line) or _DATE_RE.match(line):
            continue
        if line.endswith(":"):
            continue  # "Readings:" introduces what follows it; a separator ends a post
        followers = [_next_text(lines, i + 1) for i, text in enumerate(lines) if text == line]
        titles = [f for f in followers if f and is_probably_title(_clean(f))]
        share = len(titles) / count
        if share >= 0.5 and len(set(titles)) == len(titles) and share > best_share:
            best, best_share = line, share
    return best


def _next_text(lines: list[str], start: int) -> str:
    return next((line for line in lines[start:] if line), "")


def _categories(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        match = _CATEGORY_RE.match(line)
        if match:
            found[match["name"].strip()] = match["description"].strip()
    return found if len(found) >= _MIN_POSTS else {}


def _posts(lines: list[str], separator: str, categories: dict[str, str]) -> list[_Post]:
    marks = [i for i, line in enumerate(lines) if line == separator]
    posts = []
    for before, mark in zip([-1, *marks], marks, strict=False):
        start = _title_line(lines, before + 1, mark, first=before < 0, categories=categories)
        if start is not None:
            posts.append(_Post(start, mark))
    return posts


def _title_line(
    lines: list[str], start: int, end: int, *, first: bool, categories: dict[str, str]
) -> int | None:
    """The post's title: the first line after the separator, or — before the first
    separator, below the page's own header — the title line over a date line."""
    candidates = [i for i in range(start, end) if lines[i]]
    if not candidates:
        return None
    if not first:
        return candidates[0] if is_probably_title(_clean(lines[candidates[0]])) else None
    dated = [i for i in candidates[:-1] if _DATE_RE.match(lines[_after(lines, i)])]
    if dated:
        return dated[0]
    last_category = max((i for i in candidates if _CATEGORY_RE.match(lines[i])), default=start - 1)
    after = [i for i in candidates if i > last_category and is_probably_title(_clean(lines[i]))]
    return after[0] if after else None


def _after(lines: list[str], index: int) -> int:
    return next((i for i in range(index + 1, len(lines)) if lines[i]), index)


def _recurring_labels(lines: list[str], posts: list[_Post]) -> frozenset[str]:
    """Plain lines written in most posts ("Summary", "Results"): sub-headings."""
    seen: Counter[str] = Counter()
    for post in posts:
        seen.update({_label_key(lines[i]) for i in range(post.start + 1, post.end) if lines[i]})
    return frozenset(
        key
        for key, count in seen.items()
        if count >= max(2, len(posts) // 2) and len(key.split()) <= 4 and not key.endswith(".")
    )


def _label_key(line: str) -> str:
    return line.lstrip("#").strip().casefold()


def _add_post(
    document: ParsedDocument,
    lines: list[str],
    post: _Post,
    labels: frozenset[str],
    categories: dict[str, str],
    separator: str,
) -> None:
    title = _clean(lines[post.start])
    body: list[str] = []
    topics: list[str] = []
    for index in range(post.start + 1, post.end):
        line = lines[index]
        if index == _after(lines, post.start) and _DATE_RE.match(line):
            continue  # the post's date, not its notes
        if line in categories:
            topics.append(line)
            continue
        if line and (_label_key(line) in labels or is_section_label(line)):
            body.append(f"### {line.lstrip('#').strip()}")
        else:
            body.append(line)
    markdown = "\n\n".join(block for block in "\n".join(body).split("\n") if block.strip())
    paper = PaperRecord(title=title)
    _take_own_link(paper, markdown)
    document.entries.append(
        Entry(
            paper=paper,
            summary=make_summary(markdown, title),
            line=post.start + 1,
            evidence="the title line after the separator “"
            + separator
            + "”"
            + (" and a labelled identifier" if paper.arxiv_id or paper.doi else ""),
        )
    )
    if topics:
        document.entry_topics[len(document.entries) - 1] = topics
    if not (paper.arxiv_id or paper.doi):
        document.warnings.append(
            ImportWarning(document.path, post.start + 1, f"“{title}” names no identifier")
        )


def _take_own_link(paper: PaperRecord, text: str) -> None:
    """ "Paper: https://…", "arXiv: 1911.05722", "(…; arXiv:1503.02531)" or a lone last
    URL: the post's own paper, not the ones it mentions in passing."""
    for match in _OWN_LINK_RE.finditer(text):
        value = match["value"].rstrip(".,;)")
        if value.startswith(("http://", "https://")):
            add_link(paper, value)
        elif (identifier := identify(value)) is not None:
            if identifier.kind == "arxiv":
                paper.arxiv_id = paper.arxiv_id or identifier.value
            elif identifier.kind == "doi":
                paper.doi = paper.doi or identifier.value
        if paper.arxiv_id or paper.doi:
            return


def _clean(line: str) -> str:
    return _TITLE_PREFIX_RE.sub("", line.strip(), count=1).strip()
