"""Search data in the admin. Indexes and vectors are derived from papers and summaries, so
they are shown read-only (``papershelf reindex`` rebuilds them); people's choices are editable.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from papershelf.search.models import (
    DismissedRecommendation,
    Embedding,
    PendingEmbedding,
    RejectedSuggestion,
    SearchDocument,
    SummaryLink,
)


class DerivedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Rebuilt from the source data: an edit here would be lost, or desync the index."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(SearchDocument)
class SearchDocumentAdmin(DerivedAdmin):
    list_display = ["paper", "year", "venue"]
    search_fields = ["title", "authors"]


@admin.register(Embedding)
class EmbeddingAdmin(DerivedAdmin):
    list_display = ["paper", "kind", "model_id", "created_at"]
    exclude = ["vector"]
    search_fields = ["text"]


@admin.register(PendingEmbedding)
class PendingEmbeddingAdmin(DerivedAdmin):
    list_display = ["paper", "queued_at"]


@admin.register(SummaryLink)
class SummaryLinkAdmin(DerivedAdmin):
    list_display = ["summary", "kind", "value"]
    search_fields = ["value"]


@admin.register(RejectedSuggestion)
class RejectedSuggestionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["paper", "topic", "rejected_by", "created_at"]
    raw_id_fields = ["paper", "topic", "rejected_by"]


@admin.register(DismissedRecommendation)
class DismissedRecommendationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["user", "paper", "created_at"]
    raw_id_fields = ["user", "paper"]
