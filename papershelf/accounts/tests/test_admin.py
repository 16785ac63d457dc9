"""Django admin: every registered model's pages load for an administrator, and only for one."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.demo import load_demo

MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


def admin_url(model: type[Model], view: str, *args: object) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def filled_shelf(alice: User) -> None:
    """Rows in every core table, so list columns and inlines are rendered, not skipped."""
    load_demo(alice.username)


def _request_as_admin() -> HttpRequest:
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = User(is_staff=True, is_superuser=True, is_active=True)
    return request


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_an_administrator_can_open_the_list_add_and_change_pages(
    admin_client_: Client, filled_shelf: None, model: type[Model]
) -> None:
    assert admin_client_.get(admin_url(model, "changelist")).status_code == 200
    assert admin_client_.get(admin_url(model, "changelist"), {"q": "a"}).status_code == 200
    # Derived data (search indexes, vectors) may be looked at, never added by hand.
    can_add = admin.site._registry[model].has_add_permission(_request_as_admin())
    assert admin_client_.get(admin_url(model, "add")).status_code == (200 if can_add else 403)
    first = model._default_manager.first()
    if first is not None:
        assert admin_client_.get(admin_url(model, "change", first.pk)).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_a_user_who_is_not_staff_is_sent_to_the_admin_login(
    bob_client: Client, model: type[Model]
) -> None:
    response = bob_client.get(admin_url(model, "changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_admin_index_lists_every_core_app(admin_client_: Client) -> None:
    page = admin_client_.get(reverse("admin:index")).content.decode()
    for label in ["Papers", "Summaries", "Topics", "Reading lists", "Users"]:
        assert label in page
