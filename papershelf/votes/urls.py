from django.urls import path

from papershelf.votes import views

# A summary is reached by its number or, when unlisted, by its share token; the same
# name reverses to either form from its keyword arguments.
urlpatterns = [
    path("summaries/<int:pk>/vote", views.vote_summary, name="votes-summary"),
    path("s/<slug:token>/vote", views.vote_summary, name="votes-summary"),
    path(
        "summaries/<int:pk>/comments/<int:comment_pk>/vote",
        views.vote_comment,
        name="votes-comment",
    ),
    path("s/<slug:token>/comments/<int:comment_pk>/vote", views.vote_comment, name="votes-comment"),
    path(
        "papers/<int:paper_pk>/questions/<int:pk>/answers/<int:answer_pk>/vote",
        views.vote_answer,
        name="votes-answer",
    ),
]
