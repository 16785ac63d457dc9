import os

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
    path("", include("papershelf.moderation.urls")),  # issue 11: reports, queue, bans, log
    # issue 11, community: votes, discussion, notifications, follows, feeds
    path("", include("papershelf.votes.urls")),
    path("", include("papershelf.discussions.urls")),
    path("", include("papershelf.notifications.urls")),
    path("", include("papershelf.follows.urls")),
    path("", include("papershelf.feeds.urls")),
    path("", include("papershelf.api.urls")),  # issue 12: /api/v1/, tokens
    path("", include("papershelf.exports.urls")),  # issue 12: download buttons
    path("", include("papershelf.publish.urls")),  # issue 10: publishing as a job
    path("", include("papershelf.jobs.urls")),  # issue 10: background jobs' pages
    path("", include("papershelf.ops.urls")),  # issue 10: /healthz, /readyz
    path("admin/", admin.site.urls),
    # Papers' key figures are public, so they are files; a self-hosted shelf has no
    # separate media server. Summary attachments are not served here: they follow
    # their summary's visibility (summaries-file, summaries-shared-file).
    # The figures folder is the root, so "figures/../attachments/…" cannot climb out.
    re_path(
        r"^media/figures/(?P<path>.*)$",
        serve,
        {"document_root": os.path.join(settings.MEDIA_ROOT, "figures")},
    ),
]

handler500 = "papershelf.errors.server_error"
