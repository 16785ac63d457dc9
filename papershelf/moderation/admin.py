from django.contrib import admin

from papershelf.moderation.models import AuditEntry, Ban, Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["content_type", "object_id", "reporter", "reason", "created_at", "resolution"]
    list_filter = ["resolution", "content_type"]


@admin.register(Ban)
class BanAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["user", "moderator", "reason", "created_at"]
    # Banning and lifting go through the queue, which hides and shows posts and logs it.
    readonly_fields = ["user", "moderator", "reason", "created_at", "hidden_items"]

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read only: the log is what happened."""

    list_display = ["created_at", "moderator", "action", "target", "reason"]
    list_filter = ["action"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
