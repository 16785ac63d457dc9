"""The API's writes count against the same rate limits as the pages' posts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from pytest_django.fixtures import Settings

from papershelf.accounts.models import User
from papershelf.api.tokens import create_token
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper
from papershelf.summaries.models import Summary


@pytest.fixture(autouse=True)
def limits_on(settings: Settings) -> Iterator[None]:
    settings.RATELIMIT_ENABLE = True
    cache.clear()
    yield
    cache.clear()


def _post_summary(client: Client, paper: Paper) -> Any:
    body = {"paper_id": paper.pk, "body": f"Notes on {paper.title}.", "visibility": "public"}
    return client.post("/api/v1/summaries", json.dumps(body), content_type="application/json")


def test_new_summaries_past_the_per_person_limit_are_a_429_problem_and_saved_nowhere(
    bob: User, settings: Settings
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "post": {"user": "2/h", "ip": "off"}}
    client = Client(headers={"Authorization": f"Bearer {create_token(bob, 'script')[1]}"})
    papers = [create_paper(PaperData(title=f"Paper number {n}"), added_by=bob) for n in range(3)]
    assert [_post_summary(client, p).status_code for p in papers[:2]] == [201, 201]
    refused = _post_summary(client, papers[2])
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert "2 an hour per person" in refused.json()["detail"]
    assert Summary.objects.count() == 2
