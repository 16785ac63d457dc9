from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "papershelf.api"
    label = "api"
