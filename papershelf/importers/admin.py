from django.contrib import admin

from papershelf.importers.models import ImportedEntry, ImportSource


@admin.register(ImportSource)
class ImportSourceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "format", "owner", "last_imported_at"]
    search_fields = ["name", "key"]


@admin.register(ImportedEntry)
class ImportedEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["source", "line", "key", "paper"]
    raw_id_fields = ["paper", "summary", "source"]
    search_fields = ["key"]
