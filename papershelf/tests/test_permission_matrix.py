"""Every state-changing URL × every persona: the status, and nothing changed when refused.

URL names come from the resolver, so a new URL fails ``test_every_url_is_classified``
until it is put in the matrix (it changes state on POST) or in READ_ONLY (it does not).
Private things answer 404 to others, not 403; visitors are sent to log in.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from papershelf.accounts.models import User
from papershelf.accounts.roles import moderators_group
from papershelf.accounts.services import (
    create_invite,
    create_user,
    email_confirmation_tokens,
    sign_up,
)
from papershelf.api.tokens import create_token
from papershelf.conftest import PASSWORD
from papershelf.discussions.services import add_comment, answer_question, ask_question
from papershelf.moderation.services import ban, hide
from papershelf.notifications.models import Notification
from papershelf.notifications.services import unsubscribe_url
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.services import add_paper, create_list
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.topics.services import create_topic

PERSONAS = ["anonymous", "member", "author", "other", "moderator", "admin", "banned"]

# POST changes nothing here (pages, searches, feeds, the live preview).
READ_ONLY = {
    "home", "papers-list", "papers-detail-short", "papers-detail", "papers-years",
    "papers-year", "papers-year-unknown", "papers-venues", "papers-venue", "papers-authors",
    "papers-author",
    "summaries-detail", "summaries-file", "summaries-shared", "summaries-shared-file",
    "summaries-history", "summaries-revision", "summaries-compare", "summaries-preview",
    "topics-list",
    "topics-detail", "readinglists-index", "readinglists-detail", "readinglists-shared",
    "accounts-password-reset-sent", "accounts-password-reset-done", "accounts-profile",
    "search", "search-json", "search-suggest", "search-for-you", "search-for-you-json",
    "moderation-queue", "moderation-log", "follows-feed", "notifications-list",
    "discussions-question", "feeds-list-atom", "feeds-list-rss", "feeds-paper-atom",
    "feeds-paper-rss", "feeds-site-atom", "feeds-site-rss", "feeds-topic-atom",
    "feeds-topic-rss", "feeds-user-atom", "feeds-user-rss", "api-docs", "api-root",
    "api-tokens", "openapi-json", "get_list", "get_paper", "get_summary", "list_authors",
    "list_lists", "list_papers", "list_revisions", "list_summaries", "list_topics",
    "list_venues", "search_papers", "export", "jobs-detail", "jobs-json", "jobs-file",
    "ops-healthz", "ops-readyz",
}  # fmt: skip

# Tables that change on any request, refused or not; and the search index, which follows
# the content (and is rebuilt from it) rather than being state of its own.
NOT_STATE = {"sessions.session", "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog",
             "search.searchdocument", "search.dirtypaper", "search.pendingkeywordupdate",
             "search.embedding", "search.pendingembedding", "search.summarylink"}  # fmt: skip

BIBTEX = b"@article{vaswani2017, title={Attention Is All You Need}, year={2017}}\n"


@dataclass
class World:
    client: Client
    objects: dict[str, Any]


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _build_world(persona: str) -> World:
    """alice is the author; carol a member with nothing here; bob another member (he
    commented and answered); maud a moderator; admin an administrator; mallory banned
    (her old session). alice's private summary, its comment and her private list are
    hers alone: 404 to everyone else, moderators and administrators included."""
    alice = create_user("alice", PASSWORD, "alice@example.org")
    bob = create_user("bob", PASSWORD, "bob@example.org")
    carol = create_user("carol", PASSWORD, "carol@example.org")
    maud = create_user("maud", PASSWORD, "maud@example.org")
    maud.groups.add(moderators_group())
    admin = create_user("admin", PASSWORD, "admin@example.org", admin=True)
    mallory = create_user("mallory", PASSWORD, "mallory@example.org")
    me = {"anonymous": None, "member": carol, "author": alice, "other": bob,
          "moderator": maud, "admin": admin, "banned": mallory}[persona]  # fmt: skip
    client = _client(me)
    ban(mallory, admin, "spam")
    paper = create_paper(PaperData(title="Attention Is All You Need", year=2017), added_by=alice)
    other_paper = create_paper(PaperData(title="Deep Residual Learning", year=2016), added_by=bob)
    third = create_paper(PaperData(title="Batch Normalization", year=2015), added_by=bob)
    summary = create_summary(paper, alice, SummaryData(body="Attention replaces recurrence."))
    hidden = create_summary(other_paper, alice, SummaryData(body="Held back."))
    hide(hidden, maud, "test")
    private = create_summary(third, alice, SummaryData(body="Mine.", visibility="private"))
    comment = add_comment(summary, bob, "Why does it work?")  # notifies alice
    private_comment = add_comment(private, alice, "A note to self.")
    question = ask_question(paper, alice, "Why scale by the square root?", "Section 3.2.")
    answer = answer_question(question, bob, "To keep the softmax out of saturation.")
    topic = create_topic("Transformers", "Attention models.", created_by=alice)
    reading_list = create_list(alice, "To read", "", "private")
    first_item = add_paper(reading_list, paper)
    add_paper(reading_list, other_paper)
    token, _ = create_token(alice, "laptop")
    invite = create_invite(admin)
    waiting = sign_up("frank", PASSWORD, "frank@example.org")  # e-mail not yet confirmed
    target = create_user("dave", PASSWORD, "dave@example.org")
    banned_target = create_user("eve", PASSWORD, "eve@example.org")
    ban(banned_target, admin, "spam")
    objects = {
        "me": me, "paper": paper, "other_paper": other_paper, "summary": summary,
        "hidden": hidden, "private": private, "comment": comment,
        "private_comment": private_comment, "question": question, "answer": answer,
        "topic": topic, "list": reading_list, "item": first_item, "token": token,
        "invite": invite, "target": target, "banned_target": banned_target,
        "notification": Notification.objects.get(recipient=alice, kind="reply"),
        "confirm": [urlsafe_base64_encode(force_bytes(waiting.pk)),
                    email_confirmation_tokens.make_token(waiting)],
        "unsubscribe": unsubscribe_url(alice, "reply"),
    }  # fmt: skip
    return World(client, objects)


def _state() -> dict[str, list[dict[str, Any]]]:
    state = {}
    for model in apps.get_models(include_auto_created=True):  # many-to-many tables too
        label = model._meta.label_lower
        if label in NOT_STATE:
            continue
        state[label] = list(model._default_manager.order_by("pk").values())
    return state


LOGIN, NOT_FOUND = "login", 404
Objects = dict[str, Any]


@dataclass
class Row:
    url: Callable[[Objects], str]
    data: dict[str, Any] | Callable[[Objects], dict[str, Any]]
    # persona -> expected: (status, changes state); personas left out are refused with 404
    allowed: dict[str, tuple[int, bool]]
    visitors: object = LOGIN  # anonymous and banned: sent to log in
    # Run with the persona's client before the request and outside the comparison.
    prepare: Callable[[Client, Objects], object] | None = None
    method: str = "post"  # or put, patch, delete (API operations)


def _members(status: int, changed: bool = True) -> dict[str, tuple[int, bool]]:
    return {p: (status, changed) for p in ("member", "author", "other", "moderator", "admin")}


def _everyone(status: int, changed: bool) -> dict[str, tuple[int, bool]]:
    return {p: (status, changed) for p in PERSONAS}


def _staff(status: int) -> dict[str, tuple[int, bool]]:
    return {"moderator": (status, True), "admin": (status, True)}


def _summary(name: str, key: str = "summary", *more: str) -> Callable[[Objects], str]:
    return lambda o: reverse(name, kwargs={"pk": o[key].pk, **{m: o[m].pk for m in more}})


def _comment_url(name: str, key: str = "comment") -> Callable[[Objects], str]:
    return lambda o: reverse(name, kwargs={"pk": o[key].summary_id, "comment_pk": o[key].pk})


def _question(name: str) -> Callable[[Objects], str]:
    return lambda o: reverse(name, args=[o["paper"].pk, o["question"].pk])


def _answer(name: str) -> Callable[[Objects], str]:
    return lambda o: reverse(name, args=[o["paper"].pk, o["question"].pk, o["answer"].pk])


def _list(name: str, *more: str) -> Callable[[Objects], str]:
    return lambda o: reverse(name, args=[o["list"].pk, *(o[m].pk for m in more)])


def _bibtex(o: Objects) -> dict[str, Any]:
    upload = SimpleUploadedFile("refs.bib", BIBTEX, content_type="application/x-bibtex")
    return {"files": upload, "format": "auto", "visibility": "public"}


def _stage_an_import(client: Client, o: Objects) -> object:
    return client.post(reverse("importers-start"), _bibtex(o))


def _api(url: Callable[[Objects], str], method: str = "post") -> Row:
    """An API write, which no session makes: the API's own matrix covers its tokens."""
    return Row(url, {}, _everyone(401, False), visitors=None, method=method)


def _api_list(rest: str) -> Callable[[Objects], str]:
    return lambda o: f"/api/v1/lists/{o['list'].pk}" + rest.format(item=o["item"].pk)


AUTHOR, OTHER = {"author": (302, True)}, {"other": (302, True)}
WITH_STAFF = {"author": (302, True), "admin": (302, True)}  # is_staff edits shared things
SIGNUP = {"username": "newbie", "email": "n@example.org",
          "password1": "correct-horse-9", "password2": "correct-horse-9"}  # fmt: skip

# Keys are URL names, with ":what" for a second row of the same URL.
MATRIX: dict[str, Row] = {
    # --- Summaries
    "summaries-new": Row(
        lambda o: reverse("summaries-new", args=[o["other_paper"].pk]),
        {"body": "My take.", "visibility": "public"},
        {**_members(302), "author": (302, False)},  # alice has one: sent to edit it
    ),
    "summaries-edit": Row(
        _summary("summaries-edit"), {"body": "Changed.", "visibility": "public"}, AUTHOR
    ),
    "summaries-delete": Row(_summary("summaries-delete"), {}, AUTHOR),
    "summaries-restore": Row(
        lambda o: reverse("summaries-restore", args=[o["summary"].pk, 1]), {}, AUTHOR
    ),
    # --- Accounts: links in e-mails are the capability, whoever follows them
    "accounts-signup": Row(
        lambda o: reverse("accounts-signup"), SIGNUP, _everyone(200, True), visitors=None
    ),
    "accounts-invited-signup": Row(
        lambda o: reverse("accounts-invited-signup", args=[o["invite"].token]),
        SIGNUP,
        _everyone(302, True),
        visitors=None,
    ),
    "accounts-confirm-email": Row(
        lambda o: reverse("accounts-confirm-email", args=o["confirm"]),
        {},
        _everyone(302, True),
        visitors=None,
    ),
    "accounts-login": Row(  # each persona with their own password; a ban refuses it
        lambda o: reverse("accounts-login"),
        lambda o: {"username": o["me"].username if o["me"] else "nobody", "password": PASSWORD},
        {**_members(302), "anonymous": (200, False), "banned": (200, False)},
        visitors=None,
    ),
    "accounts-logout": Row(
        lambda o: reverse("accounts-logout"), {}, _everyone(302, False), visitors=None
    ),
    "accounts-password-reset": Row(
        lambda o: reverse("accounts-password-reset"),
        {"email": "alice@example.org"},
        _everyone(302, False),  # an e-mail to alice, nothing stored
        visitors=None,
    ),
    "accounts-password-reset-confirm": Row(
        lambda o: reverse("accounts-password-reset-confirm", args=[o["confirm"][0], "bad-token"]),
        {"new_password1": "correct-horse-9", "new_password2": "correct-horse-9"},
        _everyone(200, False),
        visitors=None,
    ),
    "accounts-invites": Row(lambda o: reverse("accounts-invites"), {"note": "x"}, _staff(302)),
    # --- Moderation
    "moderation-report": Row(
        lambda o: reverse("moderation-report", args=["summary", o["summary"].pk]),
        {"reason": "spam"},
        _members(302),
    ),
    "moderation-report:private": Row(
        lambda o: reverse("moderation-report", args=["summary", o["private"].pk]),
        {"reason": "spam"},
        AUTHOR,
    ),
    "moderation-hide": Row(
        lambda o: reverse("moderation-hide", args=["summary", o["summary"].pk]), {}, _staff(302)
    ),
    "moderation-hide:private": Row(  # moderators see no private things
        lambda o: reverse("moderation-hide", args=["summary", o["private"].pk]), {}, {}
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
    # --- Votes: never on your own writing (403: it is no secret who wrote it)
    "votes-summary": Row(
        _summary("votes-summary"), {"value": "1"}, {**_members(302), "author": (403, False)}
    ),
    "votes-summary:private": Row(
        _summary("votes-summary", "private"), {"value": "1"}, {"author": (403, False)}
    ),
    "votes-comment": Row(
        _comment_url("votes-comment"), {"value": "1"}, {**_members(302), "other": (403, False)}
    ),
    "votes-answer": Row(
        _answer("votes-answer"), {"value": "-1"}, {**_members(302), "other": (403, False)}
    ),
    # --- Discussions
    "discussions-comment-new": Row(
        _summary("discussions-comment-new"), {"body": "Agreed."}, _members(302)
    ),
    "discussions-comment-new:private": Row(
        _summary("discussions-comment-new", "private"), {"body": "Agreed."}, AUTHOR
    ),
    "discussions-comment-edit": Row(
        _comment_url("discussions-comment-edit"), {"body": "Edited."}, OTHER
    ),
    "discussions-comment-edit:private": Row(
        _comment_url("discussions-comment-edit", "private_comment"), {"body": "Edited."}, AUTHOR
    ),
    "discussions-comment-delete": Row(_comment_url("discussions-comment-delete"), {}, OTHER),
    "discussions-question-new": Row(
        lambda o: reverse("discussions-question-new", args=[o["paper"].pk]),
        {"title": "Is it?", "body": "Really?"},
        _members(302),
    ),
    "discussions-question-edit": Row(
        _question("discussions-question-edit"), {"title": "Why?", "body": "Edited."}, AUTHOR
    ),
    "discussions-question-delete": Row(_question("discussions-question-delete"), {}, AUTHOR),
    "discussions-answer-new": Row(
        _question("discussions-answer-new"), {"body": "Because."}, _members(302)
    ),
    "discussions-answer-edit": Row(_answer("discussions-answer-edit"), {"body": "Edited."}, OTHER),
    "discussions-answer-delete": Row(_answer("discussions-answer-delete"), {}, OTHER),
    "discussions-answer-accept": Row(_answer("discussions-answer-accept"), {}, AUTHOR),
    # --- Notifications: the unsubscribe link is signed for alice and needs no login
    "notifications-open": Row(
        lambda o: reverse("notifications-open", args=[o["notification"].pk]), {}, AUTHOR
    ),
    "notifications-read": Row(
        lambda o: reverse("notifications-read"), {}, {**_members(302, False), **AUTHOR}
    ),
    "notifications-settings": Row(lambda o: reverse("notifications-settings"), {}, _members(302)),
    "notifications-unsubscribe": Row(
        lambda o: o["unsubscribe"], {}, _everyone(200, True), visitors=None
    ),
    # --- Follows: public things only; a private list is nobody's to follow
    "follows-toggle": Row(
        lambda o: reverse("follows-toggle", args=["topic", o["topic"].pk]), {}, _members(302)
    ),
    "follows-toggle:private-list": Row(
        lambda o: reverse("follows-toggle", args=["list", o["list"].pk]), {}, {}
    ),
    # --- Papers and topics: shared, so their adder and staff edit them
    "papers-new": Row(
        lambda o: reverse("papers-new"), {"title": "A New Paper", "year": "2020"}, _members(302)
    ),
    "papers-edit": Row(
        lambda o: reverse("papers-edit", args=[o["paper"].pk]),
        {"title": "Attention Is All You Need", "year": "2018"},
        WITH_STAFF,
    ),
    "papers-tag": Row(
        lambda o: reverse("papers-tag", args=[o["paper"].pk]),
        lambda o: {"topic": str(o["topic"].pk)},
        WITH_STAFF,
    ),
    "search-accept-suggestion": Row(
        lambda o: reverse("search-accept-suggestion", args=[o["paper"].pk, o["topic"].pk]),
        {},
        WITH_STAFF,
    ),
    "search-reject-suggestion": Row(
        lambda o: reverse("search-reject-suggestion", args=[o["paper"].pk, o["topic"].pk]),
        {},
        WITH_STAFF,
    ),
    "search-for-you-dismiss": Row(
        lambda o: reverse("search-for-you-dismiss", args=[o["paper"].pk]), {}, _members(302)
    ),
    "topics-new": Row(
        lambda o: reverse("topics-new"), {"name": "Vision", "description": ""}, _members(302)
    ),
    "topics-edit": Row(
        lambda o: reverse("topics-edit", args=[o["topic"].slug]),
        {"name": "Transformers", "slug": "transformers", "description": "Changed."},
        WITH_STAFF,
    ),
    # --- Reading lists: alice's is private
    "readinglists-new": Row(
        lambda o: reverse("readinglists-new"),
        {"title": "Mine", "description": "", "visibility": "private"},
        _members(302),
    ),
    "readinglists-edit": Row(
        _list("readinglists-edit"),
        {"title": "Renamed", "description": "", "visibility": "private"},
        AUTHOR,
    ),
    "readinglists-delete": Row(_list("readinglists-delete"), {}, AUTHOR),
    "readinglists-add-paper": Row(
        lambda o: reverse("readinglists-add-paper"),
        lambda o: {"reading_list": o["list"].pk, "paper": o["paper"].pk, "note": "Again."},
        AUTHOR,
    ),
    "readinglists-add-heading": Row(
        _list("readinglists-add-heading"), {"heading": "Basics", "depth": "1"}, AUTHOR
    ),
    "readinglists-move": Row(_list("readinglists-move", "item"), {"direction": "down"}, AUTHOR),
    "readinglists-reorder": Row(  # the editor's script: JSON back, not a redirect
        _list("readinglists-reorder"),
        lambda o: {
            "order": list(o["list"].items.order_by("-position").values_list("pk", flat=True))
        },
        {"author": (200, True)},
    ),
    "readinglists-item": Row(_list("readinglists-item", "item"), {"note": "Read first."}, AUTHOR),
    "readinglists-remove": Row(_list("readinglists-remove", "item"), {}, AUTHOR),
    "exports-download": Row(  # changes nothing; a private list is 404 to all but its owner
        lambda o: reverse("exports-download", args=["bibtex"]) + f"?list={o['list'].pk}",
        {},
        {"author": (200, False)},
        visitors=None,
    ),
    # --- Large exports and publishing start a background job (the test queue runs it)
    "exports-start": Row(lambda o: reverse("exports-start", args=["bibtex"]), {}, _members(302)),
    "exports-start:private-list": Row(
        lambda o: reverse("exports-start", args=["bibtex"]),
        lambda o: {"list": o["list"].pk},
        AUTHOR,
    ),
    "publish-start": Row(
        lambda o: reverse("publish-start"), {"theme": "shelf", "mine": "on"}, _members(302)
    ),
    # --- Import: a preview changes nothing; the upload waits in the person's own session
    "importers-start": Row(lambda o: reverse("importers-start"), _bibtex, _members(200, False)),
    "importers-revise": Row(
        lambda o: reverse("importers-revise"), {}, _members(200, False), prepare=_stage_an_import
    ),
    "importers-confirm": Row(
        lambda o: reverse("importers-confirm"), {}, _members(302), prepare=_stage_an_import
    ),
    "importers-confirm:nothing-staged": Row(
        lambda o: reverse("importers-confirm"), {}, _members(302, False)
    ),
    # --- API tokens (settings pages) and the API, which sessions never write through:
    # writes need a token (papershelf/api/tests/test_api_permission_matrix.py: tokens × personas).
    "api-tokens-create": Row(lambda o: reverse("api-tokens-create"), {"name": "ci"}, _members(302)),
    "api-tokens-revoke": Row(
        lambda o: reverse("api-tokens-revoke", args=[o["token"].pk]), {}, AUTHOR
    ),
    "add_paper": Row(
        lambda o: "/api/v1/papers", {"title": "T"}, _everyone(401, False), visitors=None
    ),
    "add_summary": Row(
        lambda o: "/api/v1/summaries", {"paper_id": "1"}, _everyone(401, False), visitors=None
    ),
    "change_summary": Row(
        lambda o: f"/api/v1/summaries/{o['summary'].pk}",
        {},
        _everyone(401, False),
        visitors=None,
        method="put",
    ),
    "upload": Row(lambda o: "/api/v1/imports", {}, _everyone(401, False), visitors=None),
    "confirm": Row(lambda o: "/api/v1/imports/abc", {}, _everyone(401, False), visitors=None),
    # An export job: the API asks for a token (a session's cookie is none).
    "start": Row(lambda o: "/api/v1/exports", {}, _everyone(401, False), visitors=None),
    "remove_summary": _api(lambda o: f"/api/v1/summaries/{o['summary'].pk}", "delete"),
    "add_topic": _api(lambda o: "/api/v1/topics"),
    "change_topic": _api(lambda o: f"/api/v1/topics/{o['topic'].pk}", "patch"),
    "tag_paper": _api(lambda o: f"/api/v1/papers/{o['paper'].pk}/topics/{o['topic'].pk}", "put"),
    "untag_paper": _api(
        lambda o: f"/api/v1/papers/{o['paper'].pk}/topics/{o['topic'].pk}", "delete"
    ),
    "add_list": _api(lambda o: "/api/v1/lists"),
    "change_list": _api(_api_list(""), "patch"),
    "delete_list": _api(_api_list(""), "delete"),
    "add_list_item": _api(_api_list("/items")),
    "change_list_item": _api(_api_list("/items/{item}"), "patch"),
    "remove_list_item": _api(_api_list("/items/{item}"), "delete"),
    "add_list_section": _api(_api_list("/sections")),
    "change_list_section": _api(_api_list("/sections/{item}"), "patch"),
    "remove_list_section": _api(_api_list("/sections/{item}"), "delete"),
    "reorder_list": _api(_api_list("/order"), "put"),
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
    in_matrix = {key.split(":")[0] for key in MATRIX}
    unclassified = _url_names() - READ_ONLY - in_matrix
    assert not unclassified, f"put these in MATRIX or READ_ONLY: {sorted(unclassified)}"
    assert not (in_matrix & READ_ONLY)


def _expected(row: Row, persona: str) -> tuple[int | str, bool]:
    if persona in row.allowed:
        return row.allowed[persona]
    if persona in ("anonymous", "banned") and row.visitors == LOGIN:
        return LOGIN, False
    return NOT_FOUND, False


def _request(client: Client, row: Row, objects: Objects) -> tuple[int | str, bool]:
    """Send the row's request in a savepoint that is rolled back, so that the next row
    meets the world as it was built; the client's cookies (its session) too."""
    cookies = copy.deepcopy(client.cookies)
    try:
        with transaction.atomic():
            if row.prepare is not None:
                row.prepare(client, objects)
            before = _state()
            data = row.data(objects) if callable(row.data) else row.data
            url = row.url(objects)
            if row.method == "post":
                response = client.post(url, data)
            else:  # the API's other methods
                send = getattr(client, row.method)
                response = send(url, data, content_type="application/json")
            changed = _state() != before
            transaction.set_rollback(True)
    except Exception as exc:  # a 500: reported with the others
        return f"500 {type(exc).__name__}: {exc}", False
    finally:
        client.cookies = cookies
        cache.clear()
    login = reverse("accounts-login")
    if response.status_code == 302 and response["Location"].startswith(login):
        return LOGIN, changed
    return response.status_code, changed


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_permission_matrix(db: None, persona: str) -> None:
    """One world per persona (building it is most of the time); each URL in turn."""
    world = _build_world(persona)
    wrong = []
    for key, row in sorted(MATRIX.items()):
        expected = _expected(row, persona)
        got = _request(world.client, row, world.objects)
        if got != expected:
            wrong.append(f"{key}: expected {expected}, got {got}")
    assert not wrong, f"{persona}:\n" + "\n".join(wrong)
