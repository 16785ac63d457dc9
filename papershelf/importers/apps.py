from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "papershelf.importers"
    label = "importers"

    def ready(self) -> None:
        from papershelf.importers import receivers  # noqa: F401  (connects signal handlers)
