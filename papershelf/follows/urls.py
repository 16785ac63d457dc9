from django.urls import path

from papershelf.follows import views

urlpatterns = [
    path("feed/", views.feed, name="follows-feed"),
    path(
        "follow/<str:kind>/<int:pk>",
        views.follow_toggle,
        name="follows-toggle",
    ),
]
