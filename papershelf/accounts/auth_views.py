"""Django's login and password-reset views, naming the shelf rather than the host.

Django's LoginView and password-reset e-mail put ``site_name`` in their context from the
sites framework, which without that app is the request's host ("127.0.0.1:8000"); that
hides the site context processor's name in the page's header and title.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse


class LoginView(auth_views.LoginView):
    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "site_name": settings.SITE_NAME}


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form: Any) -> HttpResponse:
        self.extra_email_context = {"site_name": settings.SITE_NAME}
        return super().form_valid(form)
