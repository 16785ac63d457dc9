from django.contrib import admin
from django.db import models

from papershelf.papers.models import Author, Paper, PaperAuthor, Venue


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
    # As the paper form does; also silences Django 6.0's change of default scheme.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
