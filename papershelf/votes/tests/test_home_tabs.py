"""The home page's tabs: Recent, Best (votes), Popular (reads lately), with excerpts of
the rendered summaries; nobody else's private summary shows on any tab."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.votes.models import SummaryReads
from papershelf.votes.services import cast_vote

PASSWORD = "a-long-test-password-1"


def summary_of(paper: Paper, author: User, body: str, visibility: str = "public") -> Summary:
    return create_summary(paper, author, SummaryData(body, "", visibility))


def order_on(client: Client, tab: str, *bodies: str) -> list[int]:
    page = client.get("/", {"tab": tab}).content.decode()
    return [page.find(body) for body in bodies]


def test_recent_shows_the_newest_first(
    client: Client, paper: Paper, alice: User, bob: User
) -> None:
    summary_of(paper, alice, "First words.")
    summary_of(paper, bob, "Second words.")
    first, second = order_on(client, "recent", "First words.", "Second words.")
    assert 0 <= second < first


def test_best_shows_the_most_voted_first(
    client: Client, paper: Paper, alice: User, bob: User
) -> None:
    liked = summary_of(paper, alice, "Liked words.")
    summary_of(paper, bob, "Newer words.")
    cast_vote(bob, liked, 1)
    liked_at, newer_at = order_on(client, "best", "Liked words.", "Newer words.")
    assert 0 <= liked_at < newer_at


def test_popular_counts_reads_in_the_recent_window_only(
    client: Client, bob_client: Client, paper: Paper, alice: User, bob: User
) -> None:
    read_lately = summary_of(paper, alice, "Read lately.")
    read_long_ago = summary_of(paper, bob, "Read long ago.")
    bob_client.get(read_lately.get_absolute_url())
    SummaryReads.objects.create(
        summary=read_long_ago, day=timezone.localdate() - timedelta(days=90), count=500
    )
    page = client.get("/", {"tab": "popular"}).content.decode()
    assert "Read lately." in page
    assert "1 read lately" in page
    assert "Read long ago." not in page


def test_an_author_reading_their_own_summary_does_not_make_it_popular(
    alice_client: Client, paper: Paper, alice: User
) -> None:
    summary = summary_of(paper, alice, "My own words.")
    alice_client.get(summary.get_absolute_url())
    assert not SummaryReads.objects.exists()


def test_cards_show_a_rendered_excerpt_with_math_left_for_katex(
    client: Client, paper: Paper, alice: User
) -> None:
    # Varied words: repeated text would look like spam to the moderation rule.
    words = " ".join(f"step{i}" for i in range(400))
    summary_of(paper, alice, r"The bound $\log p(x) \geq \mathcal{L}$ holds. " + words)
    page = client.get("/").content.decode()
    assert r'<span class="math math-inline">\log p(x) \geq \mathcal{L}</span>' in page
    assert "$" not in page.split('class="prose excerpt"')[1].split("</div>")[0]
    assert "step10 " in page and "step399" not in page


def test_no_tab_shows_someone_elses_private_or_unlisted_summary(
    client: Client, bob_client: Client, paper: Paper, alice: User
) -> None:
    private = summary_of(paper, alice, "Secret words.", "private")
    summary_of(paper, alice, "Link-only words.", "unlisted")
    cast_vote(create_user("carol", PASSWORD), summary_of(paper, alice, "Public words."), 1)
    alice_client = Client()
    alice_client.force_login(alice)
    SummaryReads.objects.create(summary=private, day=timezone.localdate(), count=50)
    for reader in (client, bob_client):
        for tab in ("recent", "best", "popular"):
            page = reader.get("/", {"tab": tab}).content.decode()
            assert "Secret words." not in page
            assert "Link-only words." not in page
    assert "Secret words." in alice_client.get("/", {"tab": "recent"}).content.decode()
