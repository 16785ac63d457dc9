from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "papershelf.topics"
    label = "topics"
