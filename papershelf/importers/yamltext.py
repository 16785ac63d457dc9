"""YAML files: a Hayagriva bibliography, a Papis document, CSL YAML references."""

from __future__ import annotations

from typing import Any

import yaml

from papershelf.importers.records import ParseError


def load_yaml(text: str, path: str) -> Any:
    """``text`` as YAML, or a ``ParseError`` at the line where it stops being YAML."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(error, "problem", None) or "not valid YAML"
        raise ParseError(path, line, f"not valid YAML: {reason}") from None


def load_mapping(text: str, path: str, expected: str) -> dict[Any, Any]:
    """``text`` as a YAML mapping, or a ``ParseError`` saying what was ``expected``."""
    data = load_yaml(text, path)
    if not isinstance(data, dict):
        raise ParseError(path, 1, f"expected {expected}")
    return data
