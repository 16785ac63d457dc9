"""How much text one field may hold, with messages that say the size and the setting.

Forms show these as field errors; services raise them as ``ValidationError`` so the CLI,
importers and API refuse the same text the web form does.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError


def text_size(text: str) -> int:
    """Bytes as stored (UTF-8): a page of Greek or CJK is bigger than its character count."""
    return len(text.encode("utf-8"))


def _kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size} bytes"


def too_long_message(what: str, text: str, limit: int, setting: str) -> str | None:
    size = text_size(text)
    if size <= limit:
        return None
    return (
        f"{what} is {_kb(size)}; the limit is {_kb(limit)}. "
        f"Shorten it, or ask the shelf's administrator to raise {setting}."
    )


def check_summary_body(body: str) -> None:
    message = too_long_message(
        "This summary", body, settings.MAX_SUMMARY_BYTES, "PAPERSHELF_MAX_SUMMARY_KB"
    )
    if message:
        raise ValidationError({"body": message})


def check_abstract(abstract: str) -> None:
    message = too_long_message(
        "This abstract", abstract, settings.MAX_ABSTRACT_BYTES, "PAPERSHELF_MAX_ABSTRACT_KB"
    )
    if message:
        raise ValidationError({"abstract": message})


def truncate_to_limit(text: str, limit: int) -> str:
    """The longest start of text within limit bytes, cut at a space where one is near."""
    if text_size(text) <= limit:
        return text
    cut = text.encode("utf-8")[: limit - len("…".encode())].decode("utf-8", "ignore")
    space = cut.rfind(" ")
    if space > len(cut) - 200:
        cut = cut[:space]
    return cut.rstrip() + "…"


def check_upload_size(name: str, size: int) -> None:
    """One uploaded file (an import, a figure) within PAPERSHELF_UPLOAD_MAX_BYTES."""
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise ValidationError(
            f"{name} is {size / 1024**2:,.1f} MB; the largest file this shelf accepts is "
            f"{limit / 1024**2:,.1f} MB (PAPERSHELF_UPLOAD_MAX_BYTES)."
        )
