from django.urls import path

from papershelf.feeds.views import SummariesAtom, SummariesRss

_FORMATS = {"atom": SummariesAtom(), "rss": SummariesRss()}
_SCOPES = {
    "topic": "topics/<slug:key>",
    "user": "users/<str:key>",
    "list": "lists/<int:key>",
    "paper": "papers/<int:key>",
}

urlpatterns = [
    *(
        path(f"feeds/summaries.{fmt}", view, {"kind": "site"}, name=f"feeds-site-{fmt}")
        for fmt, view in _FORMATS.items()
    ),
    *(
        path(f"feeds/{route}.{fmt}", view, {"kind": kind}, name=f"feeds-{kind}-{fmt}")
        for kind, route in _SCOPES.items()
        for fmt, view in _FORMATS.items()
    ),
]
