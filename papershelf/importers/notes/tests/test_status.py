"""A reading status and the few words beside it: what says a paper was not read."""

from __future__ import annotations

import pytest

from papershelf.importers.notes.status import status_key, status_says_unread


@pytest.mark.parametrize(
    ("status", "notes"),
    [
        ("To read", ""),
        ("To read", "Next term, with Williamson."),
        ("to-read", "next after Haak"),
        ("Planned", ""),
        ("TBD — vote in #journal-club", ""),
        ("cite-only", "only cite for the reference panel"),
        ("Excluded", "wrong population (adults only); outcome not reported"),
        ("Search results", ""),
        ("Cancelled", "Session cancelled (strike day) — nobody presented it; move to background?"),
    ],
)
def test_a_status_with_no_notes_or_a_remark_on_plans_says_not_read(status: str, notes: str) -> None:
    assert status_says_unread(status, notes)


@pytest.mark.parametrize(
    ("status", "notes"),
    [
        ("#toread", "symlog predictions, fixed hyperparameters across domains"),
        ("To read", "Skimmed the model section: two coupled oscillators give the phase jumps."),
        ("Read", ""),
        ("done", "next time bring the figures"),
        ("dropped", "not relevant for the project anymore, stopped at sec 4"),  # read in part
    ],
)
def test_notes_on_the_paper_or_a_read_status_keep_it(status: str, notes: str) -> None:
    assert not status_says_unread(status, notes)


def test_a_status_is_read_before_a_remark_on_it() -> None:
    assert status_key("TBD — vote in #journal-club") == "tbd"
    assert status_key("☐ To-Read") == "to read"


def test_a_list_under_a_reading_queue_or_a_not_read_line_names_no_paper_read() -> None:
    from papershelf.importers.notes.parse import parse

    queue = (
        "# Reading queue\n\nNot read — do not cite yet.\n\n"
        "- [ ] Anderson ML (2020) As the wind blows: the effects of long-term exposure to "
        "air pollution on mortality. JEEA.\n"
        "- [ ] Currie J, Davis L (2015) Environmental health risks and housing values. AER.\n"
    )
    assert [e for e in parse(queue, "Inbox/Reading queue.md").entries if e.paper] == []
