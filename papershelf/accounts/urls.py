from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from papershelf.accounts import auth_views as site_auth_views
from papershelf.accounts import views
from papershelf.accounts.forms import LoginForm
from papershelf.moderation.decorators import rate_limited

# Password reset: Django's views (signed links that expire after PASSWORD_RESET_TIMEOUT
# and stop working once the password changes) with our templates.
_reset = rate_limited("reset")(
    site_auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        email_template_name="accounts/password_reset_email.txt",
        subject_template_name="accounts/password_reset_subject.txt",
        success_url=reverse_lazy("accounts-password-reset-sent"),
    )
)

urlpatterns = [
    path("accounts/signup/", views.signup, name="accounts-signup"),
    path("accounts/invite/<slug:token>/", views.invited_signup, name="accounts-invited-signup"),
    path(
        "accounts/confirm/<str:uidb64>/<str:token>/",
        views.confirm_email,
        name="accounts-confirm-email",
    ),
    path("accounts/invites/", views.invites, name="accounts-invites"),
    path(
        "accounts/login/",
        site_auth_views.LoginView.as_view(
            template_name="accounts/login.html", authentication_form=LoginForm
        ),
        name="accounts-login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="accounts-logout"),
    path("accounts/password-reset/", _reset, name="accounts-password-reset"),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="accounts-password-reset-sent",
    ),
    path(
        "accounts/reset/<str:uidb64>/<str:token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts-password-reset-done"),
        ),
        name="accounts-password-reset-confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_done.html"
        ),
        name="accounts-password-reset-done",
    ),
    path("users/<str:username>/", views.profile, name="accounts-profile"),
]
