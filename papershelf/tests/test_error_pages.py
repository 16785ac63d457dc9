"""Error pages keep the site's layout and name: navigation, a way back, no host name."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from papershelf.accounts.models import User
from papershelf.urls import urlpatterns as site_urls


def _fail(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


def _forbid(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


urlpatterns = [path("boom/", _fail), path("forbidden/", _forbid), *site_urls]
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


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_forbidden_action_is_a_403_in_the_layout(client: Client) -> None:
    response = client.get("/forbidden/")
    assert response.status_code == 403
    page = response.content.decode()
    assert 'class="site-header"' in page and "That is not yours to do" in page
    assert "<title>Not allowed · Papershelf</title>" in page


@pytest.mark.django_db
def test_a_form_sent_without_its_csrf_token_is_a_403_in_the_layout() -> None:
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"username": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert 'class="site-header"' in page and "Nothing was changed" in page


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
