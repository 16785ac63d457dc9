"""What every backend's snippets share: the marks, the choice of passage, long columns.

A database's highlighter wraps matched words in two control characters that no text
holds; ``marked_html`` escapes the rest and only then turns them into ``<mark>``s, so
nothing a paper or summary says can become markup.
"""

from __future__ import annotations

from django.utils.html import escape

from papershelf.search.backends.base import Snippet

OPEN, CLOSE = "\x02", "\x03"
# Passages, best first, that explain a match; the title is highlighted on its own.
SNIPPET_COLUMNS = ("abstract", "summaries", "authors", "topics", "venue")
SNIPPET_TOKENS = 28
# A highlighter's cost grows with a column's hits (FTS5's snippet() with their square):
# a column longer than this gets its snippet from a small window of its text instead,
# matched the same way.
SNIPPET_SOURCE_CHARS = 16_000
WINDOW_CHARS = 8_000  # one window: where a highlighter stays cheap whatever the text
WINDOW_SCAN_CHARS = 256_000  # how far into a long column to look for the first match
OPENING_CHARS = 200


def marked_html(text: str) -> str:
    return str(escape(text)).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")


def windows_of(text: str) -> list[str]:
    """``text`` cut between words into windows of about WINDOW_CHARS."""
    windows, start = [], 0
    while start < len(text):
        end = min(start + WINDOW_CHARS, len(text))
        space = text.rfind(" ", start + WINDOW_CHARS // 2, end) if end < len(text) else -1
        end = space if space > 0 else end
        windows.append(text[start:end])
        start = end
    return windows


def opening(text: str) -> str:
    """A long text's first words: what it is, when no query word is near its start."""
    return text[:OPENING_CHARS].rsplit(" ", 1)[0] + "…"


def best_snippet(title: str, passages: tuple[str | None, ...]) -> Snippet:
    """The passage (one per SNIPPET_COLUMNS) with most marks, and the title's marks."""
    title_html = marked_html(title) if OPEN in title else ""
    # The passage with the most matched words says best why the paper matched.
    marks = [(text or "").count(OPEN) for text in passages]
    best = max(range(len(passages)), key=lambda i: (marks[i], -i))
    if marks[best]:
        return Snippet(marked_html(passages[best] or ""), SNIPPET_COLUMNS[best], title_html)
    # Only the title matched: the abstract's opening still says what the paper is.
    return Snippet(marked_html(passages[0] or ""), "abstract", title_html)
