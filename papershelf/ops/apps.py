from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "papershelf.ops"
    label = "ops"
