from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "papershelf.notifications"
    label = "notifications"
