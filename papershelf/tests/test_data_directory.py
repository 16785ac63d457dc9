"""The data directory: made only when the shelf starts, and readable by its owner alone."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603  (our own interpreter and module, fixed arguments)
        [sys.executable, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _clean_env(**extra: str) -> dict[str, str]:
    """A first start: no data directory, key or database chosen (the PostgreSQL pass sets one)."""
    env = {**os.environ, **extra}
    for name in (
        "PAPERSHELF_HOME",
        "XDG_DATA_HOME",
        "PAPERSHELF_SECRET_KEY",
        "DJANGO_SETTINGS_MODULE",
        "DATABASE_URL",
    ):
        if name not in extra:
            env.pop(name, None)
    return env


def test_importing_the_settings_creates_nothing_on_disk(tmp_path: Path) -> None:
    # What mypy's django-stubs plugin does: load the settings and the app registry.
    code = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'papershelf.settings'; "
        "django.setup(); from django.conf import settings; print(settings.HOME)"
    )
    result = _run(["-c", code], _clean_env(HOME=str(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(tmp_path / ".local" / "share" / "papershelf")
    assert list(tmp_path.iterdir()) == []


def test_a_new_shelf_keeps_its_directory_database_and_key_to_its_owner(tmp_path: Path) -> None:
    home = tmp_path / "shelf"
    env = _clean_env(PAPERSHELF_HOME=str(home), PAPERSHELF_PASSWORD="a-long-test-password-1")
    result = _run(["-m", "papershelf", "createuser", "alice"], env)
    assert result.returncode == 0, result.stderr
    assert _mode(home) == 0o700
    assert _mode(home / "secret_key") == 0o600
    assert _mode(home / "papershelf.sqlite3") == 0o600
    assert _mode(home / "media") == 0o700
    assert "readable by others" not in result.stderr


def test_a_shelf_left_open_to_others_is_closed_on_start_and_says_so(tmp_path: Path) -> None:
    home = tmp_path / "shelf"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    (home / "secret_key").write_text("k" * 50)
    (home / "secret_key").chmod(0o644)
    (home / "papershelf.sqlite3").touch()
    (home / "papershelf.sqlite3").chmod(0o644)
    result = _run(
        ["-m", "papershelf", "manage", "shell", "-c", "pass"],
        _clean_env(PAPERSHELF_HOME=str(home)),
    )
    assert result.returncode == 0, result.stderr
    assert _mode(home) == 0o700
    assert _mode(home / "secret_key") == 0o600
    assert _mode(home / "papershelf.sqlite3") == 0o600
    assert f"{home} was readable by others (0755); now 0700" in result.stderr
    assert "papershelf.sqlite3 was readable by others (0644); now 0600" in result.stderr


def test_the_secret_key_is_written_when_first_used_not_when_read_from_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from papershelf.conf import secret_key

    monkeypatch.delenv("PAPERSHELF_SECRET_KEY", raising=False)
    key = secret_key(tmp_path / "shelf")
    assert not (tmp_path / "shelf").exists()
    assert len(str(key)) >= 32
    assert _mode(tmp_path / "shelf") == 0o700
    assert _mode(tmp_path / "shelf" / "secret_key") == 0o600
