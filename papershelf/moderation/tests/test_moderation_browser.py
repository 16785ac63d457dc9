"""In a real browser: spam is held, a moderator hides it and bans its author, the log
shows it, and the banned author cannot log in."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from papershelf.accounts.models import User
from papershelf.conftest import PASSWORD
from papershelf.papers.models import Paper
from papershelf.tests.test_browser import submit

pytestmark = pytest.mark.browser

SPAM = "\n".join(f"Cheap essays at https://essays{i}.example.com" for i in range(25))


def _log_in(page: Page, username: str) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    submit(page, "Log in")


def _log_out(page: Page) -> None:
    page.locator("nav .user-menu > summary").click()  # the account menu (issue 13)
    page.locator("nav").get_by_role("button", name="Log out").click()


def test_a_moderator_hides_held_spam_bans_its_author_and_the_log_shows_it(
    page: Page, paper: Paper, bob: User, moderator: User, console_errors: list[str]
) -> None:
    # bob posts spam: it is held, he sees why, others do not see it.
    _log_in(page, "bob")
    page.goto(f"/papers/{paper.pk}/summaries/new")
    page.fill("textarea[name=body]", SPAM)
    submit(page, "Save")
    expect(page.locator(".review-note")).to_contain_text("25 links (more than 20)")
    summary_url = page.url
    _log_out(page)
    assert page.request.get(summary_url).status == 404

    # maud finds it in the queue with the reason, hides it and bans bob.
    _log_in(page, "maud")
    page.locator("nav").get_by_role("link", name="Queue").click()
    item = page.locator(".queue-item")
    expect(item).to_contain_text("25 links (more than 20)")
    item.get_by_label("Reason to hide").fill("essay-mill spam")
    item.get_by_role("button", name="Hide").click()
    expect(page.locator(".messages")).to_contain_text("Hidden")

    page.goto(summary_url)  # a moderator still sees it, with the reason
    expect(page.locator(".review-note")).to_contain_text("Hidden by a moderator")
    page.goto("/moderation/")
    expect(page.locator(".queue-item")).to_have_count(0)
    # ...and bans bob from his profile.
    page.goto("/users/bob/")
    page.get_by_label("Reason to ban bob").fill("posts spam")
    page.get_by_role("button", name="Ban bob").click()
    expect(page.locator(".messages")).to_contain_text("bob is banned")
    page.goto("/moderation/log/")
    log = page.locator(".audit-log")
    expect(log).to_contain_text("essay-mill spam")
    expect(log).to_contain_text("banned")
    expect(log).to_contain_text("posts spam")
    _log_out(page)

    # bob cannot log in, and is told why.
    _log_in(page, "bob")
    expect(page.locator(".form-errors")).to_contain_text("banned by a moderator (posts spam")
    expect(page.locator("nav")).not_to_contain_text("bob")
    assert console_errors == []
