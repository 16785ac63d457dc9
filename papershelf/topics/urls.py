from django.urls import path

from papershelf.topics import views

urlpatterns = [
    path("topics/", views.topic_list, name="topics-list"),
    path("topics/new", views.topic_new, name="topics-new"),
    path("topics/<slug:slug>/", views.topic_detail, name="topics-detail"),
    path("topics/<slug:slug>/edit", views.topic_edit, name="topics-edit"),
]
