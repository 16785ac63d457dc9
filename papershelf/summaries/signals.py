"""What other apps hear from summaries.

``summary_created`` is sent when a new summary is saved and screened: if the shelf's
rules held it for review, ``instance.hidden`` says so, and it is not news yet.
"""

from __future__ import annotations

from django.dispatch import Signal

summary_created = Signal()  # sender: Summary; kwargs: instance
