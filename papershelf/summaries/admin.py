from django.contrib import admin

from papershelf.summaries.models import Attachment, Revision, Summary


class RevisionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Revision
    fields = ("number", "editor", "message", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Summary)
class SummaryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["__str__", "paper", "author", "visibility", "created_at"]
    list_filter = ["visibility", "anonymous"]
    search_fields = ["title", "body", "paper__title"]
    raw_id_fields = ["paper", "author"]
    inlines = [RevisionInline]


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["summary", "number", "editor", "created_at"]
    raw_id_fields = ["summary", "editor"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "summary"]
    raw_id_fields = ["summary"]
