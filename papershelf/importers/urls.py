from django.urls import path

from papershelf.importers import views

urlpatterns = [
    path("import/", views.import_start, name="importers-start"),
    path("import/revise", views.import_revise, name="importers-revise"),
    path("import/confirm", views.import_confirm, name="importers-confirm"),
]
