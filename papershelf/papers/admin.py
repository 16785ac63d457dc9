from __future__ import annotations

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from papershelf.papers.identity import merge_papers
from papershelf.papers.models import (
    Author,
    Paper,
    PaperAuthor,
    PaperConflict,
    TitleKey,
    Venue,
    VenueAlias,
)
from papershelf.papers.venues import follow_rename, merge_duplicate_venues


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

    def save_model(self, request: HttpRequest, obj: Venue, form: ModelForm, change: bool) -> None:  # type: ignore[type-arg]
        old = Venue.objects.get(pk=obj.pk).name if change else obj.name
        super().save_model(request, obj, form, change)
        follow_rename(old, obj.name)  # or new papers would bring the old name back


@admin.register(VenueAlias)
class VenueAliasAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "canonical", "key"]
    search_fields = ["name", "canonical"]
    readonly_fields = ["key"]
    actions = ["merge_venues"]

    @admin.action(description="Merge the shelf's venues these aliases name")
    def merge_venues(self, request: HttpRequest, queryset: QuerySet[VenueAlias]) -> None:
        merges = merge_duplicate_venues(only=queryset)
        if not merges:
            self.message_user(request, "No venue on the shelf goes by these aliases.")
            return
        moved = "; ".join(f"{m.name} → {m.into}" for m in merges)
        self.message_user(request, f"Merged {len(merges)} venue(s): {moved}.")


@admin.register(TitleKey)
class TitleKeyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["key", "paper"]
    search_fields = ["key"]
    raw_id_fields = ["paper"]
