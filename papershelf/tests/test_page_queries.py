"""Every main page asks the database a fixed number of questions, whatever the shelf holds.

Each page is fetched on a small shelf, then again after more papers, authors, summaries,
votes and list items arrive: the number of queries must not grow (no N+1), and stays
under a ceiling pinned here. A listing shows one page (50 rows) and counts at most
10,000, so the work per request is bounded too (benchmarks/pages.py times it at 100k).
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from papershelf.accounts.models import User
from papershelf.follows.services import follow
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.services import add_heading, add_paper, create_list
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.topics.services import create_topic, tag_paper
from papershelf.votes.services import cast_vote, record_read

# Page -> most queries it may make (session, user and unread count included).
CEILINGS: dict[str, int] = {
    "/": 14,
    "/?tab=best": 14,
    "/?tab=popular": 14,
    "/papers/": 12,
    "/papers/{paper}/": 30,
    "/summaries/{summary}/": 25,
    "/topics/": 8,
    "/topics/{topic}/": 14,
    "/years/": 8,
    "/years/2020/": 12,
    "/venues/": 8,
    "/venues/{venue}/": 14,
    "/authors/": 10,
    "/authors/{author}/": 12,
    "/lists/": 10,
    "/lists/{list}/": 16,
    "/users/alice/": 16,
    "/feed/": 14,
    "/notifications/": 10,
    "/feeds/summaries.atom": 8,
    "/search?q=widget": 30,
    "/search/suggest.json?q=wid": 10,
}


def _add_papers(alice: User, bob: User, start: int, count: int) -> dict[str, object]:
    if start == 0:  # bob follows before anything is written: his feed and bell fill up
        follow(bob, create_topic("Widgets 0"))
        follow(bob, alice)
        create_list(alice, "Path")
    made: dict[str, object] = {}
    for i in range(start, start + count):
        paper = create_paper(
            PaperData(
                title=f"A Study of Widget Number {i} in Deep Networks",
                authors=[f"Ann Author{i}", f"Bob Coauthor{i}", "Carla Common"],
                venue="NeurIPS",
                year=2020,
            )
        )
        summary = create_summary(paper, alice, SummaryData(body=f"Widget {i}: $x^2$."))
        cast_vote(bob, summary, 1)
        record_read(summary)
        from papershelf.topics.models import Topic

        tag_paper(paper, Topic.objects.get(slug="widgets-0"))
        from papershelf.readinglists.models import ReadingList

        listed = ReadingList.objects.get(title="Path")
        if i % 5 == 0:
            add_heading(listed, f"Part {i}")
        add_paper(listed, paper)
        made = {"paper": paper.pk, "summary": summary.pk}
    return made


def _queries(client: Client, url: str) -> int:
    # Steady state: the first search after writes brings the keyword index level first.
    client.get(url)
    cache.clear()  # count the queries of a page whose cached parts have expired
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.django_db
def test_no_main_page_asks_more_as_the_shelf_grows(
    alice: User, bob: User, bob_client: Client
) -> None:
    made = _add_papers(alice, bob, 0, 4)
    from papershelf.papers.models import Author, Venue
    from papershelf.readinglists.models import ReadingList

    names = {
        **made,
        "topic": "widgets-0",
        "venue": Venue.objects.get().slug,
        "author": Author.objects.get(name="Carla Common").slug,
        "list": ReadingList.objects.get().pk,
    }
    urls = {page: page.format(**names) for page in CEILINGS}
    for url in urls.values():  # once first: papers get read, lists get counted
        _queries(bob_client, url)
    small: dict[str, int] = {}
    for page, url in urls.items():
        small[page] = _queries(bob_client, url)
    _add_papers(alice, bob, 4, 12)
    assert Paper.objects.count() == 16
    for page, url in urls.items():
        grown = _queries(bob_client, url)
        assert grown <= small[page], f"{page}: {small[page]} queries, then {grown}"
        assert grown <= CEILINGS[page], f"{page}: {grown} queries > {CEILINGS[page]}"


@pytest.mark.django_db
def test_a_topic_page_shows_fifty_papers_and_counts_them_all(alice: User, client: Client) -> None:
    topic = create_topic("Big")
    for i in range(60):
        tag_paper(create_paper(PaperData(title=f"Paper number {i} about widgets")), topic)
    first = client.get(f"/topics/{topic.slug}/")
    assert first.content.count(b'class="paper-row"') == 50
    assert b"Page 1 of 2" in first.content and b"<small>60</small>" in first.content
    second = client.get(f"/topics/{topic.slug}/?page=2")
    assert second.content.count(b'class="paper-row"') == 10


@pytest.mark.django_db
def test_a_listing_counts_no_further_than_its_cap() -> None:
    from papershelf.pagination import CappedPaginator
    from papershelf.topics.models import Topic

    for i in range(30):
        create_topic(f"Topic {i}")
    pages = CappedPaginator(Topic.objects.order_by("name"), 10)
    pages.cap = 25
    with CaptureQueriesContext(connection) as captured:
        assert pages.count == 26 and pages.capped and pages.num_pages == 3
    assert "LIMIT 26" in captured[0]["sql"]
