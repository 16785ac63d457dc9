"""What can be reported and hidden: models with an ``author`` and a ``hidden`` flag.

Each kind has a name (in addresses: ``/moderation/summary/7/hide``), its model, and who
may see an object of it (a reader may report only what they can see; anything else is
404). Another app adds its kinds with ``register`` from its ``AppConfig.ready``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.apps import apps
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from papershelf.accounts.models import User
from papershelf.accounts.roles import is_moderator


class Moderated(Protocol):
    pk: Any
    author_id: Any
    hidden: bool


Visible = Callable[[User | None], QuerySet[Any]]


@dataclass(frozen=True)
class Kind:
    name: str
    model_label: str  # "summaries.Summary"
    visible: Visible  # what this user may see: moderators see hidden ones too

    @property
    def model(self) -> type[Model]:
        return apps.get_model(self.model_label)


_KINDS: dict[str, Kind] = {}


def register(name: str, model_label: str, visible: Visible) -> None:
    _KINDS[name] = Kind(name, model_label, visible)


def kinds() -> list[Kind]:
    """The registered kinds whose app is installed."""
    found = []
    for kind in _KINDS.values():
        try:
            kind.model  # noqa: B018  (resolving it is the check)
        except LookupError:
            continue
        found.append(kind)
    return found


def kind_named(name: str) -> Kind:
    for kind in kinds():
        if kind.name == name:
            return kind
    raise Http404("Nothing of that kind can be moderated")


def kind_of(obj: Model) -> Kind:
    for kind in kinds():
        if isinstance(obj, kind.model):
            return kind
    raise LookupError(f"{type(obj).__name__} is not registered for moderation")


def get_for_user(name: str, pk: int, user: User | None) -> Any:
    """The object as this user may see it (moderators: hidden ones too), else 404."""
    found = kind_named(name).visible(user).filter(pk=pk).first()
    if found is None:
        raise Http404("No such thing")
    return found


def _not_hidden(model_label: str, user: User | None) -> QuerySet[Any]:
    objects = apps.get_model(model_label)._default_manager.all()
    if is_moderator(user):
        return objects
    shown = Q(hidden=False)
    if user is not None and user.is_authenticated:
        shown |= Q(author=user)
    return objects.filter(shown)


def _visible_summaries(user: User | None) -> QuerySet[Any]:
    from papershelf.summaries.services import visible_summaries

    return visible_summaries(user)


def _visible_comments(user: User | None) -> QuerySet[Any]:
    # A comment is as visible as its summary (a private summary's comments are private).
    return _not_hidden("discussions.Comment", user).filter(
        summary__in=_visible_summaries(user), deleted=False
    )


register("summary", "summaries.Summary", _visible_summaries)
register("comment", "discussions.Comment", _visible_comments)
register("question", "discussions.Question", lambda user: _not_hidden("discussions.Question", user))
register("answer", "discussions.Answer", lambda user: _not_hidden("discussions.Answer", user))
