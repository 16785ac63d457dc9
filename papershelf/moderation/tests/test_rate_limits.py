"""Sign-up, posting, commenting and voting are limited per person and per address."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from papershelf.accounts.models import User
from papershelf.moderation.decorators import describe_rate
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary


@pytest.fixture(autouse=True)
def limits_on(settings: Settings) -> Iterator[None]:
    settings.RATELIMIT_ENABLE = True
    settings.ONE_SUMMARY_PER_USER = False
    cache.clear()
    yield
    cache.clear()


def _limit(settings: Settings, action: str, user: str = "off", ip: str = "off") -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, action: {"user": user, "ip": ip}}


def test_posting_past_the_per_person_limit_is_a_429_page_that_says_so_and_saves_nothing(
    paper: Paper, bob_client: Client, settings: Settings
) -> None:
    _limit(settings, "post", user="2/h")
    url = reverse("summaries-new", args=[paper.pk])
    for n in range(2):
        assert (
            bob_client.post(url, {"body": f"Summary {n}", "visibility": "public"}).status_code
            == 302
        )
    refused = bob_client.post(url, {"body": "One too many", "visibility": "public"})
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Too many new summaries" in page and "2 an hour per person" in page
    assert Summary.objects.count() == 2
    assert bob_client.get(url).status_code == 200  # reading the form is free


def test_the_limit_per_address_counts_everyone_behind_it(
    paper: Paper, alice_client: Client, bob_client: Client, settings: Settings
) -> None:
    _limit(settings, "post", ip="1/h")
    url = reverse("summaries-new", args=[paper.pk])
    assert alice_client.post(url, {"body": "A", "visibility": "public"}).status_code == 302
    refused = bob_client.post(url, {"body": "B", "visibility": "public"})
    assert refused.status_code == 429
    assert "from one address" in refused.content.decode()


def test_sign_ups_are_limited_per_address(client: Client, settings: Settings, db: None) -> None:
    _limit(settings, "signup", ip="1/h")
    form = {
        "email": "x@example.org",
        "password1": "correct-horse-9",
        "password2": "correct-horse-9",
    }
    assert client.post(reverse("accounts-signup"), {**form, "username": "one"}).status_code == 200
    refused = client.post(reverse("accounts-signup"), {**form, "username": "two"})
    assert refused.status_code == 429
    assert not User.objects.filter(username="two").exists()


def test_votes_and_comments_are_limited(
    paper: Paper, alice: User, bob_client: Client, settings: Settings
) -> None:
    _limit(settings, "vote", user="1/h")
    _limit(settings, "comment", user="1/h")
    summary = create_summary(paper, alice, SummaryData(body="Worth discussing."))
    vote = reverse("votes-summary", kwargs={"pk": summary.pk})
    assert bob_client.post(vote, {"value": "1"}).status_code == 302
    assert bob_client.post(vote, {"value": "-1"}).status_code == 429
    comment = reverse("discussions-comment-new", kwargs={"pk": summary.pk})
    assert bob_client.post(comment, {"body": "First"}).status_code == 302
    assert bob_client.post(comment, {"body": "Second"}).status_code == 429


def test_following_is_limited(paper: Paper, bob_client: Client, settings: Settings) -> None:
    _limit(settings, "follow", user="1/h")
    follow = reverse("follows-toggle", kwargs={"kind": "paper", "pk": paper.pk})
    assert bob_client.post(follow).status_code == 302
    assert bob_client.post(follow, {"unfollow": "1"}).status_code == 429


@pytest.mark.parametrize(
    ("rate", "words"),
    [("20/h", "20 an hour"), ("5/15m", "5 in 15 minutes"), ("100/d", "100 a day")],
)
def test_rates_read_as_words(rate: str, words: str) -> None:
    assert describe_rate(rate) == words


def test_a_malformed_rate_stops_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from papershelf.conf import env_rate

    monkeypatch.setenv("PAPERSHELF_RATE_POST_PER_USER", "twenty an hour")
    with pytest.raises(ImproperlyConfigured, match="PAPERSHELF_RATE_POST_PER_USER"):
        env_rate("PAPERSHELF_RATE_POST_PER_USER", "20/h")
