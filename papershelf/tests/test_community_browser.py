"""The social half of issue 11's "Done when", in a real headless chromium.

Two members summarise the same paper, vote on each other's summaries, discuss in a
thread with math (KaTeX typesets it), are notified in the app and by e-mail (Django's
locmem backend), and one follows a topic and finds a third member's new summary in her
feed and in the topic's Atom feed. Every step is a plain form: no script is needed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.conftest import PASSWORD
from papershelf.papers.services import PaperData, create_paper
from papershelf.topics.services import create_topic, tag_paper

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ATOM = "{http://www.w3.org/2005/Atom}"


def log_in(page: Page, live_server: LiveServer, user: User) -> None:
    """Sign in by session cookie: the login form has tests of its own."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def submit(page: Page, button: str, *, within: str = "main") -> None:
    with page.expect_navigation():
        page.locator(within).get_by_role("button", name=button, exact=True).first.click()


def write_summary(page: Page, paper_url: str, body: str) -> None:
    page.goto(paper_url)
    page.get_by_role("link", name="Write a summary").click()
    page.fill("textarea[name=body]", body)
    submit(page, "Save")


def test_two_members_vote_discuss_with_math_get_notified_and_follow_a_topic(
    page: Page, live_server: LiveServer, console_errors: list[str]
) -> None:
    alice = create_user("alice", PASSWORD, "alice@example.org")
    bob = create_user("bob", PASSWORD, "bob@example.org")
    carol = create_user("carol", PASSWORD, "carol@example.org")
    paper = create_paper(PaperData(title="Attention Is All You Need", year=2017), added_by=alice)
    topic = create_topic("Sequence models")
    tag_paper(paper, topic)
    paper_url = paper.get_absolute_url()

    # Two members summarise the same paper.
    log_in(page, live_server, alice)
    write_summary(page, paper_url, r"Alice: attention costs $O(n^2)$ per layer.")
    alice_summary_url = page.url
    log_in(page, live_server, bob)
    write_summary(page, paper_url, r"Bob: heads attend to $h$ subspaces.")
    bob_summary_url = page.url

    # Bob follows the topic from its page.
    page.goto(topic.get_absolute_url())
    submit(page, "Follow · 0")
    expect(page.locator(".follow-box")).to_contain_text("Following · 1")

    # They vote on each other's summaries; nobody sees buttons on their own.
    page.goto(alice_summary_url)
    submit(page, "Vote up")
    expect(page.locator("article .votes .score").first).to_have_text("1")
    expect(page.get_by_role("button", name="Vote up").first).to_have_attribute(
        "aria-pressed", "true"
    )
    page.goto(bob_summary_url)
    expect(page.get_by_role("button", name="Vote up")).to_have_count(0)

    # Bob opens a thread on Alice's summary with math.
    page.goto(alice_summary_url)
    page.fill("#comments textarea[name=body]", r"Is it $\mathcal{O}(n^2 d)$ with the width?")
    submit(page, "Comment", within="#comments")
    comment = page.locator(".comment").first
    expect(comment.locator(".comment-body .math-inline .katex")).to_have_count(1)

    log_in(page, live_server, alice)
    page.goto(bob_summary_url)
    submit(page, "Vote up")
    # Alice sees the unread count, and the e-mails went out (locmem).
    expect(page.locator(".notifications-link .unread-count")).to_have_text("2")
    subjects = sorted(
        message.subject for message in mail.outbox if message.to == ["alice@example.org"]
    )
    assert subjects == [
        "[Papershelf] Your summary of “Attention Is All You Need” got an up-vote",
        "[Papershelf] bob commented on your summary of “Attention Is All You Need”",
    ]
    page.goto("/notifications/")
    submit(page, "bob commented on your summary of “Attention Is All You Need”")
    assert re.search(r"/summaries/\d+/#comment-\d+$", page.url)

    # Alice replies in the thread, with display math; KaTeX typesets it.
    page.locator(".comment details.reply summary").first.click()
    page.locator(".comment details.reply textarea").first.fill("Yes:\n\n" r"$$\sum_{i=1}^{n} d$$")
    submit(page, "Reply", within=".comment details.reply")
    reply = page.locator(".comment-thread .comment-thread .comment")
    expect(reply.locator(".katex-display")).to_have_count(1)
    expect(page.locator(".katex-error")).to_have_count(0)
    assert any(m.to == ["bob@example.org"] and "replied" in m.subject for m in mail.outbox)

    # The paper page shows both summaries with their scores.
    page.goto(paper_url)
    expect(page.locator(".summary .votes .score")).to_have_text(["1", "1"])

    # A third member summarises another paper in the topic; Bob finds it in his feed...
    other = create_paper(
        PaperData(title="Neural Machine Translation by Jointly Learning"), added_by=carol
    )
    tag_paper(other, topic)
    log_in(page, live_server, carol)
    write_summary(page, other.get_absolute_url(), r"Carol: soft alignment $\alpha_{ij}$.")
    log_in(page, live_server, bob)
    page.goto("/")
    expect(page.locator(".notifications-link .unread-count")).to_have_text("3")
    page.get_by_role("link", name="Feed", exact=True).click()
    expect(page.locator(".feed-summary").first).to_contain_text("Neural Machine Translation")
    expect(page.locator(".feed-summary").first).to_contain_text("New summary by carol")

    # ...and in the topic's Atom feed, which is valid Atom.
    page.goto(topic.get_absolute_url())
    atom_url = page.locator(".follow-box a", has_text="Atom").get_attribute("href")
    response = page.request.get(atom_url or "")
    assert response.ok
    feed = ET.fromstring(response.body())  # noqa: S314  (our own server's feed)
    assert feed.findtext(f"{ATOM}id") and feed.findtext(f"{ATOM}updated")
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert titles[0] == "Summary of Neural Machine Translation by Jointly Learning"
    assert all(entry.findtext(f"{ATOM}id") for entry in feed.findall(f"{ATOM}entry"))

    assert console_errors == []
