from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from papershelf.papers.signals import papers_merged


@receiver(papers_merged)
def keep_provenance_on_merge(sender: Any, keep: Any, remove: Any, **kwargs: Any) -> None:
    remove.imported_entries.update(paper=keep)
