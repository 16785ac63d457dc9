"""Docs that cannot fall behind: every command and every setting is written down."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from papershelf.cli import main

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "papershelf"
SETTING_SOURCES = ["settings.py", "conf.py", "cli.py"]


def environment_variables() -> list[str]:
    names: set[str] = set()
    for source in SETTING_SOURCES:
        text = (PACKAGE / source).read_text()
        names |= set(re.findall(r"""["'](PAPERSHELF_[A-Z0-9_]+|DATABASE_URL)["']""", text))
    return sorted(names)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_in_the_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text()
    assert f"papershelf {name}" in readme


def test_the_settings_read_the_variables_we_expect_to_find() -> None:
    # Guards the scan below: if it finds nothing, the next test proves nothing.
    assert {"PAPERSHELF_HOME", "PAPERSHELF_SECRET_KEY", "DATABASE_URL"} <= set(
        environment_variables()
    )


@pytest.mark.parametrize("name", environment_variables())
def test_every_environment_variable_is_documented(name: str) -> None:
    configuration = (ROOT / "docs" / "configuration.md").read_text()
    assert f"`{name}`" in configuration
