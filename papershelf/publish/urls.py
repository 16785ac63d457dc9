from django.urls import path

from papershelf.publish import views

urlpatterns = [
    path("publish/", views.publish_start, name="publish-start"),
]
