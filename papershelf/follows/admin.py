from django.contrib import admin

from papershelf.follows.models import Follow


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["follower", "paper", "topic", "reading_list", "followed_user", "created_at"]
    raw_id_fields = ["follower", "paper", "topic", "reading_list", "followed_user"]
