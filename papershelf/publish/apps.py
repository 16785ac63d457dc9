from django.apps import AppConfig


class PublishConfig(AppConfig):
    name = "papershelf.publish"
    label = "publish"
