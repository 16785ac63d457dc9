"""What other apps hear from moderation.

``released`` is sent, once the release is committed, when a moderator lets a post held
for review be seen: its notifications (a reply, an answer, a new summary for followers)
were kept back while nobody could read it, and are due now.
"""

from __future__ import annotations

from django.dispatch import Signal

released = Signal()  # sender: the post's model; kwargs: instance
