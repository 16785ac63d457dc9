from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from papershelf import cli
from papershelf.papers.models import Paper
from papershelf.search.embedding import Embedder
from papershelf.search.models import Embedding

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test database is already set up; the CLI must not reconfigure Django.
    monkeypatch.setattr(cli, "setup_django", lambda migrate=True: None)


def test_search_prints_ranked_titles_with_snippets(shelf: dict[str, Paper]) -> None:
    result = CliRunner().invoke(cli.main, ["search", "rewind pruning", "--mode", "keyword"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(" 1. " + shelf["lottery"].title)
    assert "rewind" in result.output and "<mark>" not in result.output


def test_search_json_is_the_json_twin(shelf: dict[str, Paper]) -> None:
    result = CliRunner().invoke(cli.main, ["search", "au:ioffe", "--json"])
    data = json.loads(result.output)
    assert data["ok"] and data["results"][0]["title"] == shelf["bn"].title
    assert "facets" in data


def test_search_reports_a_bad_query_in_one_line(shelf: dict[str, Paper]) -> None:
    result = CliRunner().invoke(cli.main, ["search", "year:later"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: year:later is not a year or a range such as year:2015..2018"
    )


def test_reindex_embeds_what_is_waiting(shelf: dict[str, Paper], embedder: Embedder) -> None:
    result = CliRunner().invoke(cli.main, ["reindex"])
    assert result.exit_code == 0, result.output
    assert "4 paper(s) embedded, 0 waiting" in result.output
    assert Embedding.objects.count() == 5
    again = CliRunner().invoke(cli.main, ["reindex"])
    assert "0 paper(s) embedded" in again.output and "5 in index" in again.output
    rebuilt = CliRunner().invoke(cli.main, ["reindex", "--rebuild"])
    assert "4 paper(s) embedded" in rebuilt.output and "5 in index" in rebuilt.output
    assert Embedding.objects.count() == 5  # unchanged texts were not embedded again
