"""Error pages keep the site's layout and name: navigation, a way back, no host name."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from papershelf.accounts.models import User
from papershelf.urls import urlpatterns as site_urls


def _fail(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


urlpatterns = [path("boom/", _fail), *site_urls]
handler500 = "papershelf.errors.server_error"


@pytest.mark.django_db
def test_a_missing_page_is_a_404_in_the_layout(client: Client) -> None:
    response = client.get("/papers/999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'class="site-header"' in page and "There is nothing here" in page
    assert "<title>Not found · Papershelf</title>" in page


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_is_a_500_in_the_layout() -> None:
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert 'class="site-header"' in page and "Something went wrong" in page


def test_the_login_page_names_the_site_not_the_host(client: Client, db: None) -> None:
    page = client.get("/accounts/login/", HTTP_HOST="127.0.0.1").content.decode()
    assert "<title>Log in · Papershelf</title>" in page
    assert 'class="brand" href="/">Papershelf</a>' in page
    assert "127.0.0.1" not in page


def test_the_password_reset_mail_names_the_site(client: Client, alice: User) -> None:
    from django.core import mail

    client.post("/accounts/password-reset/", {"email": alice.email}, HTTP_HOST="127.0.0.1")
    assert "Papershelf" in mail.outbox[-1].subject
    assert "account on Papershelf" in mail.outbox[-1].body
