from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from papershelf.discussions import services as discussions
from papershelf.moderation.decorators import rate_limited
from papershelf.votes import services
from papershelf.votes.services import Target


def _value(request: HttpRequest) -> int:
    return {"1": 1, "-1": -1}.get(request.POST.get("value", ""), 0)


def _vote_and_go_back(request: HttpRequest, target: Target, fallback: str) -> HttpResponse:
    services.cast_vote(request.user, target, _value(request))  # type: ignore[arg-type]
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    return redirect(fallback)


@require_POST
@login_required
@rate_limited("vote")
def vote_summary(
    request: HttpRequest, pk: int | None = None, token: str | None = None
) -> HttpResponse:
    summary = discussions.summary_at(request.user, pk, token)  # type: ignore[arg-type]
    return _vote_and_go_back(request, summary, summary.get_absolute_url())


@require_POST
@login_required
@rate_limited("vote")
def vote_comment(
    request: HttpRequest, comment_pk: int, pk: int | None = None, token: str | None = None
) -> HttpResponse:
    summary = discussions.summary_at(request.user, pk, token)  # type: ignore[arg-type]
    comment = discussions.get_comment(summary, comment_pk, request.user)  # type: ignore[arg-type]
    return _vote_and_go_back(request, comment, discussions.comment_url(comment))


@require_POST
@login_required
@rate_limited("vote")
def vote_answer(request: HttpRequest, paper_pk: int, pk: int, answer_pk: int) -> HttpResponse:
    question = discussions.get_question(paper_pk, pk, request.user)  # type: ignore[arg-type]
    answer = discussions.get_answer(question, answer_pk, request.user)  # type: ignore[arg-type]
    return _vote_and_go_back(request, answer, discussions.question_url(question))
