from django.urls import path

from papershelf.api import views
from papershelf.api.api import api

urlpatterns = [
    path("api/v1/docs/", views.docs, name="api-docs"),
    path("api/v1/", api.urls),
    path("settings/tokens/", views.token_settings, name="api-tokens"),
    path("settings/tokens/new/", views.token_create, name="api-tokens-create"),
    path("settings/tokens/<int:pk>/revoke/", views.token_revoke, name="api-tokens-revoke"),
]
