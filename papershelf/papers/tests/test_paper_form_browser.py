"""'+ Paper' in a real browser: an arXiv id fills the form from a recorded arXiv answer,
the person checks it and adds the paper, and the page says so. On a phone too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.conftest import PASSWORD
from papershelf.importers.ids.fetch import MetadataClient
from papershelf.importers.ids.tests.conftest import (
    FAST,
    NO_PAUSES,
    RecordedService,
    Reply,
    endpoints_at,
    fixture_text,
)
from papershelf.papers import lookup
from papershelf.papers.models import Paper

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def arxiv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordedService]:
    """arXiv's API played back from a recorded answer; the live server asks it."""
    service = RecordedService()
    service.reply("/api/query", Reply(fixture_text("arxiv_1706.03762_1409.0473.xml")))
    client = MetadataClient(
        tmp_path / "cache", endpoints=endpoints_at(service.url), intervals=NO_PAUSES, policy=FAST
    )
    monkeypatch.setattr(lookup, "metadata_client", lambda: client)
    yield service
    service.close()


def log_in(page: Page, live_server: LiveServer, user: User) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": cookie, "url": live_server.url}])


@pytest.mark.parametrize("width", [1280, 390])
def test_an_arxiv_id_fills_the_form_and_adding_it_says_so(
    page: Page,
    live_server: LiveServer,
    arxiv: RecordedService,
    console_errors: list[str],
    width: int,
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, create_user("alice", PASSWORD, "alice@example.org"))
    page.goto("/")
    page.locator("header").get_by_role("link", name="+ Paper").click()  # in sight at both

    page.get_by_label("Start from an arXiv id, DOI or link").fill("1706.03762v5")
    with page.expect_navigation():
        page.get_by_role("button", name="Look up").click()
    expect(page.locator("main").get_by_role("status")).to_contain_text("Filled in from arXiv")
    expect(page.locator("#id_title")).to_have_value("Attention Is All You Need")
    expect(page.locator("#id_authors")).to_contain_text("Ashish Vaswani")
    expect(page.locator("#id_arxiv")).to_have_value("1706.03762v5")
    assert Paper.objects.count() == 0  # a look-up only fills the form
    assert len(arxiv.requests_to("/api/query")) == 1

    with page.expect_navigation():
        page.get_by_role("button", name="Add paper").click()
    expect(page.locator("h1")).to_have_text("Attention Is All You Need")
    expect(page.locator(".messages")).to_contain_text("Paper added.")
    assert Paper.objects.get().arxiv_id == "1706.03762"
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert scroll <= inner
    assert console_errors == []
