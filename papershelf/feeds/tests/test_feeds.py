"""Atom 1.0 and RSS 2.0 feeds of the latest public summaries, site-wide and per topic,
person, reading list and paper: each checked for the elements its specification requires
(RFC 4287 §4.1; RSS 2.0 "Required channel elements"), math as text inside HTML, and never
a private, unlisted or (on a person's feed) anonymous summary."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.readinglists.services import add_paper, create_list
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.topics.services import create_topic, tag_paper

ATOM = "{http://www.w3.org/2005/Atom}"
BODY = r"The scaled product $\frac{QK^T}{\sqrt{d_k}}$ keeps variance near one."


@pytest.fixture
def scopes(paper: Paper, alice: User, bob: User) -> dict[str, list[object]]:
    """Alice's public summary is in every feed; the others must be in none."""
    topic = create_topic("Attention")
    tag_paper(paper, topic)
    reading_list = create_list(alice, "Reading group")
    add_paper(reading_list, paper)
    create_summary(paper, alice, SummaryData(BODY, "Scaled attention"))
    create_summary(paper, bob, SummaryData("Private words.", "", "private"))
    create_summary(paper, bob, SummaryData("Unlisted words.", "", "unlisted"))
    create_summary(paper, alice, SummaryData("Anonymous words.", "", "public", True))
    return {
        "site": [],
        "topic": [topic.slug],
        "user": ["alice"],
        "list": [reading_list.pk],
        "paper": [paper.pk],
    }


def _url(kind: str, args: list[object], fmt: str) -> str:
    return reverse(f"feeds-{kind}-{fmt}", args=args)


def _is_date(text: str | None, rfc822: bool = False) -> bool:
    from email.utils import parsedate_to_datetime

    assert text
    (parsedate_to_datetime if rfc822 else datetime.fromisoformat)(text)
    return True


KINDS = ["site", "topic", "user", "list", "paper"]


def _parse(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314  (the feed our own server just made)


@pytest.mark.parametrize("kind", KINDS)
def test_every_atom_feed_has_what_rfc_4287_requires(
    client: Client, scopes: dict[str, list[object]], kind: str
) -> None:
    response = client.get(_url(kind, scopes[kind], "atom"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = _parse(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{required}") or "").strip(), required
    assert _is_date(feed.findtext(f"{ATOM}updated"))
    self_links = [
        link.get("href", "") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"
    ]
    assert self_links and self_links[0].endswith(_url(kind, scopes[kind], "atom"))
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids) and all(ids)
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        assert _is_date(entry.findtext(f"{ATOM}updated"))
        alternate = entry.find(f"{ATOM}link")
        assert alternate is not None and alternate.get("href", "").startswith("http")
        # An entry needs an author when the feed has none (RFC 4287 §4.1.1).
        assert entry.findtext(f"{ATOM}author/{ATOM}name")


@pytest.mark.parametrize("kind", KINDS)
def test_every_rss_feed_has_what_rss_2_requires(
    client: Client, scopes: dict[str, list[object]], kind: str
) -> None:
    response = client.get(_url(kind, scopes[kind], "rss"))
    assert response.status_code == 200
    rss = _parse(response.content)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel is not None
    for required in ("title", "link", "description"):
        assert (channel.findtext(required) or "").strip(), required
    items = channel.findall("item")
    assert items
    for item in items:
        assert item.findtext("title") or item.findtext("description")
        assert (item.findtext("link") or "").startswith("http")
        assert item.findtext("guid")
        assert _is_date(item.findtext("pubDate"), rfc822=True)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_feeds_hold_public_summaries_only(
    client: Client, scopes: dict[str, list[object]], kind: str, fmt: str
) -> None:
    text = client.get(_url(kind, scopes[kind], fmt)).content.decode()
    assert "Scaled attention" in text
    assert "Private words." not in text
    assert "Unlisted words." not in text
    if kind == "user":
        assert "Anonymous words." not in text  # a person's feed must not unmask them


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_math_is_readable_text_in_html_never_raw_delimiters(
    client: Client, scopes: dict[str, list[object]], fmt: str
) -> None:
    root = _parse(client.get(_url("site", [], fmt)).content)
    html = next(
        element.text or ""
        for element in root.iter()
        if element.tag in (f"{ATOM}summary", "description")
        and "scaled product" in (element.text or "")
    )
    assert r'<span class="math math-inline">\frac{QK^T}{\sqrt{d_k}}</span>' in html
    assert "$" not in html and "\\(" not in html


def test_a_private_or_unlisted_reading_list_has_no_feed(client: Client, alice: User) -> None:
    for visibility in ("private", "unlisted"):
        reading_list = create_list(alice, visibility, visibility=visibility)
        for fmt in ("atom", "rss"):
            assert client.get(_url("list", [reading_list.pk], fmt)).status_code == 404


def test_feeds_of_things_that_do_not_exist_are_404(client: Client, db: None) -> None:
    for kind, key in [("topic", "nope"), ("user", "nobody"), ("list", 999), ("paper", 999)]:
        assert client.get(_url(kind, [key], "atom")).status_code == 404


def test_pages_link_their_feeds(
    client: Client, scopes: dict[str, list[object]], paper: Paper
) -> None:
    assert reverse("feeds-site-atom") in client.get("/").content.decode()
    assert (
        reverse("feeds-paper-atom", args=[paper.pk])
        in client.get(paper.get_absolute_url()).content.decode()
    )
