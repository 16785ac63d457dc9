from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "papershelf.jobs"
    label = "jobs"

    def ready(self) -> None:
        # Each kind of job registers its runner in tasks.KINDS when imported.
        from papershelf.jobs import exports, imports, publishing  # noqa: F401
