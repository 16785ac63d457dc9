from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "papershelf.feeds"
    label = "feeds"
