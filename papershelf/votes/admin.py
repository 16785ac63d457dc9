from django.contrib import admin

from papershelf.votes.models import Vote


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["voter", "value", "summary", "comment", "answer", "created_at"]
    raw_id_fields = ["voter", "summary", "comment", "answer"]
