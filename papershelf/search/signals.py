"""Every change that alters what a paper's search document says marks that paper dirty.

Signals rather than calls in each service: importers, the admin and the shell all
change papers, and none of them has to remember the search index.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from papershelf.papers.models import Author, Paper, PaperAuthor, Venue
from papershelf.papers.signals import papers_changed, papers_created, papers_merged
from papershelf.search.indexing import mark_dirty, withdraw_summary, withdrawing
from papershelf.search.links import store_links
from papershelf.summaries.models import Summary, Visibility
from papershelf.topics.models import Topic


@receiver(post_save, sender=Paper)
@receiver(post_delete, sender=Paper)
def _paper_changed(sender: type, instance: Paper, **kwargs: Any) -> None:
    mark_dirty([instance.pk])


@receiver(post_save, sender=PaperAuthor)
@receiver(post_delete, sender=PaperAuthor)
@receiver(post_save, sender=Summary)
@receiver(post_delete, sender=Summary)
def _part_changed(sender: type, instance: PaperAuthor | Summary, **kwargs: Any) -> None:
    mark_dirty([instance.paper_id])


@receiver(post_save, sender=Summary)
def _summary_saved(
    sender: type, instance: Summary, update_fields: frozenset[str] | None, **kwargs: Any
) -> None:
    # create_summary saves a second time only to store the rendered HTML.
    if update_fields is not None and set(update_fields) <= {"body_html"}:
        return
    store_links(instance)


@receiver(pre_save, sender=Summary)
def _note_withdrawal(sender: type, instance: Summary, **kwargs: Any) -> None:
    # Read the stored row only when this save could take public text away (made
    # private or unlisted, or hidden by a moderator).
    if instance.pk is not None and (instance.visibility != Visibility.PUBLIC or instance.hidden):
        stored = Summary.objects.filter(pk=instance.pk, visibility=Visibility.PUBLIC, hidden=False)
        if stored.exists():
            withdrawing().add(instance.pk)


@receiver(post_save, sender=Summary)
def _withdraw_if_no_longer_public(sender: type, instance: Summary, **kwargs: Any) -> None:
    # Private means private at once: not once the indexer gets round to it.
    if instance.pk in withdrawing():
        withdrawing().discard(instance.pk)
        withdraw_summary(instance.pk, instance.paper_id)


@receiver(post_delete, sender=Summary)
def _withdraw_deleted(
    sender: type, instance: Summary, origin: object = None, **kwargs: Any
) -> None:
    # When the paper itself is being deleted its document goes with it: rebuilding it
    # here would bring back a row that points at a deleted paper.
    paper_going = isinstance(origin, Paper) or (
        isinstance(origin, QuerySet) and origin.model is Paper
    )
    if instance.visibility == Visibility.PUBLIC and not instance.hidden and not paper_going:
        withdraw_summary(instance.pk, instance.paper_id)


@receiver(post_save, sender=Author)
def _author_renamed(sender: type, instance: Author, created: bool, **kwargs: Any) -> None:
    if not created:
        mark_dirty(instance.paper_links.values_list("paper_id", flat=True))


@receiver(post_save, sender=Venue)
def _venue_renamed(sender: type, instance: Venue, created: bool, **kwargs: Any) -> None:
    if not created:
        mark_dirty(instance.papers.values_list("pk", flat=True))


@receiver(post_save, sender=Topic)
@receiver(pre_delete, sender=Topic)  # before the links it had are gone
def _topic_changed(sender: type, instance: Topic, **kwargs: Any) -> None:
    if not kwargs.get("created"):
        mark_dirty(instance.papers.values_list("pk", flat=True))


@receiver(m2m_changed, sender=Topic.papers.through)
def _topic_links_changed(
    sender: type, instance: Topic | Paper, action: str, reverse: bool, pk_set: set[int] | None,
    **kwargs: Any,
) -> None:  # fmt: skip
    if action == "pre_clear":
        # pk_set is empty on clear: note who is about to lose the links.
        if isinstance(instance, Topic):
            mark_dirty(instance.papers.values_list("pk", flat=True))
        else:
            mark_dirty([instance.pk])
    elif action in {"post_add", "post_remove"}:
        mark_dirty((pk_set or []) if isinstance(instance, Topic) else [instance.pk])


@receiver(papers_created)
@receiver(papers_changed)
def _papers_created_in_bulk(sender: type, pks: list[int], **kwargs: Any) -> None:
    mark_dirty(pks)


@receiver(papers_merged)
def _papers_merged(sender: type, keep: Paper, remove: Paper, **kwargs: Any) -> None:
    # The removed paper's summaries and topics moved to keep by queryset update: no signals.
    mark_dirty([keep.pk, remove.pk])
    # Here rather than at the top: start-up need not load numpy and the vector code.
    from papershelf.search.recommendations import follow_merge

    follow_merge(keep, remove)
