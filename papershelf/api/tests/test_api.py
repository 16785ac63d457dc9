"""The JSON API: tokens, visibility as on the pages, cursors and filters, one error shape.

alice owns a private and an unlisted summary; bob, with his own token, sees neither.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from django.test import Client

from papershelf.accounts.models import User
from papershelf.api.models import ApiToken
from papershelf.api.snapshot import SNAPSHOT, current_schema, render
from papershelf.api.tokens import create_token, revoke_token
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.summaries.services import SummaryData, create_summary

pytestmark = pytest.mark.django_db
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def bearer(text: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {text}"}


def post(client: Client, path: str, body: object, token: str) -> object:
    return client.post(
        path, json.dumps(body), content_type="application/json", headers=bearer(token)
    )


def test_a_script_creates_a_paper_and_a_summary_with_a_token_and_reads_them_back(
    alice: User, client: Client
) -> None:
    _, token = create_token(alice, "script")
    facts = {"title": "Deep Residual Learning", "authors": ["Kaiming He"], "year": 2016}
    made = post(client, "/api/v1/papers", {**facts, "arxiv_id": "1512.03385"}, token)
    assert made.status_code == 201, made.content  # type: ignore[attr-defined]
    paper_id = made.json()["id"]  # type: ignore[attr-defined]
    written = post(client, "/api/v1/summaries", {"paper_id": paper_id, "body": "$F(x)$"}, token)
    assert written.status_code == 201  # type: ignore[attr-defined]

    paper = client.get(f"/api/v1/papers/{paper_id}").json()
    summaries = client.get(f"/api/v1/summaries?paper={paper_id}").json()["items"]
    assert paper["authors"] == ["Kaiming He"] and paper["arxiv_id"] == "1512.03385"
    assert [s["body"] for s in summaries] == ["$F(x)$"]
    assert ApiToken.objects.get().last_used_at is not None


def test_tokens_are_kept_only_as_a_hash_of_their_secret(alice: User) -> None:
    token, text = create_token(alice, "script", read_only=True)
    secret = text.split("_", 2)[2]
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in json.dumps(list(ApiToken.objects.values()), default=str)


def test_writes_need_a_token_that_may_write_and_is_not_revoked(alice: User, client: Client) -> None:
    body = {"title": "A Paper"}
    assert client.post("/api/v1/papers", body, content_type="application/json").status_code == 401
    _, text = create_token(alice, "reader", read_only=True)
    assert post(client, "/api/v1/papers", body, text).status_code == 403  # type: ignore[attr-defined]
    _, writer = create_token(alice, "writer")
    revoke_token(alice, ApiToken.objects.get(name="writer").pk)
    assert post(client, "/api/v1/papers", body, writer).status_code == 401  # type: ignore[attr-defined]
    assert not Paper.objects.exists()


def test_private_summaries_answer_404_to_others_and_unlisted_ones_are_not_listed(
    alice: User, bob: User, paper: Paper, client: Client
) -> None:
    private = create_summary(paper, alice, SummaryData(body="mine", visibility="private"))
    create_summary(paper, bob, SummaryData(body="link only", visibility="unlisted"))
    _, alice_token = create_token(alice, "a")
    assert client.get(f"/api/v1/summaries/{private.pk}").status_code == 404
    assert client.get(f"/api/v1/summaries/{private.pk}/revisions").status_code == 404
    assert client.get("/api/v1/summaries").json()["items"] == []
    own = client.get("/api/v1/summaries", headers=bearer(alice_token)).json()["items"]
    assert [s["body"] for s in own] == ["mine"]


def test_every_failure_is_one_problem_json_shape(alice: User, client: Client) -> None:
    answers = [
        client.get("/api/v1/papers/999"),
        client.get("/api/v1/papers?year=notayear"),
        client.get("/api/v1/papers?cursor=bm90YW51bWJlcg"),
        client.get("/api/v1/search?q=attention&page=0"),
        client.post("/api/v1/papers", "{}", content_type="application/json"),
        client.get("/api/v1/papers", HTTP_AUTHORIZATION="Bearer ps_nope_nope"),
    ]
    for answer in answers:
        assert 400 <= answer.status_code < 500, answer.content
        assert answer["Content-Type"] == "application/problem+json"
        body = answer.json()
        assert set(body) == PROBLEM_KEYS and body["status"] == answer.status_code


def test_list_endpoints_page_by_cursor_and_filter_by_year_and_identifier(
    alice: User, client: Client
) -> None:
    for year in (2015, 2016, 2017):
        create_paper(
            PaperData(title=f"Paper of {year}", year=year, arxiv_id=f"{year % 100}01.00001")
        )
    first = client.get("/api/v1/papers?limit=2").json()
    rest = client.get(f"/api/v1/papers?limit=2&cursor={first['next_cursor']}").json()
    assert len(first["items"]) == 2 and len(rest["items"]) == 1 and rest["next_cursor"] is None
    by_year = client.get("/api/v1/papers?year=2016").json()["items"]
    assert [p["title"] for p in by_year] == ["Paper of 2016"]
    by_id = client.get("/api/v1/papers?identifier=arXiv:1701.00001v2").json()["items"]
    assert [p["title"] for p in by_id] == ["Paper of 2017"]


def test_a_reading_list_comes_in_order_with_its_sections(alice: User, paper: Paper) -> None:
    from papershelf.readinglists.services import add_heading, add_paper, create_list

    reading_list = create_list(alice, "Path")
    add_heading(reading_list, "Week 1")
    add_paper(reading_list, paper)
    items = Client().get(f"/api/v1/lists/{reading_list.pk}").json()["items"]
    assert [(i["kind"], i["title"]) for i in items] == [
        ("heading", "Week 1"), ("paper", "Attention Is All You Need"),
    ]  # fmt: skip


def test_the_schema_matches_the_committed_snapshot() -> None:
    """After changing the API: python -m papershelf.api.snapshot, then commit the diff."""
    assert render(current_schema()) == SNAPSHOT.read_text(encoding="utf-8")


def test_the_docs_page_loads_its_script_from_the_site_itself(client: Client) -> None:
    page = client.get("/api/v1/docs/").content.decode()
    assert '<script src="/static/api/docs.js"' in page and "cdn" not in page.lower()
    assert client.get("/api/v1/openapi.json").json()["info"]["title"] == "Papershelf API"


def test_a_token_is_shown_once_on_the_settings_page_and_can_be_revoked(
    alice_client: Client, alice: User
) -> None:
    alice_client.post("/settings/tokens/new/", {"name": "laptop", "read_only": "1"})
    shown = alice_client.get("/settings/tokens/").content.decode()
    token = ApiToken.objects.get()
    assert f"ps_{token.prefix}_" in shown and token.read_only
    assert f"ps_{token.prefix}_" + "…" in alice_client.get("/settings/tokens/").content.decode()
    assert 'id="new-token"' not in alice_client.get("/settings/tokens/").content.decode()
    alice_client.post(f"/settings/tokens/{token.pk}/revoke/")
    assert not ApiToken.objects.exists()
