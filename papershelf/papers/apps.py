from django.apps import AppConfig


class PapersConfig(AppConfig):
    name = "papershelf.papers"
    label = "papers"
