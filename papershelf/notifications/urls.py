from django.urls import path

from papershelf.notifications import views

urlpatterns = [
    path("notifications/", views.notification_list, name="notifications-list"),
    path("notifications/<int:pk>/open", views.notification_open, name="notifications-open"),
    path("notifications/read", views.mark_all_read, name="notifications-read"),
    path("notifications/settings", views.notification_settings, name="notifications-settings"),
    path(
        "notifications/unsubscribe/<str:token>",
        views.unsubscribe,
        name="notifications-unsubscribe",
    ),
]
