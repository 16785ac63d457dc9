"""The kinds of notification: a registry, so adding one needs no migration."""

from __future__ import annotations

KINDS: dict[str, str] = {
    "reply": "Replies to your comments and comments on your summaries",
    "answer": "Answers to your questions",
    "vote": "Votes on your summaries",
    "new_summary": "New summaries of papers, topics and people you follow",
}
