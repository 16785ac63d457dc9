from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from papershelf.papers.views import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("papershelf.papers.urls")),
    path("", include("papershelf.summaries.urls")),
    path("", include("papershelf.topics.urls")),
    path("", include("papershelf.readinglists.urls")),
    path("", include("papershelf.accounts.urls")),
    path("", include("papershelf.importers.urls")),
    path("", include("papershelf.search.urls")),  # issue 5: /search, /search.json
    path("admin/", admin.site.urls),
    # Uploaded figures and attachments; a self-hosted shelf has no separate media server.
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]
