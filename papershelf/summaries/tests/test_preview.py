"""The live preview: same renderer and sanitiser as saving, POST with CSRF only."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User


def test_the_preview_renders_markdown_with_math(alice_client: Client) -> None:
    response = alice_client.post(
        reverse("summaries-preview"), {"body": "Cost $O(n^2)$\n\n| a |\n|---|\n| 1 |"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<span class="math math-inline">O(n^2)</span>' in html
    assert "<table>" in html


def test_the_preview_sanitises_what_it_renders(alice_client: Client) -> None:
    body = '<script>alert(1)</script><img src=x onerror="alert(1)"> [x](javascript:alert(1))'
    html = alice_client.post(reverse("summaries-preview"), {"body": body}).content.decode()
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript:' not in html


def test_the_preview_answers_only_post(alice_client: Client) -> None:
    assert alice_client.get(reverse("summaries-preview"), {"body": "x"}).status_code == 405


def test_the_preview_refuses_a_post_without_the_csrf_token(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(reverse("summaries-preview"), {"body": "*hi*"})
    assert response.status_code == 403


def test_the_preview_accepts_a_post_with_the_csrf_token_as_the_editor_sends_it(
    alice: User,
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    client.get(reverse("papers-new"))  # any form page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        reverse("summaries-preview"), {"body": "*hi*"}, headers={"X-CSRFToken": token}
    )
    assert response.status_code == 200
    assert "<em>hi</em>" in response.content.decode()


def test_the_preview_is_for_signed_in_users(client: Client, db: None) -> None:
    response = client.post(reverse("summaries-preview"), {"body": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts-login"))
