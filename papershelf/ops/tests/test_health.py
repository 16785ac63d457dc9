"""/healthz, /readyz, request ids and JSON logs, and `papershelf doctor`."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client, override_settings

from papershelf.cli import main
from papershelf.ops.logs import JsonFormatter, RequestIdFilter


def test_healthz_answers_while_the_process_lives(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_says_ready_with_each_check(client: Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert set(body["checks"]) == {"database", "migrations", "search index", "media"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_answers_503_naming_what_is_wrong(client: Client, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    with override_settings(MEDIA_ROOT=not_a_folder / "media"):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["media"]["ok"] is False


@pytest.mark.django_db
def test_every_response_carries_a_request_id_and_keeps_a_proxys(client: Client) -> None:
    assert len(client.get("/healthz")["X-Request-ID"]) == 16
    kept = client.get("/healthz", HTTP_X_REQUEST_ID="proxy-abc-123456")
    assert kept["X-Request-ID"] == "proxy-abc-123456"
    refused = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")
    assert refused["X-Request-ID"] != "<script>"


def test_json_log_lines_carry_the_request_id() -> None:
    record = logging.LogRecord("papershelf", logging.WARNING, "x", 1, "slow %s", ("page",), None)
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "slow page" and line["level"] == "warning"
    assert line["request_id"] == "-" and line["logger"] == "papershelf"


@pytest.mark.django_db
def test_doctor_prints_each_check_and_what_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("papershelf.cli.setup_django", lambda migrate=True: None)
    result = CliRunner().invoke(main, ["doctor"])
    assert "data directory" in result.output and "secret key" in result.output
    assert "e-mail" in result.output and "printed to the worker's console" in result.output
    assert "migrations" in result.output
    with override_settings(DEBUG=True):
        failing = CliRunner().invoke(main, ["doctor"])
    assert failing.exit_code == 1 and "fix: unset PAPERSHELF_DEBUG" in failing.output
