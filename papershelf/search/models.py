from __future__ import annotations

from django.conf import settings
from django.db import models

from papershelf.search.embedding import DIMENSIONS
from papershelf.search.fields import EmbeddingVectorField


class SearchDocument(models.Model):
    """The searchable text of one paper, rebuilt whenever the paper or its parts change.

    Vendor-neutral: the full-text index over it is the database's own (on SQLite an
    FTS5 table that uses this table as its external content, kept in step by triggers,
    and tantivy; on PostgreSQL tsvector columns a trigger writes, see migration 0012).
    Only *public* summaries are in ``summaries``: the index is shared by every reader.
    """

    paper = models.OneToOneField(
        "papers.Paper", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.TextField()
    authors = models.TextField(blank=True)
    abstract = models.TextField(blank=True)
    venue = models.TextField(blank=True)
    topics = models.TextField(blank=True)
    summaries = models.TextField(blank=True)
    year = models.PositiveSmallIntegerField(null=True, db_index=True)
    venue_ref = models.ForeignKey(
        "papers.Venue", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        # Year filters over thousands of matches read this index alone, not the long rows.
        indexes = [models.Index(fields=["paper", "year"], name="search_doc_paper_year")]

    def __str__(self) -> str:
        return self.title


class DirtyPaper(models.Model):
    """A paper whose search document may be stale: the durable half of indexing.

    Written in the same transaction as the change itself, so a process that dies after
    the commit but before the document is rebuilt leaves this row behind; ``serve``,
    ``reindex`` and the background worker rebuild and delete it (``drain_outbox``).
    A plain id rather than a foreign key: a deleted paper's document must go too.
    """

    paper_id = models.BigIntegerField(primary_key=True)
    marked_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"dirty {self.paper_id}"


class PendingKeywordUpdate(models.Model):
    """A search document the keyword engine has not taken in yet: its outbox.

    Written by ``refresh_documents`` in the transaction that writes (or deletes) the
    document; ``keyword_index.sync`` applies it, then deletes exactly the row it read.
    """

    paper_id = models.BigIntegerField(primary_key=True)
    queued_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"keyword index pending {self.paper_id}"


class EmbeddingKind(models.TextChoices):
    PAPER = "paper", "Title and abstract"
    PASSAGE = "passage", "Passage of a public summary"


class Embedding(models.Model):
    """One vector: a paper's title+abstract, or one passage of a public summary.

    The primary key is the vector's key in the approximate-nearest-neighbour index.
    A changed text gets a new row (and key); ``text_hash`` lets an unchanged one stay.
    """

    paper = models.ForeignKey("papers.Paper", on_delete=models.CASCADE, related_name="+")
    summary = models.ForeignKey(
        "summaries.Summary", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=EmbeddingKind.choices)
    text = models.TextField()
    text_hash = models.CharField(max_length=64)
    model_id = models.CharField(max_length=60)
    # float32 bytes; a pgvector column with an HNSW index on PostgreSQL (see vectors.py).
    vector = EmbeddingVectorField(dimensions=DIMENSIONS)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["paper", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} of paper {self.paper_id}"


class PendingEmbedding(models.Model):
    """A paper whose vectors may be out of date: the background worker's queue."""

    paper = models.OneToOneField(
        "papers.Paper", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    queued_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"pending {self.paper_id}"


class RejectedSuggestion(models.Model):
    """A topic someone said does not fit a paper: never suggested for it again."""

    paper = models.ForeignKey("papers.Paper", on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey("topics.Topic", on_delete=models.CASCADE, related_name="+")
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["paper", "topic"], name="unique_rejected_suggestion")
        ]

    def __str__(self) -> str:
        return f"{self.topic_id} does not fit {self.paper_id}"


class SummaryLink(models.Model):
    """A paper one summary links to, kept as the identifier the link names.

    Stored as written rather than as the paper it meant: a paper added after the
    summary is linked the moment it arrives. ``kind`` is one of ``links.KINDS``.
    """

    summary = models.ForeignKey("summaries.Summary", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12)
    value = models.CharField(max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["summary", "kind", "value"], name="unique_summary_link")
        ]
        indexes = [models.Index(fields=["kind", "value"])]

    def __str__(self) -> str:
        return f"summary {self.summary_id} links to {self.kind}:{self.value}"


class DismissedRecommendation(models.Model):
    """A paper someone said is not for them: never recommended to them again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    paper = models.ForeignKey("papers.Paper", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "paper"], name="unique_dismissed_paper")
        ]

    def __str__(self) -> str:
        return f"{self.paper_id} is not for {self.user_id}"
