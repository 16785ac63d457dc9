from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from papershelf.api.problems import problem
from papershelf.papers.models import Paper
from papershelf.readinglists import services
from papershelf.readinglists.forms import (
    AddHeadingForm,
    AddPaperForm,
    ItemForm,
    ReadingListForm,
    ReorderForm,
)
from papershelf.readinglists.models import ReadingList, ReadingListItem


def list_index(request: HttpRequest) -> HttpResponse:
    lists = services.listed_lists(request.user).order_by("title")  # type: ignore[arg-type]
    return render(request, "readinglists/index.html", {"lists": lists})


def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _show_list(request, services.get_list_for_user(pk, request.user))  # type: ignore[arg-type]


def list_shared(request: HttpRequest, token: str) -> HttpResponse:
    return _show_list(request, services.get_shared_list(token, request.user))  # type: ignore[arg-type]


def _show_list(request: HttpRequest, reading_list: ReadingList) -> HttpResponse:
    can_edit = reading_list.owner_id == request.user.pk
    share_url = request.build_absolute_uri(reading_list.get_absolute_url()) if can_edit else ""
    items = services.items_to_show(reading_list)
    context = {
        "reading_list": reading_list,
        "items": items,
        "toc": services.table_of_contents(items),
        "can_edit": can_edit,
        "share_url": share_url,
    }
    return render(request, "readinglists/detail.html", context)


@login_required
def list_new(request: HttpRequest) -> HttpResponse:
    form = ReadingListForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        reading_list = services.create_list(
            request.user,  # type: ignore[arg-type]
            data["title"],
            data["description"],
            data["visibility"],
        )
        return redirect("readinglists-edit", reading_list.pk)
    return render(request, "readinglists/form.html", {"form": form, "reading_list": None})


@login_required
def list_edit(request: HttpRequest, pk: int) -> HttpResponse:
    reading_list = services.get_own_list(pk, request.user)  # type: ignore[arg-type]
    initial = {
        "title": reading_list.title,
        "description": reading_list.description,
        "visibility": reading_list.visibility,
    }
    form = ReadingListForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_list(reading_list, data["title"], data["description"], data["visibility"])
        messages.success(request, "Saved.")
        return redirect("readinglists-edit", reading_list.pk)
    items = list(reading_list.items.select_related("paper"))
    context = {
        "form": form,
        "reading_list": reading_list,
        "items": items,
        "has_papers": any(not each.is_heading for each in items),
        "heading_form": AddHeadingForm(),
    }
    return render(request, "readinglists/form.html", context)


@require_POST
@login_required
def list_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.get_own_list(pk, request.user).delete()  # type: ignore[arg-type]
    messages.success(request, "Reading list deleted.")
    return redirect("readinglists-index")


@require_POST
@login_required
def list_add_paper(request: HttpRequest) -> HttpResponse:
    form = AddPaperForm(request.POST)
    if not form.is_valid():  # only a hand-made request gets here: the page sends numbers
        raise Http404("No such reading list or paper")
    data = form.cleaned_data
    reading_list = services.get_own_list(data["reading_list"] or 0, request.user)  # type: ignore[arg-type]
    paper = get_object_or_404(Paper, pk=data["paper"])
    try:
        section = (
            services.get_own_section(reading_list, data["section"]) if data["section"] else None
        )
    except ValidationError:
        # Without script the section menu offers every list's sections: one may not match.
        messages.error(
            request,
            f"That section is not in {reading_list.title}: nothing was added. "
            "Choose one of its sections, or the end of the list.",
        )
        return redirect(paper)
    services.add_paper(reading_list, paper, data["note"], section)
    where = f"{reading_list.title} › {section.heading}" if section else reading_list.title
    messages.success(request, f"Added to {where}.")
    return redirect(paper)


@require_POST
@login_required
def list_reorder(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the order the editor's script sends after a drag or an ↑/↓, without a reload.

    The whole order, not one move: a page that is out of date (the list changed in
    another tab) names a different set of items and is refused, changing nothing.
    """
    reading_list = services.get_own_list(pk, request.user)  # type: ignore[arg-type]
    form = ReorderForm(request.POST)
    if not form.is_valid():
        return problem(request, 400, "An order is a list of item numbers.")
    try:
        services.reorder_items(reading_list, form.cleaned_data["order"])
    except ValidationError as exc:
        return problem(request, 400, " ".join(exc.messages))
    return JsonResponse({"order": form.cleaned_data["order"]})


@require_POST
@login_required
def list_add_heading(request: HttpRequest, pk: int) -> HttpResponse:
    reading_list = services.get_own_list(pk, request.user)  # type: ignore[arg-type]
    form = AddHeadingForm(request.POST)
    if form.is_valid():
        services.add_heading(reading_list, form.cleaned_data["heading"], form.cleaned_data["depth"])
    else:
        messages.error(request, "A section needs a heading and a depth from 1 to 6.")
    return redirect("readinglists-edit", reading_list.pk)


def _own_item(request: HttpRequest, pk: int, item_pk: int) -> ReadingListItem:
    reading_list = services.get_own_list(pk, request.user)  # type: ignore[arg-type]
    item = reading_list.items.filter(pk=item_pk).first()
    if item is None:
        raise Http404("No such item")
    return item


@require_POST
@login_required
def item_move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = _own_item(request, pk, item_pk)
    services.move_item(item, -1 if request.POST.get("direction") == "up" else 1)
    return redirect("readinglists-edit", pk)


@require_POST
@login_required
def item_update(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = _own_item(request, pk, item_pk)
    form = ItemForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        services.update_item(item, data["note"], data["heading"], data["depth"] or item.depth)
    return redirect("readinglists-edit", pk)


@require_POST
@login_required
def item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    services.remove_item(_own_item(request, pk, item_pk))
    return redirect("readinglists-edit", pk)
