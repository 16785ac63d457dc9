"""YAML files: a Hayagriva bibliography, a Papis document, CSL YAML references."""

from __future__ import annotations

from typing import Any

import yaml

from papershelf.importers.records import ParseError


class _TextLoader(yaml.SafeLoader):
    """YAML read with numbers as written: an unquoted arXiv id 1707.01600 stays itself."""


_TextLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:float"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, path: str, *, floats_as_written: bool = False) -> Any:
    """``text`` as YAML, or a ``ParseError`` at the line where it stops being YAML; with
    ``floats_as_written``, "1707.01600" stays that text instead of the number 1707.016."""
    loader = _TextLoader if floats_as_written else yaml.SafeLoader
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 -- SafeLoader or its subclass
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
