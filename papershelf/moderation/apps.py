from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "papershelf.moderation"
    label = "moderation"
