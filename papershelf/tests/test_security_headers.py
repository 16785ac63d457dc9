"""What every page tells the browser: a strict Content-Security-Policy, HTTPS-only cookies.

Personas as in papershelf/conftest.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from papershelf.accounts.models import User
from papershelf.conftest import PASSWORD
from papershelf.papers.models import Paper
from papershelf.summaries.services import SummaryData, create_summary

if TYPE_CHECKING:
    from playwright.sync_api import Page

PACKAGE = Path(__file__).resolve().parents[1]


def _policy(response: object) -> dict[str, str]:
    header = response["Content-Security-Policy"]  # type: ignore[index]
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: rest for name, rest in parts}


def test_every_page_sends_a_strict_content_security_policy(client: Client, db: None) -> None:
    policy = _policy(client.get(reverse("home")))

    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "unsafe-inline" not in policy["script-src"] + policy["style-src"]


def test_the_admin_and_the_login_page_send_it_too(client: Client, db: None) -> None:
    for url in (reverse("accounts-login"), reverse("admin:login")):
        assert _policy(client.get(url))["script-src"] == "'self'"


def test_no_template_holds_an_inline_script_or_event_handler() -> None:
    # The policy would block them: a script in a template must be a static file.
    for template in PACKAGE.rglob("templates/**/*.html"):
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template
        assert not re.search(r"\son[a-z]+\s*=", text), template
        assert "javascript:" not in text, template


def test_over_plain_http_cookies_are_not_marked_secure(client: Client, alice: User) -> None:
    response = client.post(reverse("accounts-login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert not response.cookies["sessionid"]["secure"]
    assert "Strict-Transport-Security" not in response


def test_with_papershelf_https_the_session_and_csrf_cookies_are_secure_and_hsts_is_sent(
    client: Client, alice: User, settings: Settings
) -> None:
    settings.HTTPS = True
    form = client.get(reverse("accounts-login"))
    assert form.cookies["csrftoken"]["secure"]

    response = client.post(reverse("accounts-login"), {"username": "alice", "password": PASSWORD})

    assert response.cookies["sessionid"]["secure"]
    assert response["Strict-Transport-Security"] == "max-age=31536000"


def test_behind_a_proxy_its_https_header_makes_cookies_secure(
    client: Client, alice: User, settings: Settings
) -> None:
    settings.BEHIND_PROXY = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.post(
        reverse("accounts-login"),
        {"username": "alice", "password": PASSWORD},
        headers={"x-forwarded-proto": "https"},
        secure=False,
    )
    assert response.cookies["sessionid"]["secure"]
    assert "max-age=" in response["Strict-Transport-Security"]


def test_without_opting_in_a_forged_proxy_header_changes_nothing(
    client: Client, alice: User
) -> None:
    response = client.post(
        reverse("accounts-login"),
        {"username": "alice", "password": PASSWORD},
        headers={"x-forwarded-proto": "https"},
    )
    assert not response.cookies["sessionid"]["secure"]
    assert "Strict-Transport-Security" not in response


@pytest.mark.browser
def test_under_the_policy_math_is_typeset_and_bad_tex_shows_in_red_without_violations(
    page: Page, console_errors: list[str], alice: User, paper: Paper
) -> None:
    summary = create_summary(
        paper, alice, SummaryData(body="Good: $\\fbox{x} + \\frac{a}{b}$. Bad: $\\frac{a$.")
    )

    from playwright.sync_api import expect

    page.goto(reverse("summaries-detail", args=[summary.pk]))

    expect(page.locator(".math-inline .katex").first).to_be_visible()
    error = page.locator(".katex-error")
    expect(error).to_have_count(1)
    expect(error).to_have_css("color", "rgb(204, 0, 0)")  # KaTeX's style attribute applies
    assert console_errors == []  # a blocked script, style or font would be logged here
