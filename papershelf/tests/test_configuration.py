"""Settings come from the environment and a bad value stops start-up naming the variable."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from papershelf.conf import database_config, env_bool, env_int, secret_key

PACKAGE = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("raw", ["1", "true", "Yes", " ON "])
def test_env_bool_reads_the_usual_spellings_of_true(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("PAPERSHELF_DEBUG", raw)
    assert env_bool("PAPERSHELF_DEBUG", False) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "off", ""])
def test_env_bool_reads_the_usual_spellings_of_false(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("PAPERSHELF_DEBUG", raw)
    assert env_bool("PAPERSHELF_DEBUG", True) is False


def test_env_bool_uses_the_default_when_the_variable_is_unset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PAPERSHELF_DEBUG", raising=False)
    assert env_bool("PAPERSHELF_DEBUG", True) is True


def test_a_bad_boolean_is_refused_with_the_variable_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAPERSHELF_ALLOW_SIGNUP", "maybe")
    with pytest.raises(ImproperlyConfigured, match=r"PAPERSHELF_ALLOW_SIGNUP.*'maybe'"):
        env_bool("PAPERSHELF_ALLOW_SIGNUP", True)


def test_a_bad_number_is_refused_with_the_variable_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAPERSHELF_UPLOAD_MAX_BYTES", "20MB")
    with pytest.raises(ImproperlyConfigured, match=r"PAPERSHELF_UPLOAD_MAX_BYTES.*'20MB'"):
        env_int("PAPERSHELF_UPLOAD_MAX_BYTES", 1)


def test_a_number_is_read_and_an_empty_one_means_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PAPERSHELF_UPLOAD_MAX_BYTES", "1024")
    assert env_int("PAPERSHELF_UPLOAD_MAX_BYTES", 1) == 1024
    monkeypatch.setenv("PAPERSHELF_UPLOAD_MAX_BYTES", " ")
    assert env_int("PAPERSHELF_UPLOAD_MAX_BYTES", 7) == 7


def test_a_secret_key_is_generated_once_in_the_data_directory_readable_only_by_its_owner(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PAPERSHELF_SECRET_KEY", raising=False)
    key = secret_key(tmp_path)
    path = tmp_path / "secret_key"
    assert len(key) >= 32
    assert path.read_text().strip() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secret_key(tmp_path) == key  # reused, not replaced, on the next start


def test_two_shelves_never_share_a_secret_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PAPERSHELF_SECRET_KEY", raising=False)
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    assert secret_key(tmp_path / "one") != secret_key(tmp_path / "two")


def test_settings_hold_no_hard_coded_secret_key() -> None:
    settings_source = (PACKAGE / "settings.py").read_text()
    assert "SECRET_KEY = secret_key(HOME)" in settings_source
    for name in ("settings.py", "conf.py", "test_settings.py"):
        assert "django-insecure" not in (PACKAGE / name).read_text()


def test_a_secret_key_from_the_environment_is_used_as_given(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PAPERSHELF_SECRET_KEY", "k" * 40)
    assert secret_key(tmp_path) == "k" * 40
    assert not (tmp_path / "secret_key").exists()


def test_a_secret_key_shorter_than_32_characters_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PAPERSHELF_SECRET_KEY", "short-and-guessable")
    with pytest.raises(ImproperlyConfigured, match="PAPERSHELF_SECRET_KEY"):
        secret_key(tmp_path)


def test_without_database_url_the_shelf_uses_sqlite_in_the_data_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_config(tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "papershelf.sqlite3")


@pytest.mark.parametrize("scheme", ["postgres", "postgresql"])
def test_a_postgres_database_url_is_split_into_its_parts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, scheme: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"{scheme}://shelf:p%40ss@db.example.org:6543/papers")
    assert database_config(tmp_path) == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "papers",
        "USER": "shelf",
        "PASSWORD": "p@ss",
        "HOST": "db.example.org",
        "PORT": "6543",
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


@pytest.mark.parametrize(
    "url",
    [
        "postgres://shelf@/papers?host=/run/postgresql",
        "postgres://shelf@%2Frun%2Fpostgresql/papers",
        "postgresql:///papers?host=%2Frun%2Fpostgresql&user=shelf",
    ],
)
def test_a_postgres_url_may_name_a_unix_socket_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, url: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    config = database_config(tmp_path)
    where = (config["HOST"], config["USER"], config["NAME"])
    assert where == ("/run/postgresql", "shelf", "papers")


def test_a_postgres_url_passes_other_query_options_to_the_driver(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(
        "DATABASE_URL", "postgres://shelf@[::1]:5433/papers?sslmode=require&connect_timeout=5"
    )
    config = database_config(tmp_path)
    assert (config["HOST"], config["PORT"]) == ("::1", "5433")
    assert config["OPTIONS"] == {"sslmode": "require", "connect_timeout": "5"}


def test_postgres_connections_are_kept_as_long_as_the_setting_says(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://shelf@db/papers")
    monkeypatch.setenv("PAPERSHELF_DB_CONN_MAX_AGE", "0")
    assert database_config(tmp_path)["CONN_MAX_AGE"] == 0


@pytest.mark.parametrize(
    "url", ["sqlite:///srv/shelf/papers.sqlite3", "sqlite:////srv/shelf/papers.sqlite3"]
)
def test_a_sqlite_database_url_names_the_file_and_keeps_the_write_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, url: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    config = database_config(tmp_path)
    assert config["NAME"] == "/srv/shelf/papers.sqlite3"
    assert config == {**_default_database_config(monkeypatch, tmp_path), "NAME": config["NAME"]}


def _default_database_config(monkeypatch: pytest.MonkeyPatch, home: Path) -> dict[str, object]:
    with monkeypatch.context() as patch:
        patch.delenv("DATABASE_URL", raising=False)
        return database_config(home)


def test_a_database_url_with_an_unknown_scheme_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://user:pass@host/db")
    with pytest.raises(ImproperlyConfigured, match=r"DATABASE_URL.*'mysql'"):
        database_config(tmp_path)


def test_the_command_line_reports_a_bad_setting_in_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "PAPERSHELF_HOME": str(tmp_path), "PAPERSHELF_DEBUG": "maybe"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "papershelf", "manage", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "PAPERSHELF_DEBUG" in result.stderr
    assert "Traceback" not in result.stderr
