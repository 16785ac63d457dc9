from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "papershelf.notifications"
    label = "notifications"

    def ready(self) -> None:
        from papershelf.notifications import signals  # noqa: F401  (connects the receivers)
