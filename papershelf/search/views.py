from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from papershelf.papers.models import Paper
from papershelf.search import discovery, recommendations, services
from papershelf.search.decorators import login_required_json
from papershelf.search.services import SearchResults
from papershelf.topics.models import Topic
from papershelf.topics.services import get_paper_for_topic_change


def _page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _results(request: HttpRequest) -> SearchResults:
    query = request.GET.get("q", "")[:500]
    mode = request.GET.get("mode", "hybrid")
    return services.search(query, mode, _page_number(request), user=request.user)  # type: ignore[arg-type]


def _page_url(results: SearchResults, page: int, name: str = "search") -> str:
    params = {"q": results.query, "mode": results.mode, "page": str(page)}
    return reverse(name) + "?" + urlencode(params)


def search_page(request: HttpRequest) -> HttpResponse:
    """The results page; with ?fragment=1, only the results, for instant search."""
    results = _results(request)
    context = {
        "results": results,
        "modes": services.MODES,
        "next_url": _page_url(results, results.page + 1) if results.has_next else "",
        "previous_url": _page_url(results, results.page - 1) if results.page > 1 else "",
    }
    template = "search/_results.html" if request.GET.get("fragment") else "search/search.html"
    return render(request, template, context, status=400 if results.error else 200)


def search_json(request: HttpRequest) -> JsonResponse:
    """The JSON twin of the results page; an unreadable query is a 400 with one error shape."""
    results = _results(request)
    next_url = (
        request.build_absolute_uri(_page_url(results, results.page + 1, "search-json"))
        if results.has_next
        else None
    )
    body = services.results_as_dict(results, request.build_absolute_uri, next_url)
    return JsonResponse(body, status=400 if results.error else 200)


def suggest_json(request: HttpRequest) -> JsonResponse:
    """Type-ahead: a few papers whose title or authors start with what is typed."""
    suggestions = services.typeahead(request.GET.get("q", "")[:200])
    return JsonResponse(
        {
            "ok": True,
            "suggestions": [
                {**vars(s), "url": reverse("papers-detail-short", args=[s.paper_id])}
                for s in suggestions
            ],
        }
    )


@require_POST
@login_required
def accept_suggestion(request: HttpRequest, pk: int, topic_pk: int) -> HttpResponse:
    paper = get_paper_for_topic_change(pk, request.user)  # type: ignore[arg-type]
    discovery.accept_suggestion(paper, get_object_or_404(Topic, pk=topic_pk))
    return redirect(paper)


@require_POST
@login_required
def reject_suggestion(request: HttpRequest, pk: int, topic_pk: int) -> HttpResponse:
    paper = get_paper_for_topic_change(pk, request.user)  # type: ignore[arg-type]
    topic = get_object_or_404(Topic, pk=topic_pk)
    discovery.reject_suggestion(paper, topic, request.user)  # type: ignore[arg-type]
    return redirect(paper)


def _limit(request: HttpRequest, default: int = 20, most: int = 50) -> int:
    value = request.GET.get("limit", "")
    return min(int(value), most) if value.isdigit() and int(value) > 0 else default


@login_required
def for_you_page(request: HttpRequest) -> HttpResponse:
    """Papers near the ones the reader summarised or listed, each with its reason."""
    for_you = recommendations.recommend(request.user, _limit(request))  # type: ignore[arg-type]
    return render(request, "search/for_you.html", {"for_you": for_you})


@login_required_json
def for_you_json(request: HttpRequest) -> JsonResponse:
    for_you = recommendations.recommend(request.user, _limit(request))  # type: ignore[arg-type]
    return JsonResponse(recommendations.as_dict(for_you, request.build_absolute_uri))


@require_POST
@login_required
def dismiss_recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    paper = get_object_or_404(Paper, pk=pk)
    recommendations.dismiss(request.user, paper)  # type: ignore[arg-type]
    return redirect("search-for-you")
