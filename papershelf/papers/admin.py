from __future__ import annotations

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from papershelf.papers.identity import merge_papers
from papershelf.papers.models import Author, Paper, PaperAuthor, PaperConflict, TitleKey, Venue


class PaperAuthorInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PaperAuthor
    autocomplete_fields = ["author"]
    extra = 1


@admin.register(Paper)
class PaperAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "year", "venue", "arxiv_id", "doi"]
    list_filter = ["year", "venue"]
    search_fields = ["title", "arxiv_id", "doi", "bibtex_key"]
    autocomplete_fields = ["venue"]
    inlines = [PaperAuthorInline]
    actions = ["merge_selected"]
    # As the paper form does; also silences Django 6.0's change of default scheme.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.action(description="Merge the selected papers into the oldest of them")
    def merge_selected(self, request: HttpRequest, queryset: QuerySet[Paper]) -> None:
        papers = list(queryset.order_by("pk"))
        if len(papers) < 2:
            self.message_user(request, "Select two or more papers to merge.", messages.WARNING)
            return
        keep = papers[0]
        for other in papers[1:]:
            merge_papers(keep, other)
        self.message_user(request, f"Merged {len(papers) - 1} paper(s) into “{keep.title}”.")


@admin.register(PaperConflict)
class PaperConflictAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["paper", "field", "kept", "other", "source"]
    raw_id_fields = ["paper"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(TitleKey)
class TitleKeyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["key", "paper"]
    search_fields = ["key"]
    raw_id_fields = ["paper"]
