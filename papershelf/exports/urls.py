from django.urls import path

from papershelf.exports import views

urlpatterns = [
    path("export/<str:format_name>/", views.download, name="exports-download"),
    path("export/<str:format_name>/job", views.export_start, name="exports-start"),
]
