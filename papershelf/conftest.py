"""Shared personas. Who may see what:

- alice writes summaries and owns reading lists; she sees all of her own things;
- bob is another signed-in user: he sees alice's public and unlisted things, never her
  private ones (those answer 404), and he may change nothing of hers;
- a visitor who is not signed in sees what bob sees, and is sent to log in to change anything;
- admin is staff and may use Django admin for every model;
- maud is a moderator: she sees hidden (and held) posts, hides, restores and bans, but
  sees nobody's private things;
- spammer is banned: no login, no posting, his posts hidden.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.test import Client

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper

if TYPE_CHECKING:
    from playwright.sync_api import Page
    from pytest_django.live_server_helper import LiveServer

PASSWORD = "a-long-test-password-1"  # noqa: S105  (a test fixture, not a secret)


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """The cache lives in the data directory and outlives a test: what one test cached
    (a paper's neighbours, the home page's rankings) must not answer in the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def alice(db: None) -> User:
    return create_user("alice", PASSWORD, "alice@example.org")


@pytest.fixture
def bob(db: None) -> User:
    return create_user("bob", PASSWORD, "bob@example.org")


@pytest.fixture
def admin_user(db: None) -> User:
    return create_user("admin", PASSWORD, "admin@example.org", admin=True)


def _client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def alice_client(alice: User) -> Client:
    return _client_for(alice)


@pytest.fixture
def bob_client(bob: User) -> Client:
    return _client_for(bob)


@pytest.fixture
def admin_client_(admin_user: User) -> Client:
    return _client_for(admin_user)


# Moderation (issue 11): moderators hide, restore and ban but see no private things;
# a banned account cannot log in, and a session it had is anonymous from then on.


@pytest.fixture
def moderator(db: None) -> User:
    from papershelf.accounts.roles import moderators_group

    user = create_user("maud", PASSWORD, "maud@example.org")
    user.groups.add(moderators_group())
    return user


@pytest.fixture
def moderator_client(moderator: User) -> Client:
    return _client_for(moderator)


@pytest.fixture
def banned(db: None, admin_user: User) -> User:
    from papershelf.moderation.services import ban

    user = create_user("spammer", PASSWORD, "spammer@example.org")
    ban(user, admin_user, "selling pills")
    user.refresh_from_db()
    return user


@pytest.fixture
def banned_client(db: None, admin_user: User) -> Client:
    """A session that was signed in when the ban came."""
    from papershelf.moderation.services import ban

    user = create_user("spammer", PASSWORD, "spammer@example.org")
    client = _client_for(user)
    ban(user, admin_user, "selling pills")
    return client


@pytest.fixture
def paper(alice: User) -> Paper:
    return create_paper(
        PaperData(
            title="Attention Is All You Need",
            authors=["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"],
            venue="NeurIPS",
            year=2017,
            arxiv_id="1706.03762",
            arxiv_version=5,
        ),
        added_by=alice,
    )


# --- A real browser (Debian's chromium) against a live server, for UI tests ------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # This machine's network is closed: without these, chromium retries hosts it never reaches.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def console_errors() -> list[str]:
    """Everything the page logs as an error or throws; a clean run leaves it empty."""
    return []


@pytest.fixture
def page(
    live_server: LiveServer,
    transactional_db: None,
    monkeypatch: pytest.MonkeyPatch,
    console_errors: list[str],
) -> Iterator[Page]:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium")
    from playwright.sync_api import ConsoleMessage, sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; the ORM calls
    # that fixtures make here are still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(15_000)
        page = context.new_page()

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                console_errors.append(f"{message.text} ({message.location.get('url')})")

        page.on("console", on_console)
        page.on("pageerror", lambda error: console_errors.append(str(error)))
        try:
            yield page
        finally:
            # With Playwright's loop running, Django keeps this test's connection apart
            # from the main one (asgiref's context-local storage): close it here, or a
            # PostgreSQL test database still has a session open when it is dropped.
            from django.db import connections

            connections.close_all()
            browser.close()
