from __future__ import annotations

import pytest
from django.test import Client

from papershelf.papers.models import Paper

pytestmark = pytest.mark.django_db


def test_the_results_page_shows_hits_snippets_and_facets(
    client: Client, shelf: dict[str, Paper]
) -> None:
    page = client.get("/search", {"q": "rewind pruning", "mode": "keyword"})
    assert page.status_code == 200
    html = page.content.decode()
    assert shelf["lottery"].title in html
    assert "<mark>rewind</mark>" in html
    assert 'class="facets"' in html and "ICLR" in html


def test_the_results_page_escapes_what_people_typed(
    client: Client, shelf: dict[str, Paper]
) -> None:
    html = client.get("/search", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_a_bad_query_is_a_friendly_400_not_a_500(client: Client, shelf: dict[str, Paper]) -> None:
    page = client.get("/search", {"q": "year:someday"})
    assert page.status_code == 400
    assert "year:someday is not a year" in page.content.decode()


def test_the_fragment_is_only_the_results(client: Client, shelf: dict[str, Paper]) -> None:
    html = client.get("/search", {"q": "lottery", "fragment": "1"}).content.decode()
    assert "<!doctype" not in html
    assert "The <mark>Lottery</mark> Ticket Hypothesis" in html


def test_the_json_twin_has_results_and_facets(client: Client, shelf: dict[str, Paper]) -> None:
    data = client.get("/search.json", {"q": "training", "mode": "keyword"}).json()
    assert data["ok"] is True
    assert data["total"] == 4
    first = data["results"][0]
    assert set(first) == {
        "id", "title", "url", "authors", "year", "venue", "topics", "score", "found_by",
        "matched_in", "snippet_html", "title_html",
    }  # fmt: skip
    assert first["url"].startswith("http://testserver/papers/")
    assert set(data["facets"]) == {"year", "venue", "topic"}
    assert data["facets"]["year"][0] == {
        "value": "2014",
        "count": 1,
        "query": "training year:2014",
    } or (data["facets"]["year"][0]["count"] == 1)


def test_the_json_twin_has_one_error_shape(client: Client, shelf: dict[str, Paper]) -> None:
    response = client.get("/search.json", {"q": "year:x"})
    assert response.status_code == 400
    assert response.json() == {"ok": False, "error": response.json()["error"], "status": 400}


def test_type_ahead_suggests_papers_by_title_prefix(
    client: Client, shelf: dict[str, Paper]
) -> None:
    data = client.get("/search/suggest.json", {"q": "lott"}).json()
    assert [s["title"] for s in data["suggestions"]] == [shelf["lottery"].title]
    assert data["suggestions"][0]["url"] == f"/papers/{shelf['lottery'].pk}/"


def test_every_page_has_the_search_box(client: Client, shelf: dict[str, Paper]) -> None:
    html = client.get("/").content.decode()
    assert 'data-typeahead="/search/suggest.json"' in html
