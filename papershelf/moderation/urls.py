from django.urls import path

from papershelf.moderation import views

urlpatterns = [
    path("moderation/", views.queue, name="moderation-queue"),
    path("moderation/log/", views.log, name="moderation-log"),
    path("moderation/<slug:kind>/<int:pk>/report", views.report, name="moderation-report"),
    path("moderation/<slug:kind>/<int:pk>/hide", views.hide, name="moderation-hide"),
    path("moderation/<slug:kind>/<int:pk>/restore", views.restore, name="moderation-restore"),
    path("moderation/users/<str:username>/ban", views.ban, name="moderation-ban"),
    path("moderation/users/<str:username>/unban", views.unban, name="moderation-unban"),
]
