"""Every state-changing API operation × every persona: the status, and nothing changed
when refused.

The operations come from the OpenAPI schema, so a new write fails
``test_every_api_write_is_in_the_matrix`` until it has a row here. The rules are the
pages' (papershelf/tests/test_permission_matrix.py): only the owner changes a list or a
summary, anyone else's answers 404 (not 403) whatever its visibility; a topic is edited
by its maker and staff and put on a paper by that paper's contributors and staff. On
top of them, the API's own: a write needs a token (401 without one, a signed-in session
included), a read-only token is 403 even for its owner's things (but for an export job,
which only reads), and a banned user's or a revoked token is 401.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from papershelf.accounts.models import User
from papershelf.accounts.roles import moderators_group
from papershelf.accounts.services import create_user
from papershelf.api.snapshot import current_schema
from papershelf.api.tokens import create_token, revoke_token
from papershelf.conftest import PASSWORD
from papershelf.moderation.services import ban, hide
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.services import add_heading, add_paper, create_list
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.tests.test_permission_matrix import NOT_STATE
from papershelf.topics.services import create_topic, tag_paper

PERSONAS = [
    "anonymous", "session", "read_only", "member", "author", "other", "moderator", "admin",
    "banned", "revoked",
]  # fmt: skip
MEMBERS = ("member", "author", "other", "moderator", "admin")
# Refused before anything is looked up, whatever the row.
REFUSED = {"anonymous": 401, "session": 401, "read_only": 403, "banned": 401, "revoked": 401}
NOT_FOUND = 404
BIBTEX = b"@article{vaswani2017, title={Attention Is All You Need}, year={2017}}\n"

Objects = dict[str, Any]


@dataclass
class World:
    client: Client
    objects: Objects


def _bearer(text: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {text}"}


def _client(persona: str, users: dict[str, User]) -> Client:
    """alice's tokens stand for three personas: read-only, revoked, and signed in with no
    token at all; each refusal then concerns her own things, the hardest case."""
    alice = users["author"]
    if persona == "anonymous":
        return Client()
    if persona == "session":
        client = Client()
        client.force_login(alice)
        return client
    if persona == "read_only":
        return Client(headers=_bearer(create_token(alice, "reader", read_only=True)[1]))
    if persona == "revoked":
        token, text = create_token(alice, "old laptop")
        revoke_token(alice, token.pk)
        return Client(headers=_bearer(text))
    # The banned user's token was made before the ban.
    return Client(headers=_bearer(create_token(users[persona], "script")[1]))


def _build_world(persona: str) -> World:
    """alice is the author; carol a member with nothing here; bob another member (he
    added other_paper and keeps a public list); maud a moderator; admin an administrator;
    mallory banned, with a list of her own. Nobody has summarised fresh_paper. alice's
    private list, private summary and her summary a moderator hid are hers alone: 404 to
    everyone else."""
    users = {
        "author": create_user("alice", PASSWORD, "alice@example.org"),
        "other": create_user("bob", PASSWORD, "bob@example.org"),
        "member": create_user("carol", PASSWORD, "carol@example.org"),
        "moderator": create_user("maud", PASSWORD, "maud@example.org"),
        "admin": create_user("admin", PASSWORD, "admin@example.org", admin=True),
        "banned": create_user("mallory", PASSWORD, "mallory@example.org"),
    }
    alice, bob, maud = users["author"], users["other"], users["moderator"]
    maud.groups.add(moderators_group())
    client = _client(persona, users)
    mallorys_list = create_list(users["banned"], "Spam", "", "public")
    ban(users["banned"], users["admin"], "spam")
    paper = create_paper(PaperData(title="Attention Is All You Need", year=2017), added_by=alice)
    other_paper = create_paper(PaperData(title="Deep Residual Learning", year=2016), added_by=bob)
    third = create_paper(PaperData(title="Batch Normalization", year=2015), added_by=bob)
    fresh = create_paper(PaperData(title="Layer Normalization", year=2016), added_by=bob)
    summary = create_summary(paper, alice, SummaryData(body="Attention replaces recurrence."))
    hidden = create_summary(other_paper, alice, SummaryData(body="Held back."))
    hide(hidden, maud, "test")
    private = create_summary(third, alice, SummaryData(body="Mine.", visibility="private"))
    topic = create_topic("Transformers", "Attention models.", created_by=alice)
    tag_paper(paper, topic)
    vision = create_topic("Vision", "", created_by=bob)
    reading_list = create_list(alice, "To read", "", "private")
    section = add_heading(reading_list, "Week 1")
    item = add_paper(reading_list, paper)
    add_paper(reading_list, other_paper)
    public_list = create_list(alice, "Classics", "", "public")
    add_paper(public_list, third)
    bobs_list = create_list(bob, "Bob's", "", "public")
    objects = {
        "paper": paper, "other_paper": other_paper, "fresh_paper": fresh, "summary": summary,
        "hidden": hidden, "private": private, "topic": topic, "vision": vision,
        "list": reading_list, "section": section, "item": item, "public_list": public_list,
        "bobs_item": add_paper(bobs_list, paper), "mallorys_list": mallorys_list,
        "alice_writes": _bearer(create_token(alice, "staging")[1]), "staged": "none",
    }  # fmt: skip
    return World(client, objects)


def _state() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table but those that are not state (the pages' matrix says
    which); a token's last use is stamped on every request, refused or not."""
    state = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if label in NOT_STATE:
            continue
        rows = list(model._default_manager.order_by("pk").values())
        if label == "api.apitoken":
            rows = [{k: v for k, v in row.items() if k != "last_used_at"} for row in rows]
        state[label] = rows
    return state


@dataclass
class Row:
    # path parameter -> the key in Objects of what it names
    ids: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] | Callable[[Objects], dict[str, Any]] | None = None
    # persona -> (status, changes state); members left out answer 404, and the REFUSED
    # personas their status, with nothing changed
    allowed: dict[str, tuple[int, bool]] = field(default_factory=dict)
    multipart: bool = False
    # Run before the request and outside the comparison.
    prepare: Callable[[Objects], None] | None = None
    # Only reads (an export job): a read-only token may, as its owner alice.
    read_only_may: bool = False


def _members(status: int, changed: bool = True) -> dict[str, tuple[int, bool]]:
    return {p: (status, changed) for p in MEMBERS}


def _bibtex(o: Objects) -> dict[str, Any]:
    return {"files": SimpleUploadedFile("refs.bib", BIBTEX, content_type="application/x-bibtex")}


def _stage_an_import_as_alice(o: Objects) -> None:
    staged = Client().post("/api/v1/imports", _bibtex(o), headers=o["alice_writes"])
    o["staged"] = staged.json()["id"]


def _reversed_order(o: Objects) -> dict[str, Any]:
    return {"items": list(o["list"].items.order_by("-position").values_list("pk", flat=True))}


AUTHOR = {"author": (200, True)}
AUTHOR_204, AUTHOR_201 = {"author": (204, True)}, {"author": (201, True)}
WITH_STAFF_204 = {"author": (204, True), "admin": (204, True)}  # is_staff: shared things
LIST, ITEM = {"list_id": "list"}, {"list_id": "list", "item_id": "item"}
SECTION = {"list_id": "list", "section_id": "section"}

# Keys are "METHOD path" as in the schema, with ":what" for a second row of one operation.
MATRIX: dict[str, Row] = {
    # --- Papers and summaries
    "POST /api/v1/papers": Row(body={"title": "A New Paper"}, allowed=_members(201)),
    "POST /api/v1/summaries": Row(
        body=lambda o: {"paper_id": o["fresh_paper"].pk, "body": "My take."},
        allowed=_members(201),
    ),
    "POST /api/v1/summaries:twice": Row(  # alice has one of this paper: update it instead
        body=lambda o: {"paper_id": o["paper"].pk, "body": "Again."},
        allowed={**_members(201), "author": (409, False)},
    ),
    "PUT /api/v1/summaries/{summary_id}": Row(
        {"summary_id": "summary"}, {"body": "Changed.", "visibility": "public"}, AUTHOR
    ),
    "PUT /api/v1/summaries/{summary_id}:private": Row(
        {"summary_id": "private"}, {"body": "Changed.", "visibility": "private"}, AUTHOR
    ),
    "DELETE /api/v1/summaries/{summary_id}": Row({"summary_id": "summary"}, None, AUTHOR_204),
    "DELETE /api/v1/summaries/{summary_id}:private": Row(
        {"summary_id": "private"}, None, AUTHOR_204
    ),
    "DELETE /api/v1/summaries/{summary_id}:hidden": Row(  # moderators hide; they never delete
        {"summary_id": "hidden"}, None, AUTHOR_204
    ),
    # --- Topics: any member makes one; its maker and staff edit it; a paper's contributors
    # (who added it, who summarised it) and staff file it
    "POST /api/v1/topics": Row(body={"name": "Optimisation"}, allowed=_members(201)),
    "POST /api/v1/topics:taken": Row(body={"name": "transformers"}, allowed=_members(400, False)),
    "PATCH /api/v1/topics/{topic_id}": Row(
        {"topic_id": "topic"}, {"description": "Changed."}, {**AUTHOR, "admin": (200, True)}
    ),
    "PATCH /api/v1/topics/{topic_id}:bobs": Row(
        {"topic_id": "vision"},
        {"description": "Changed."},
        {"other": (200, True), "admin": (200, True)},
    ),
    "PUT /api/v1/papers/{paper_id}/topics/{topic_id}": Row(
        {"paper_id": "paper", "topic_id": "vision"}, None, WITH_STAFF_204
    ),
    "PUT /api/v1/papers/{paper_id}/topics/{topic_id}:bobs-paper": Row(
        {"paper_id": "other_paper", "topic_id": "topic"},
        None,
        {**WITH_STAFF_204, "other": (204, True)},  # alice summarised it; bob added it
    ),
    "DELETE /api/v1/papers/{paper_id}/topics/{topic_id}": Row(
        {"paper_id": "paper", "topic_id": "topic"}, None, WITH_STAFF_204
    ),
    # --- Reading lists: the owner's alone, private or public
    "POST /api/v1/lists": Row(
        body={"title": "Mine", "visibility": "private"}, allowed=_members(201)
    ),
    "PATCH /api/v1/lists/{list_id}": Row(LIST, {"title": "Renamed"}, AUTHOR),
    "PATCH /api/v1/lists/{list_id}:public": Row(
        {"list_id": "public_list"}, {"visibility": "private"}, AUTHOR
    ),
    "PATCH /api/v1/lists/{list_id}:banned-owner": Row(
        {"list_id": "mallorys_list"}, {"title": "More spam"}, {}
    ),
    "DELETE /api/v1/lists/{list_id}": Row(LIST, None, AUTHOR_204),
    "POST /api/v1/lists/{list_id}/items": Row(
        LIST, lambda o: {"paper_id": o["paper"].pk, "section_id": o["section"].pk}, AUTHOR_201
    ),
    "PATCH /api/v1/lists/{list_id}/items/{item_id}": Row(ITEM, {"note": "Read first."}, AUTHOR),
    "DELETE /api/v1/lists/{list_id}/items/{item_id}": Row(ITEM, None, AUTHOR_204),
    "DELETE /api/v1/lists/{list_id}/items/{item_id}:bobs-item": Row(  # not through her own list
        {"list_id": "list", "item_id": "bobs_item"}, None, {}
    ),
    "POST /api/v1/lists/{list_id}/sections": Row(LIST, {"heading": "Week 2"}, AUTHOR_201),
    "PATCH /api/v1/lists/{list_id}/sections/{section_id}": Row(
        SECTION, {"heading": "Basics", "depth": 2}, AUTHOR
    ),
    "DELETE /api/v1/lists/{list_id}/sections/{section_id}": Row(SECTION, None, AUTHOR_204),
    "PUT /api/v1/lists/{list_id}/order": Row(LIST, _reversed_order, AUTHOR),
    # --- Import: a preview changes nothing; a preview is confirmed only by whoever made it
    "POST /api/v1/imports": Row(body=_bibtex, allowed=_members(201, False), multipart=True),
    "POST /api/v1/imports/{staged}": Row(
        {"staged": "staged"}, None, AUTHOR, prepare=_stage_an_import_as_alice
    ),
    # --- Export jobs: they only read, so a read-only token will do; a job for each member
    "POST /api/v1/exports": Row(
        body={"format": "bibtex"},
        allowed={**_members(202), "read_only": (202, True)},
        read_only_may=True,
    ),
    "POST /api/v1/exports:private-list": Row(  # alice's private list: 404 to everyone else
        body=lambda o: {"format": "csl", "list": o["list"].pk},
        allowed={"author": (202, True), "read_only": (202, True)},
        read_only_may=True,
    ),
}


def _writes_in_the_schema() -> set[str]:
    paths = current_schema()["paths"]
    return {
        f"{method.upper()} {path}"
        for path, operations in paths.items()
        for method in operations
        if method != "get"
    }


def test_every_api_write_is_in_the_matrix() -> None:
    in_matrix = {key.split(":")[0] for key in MATRIX}
    assert _writes_in_the_schema() == in_matrix


def _expected(row: Row, persona: str) -> tuple[int, bool]:
    if persona in REFUSED and not (persona == "read_only" and row.read_only_may):
        return REFUSED[persona], False
    return row.allowed.get(persona, (NOT_FOUND, False))


def _send(client: Client, key: str, row: Row, objects: Objects) -> Any:
    method, template = key.split(":")[0].split(" ")
    ids = {name: getattr(objects[what], "pk", objects[what]) for name, what in row.ids.items()}
    url = template.format(**ids)
    body = row.body(objects) if callable(row.body) else row.body
    if row.multipart:
        return client.post(url, body)
    send = getattr(client, method.lower())
    return send(url, body, content_type="application/json") if body else send(url)


def _request(client: Client, key: str, row: Row, objects: Objects) -> tuple[int | str, bool]:
    """Send the row's request in a savepoint that is rolled back, so that the next row
    meets the world as it was built."""
    try:
        with transaction.atomic():
            if row.prepare is not None:
                row.prepare(objects)
            before = _state()
            response = _send(client, key, row, objects)
            changed = _state() != before
            transaction.set_rollback(True)
    except Exception as exc:  # a 500: reported with the others
        return f"500 {type(exc).__name__}: {exc}", False
    if response.status_code >= 400 and response["Content-Type"] != "application/problem+json":
        return f"{response.status_code}, not problem+json", changed
    return response.status_code, changed


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_api_permission_matrix(db: None, persona: str) -> None:
    """One world per persona (building it is most of the time); each operation in turn."""
    world = _build_world(persona)
    wrong = []
    for key, row in sorted(MATRIX.items()):
        expected = _expected(row, persona)
        got = _request(world.client, key, row, world.objects)
        if got != expected:
            wrong.append(f"{key}: expected {expected}, got {got}")
    assert not wrong, f"{persona}:\n" + "\n".join(wrong)
