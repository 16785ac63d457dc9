from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "papershelf.discussions"
    label = "discussions"

    def ready(self) -> None:
        from papershelf.discussions import receivers  # noqa: F401  (connects the signals)
