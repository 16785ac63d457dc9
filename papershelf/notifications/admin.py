from django.contrib import admin

from papershelf.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["recipient", "kind", "text", "read", "created_at"]
    list_filter = ["kind", "read"]
    raw_id_fields = ["recipient", "summary", "question"]
