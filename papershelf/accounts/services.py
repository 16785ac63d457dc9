from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from papershelf.accounts.models import User


def create_user(username: str, password: str, email: str = "", *, admin: bool = False) -> User:
    """Create an account; the password must pass Django's validators (hashed, never stored)."""
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(f"the username {username!r} is taken")
    user = User(username=username, email=email, is_staff=admin, is_superuser=admin)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
