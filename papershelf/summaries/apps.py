from django.apps import AppConfig


class SummariesConfig(AppConfig):
    name = "papershelf.summaries"
    label = "summaries"
