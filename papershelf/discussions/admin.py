from django.contrib import admin

from papershelf.discussions.models import Answer, Comment, Question


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["pk", "author", "summary", "created_at", "hidden", "deleted"]
    list_filter = ["hidden", "deleted"]
    raw_id_fields = ["author", "summary", "parent"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "author", "paper", "created_at", "hidden"]
    list_filter = ["hidden"]
    raw_id_fields = ["author", "paper", "accepted_answer"]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["pk", "author", "question", "created_at", "hidden"]
    list_filter = ["hidden"]
    raw_id_fields = ["author", "question"]
