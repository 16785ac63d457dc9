from __future__ import annotations

import pytest

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.summaries.models import Summary
from papershelf.summaries.services import SummaryData, create_summary


@pytest.fixture
def summary(paper: Paper, alice: User) -> Summary:
    """Alice's public summary of the paper."""
    return create_summary(paper, alice, SummaryData(body="Attention replaces recurrence."))
