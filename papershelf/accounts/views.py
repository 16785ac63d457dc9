from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from papershelf.accounts.forms import SignupForm
from papershelf.accounts.models import User
from papershelf.readinglists.services import listed_lists
from papershelf.summaries.models import Visibility
from papershelf.votes.services import reputation


def signup(request: HttpRequest) -> HttpResponse:
    if not settings.ALLOW_SIGNUP:
        raise Http404("Sign-up is closed on this shelf")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("home")
    return render(request, "accounts/signup.html", {"form": form})


def profile(request: HttpRequest, username: str) -> HttpResponse:
    person = get_object_or_404(User, username=username, is_active=True)
    summaries = person.summaries.select_related("paper").order_by("-created_at")
    if request.user.pk != person.pk:
        # Anonymous summaries are not shown on the author's profile: that would unmask them.
        summaries = summaries.filter(visibility=Visibility.PUBLIC, anonymous=False)
    lists = listed_lists(request.user).filter(owner=person)  # type: ignore[arg-type]
    context = {
        "person": person,
        "summaries": summaries,
        "lists": lists,
        "reputation": reputation(person),
    }
    return render(request, "accounts/profile.html", context)
