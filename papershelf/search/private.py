"""A reader's own private and unlisted summaries, searched for that reader alone.

The shared full-text index and the vectors hold public text only, so nothing private
can surface for anyone else. A person's own notes are few, so they are matched here,
at query time, word by word (case-insensitive, no stemming).
"""

from __future__ import annotations

import re

from django.utils.html import escape

from papershelf.accounts.models import User
from papershelf.lib.markdown import plain_text
from papershelf.search.backends.base import Snippet
from papershelf.search.query import ParsedQuery
from papershelf.summaries.models import Summary, Visibility

FIELD = "your summary"
_CONTEXT = 140  # characters either side of the first match
_OWN_LIMIT = 5_000  # summaries read at most; nobody keeps more private notes than this


def _words(query: ParsedQuery) -> list[str]:
    return [c.text.casefold() for c in query.clauses if c.field in (None, "summaries")]


def own_matches(user: User | None, query: ParsedQuery) -> dict[int, Snippet]:
    """Papers whose non-public summaries by ``user`` hold every query word, with a snippet."""
    words = _words(query)
    if user is None or not user.is_authenticated or not words:
        return {}
    if any(c.field not in (None, "summaries") for c in query.clauses):
        return {}  # a fielded query asks about papers' metadata, which is indexed already
    summaries = Summary.objects.filter(author=user).exclude(
        visibility=Visibility.PUBLIC, hidden=False
    )
    if query.year_from is not None:
        summaries = summaries.filter(paper__year__gte=query.year_from)
    if query.year_to is not None:
        summaries = summaries.filter(paper__year__lte=query.year_to)
    excluded = [c.text.casefold() for c in query.exclusions]
    found: dict[int, Snippet] = {}
    for paper_id, body in summaries.values_list("paper_id", "body")[:_OWN_LIMIT]:
        text = plain_text(body)
        folded = text.casefold()
        if all(w in folded for w in words) and not any(w in folded for w in excluded):
            found.setdefault(paper_id, Snippet(_snippet(text, folded, words), FIELD))
    return found


def _snippet(text: str, folded: str, words: list[str]) -> str:
    start = max(0, folded.find(words[0]) - _CONTEXT)
    end = min(len(text), folded.find(words[0]) + len(words[0]) + _CONTEXT)
    html = str(escape(text[start:end]))
    for word in sorted(set(words), key=len, reverse=True):
        html = re.sub(f"({re.escape(str(escape(word)))})", r"<mark>\1</mark>", html, flags=re.I)
    return ("…" if start else "") + html + ("…" if end < len(text) else "")
