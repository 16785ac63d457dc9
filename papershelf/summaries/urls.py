from django.urls import path

from papershelf.summaries import views

urlpatterns = [
    path("papers/<int:paper_pk>/summaries/new", views.summary_new, name="summaries-new"),
    path("summaries/<int:pk>/", views.summary_detail, name="summaries-detail"),
    path("summaries/<int:pk>/files/<str:filename>", views.summary_file, name="summaries-file"),
    # Unlisted summaries: "anyone with the link" means this unguessable link.
    path("s/<slug:token>/", views.summary_shared, name="summaries-shared"),
    path(
        "s/<slug:token>/files/<str:filename>",
        views.shared_summary_file,
        name="summaries-shared-file",
    ),
    path("summaries/<int:pk>/edit", views.summary_edit, name="summaries-edit"),
    path("summaries/<int:pk>/delete", views.summary_delete, name="summaries-delete"),
    path("summaries/<int:pk>/history/", views.summary_history, name="summaries-history"),
    path("summaries/<int:pk>/history/compare", views.revision_compare, name="summaries-compare"),
    path(
        "summaries/<int:pk>/history/<int:number>/",
        views.revision_detail,
        name="summaries-revision",
    ),
    path(
        "summaries/<int:pk>/history/<int:number>/restore",
        views.revision_restore,
        name="summaries-restore",
    ),
    path("preview", views.preview, name="summaries-preview"),
]
