"""Revising a summary in a real browser, then reading what changed, word by word."""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from papershelf.accounts.models import User
from papershelf.summaries.models import Summary

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The summary fixture's text is "Attention replaces recurrence.", revision 1.
REVISED = r"Attention replaces recurrence and convolution at $O(n^2)$ cost."


def log_in(page: Page, live_server: LiveServer, user: User) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])


@pytest.mark.parametrize("width", [1280, 390])
def test_the_author_revises_a_summary_and_sees_the_words_that_changed(
    page: Page,
    live_server: LiveServer,
    alice: User,
    summary: Summary,
    console_errors: list[str],
    width: int,
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, alice)
    page.goto(f"/summaries/{summary.pk}/edit")
    page.locator("textarea[name=body]").fill(REVISED)
    page.get_by_label("What changed?").fill("convolution too")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Summary saved")

    page.get_by_role("link", name="History").click()
    expect(page.locator("table")).to_contain_text("convolution too")
    with page.expect_navigation():
        page.get_by_role("button", name="Show changes").click()
    expect(page.locator("h1")).to_have_text("Revision 1 → 2")
    diff = page.locator(".word-diff")
    expect(diff.locator("del")).to_have_text(["recurrence."])
    expect(diff.locator("ins")).to_have_text(["recurrence and convolution at $O(n^2)$ cost."])
    expect(page.locator("main")).to_contain_text("added, 1 removed")
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert scroll <= inner
    assert console_errors == []
