from django.urls import path

from papershelf.readinglists import views

urlpatterns = [
    path("lists/", views.list_index, name="readinglists-index"),
    path("lists/new", views.list_new, name="readinglists-new"),
    path("lists/<int:pk>/", views.list_detail, name="readinglists-detail"),
    # Unlisted lists: "anyone with the link" means this unguessable link.
    path("l/<slug:token>/", views.list_shared, name="readinglists-shared"),
    path("lists/<int:pk>/edit", views.list_edit, name="readinglists-edit"),
    path("lists/<int:pk>/delete", views.list_delete, name="readinglists-delete"),
    path("lists/add-paper", views.list_add_paper, name="readinglists-add-paper"),
    path("lists/<int:pk>/headings", views.list_add_heading, name="readinglists-add-heading"),
    # The editor's script saves drags and ↑/↓ here; the ↑/↓ forms still work without it.
    path("lists/<int:pk>/order", views.list_reorder, name="readinglists-reorder"),
    path("lists/<int:pk>/items/<int:item_pk>/move", views.item_move, name="readinglists-move"),
    path("lists/<int:pk>/items/<int:item_pk>", views.item_update, name="readinglists-item"),
    path(
        "lists/<int:pk>/items/<int:item_pk>/remove", views.item_remove, name="readinglists-remove"
    ),
]
