from django.urls import path

from papershelf.discussions import views

# A summary's thread lives under the summary's own address: its number, or its share
# token when it is unlisted (the same URL name reverses to either from its kwargs).
_SUMMARY_PREFIXES = ["summaries/<int:pk>/", "s/<slug:token>/"]
_QUESTION = "papers/<int:paper_pk>/questions/<int:pk>/"
_ANSWER = _QUESTION + "answers/<int:answer_pk>/"

urlpatterns = [
    *(
        route
        for prefix in _SUMMARY_PREFIXES
        for route in (
            path(prefix + "comments", views.comment_new, name="discussions-comment-new"),
            path(
                prefix + "comments/<int:comment_pk>/edit",
                views.comment_edit,
                name="discussions-comment-edit",
            ),
            path(
                prefix + "comments/<int:comment_pk>/delete",
                views.comment_delete,
                name="discussions-comment-delete",
            ),
        )
    ),
    path(
        "papers/<int:paper_pk>/questions/new", views.question_new, name="discussions-question-new"
    ),
    path(_QUESTION, views.question_detail, name="discussions-question"),
    path(_QUESTION + "edit", views.question_edit, name="discussions-question-edit"),
    path(_QUESTION + "delete", views.question_delete, name="discussions-question-delete"),
    path(_QUESTION + "answers", views.answer_new, name="discussions-answer-new"),
    path(_ANSWER + "edit", views.answer_edit, name="discussions-answer-edit"),
    path(_ANSWER + "delete", views.answer_delete, name="discussions-answer-delete"),
    path(_ANSWER + "accept", views.answer_accept, name="discussions-answer-accept"),
]
