from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from papershelf.accounts.models import User
from papershelf.lib.identifiers import arxiv_abs_url, arxiv_pdf_url
from papershelf.pagination import paginate
from papershelf.papers import lookup, services
from papershelf.papers.forms import PaperForm
from papershelf.papers.models import NEWEST_FIRST, Author, Paper, Venue
from papershelf.readinglists.services import lists_containing, own_lists_with_sections
from papershelf.summaries.models import Summary
from papershelf.summaries.services import listed_summaries, summary_by
from papershelf.topics import services as topic_services
from papershelf.topics.models import Topic
from papershelf.votes.services import RANKING_TABS, RANKINGS, best

HOME_TOPICS_SECONDS = 60  # the home page's topic counts and rankings: a minute is new enough


def _page(request: HttpRequest, papers: object) -> object:
    return paginate(request, papers)


def _top_topics() -> list[Topic]:
    # Counting every topic's papers reads the whole tagging table: once a minute, not
    # on every visit to the home page.
    return cache.get_or_set(  # type: ignore[no-any-return,return-value]
        "home-top-topics",
        lambda: list(Topic.objects.annotate(count=Count("papers")).order_by("-count", "name")[:12]),
        HOME_TOPICS_SECONDS,
    )


def _ranked(tab: str, user: User) -> QuerySet[Summary]:
    """The home tab's twelve summaries.

    Best and Popular rank every public summary by a sum over votes or reads, which grows
    with the shelf: the ranking of public summaries is kept for a minute and only those
    twelve are read (and checked against what this reader may see) on each visit.
    """
    shown = listed_summaries(user)
    if tab == "recent":  # walks the created_at index: cheap at any size
        return RANKINGS[tab](shown)[:12]
    top = cache.get_or_set(
        f"home-{tab}-ids",
        lambda: list(RANKINGS[tab](listed_summaries(None)).values_list("pk", flat=True)[:12]),
        HOME_TOPICS_SECONDS,
    )
    return RANKINGS[tab](shown.filter(pk__in=top))[:12]


def _paper_count() -> int:
    # Counting every row on each visit grows with the shelf (2 ms at 100,000 papers, 20 at
    # a million). The count is kept under the newest paper's id, so an added paper shows
    # at once; a deletion shows within a minute.
    newest = Paper.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return cache.get_or_set(  # type: ignore[no-any-return,return-value]
        f"home-paper-count-{newest}", Paper.objects.count, HOME_TOPICS_SECONDS
    )


def home(request: HttpRequest) -> HttpResponse:
    # Tabs (issue 11): Recent, Best (votes) and Popular (recent reads).
    tab = request.GET.get("tab", "")
    tab = tab if tab in RANKINGS else "recent"
    latest = _ranked(tab, request.user)  # type: ignore[arg-type]
    context = {
        "tab": tab,
        "tabs": RANKING_TABS,
        "empty": not Paper.objects.exists(),
        "latest": latest,
        "most_read": services.most_read(),
        "topics": _top_topics(),
        "paper_count": _paper_count(),
    }
    return render(request, "papers/home.html", context)


# The papers page's orders: by when they were added (walks the created_at index), or by
# publication year with the papers of unknown year last.
PAPER_ORDERS = {"added": ("-created_at",), "year": NEWEST_FIRST}
PAPER_ORDER_TABS = [("added", "Recently added"), ("year", "Newest first")]


def paper_list(request: HttpRequest) -> HttpResponse:
    order = request.GET.get("order", "")
    order = order if order in PAPER_ORDERS else "added"
    papers = services.as_rows(Paper.objects.order_by(*PAPER_ORDERS[order]))
    context = {"page": _page(request, papers), "order": order, "orders": PAPER_ORDER_TABS}
    return render(request, "papers/list.html", context)


def _identifier_links(paper: Paper) -> list[tuple[str, str]]:
    links: list[tuple[str, str]] = []
    if paper.arxiv_id:
        links.append(("arXiv", arxiv_abs_url(paper.arxiv_id, paper.arxiv_version)))
        links.append(("arXiv PDF", arxiv_pdf_url(paper.arxiv_id, paper.arxiv_version)))
    if paper.doi:
        links.append(("DOI", f"https://doi.org/{paper.doi}"))
    if paper.openreview_id:
        links.append(("OpenReview", f"https://openreview.net/forum?id={paper.openreview_id}"))
    if paper.dblp_key:
        links.append(("DBLP", f"https://dblp.org/rec/{paper.dblp_key.removeprefix('DBLP:')}"))
    for label, url in [
        ("PDF", paper.pdf_url),
        ("Code", paper.code_url),
        ("Project page", paper.project_url),
        ("Link", paper.url),
    ]:
        if url:
            links.append((label, url))
    return links


def paper_detail(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    paper = get_object_or_404(services.with_listing_data(Paper.objects.all()), pk=pk)
    services.record_view(paper)
    user = request.user
    summaries = best(  # by score, ties newest first (issue 11)
        listed_summaries(user)  # type: ignore[arg-type]
        .filter(paper=paper)
        .select_related("provenance__source")
    )
    # The reader's own summary answers two questions: which button to show, and (as a
    # contributor) whether they may change the paper's topics.
    mine = summary_by(paper, user) if user.is_authenticated else None  # type: ignore[arg-type]
    own = mine if settings.ONE_SUMMARY_PER_USER else None
    can_tag = topic_services.can_change_paper_topics(user, paper, has_summary=mine is not None)  # type: ignore[arg-type]
    my_lists = own_lists_with_sections(user) if user.is_authenticated else []  # type: ignore[arg-type]
    context = {
        "paper": paper,
        "authors": paper.ordered_authors(),
        "links": _identifier_links(paper),
        "summaries": summaries,
        "own_summary": own,
        "lists": lists_containing(paper, user),  # type: ignore[arg-type]
        "my_lists": my_lists,
        "my_lists_have_sections": any(choice.sections for choice in my_lists),
        "all_topics": Topic.objects.exclude(papers=paper) if can_tag else [],
        "can_tag": can_tag,
        "can_edit": services.can_edit_paper(user, paper),  # type: ignore[arg-type]
    }
    return render(request, "papers/detail.html", context)


@login_required
def paper_new(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("lookup", "")
    found = lookup.look_up(query) if query.strip() and request.method == "GET" else None
    initial = found.initial if found else {}
    form = PaperForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            paper = services.create_paper(form.to_data(), added_by=request.user)  # type: ignore[arg-type]
        except ValidationError as exc:
            _add_model_errors(form, exc)
        else:
            _save_figure(paper, form)
            messages.success(
                request, "Paper added. Write a summary of it, or file it under a topic."
            )
            return redirect(paper)
    return render(request, "papers/form.html", {"form": form, "paper": None, "lookup": found})


@login_required
def paper_edit(request: HttpRequest, pk: int) -> HttpResponse:
    paper = get_object_or_404(Paper, pk=pk)
    if not services.can_edit_paper(request.user, paper):  # type: ignore[arg-type]
        raise Http404("No such paper")
    initial = PaperForm.initial_for(paper, services.paper_data(paper))
    form = PaperForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_paper(paper, form.to_data())
        except ValidationError as exc:
            _add_model_errors(form, exc)
        else:
            _save_figure(paper, form)
            messages.success(request, "Paper saved.")
            return redirect(paper)
    return render(request, "papers/form.html", {"form": form, "paper": paper})


# Model fields whose form field has another name; the rest share theirs.
_FORM_FIELD_FOR = {"arxiv_id": "arxiv", "arxiv_version": "arxiv", "openreview_id": "openreview"}


def _add_model_errors(form: PaperForm, exc: ValidationError) -> None:
    """Show the service's validation errors on the form (form.add_error raises on a model
    field the form does not have, which would turn a too-long value into a 500)."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, error_list in exc.error_dict.items():
        field = _FORM_FIELD_FOR.get(name, name)
        form.add_error(field if field in form.fields else None, error_list)


def _save_figure(paper: Paper, form: PaperForm) -> None:
    figure = form.cleaned_data.get("figure")
    if figure:
        paper.figure = figure
        paper.save(update_fields=["figure"])


@require_POST
@login_required
def paper_tag(request: HttpRequest, pk: int) -> HttpResponse:
    """Add (or with ``remove``, take off) a topic on a paper: its contributors and staff."""
    paper = topic_services.get_paper_for_topic_change(pk, request.user)  # type: ignore[arg-type]
    topic_pk = request.POST.get("topic", "")
    # A hand-made POST with a non-number must be a 404, not a 500 from the query.
    topic = get_object_or_404(Topic, pk=int(topic_pk) if topic_pk.isdigit() else 0)
    if request.POST.get("remove"):
        topic_services.untag_paper(paper, topic)
        messages.success(request, f"Removed from “{topic.name}”.")
    else:
        topic_services.tag_paper(paper, topic)
        messages.success(request, f"Filed under “{topic.name}”.")
    return redirect(paper)


def year_list(request: HttpRequest) -> HttpResponse:
    return render(request, "papers/years.html", {"years": services.year_counts()})


def year_detail(request: HttpRequest, year: int) -> HttpResponse:
    papers = services.as_rows(Paper.objects.filter(year=year).order_by("title"))
    return render(request, "papers/year.html", {"year": year, "page": _page(request, papers)})


def year_unknown(request: HttpRequest) -> HttpResponse:
    papers = services.as_rows(Paper.objects.filter(year=None).order_by("title"))
    return render(request, "papers/year.html", {"year": None, "page": _page(request, papers)})


def venue_list(request: HttpRequest) -> HttpResponse:
    return render(request, "papers/venues.html", {"venues": services.venue_counts()})


def venue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    venue = get_object_or_404(Venue, slug=slug)
    years = venue.papers.values("year").annotate(count=Count("id")).order_by(NEWEST_FIRST[0])
    papers = venue.papers.all()
    selected = request.GET.get("year", "")
    if selected.isdigit():
        papers = papers.filter(year=int(selected))
    elif selected == "unknown":
        papers = papers.filter(year=None)
    context = {
        "venue": venue,
        "years": years,
        "selected": selected,
        "page": _page(request, services.as_rows(papers.order_by(*NEWEST_FIRST))),
    }
    return render(request, "papers/venue.html", context)


def author_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, services.authors_with_papers())
    services.count_papers(page.object_list)
    return render(request, "papers/authors.html", {"page": page})


def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    papers = services.as_rows(author.papers.order_by(*NEWEST_FIRST))
    return render(request, "papers/author.html", {"author": author, "page": _page(request, papers)})
