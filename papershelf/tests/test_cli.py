"""The ``papershelf`` command: help for everything, clean errors, and a real server."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from papershelf.accounts.models import User
from papershelf.cli import main
from papershelf.papers.models import Paper
from papershelf.readinglists.models import ReadingList, ReadingListItem
from papershelf.summaries.models import Revision, Summary
from papershelf.topics.models import Topic

COMMANDS = sorted(main.commands)


def run(*args: str, env: dict[str, str] | None = None) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output
    assert {"serve", "createuser", "demo", "manage"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_text(name: str) -> None:
    command = main.commands[name]
    assert command.help and command.help.strip(), name
    result = run(name, "--help")
    assert result.exit_code == 0
    first_sentence = command.help.strip().split(".")[0]
    assert " ".join(first_sentence.split()) in " ".join(result.output.split())
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts[0]} has no help"


def test_createuser_makes_an_administrator_with_the_password_from_the_environment(
    db: None,
) -> None:
    result = run(
        "createuser", "root", "--admin", "--email", "root@example.org",
        env={"PAPERSHELF_PASSWORD": "a-long-admin-password"},
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert "Created administrator root." in result.output
    user = User.objects.get(username="root")
    assert user.is_staff and user.is_superuser
    assert user.email == "root@example.org"
    assert user.check_password("a-long-admin-password")


def test_createuser_takes_the_password_as_an_option(db: None) -> None:
    result = run("createuser", "dora", "--password", "another-long-password")
    assert "Created user dora." in result.output
    user = User.objects.get(username="dora")
    assert not user.is_staff
    assert user.check_password("another-long-password")


def test_createuser_asks_for_the_password_twice_when_not_given(db: None) -> None:
    result = CliRunner().invoke(
        main, ["createuser", "erin"], input="typed-long-password\ntyped-long-password\n"
    )
    assert result.exit_code == 0, result.output
    assert User.objects.get(username="erin").check_password("typed-long-password")


@pytest.mark.parametrize("password", ["123", "password", "12345678901"])
def test_a_weak_password_is_one_clean_error_line(db: None, password: str) -> None:
    result = CliRunner().invoke(main, ["createuser", "dora", "--password", password])

    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not User.objects.filter(username="dora").exists()


def test_a_taken_username_is_one_clean_error_line(alice: User) -> None:
    result = CliRunner().invoke(main, ["createuser", "Alice", "--password", "long-password-9"])
    assert result.exit_code == 1
    assert result.output == "Error: the username 'Alice' is taken\n"


def test_manage_runs_a_django_management_command(db: None) -> None:
    result = run("manage", "check")
    assert result.exit_code == 0
    assert "System check identified no issues" in result.output


def shelf_counts() -> dict[str, int]:
    models = [User, Paper, Summary, Revision, Topic, ReadingList, ReadingListItem]
    return {model.__name__: model._default_manager.count() for model in models}


def test_demo_fills_an_empty_shelf_and_a_second_run_changes_nothing(db: None) -> None:
    first = run("demo")
    after_first = shelf_counts()
    second = run("demo")

    assert first.exit_code == 0 and second.exit_code == 0
    assert "Demo shelf ready: 6 papers, 5 summaries, 3 topics, 1 reading list." in first.output
    assert after_first == {
        "User": 1,
        "Paper": 6,
        "Summary": 5,
        "Revision": 5,
        "Topic": 3,
        "ReadingList": 1,
        "ReadingListItem": 9,
    }
    assert shelf_counts() == after_first


def test_demo_summaries_render_their_math_code_and_tables(db: None) -> None:
    run("demo")
    html = "".join(Summary.objects.values_list("body_html", flat=True))
    assert 'class="math math-display"' in html
    assert 'class="math math-inline"' in html
    assert '<div class="highlight">' in html
    assert "<table>" in html


def test_demo_for_a_missing_user_is_a_clean_error(db: None) -> None:
    result = CliRunner().invoke(main, ["demo", "--user", "ghost"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "ghost" in result.output
    assert "Traceback" not in result.output
    assert not Paper.objects.exists()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def papershelf_command() -> list[str]:
    installed = shutil.which("papershelf")
    return [installed] if installed else [sys.executable, "-m", "papershelf"]


def wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own local server
                return int(response.status)
        except OSError:  # refused, reset, or a first answer slower than the 2 s asked
            time.sleep(0.2)
    raise AssertionError(f"nothing answered on {url} within {seconds}s")


@pytest.mark.slow
def test_serve_creates_and_migrates_the_database_and_answers_over_http(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PAPERSHELF_HOME": str(tmp_path)}
    for name in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PAPERSHELF_SECRET_KEY"):
        env.pop(name, None)
    process = subprocess.Popen(  # noqa: S603 - our own command
        [*papershelf_command(), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        assert wait_for(f"http://127.0.0.1:{port}/", process) == 200
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/papers/") as response:
            assert "Papers" in response.read().decode()
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0].decode()

    assert f"http://127.0.0.1:{port}/" in output
    database = tmp_path / "papershelf.sqlite3"
    assert database.exists()
    assert (tmp_path / "secret_key").exists()
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("select name from sqlite_master")}
        applied = connection.execute("select count(*) from django_migrations").fetchone()[0]
    assert {"papers_paper", "summaries_summary", "readinglists_readinglist"} <= tables
    assert applied > 0
