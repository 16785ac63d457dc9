from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest

_VENDOR = Path(__file__).resolve().parent / "static" / "vendor" / "katex"


@cache
def katex_static_dir() -> str:
    """The vendored KaTeX folder; refreshed by scripts/update_katex.sh under its version."""
    versions = sorted(
        (p.name for p in _VENDOR.iterdir() if p.is_dir()),
        key=lambda v: tuple(int(x) for x in v.split(".") if x.isdigit()),
    )
    return f"vendor/katex/{versions[-1]}"


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "site_name": settings.SITE_NAME,
        "allow_signup": settings.ALLOW_SIGNUP,
        "katex_dir": katex_static_dir(),
    }
