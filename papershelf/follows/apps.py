from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "papershelf.follows"
    label = "follows"

    def ready(self) -> None:
        from papershelf.follows import receivers  # noqa: F401  (connects the signal)
