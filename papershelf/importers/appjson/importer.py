"""JSON exports of apps where people keep notes on papers, read as notes documents."""

from __future__ import annotations

from papershelf.importers.appjson.parse import looks_like_app_export, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="app-json",
    description=(
        "JSON exports of Trello boards, Discord chats (DiscordChatExporter), "
        "Hypothes.is annotations, Google Keep notes (Takeout), Telegram chats, Day One "
        "journals, Obsidian canvases, Standard Notes backups, Simplenote exports, Tana "
        "workspaces (JSON export), Mastodon archives (outbox.json), Reddit threads "
        "(a thread's address + .json) and Ghost blogs and newsletters (Export content)"
    ),
    # Standard Notes names its decrypted backup "… Backup and Import File.txt".
    extensions=(".json", ".canvas", ".txt"),
    parse=parse,
    sniff=looks_like_app_export,
)
