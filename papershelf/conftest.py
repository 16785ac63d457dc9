"""Shared personas. Who may see what:

- alice writes summaries and owns reading lists; she sees all of her own things;
- bob is another signed-in user: he sees alice's public and unlisted things, never her
  private ones (those answer 404), and he may change nothing of hers;
- a visitor who is not signed in sees what bob sees, and is sent to log in to change anything;
- admin is staff and may use Django admin for every model.
"""

from __future__ import annotations

import pytest
from django.test import Client

from papershelf.accounts.models import User
from papershelf.accounts.services import create_user
from papershelf.papers.models import Paper
from papershelf.papers.services import PaperData, create_paper

PASSWORD = "a-long-test-password-1"  # noqa: S105  (a test fixture, not a secret)


@pytest.fixture
def alice(db: None) -> User:
    return create_user("alice", PASSWORD, "alice@example.org")


@pytest.fixture
def bob(db: None) -> User:
    return create_user("bob", PASSWORD, "bob@example.org")


@pytest.fixture
def admin_user(db: None) -> User:
    return create_user("admin", PASSWORD, "admin@example.org", admin=True)


def _client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def alice_client(alice: User) -> Client:
    return _client_for(alice)


@pytest.fixture
def bob_client(bob: User) -> Client:
    return _client_for(bob)


@pytest.fixture
def admin_client_(admin_user: User) -> Client:
    return _client_for(admin_user)


@pytest.fixture
def paper(alice: User) -> Paper:
    return create_paper(
        PaperData(
            title="Attention Is All You Need",
            authors=["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"],
            venue="NeurIPS",
            year=2017,
            arxiv_id="1706.03762",
            arxiv_version=5,
        ),
        added_by=alice,
    )
