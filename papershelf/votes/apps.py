from django.apps import AppConfig


class VotesConfig(AppConfig):
    name = "papershelf.votes"
    label = "votes"
