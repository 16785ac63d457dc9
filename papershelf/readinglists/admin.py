from django.contrib import admin

from papershelf.readinglists.models import ReadingList, ReadingListItem


class ItemInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ReadingListItem
    raw_id_fields = ["paper"]
    extra = 0


@admin.register(ReadingList)
class ReadingListAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "owner", "visibility"]
    inlines = [ItemInline]


@admin.register(ReadingListItem)
class ReadingListItemAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["reading_list", "position", "heading", "paper"]
    raw_id_fields = ["paper", "reading_list"]
