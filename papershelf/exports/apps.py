from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "papershelf.exports"
    label = "exports"
