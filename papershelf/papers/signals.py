"""Signals other apps listen to, so the papers app need not know about them."""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside merge_papers before ``remove`` is deleted: move your references to ``keep``.
papers_merged = Signal()

# Sent after papers were inserted in bulk (no post_save per paper): index them, etc.
papers_created = Signal()

# Sent after bulk changes that bypass save() (topic links added by an import): re-index.
papers_changed = Signal()
