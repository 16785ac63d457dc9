from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "papershelf.accounts"
    label = "accounts"
