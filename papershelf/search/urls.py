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
    path("for-you/", views.for_you_page, name="search-for-you"),
    path("for-you.json", views.for_you_json, name="search-for-you-json"),
    path("for-you/<int:pk>/dismiss", views.dismiss_recommendation, name="search-for-you-dismiss"),
]
