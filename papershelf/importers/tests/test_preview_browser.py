"""Correcting an import preview in a real headless chromium: plain forms, no script."""

from __future__ import annotations

import pytest
from playwright.sync_api import FilePayload, Page, expect

from papershelf.accounts.services import create_user
from papershelf.conftest import PASSWORD
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MEETING = """# Reading group notes

## Deep Residual Learning for Image Recognition

Residual connections let very deep networks train.

## Things We Still Disagree About After the Meeting

Whether depth or width matters more.

## Attention Is All You Need

Self-attention replaces recurrence.
"""
WRONG = "Things We Still Disagree About After the Meeting"


def submit(page: Page, button: str) -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=button, exact=True).click()


def test_a_person_unticks_a_wrongly_found_paper_previews_again_and_imports(
    page: Page, console_errors: list[str]
) -> None:
    create_user("alice", PASSWORD, "alice@example.org")
    page.goto("/accounts/login/")
    page.fill("input[name=username]", "alice")
    page.fill("input[name=password]", PASSWORD)
    submit(page, "Log in")

    page.goto("/import/")
    page.set_input_files(
        "input[name=files]",
        files=FilePayload(name="notes.md", mimeType="text/markdown", buffer=MEETING.encode()),
    )
    page.uncheck("input[name=fetch_metadata]")
    submit(page, "Preview the import")
    papers = page.locator("table.import-papers .paper-title")
    expect(papers).to_have_count(3)
    expect(papers.nth(1)).to_have_text(WRONG)

    page.get_by_label("notes.md:7 is not a paper").check()
    submit(page, "Preview again")
    expect(papers).to_have_count(2)
    expect(page.locator("table.import-papers")).not_to_contain_text(WRONG)
    expect(page.locator(".not-papers")).to_contain_text("notes.md:7")
    assert Paper.objects.count() == 0

    submit(page, "Import")
    expect(page.locator("h1")).to_have_text("Imported")
    assert sorted(Paper.objects.values_list("title", flat=True)) == [
        "Attention Is All You Need",
        "Deep Residual Learning for Image Recognition",
    ]
    resnet = Summary.objects.get(paper__title__startswith="Deep Residual")
    assert "Whether depth or width matters more." in resnet.body
    assert console_errors == []
