from __future__ import annotations

from papershelf.importers.mendeley.parse import parse
from papershelf.importers.registry import Format

# The key the container's JSON opens with (container.snapshot): no other JSON has it.
MARK = "mendeley-desktop"


def looks_like_mendeley(text: str) -> bool:
    return text.lstrip("\ufeff").startswith(f'{{"{MARK}"')


FORMAT = Format(
    name="mendeley",
    description="Mendeley Desktop's database (<email>@www.mendeley.com.sqlite, with notes)",
    extensions=(".sqlite",),
    parse=parse,
    sniff=looks_like_mendeley,
)
