from django.contrib.auth import views as auth_views
from django.urls import path

from papershelf.accounts import views

urlpatterns = [
    path("accounts/signup/", views.signup, name="accounts-signup"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(template_name="accounts/login.html"),
        name="accounts-login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="accounts-logout"),
    path("users/<str:username>/", views.profile, name="accounts-profile"),
]
