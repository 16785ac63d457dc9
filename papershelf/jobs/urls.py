from django.urls import path

from papershelf.jobs import views

urlpatterns = [
    path("jobs/<int:pk>/", views.job_detail, name="jobs-detail"),
    path("jobs/<int:pk>.json", views.job_json, name="jobs-json"),
    path("jobs/<int:pk>/file", views.job_file, name="jobs-file"),
]
