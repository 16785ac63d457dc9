from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "papershelf.search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the receivers that keep the index current on every save and delete.
        from papershelf.search import signals  # noqa: F401
