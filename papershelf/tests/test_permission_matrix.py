"""Every state-changing URL × every persona: the status, and nothing changed when refused.

URL names come from the resolver, so a new URL fails ``test_every_url_is_classified``
until it is put in the matrix (it changes state on POST) or in READ_ONLY (it does not).
Private things answer 404 to others, not 403; visitors are sent to log in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from papershelf.accounts.models import User
from papershelf.accounts.roles import MODERATORS_GROUP
from papershelf.accounts.services import create_user
from papershelf.conftest import PASSWORD
from papershelf.moderation.services import ban, hide
from papershelf.papers.services import PaperData, create_paper
from papershelf.summaries.services import SummaryData, create_summary

PERSONAS = ["anonymous", "member", "author", "other", "moderator", "admin", "banned"]

# POST changes nothing here (pages, searches, feeds, the live preview).
READ_ONLY = {
    "home", "papers-list", "papers-detail-short", "papers-detail", "papers-years",
    "papers-year", "papers-venues", "papers-venue", "papers-authors", "papers-author",
    "summaries-detail", "summaries-file", "summaries-shared", "summaries-shared-file",
    "summaries-history", "summaries-revision", "summaries-preview", "topics-list",
    "topics-detail", "readinglists-index", "readinglists-detail", "readinglists-shared",
    "accounts-password-reset-sent", "accounts-password-reset-done", "accounts-profile",
    "search", "search-json", "search-suggest", "search-for-you", "search-for-you-json",
    "moderation-queue", "moderation-log", "follows-feed", "notifications-list",
    "discussions-question", "feeds-list-atom", "feeds-list-rss", "feeds-paper-atom",
    "feeds-paper-rss", "feeds-site-atom", "feeds-site-rss", "feeds-topic-atom",
    "feeds-topic-rss", "feeds-user-atom", "feeds-user-rss", "api-docs", "api-root",
    "api-tokens", "openapi-json", "get_list", "get_paper", "get_summary", "list_authors",
    "list_lists", "list_papers", "list_revisions", "list_summaries", "list_topics",
    "list_venues", "search_papers", "export", "jobs-detail", "jobs-json", "ops-healthz",
    "ops-readyz",
}  # fmt: skip

# State-changing URLs whose rows are still to be written; listed so that nothing new
# slips past unclassified. Each belongs in MATRIX below.
NOT_YET_IN_MATRIX = {
    "papers-new", "papers-edit", "papers-tag", "topics-new", "topics-edit",
    "readinglists-new", "readinglists-edit", "readinglists-delete", "readinglists-add-paper",
    "readinglists-add-heading", "readinglists-move", "readinglists-item", "readinglists-remove",
    "accounts-invited-signup", "accounts-confirm-email", "accounts-login", "accounts-logout",
    "accounts-password-reset", "accounts-password-reset-confirm", "importers-start",
    "importers-revise", "importers-confirm", "search-accept-suggestion",
    "search-reject-suggestion", "search-for-you-dismiss", "votes-summary", "votes-comment",
    "votes-answer", "discussions-comment-new", "discussions-comment-edit",
    "discussions-comment-delete", "discussions-question-new", "discussions-question-edit",
    "discussions-question-delete", "discussions-answer-new", "discussions-answer-edit",
    "discussions-answer-delete", "discussions-answer-accept", "notifications-open",
    "notifications-read", "notifications-settings", "notifications-unsubscribe",
    "follows-toggle", "exports-download",
    # The API (issue 12) authenticates by token, not session: its own matrix belongs there.
    "add_paper", "add_summary", "change_summary", "confirm", "upload", "api-tokens-create",
    "api-tokens-revoke",
}  # fmt: skip

# Tables that change on any request, refused or not.
NOT_STATE = {"sessions.session", "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"}


@dataclass
class World:
    clients: dict[str, Client]
    objects: dict[str, Any]


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def world(db: None) -> World:
    """alice is the author; carol a member with nothing here; bob another member;
    maud a moderator; admin an administrator; mallory banned (her old session)."""
    alice = create_user("alice", PASSWORD, "alice@example.org")
    bob = create_user("bob", PASSWORD, "bob@example.org")
    carol = create_user("carol", PASSWORD, "carol@example.org")
    maud = create_user("maud", PASSWORD, "maud@example.org")
    maud.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    admin = create_user("admin", PASSWORD, "admin@example.org", admin=True)
    mallory = create_user("mallory", PASSWORD, "mallory@example.org")
    clients = {
        "anonymous": _client(None), "member": _client(carol), "author": _client(alice),
        "other": _client(bob), "moderator": _client(maud), "admin": _client(admin),
        "banned": _client(mallory),
    }  # fmt: skip
    ban(mallory, admin, "spam")
    paper = create_paper(PaperData(title="Attention Is All You Need", year=2017), added_by=alice)
    other_paper = create_paper(PaperData(title="Deep Residual Learning", year=2016), added_by=bob)
    summary = create_summary(paper, alice, SummaryData(body="Attention replaces recurrence."))
    hidden = create_summary(other_paper, alice, SummaryData(body="Held back."))
    hide(hidden, maud, "test")
    target = create_user("dave", PASSWORD, "dave@example.org")
    banned_target = create_user("eve", PASSWORD, "eve@example.org")
    ban(banned_target, admin, "spam")
    objects = {"paper": paper, "other_paper": other_paper, "summary": summary,
               "hidden": hidden, "target": target, "banned_target": banned_target}  # fmt: skip
    return World(clients, objects)


def _state() -> dict[str, list[dict[str, Any]]]:
    state = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in NOT_STATE or model._meta.app_label == "search":
            continue
        state[label] = list(model._default_manager.order_by("pk").values())
    return state


LOGIN, NOT_FOUND = "login", 404
Url = Callable[[dict[str, Any]], str]


@dataclass
class Row:
    url: Url
    data: dict[str, str]
    # persona -> expected: (status, changes state); personas left out are refused with 404
    allowed: dict[str, tuple[int, bool]]
    visitors: object = LOGIN  # anonymous and banned: sent to log in


def _members(status: int, changed: bool = True) -> dict[str, tuple[int, bool]]:
    return {p: (status, changed) for p in ("member", "author", "other", "moderator", "admin")}


def _staff(status: int) -> dict[str, tuple[int, bool]]:
    return {"moderator": (status, True), "admin": (status, True)}


MATRIX: dict[str, Row] = {
    "summaries-new": Row(
        lambda o: reverse("summaries-new", args=[o["other_paper"].pk]),
        {"body": "My take.", "visibility": "public"},
        {**_members(302), "author": (302, False)},  # alice has one: sent to edit it
    ),
    "summaries-edit": Row(
        lambda o: reverse("summaries-edit", args=[o["summary"].pk]),
        {"body": "Changed.", "visibility": "public"},
        {"author": (302, True)},
    ),
    "summaries-delete": Row(
        lambda o: reverse("summaries-delete", args=[o["summary"].pk]), {}, {"author": (302, True)}
    ),
    "summaries-restore": Row(
        lambda o: reverse("summaries-restore", args=[o["summary"].pk, 1]),
        {},
        {"author": (302, True)},
    ),
    "accounts-signup": Row(
        lambda o: reverse("accounts-signup"),
        {
            "username": "newbie",
            "email": "n@example.org",
            "password1": "correct-horse-9",
            "password2": "correct-horse-9",
        },
        {**_members(200), "anonymous": (200, True), "banned": (200, True)},
        visitors=None,
    ),
    "accounts-invites": Row(lambda o: reverse("accounts-invites"), {"note": "x"}, _staff(302)),
    "moderation-report": Row(
        lambda o: reverse("moderation-report", args=["summary", o["summary"].pk]),
        {"reason": "spam"},
        _members(302),
    ),
    "moderation-hide": Row(
        lambda o: reverse("moderation-hide", args=["summary", o["summary"].pk]), {}, _staff(302)
    ),
    "moderation-restore": Row(
        lambda o: reverse("moderation-restore", args=["summary", o["hidden"].pk]), {}, _staff(302)
    ),
    "moderation-ban": Row(
        lambda o: reverse("moderation-ban", args=[o["target"].username]), {}, _staff(302)
    ),
    "moderation-unban": Row(
        lambda o: reverse("moderation-unban", args=[o["banned_target"].username]), {}, _staff(302)
    ),
}


def _url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[Any]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name != "admin":  # Django admin checks its own permissions
                    walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(pattern.name)

    walk(get_resolver().url_patterns)
    return names


def test_every_url_is_classified() -> None:
    unclassified = _url_names() - READ_ONLY - set(MATRIX) - NOT_YET_IN_MATRIX
    assert not unclassified, f"put these in MATRIX or READ_ONLY: {sorted(unclassified)}"
    assert not (set(MATRIX) & NOT_YET_IN_MATRIX)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_the_permission_matrix(world: World, name: str, persona: str) -> None:
    row = MATRIX[name]
    url = row.url(world.objects)
    before = _state()
    response = world.clients[persona].post(url, row.data)
    changed = _state() != before

    if persona in row.allowed:
        status, changes = row.allowed[persona]
        assert (response.status_code, changed) == (status, changes)
    elif persona in ("anonymous", "banned") and row.visitors == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts-login"))
        assert not changed
    else:
        assert (response.status_code, changed) == (NOT_FOUND, False)
