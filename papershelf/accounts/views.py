from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from papershelf.accounts import services
from papershelf.accounts.forms import InviteForm, SignupForm
from papershelf.accounts.models import Invite, User
from papershelf.accounts.roles import is_moderator
from papershelf.moderation.decorators import moderator_required, rate_limited
from papershelf.pagination import paginate
from papershelf.readinglists.services import listed_lists
from papershelf.summaries.models import Visibility
from papershelf.votes.services import reputation

BACKEND = "papershelf.accounts.backends.AccountBackend"


def _signup_form(request: HttpRequest, invite: Invite | None) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.sign_up(data["username"], data["password1"], data["email"], invite)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if invite is not None:
                login(request, user, backend=BACKEND)
                messages.success(request, f"Welcome, {user.username}! Your account is ready.")
                return redirect("home")
            services.send_confirmation(user, request.build_absolute_uri("/").rstrip("/"))
            return render(request, "accounts/confirm_sent.html", {"email": user.email})
    return render(request, "accounts/signup.html", {"form": form, "invite": invite})


@rate_limited("signup")
def signup(request: HttpRequest) -> HttpResponse:
    mode = services.signup_mode()
    if mode == "closed":
        raise Http404("Sign-up is closed on this shelf")
    if mode == "invite":
        if request.method == "POST":
            raise Http404("Sign-up on this shelf is by invitation")
        return render(request, "accounts/invite_only.html")
    return _signup_form(request, None)


@rate_limited("signup")
def invited_signup(request: HttpRequest, token: str) -> HttpResponse:
    if services.signup_mode() == "closed":
        raise Http404("Sign-up is closed on this shelf")
    return _signup_form(request, services.usable_invite(token))


def confirm_email(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = services.confirm_email(uidb64, token)
    if user is None:
        return render(request, "accounts/confirm_failed.html", status=400)
    login(request, user, backend=BACKEND)
    messages.success(request, "Your e-mail address is confirmed. Welcome!")
    return redirect("home")


@login_required
@moderator_required
def invites(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.create_invite(request.user, form.cleaned_data["note"])  # type: ignore[arg-type]
        messages.success(request, "Invitation made: send its link to the person.")
        return redirect("accounts-invites")
    made = Invite.objects.select_related("created_by", "used_by")[:100]
    links = [(invite, request.build_absolute_uri(invite.get_absolute_url())) for invite in made]
    return render(request, "accounts/invites.html", {"form": form, "invites": links})


def profile(request: HttpRequest, username: str) -> HttpResponse:
    person = get_object_or_404(User, username=username, is_active=True)
    summaries = person.summaries.select_related("paper").order_by("-created_at")
    if request.user.pk != person.pk:
        # Anonymous summaries are not shown on the author's profile: that would unmask them.
        summaries = summaries.filter(visibility=Visibility.PUBLIC, anonymous=False)
        if not is_moderator(request.user):
            summaries = summaries.filter(hidden=False)
    lists = listed_lists(request.user).filter(owner=person)  # type: ignore[arg-type]
    context = {
        "person": person,
        "summaries": paginate(request, summaries),
        "lists": lists,
        "reputation": reputation(person),
    }
    return render(request, "accounts/profile.html", context)
