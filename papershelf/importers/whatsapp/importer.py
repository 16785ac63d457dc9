"""WhatsApp chat exports, read as notes documents."""

from __future__ import annotations

from papershelf.importers.registry import Format
from papershelf.importers.whatsapp.parse import looks_like_whatsapp, parse

FORMAT = Format(
    name="whatsapp",
    description="WhatsApp chat export (the .txt file of 'Export chat', Android or iPhone)",
    extensions=(".txt",),
    parse=parse,
    sniff=looks_like_whatsapp,
)
