from django.apps import AppConfig


class ReadinglistsConfig(AppConfig):
    name = "papershelf.readinglists"
    label = "readinglists"
