"""Slack's message markup ("mrkdwn") in one message, as Markdown.

Links, mentions and code are set aside first, so the ``_`` of a URL or a user id never
reads as emphasis; the ``&amp;``-style escapes are undone last, as Slack applies them last.
"""

from __future__ import annotations

import html
import re

_ANGLE_RE = re.compile(r"<(?P<target>[^<>|]+)(?:\|(?P<label>[^<>]*))?>")
_CODE_RE = re.compile(r"```(?P<block>.*?)```|`(?P<span>[^`\n]+)`", re.DOTALL)
_BOLD_RE = re.compile(r"(?<![\w*])\*(?=\S)(?P<body>[^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC_RE = re.compile(r"(?<![\w_])_(?=\S)(?P<body>[^_\n]+?)(?<=\S)_(?![\w_])")
_STRIKE_RE = re.compile(r"(?<![\w~])~(?=\S)(?P<body>[^~\n]+?)(?<=\S)~(?![\w~])")
_EMOJI_RE = re.compile(r"(?<![\w:/]):[a-z0-9][a-z0-9_+\-]*:(?!\w)")
_HOLD = "\x00{}\x00"
SOMEONE = "someone"


def convert_mrkdwn(text: str, names: dict[str, str]) -> str:
    """``text`` as Markdown; ``names`` gives a display name for each user id it knows."""
    held: list[str] = []

    def hold(markdown: str) -> str:
        held.append(markdown)
        return _HOLD.format(len(held) - 1)

    text = _CODE_RE.sub(lambda m: hold(_code(m["block"], m["span"])), text)
    text = _ANGLE_RE.sub(lambda m: hold(_angle(m["target"], m["label"], names)), text)
    text = _EMOJI_RE.sub("", text)
    text = _BOLD_RE.sub(lambda m: f"**{m['body']}**", text)
    text = _ITALIC_RE.sub(lambda m: f"*{m['body']}*", text)
    text = _STRIKE_RE.sub(lambda m: f"~~{m['body']}~~", text)
    text = html.unescape(text) if "&" in text else text
    return re.sub("\x00(\\d+)\x00", lambda m: held[int(m[1])], text)


def _code(block: str | None, span: str | None) -> str:
    if block is not None:
        return f"\n```\n{html.unescape(block.strip(chr(10)))}\n```\n"
    return f"`{html.unescape(span or '')}`"


def _angle(target: str, label: str | None, names: dict[str, str]) -> str:
    """One ``<…>`` of Slack: a link, a user or channel mention, or a special mention."""
    target, label = html.unescape(target), html.unescape(label) if label else None
    if target.startswith("@"):
        return names.get(target[1:]) or label or SOMEONE
    if target.startswith("#"):
        return f"#{label or target[1:]}"
    if target.startswith("!"):
        # <!here>, <!channel>, <!subteam^S123|@team>, <!date^…|fallback>
        return label or "@" + target[1:].split("^")[0]
    if target.startswith("mailto:"):
        return label or target.removeprefix("mailto:")
    if label and label.strip() and label.strip() != target:
        return f"[{label.strip()}]({target})"
    return target
