from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "papershelf.discussions"
    label = "discussions"
