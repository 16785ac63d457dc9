"""Slack export day files, read as notes documents."""

from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.slack.parse import looks_like_slack, parse

FORMAT = Format(
    name="slack",
    description="Slack workspace export (the channel folders' YYYY-MM-DD.json day files)",
    extensions=(".json",),
    parse=parse,
    sniff=looks_like_slack,
)
