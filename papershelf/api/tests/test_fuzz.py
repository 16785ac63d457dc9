"""A bounded schema-driven fuzz run against the live test server: no 5xx, no answer
outside the schema. Once without a token, where every write must answer 401 cleanly;
once more for the writes with a token that may write, so that their bodies are read."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from papershelf.accounts.services import create_user
from papershelf.api.snapshot import current_schema
from papershelf.api.tokens import create_token
from papershelf.conftest import PASSWORD
from papershelf.papers.services import PaperData, create_paper
from papershelf.readinglists.services import add_heading, add_paper, create_list
from papershelf.summaries.services import SummaryData, create_summary
from papershelf.topics.services import create_topic

EXAMPLES = 20  # per operation: each run stays well within a minute or two


def _fuzz(operation: Any, base_url: str, headers: dict[str, str] | None = None) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case: Any) -> None:
        # Valid-looking requests for ids that do not exist rightly answer 404.
        case.call_and_validate(
            base_url=base_url, headers=headers, excluded_checks=[positive_data_acceptance]
        )

    run()


def _operations() -> list[Any]:
    schema = schemathesis.openapi.from_dict(current_schema())
    return [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]


@pytest.mark.slow
def test_the_api_answers_every_generated_request_within_its_schema(
    live_server: Any, transactional_db: None
) -> None:
    operations = _operations()
    assert len(operations) >= 14
    for operation in operations:
        _fuzz(operation, live_server.url)


@pytest.mark.slow
def test_writes_with_a_token_answer_every_generated_request_within_its_schema(
    live_server: Any, transactional_db: None
) -> None:
    """alice's token, and a few things of hers with small ids for the fuzzer to hit."""
    alice = create_user("alice", PASSWORD, "alice@example.org")
    for n in range(1, 4):
        paper = create_paper(PaperData(title=f"Paper {n}"), added_by=alice)
        create_summary(paper, alice, SummaryData(body=f"Summary {n}."))
        reading_list = create_list(alice, f"List {n}")
        add_heading(reading_list, "Basics")
        add_paper(reading_list, paper)
        create_topic(f"Topic {n}", created_by=alice)
    headers = {"Authorization": f"Bearer {create_token(alice, 'fuzz')[1]}"}
    # Uploads are fuzzed without a token above: generated files are not worth importing.
    writes = [op for op in _operations() if op.method != "get" and "/imports" not in op.path]
    assert len(writes) >= 18
    for operation in writes:
        _fuzz(operation, live_server.url, headers)
