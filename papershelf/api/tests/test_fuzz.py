"""A bounded schema-driven fuzz run against the live test server: no 5xx, no answer
outside the schema. Writes go without a token here, so they must answer 401 cleanly."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from papershelf.api.snapshot import current_schema

EXAMPLES = 20  # per operation: the whole run stays well within a minute


def _fuzz(operation: Any, base_url: str) -> None:
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
        case.call_and_validate(base_url=base_url, excluded_checks=[positive_data_acceptance])

    run()


@pytest.mark.slow
def test_the_api_answers_every_generated_request_within_its_schema(
    live_server: Any, transactional_db: None
) -> None:
    schema = schemathesis.openapi.from_dict(current_schema())
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 14
    for operation in operations:
        _fuzz(operation, live_server.url)
