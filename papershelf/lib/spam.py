"""Spam-shaped text, by two rules a person can check by eye: many links, repeated text.

Pure functions with the limits passed in; ``moderation.services`` applies them with the
settings and holds what they flag for a moderator, showing these reasons in the queue.
"""

from __future__ import annotations

import re
from collections import Counter

_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORD = re.compile(r"\w+")
PHRASE_WORDS = 3  # a repeated "phrase" is this many words in a row
MIN_LINE_CHARS = 12  # shorter lines ("---", "| a | b |", "Results") repeat innocently


def count_links(text: str) -> int:
    return len(_LINK.findall(text))


def most_repeated_line(text: str) -> tuple[str, int]:
    """The non-trivial line that appears most often, and how often (case and spacing aside)."""
    lines = (" ".join(line.split()).casefold() for line in text.splitlines())
    counts = Counter(line for line in lines if len(line) >= MIN_LINE_CHARS)
    if not counts:
        return "", 0
    return counts.most_common(1)[0]


def most_repeated_phrase(text: str) -> tuple[str, int, int]:
    """The most frequent run of PHRASE_WORDS words, how often, and how many runs there are."""
    words = [w.casefold() for w in _WORD.findall(text)]
    runs = [" ".join(words[i : i + PHRASE_WORDS]) for i in range(len(words) - PHRASE_WORDS + 1)]
    if not runs:
        return "", 0, 0
    phrase, count = Counter(runs).most_common(1)[0]
    return phrase, count, len(runs)


def spam_reasons(text: str, max_links: int, max_repeats: int) -> list[str]:
    """Why this text looks like spam, in words for the moderator's queue; empty if it does not.

    - more than ``max_links`` links;
    - one line (12 characters or more) written more than ``max_repeats`` times;
    - one three-word phrase more than ``max_repeats`` times *and* a quarter of the text,
      so a summary that says "the learning rate" often is not spam, "buy cheap pills buy
      cheap pills …" is.
    """
    reasons = []
    links = count_links(text)
    if links > max_links:
        reasons.append(f"{links} links (more than {max_links})")
    line, times = most_repeated_line(text)
    if times > max_repeats:
        reasons.append(f"the line “{line[:60]}” {times} times (more than {max_repeats})")
    phrase, count, total = most_repeated_phrase(text)
    if count > max_repeats and count * 4 >= total:
        reasons.append(f"the phrase “{phrase}” {count} times, {count * 100 // total}% of the text")
    return reasons
