"""Hayagriva YAML, the bibliography format of Typst projects (refs.yml)."""

from __future__ import annotations

from papershelf.importers.hayagriva.parse import looks_like_hayagriva, parse
from papershelf.importers.registry import Format

FORMAT = Format(
    name="hayagriva",
    description="Hayagriva YAML bibliographies (a Typst project's refs.yml)",
    extensions=(".yml", ".yaml"),
    parse=parse,
    sniff=looks_like_hayagriva,
)
