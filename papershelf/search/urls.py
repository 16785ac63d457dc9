from django.urls import path

from papershelf.search import views

urlpatterns = [
    path("search", views.search_page, name="search"),
    path("search.json", views.search_json, name="search-json"),
    path("search/suggest.json", views.suggest_json, name="search-suggest"),
    path(
        "papers/<int:pk>/suggestions/<int:topic_pk>/accept",
        views.accept_suggestion,
        name="search-accept-suggestion",
    ),
    path(
        "papers/<int:pk>/suggestions/<int:topic_pk>/reject",
        views.reject_suggestion,
        name="search-reject-suggestion",
    ),
]
