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
        ("To read", "Slot for April 18."),  # a remark beside the mark
        ("Dropped", "Dropped — covered enough by the SpCas9-HF1 discussion."),  # why, not what
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
        ("skimmed", "SDS loss; Janus problem"),  # read in part, with its few notes
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


def test_lists_a_lead_says_are_not_read_name_no_paper_but_a_marked_list_still_does() -> None:
    from papershelf.importers.notes.parse import parse

    exam = (
        "# Field exam list\n\nCopied from the department. Only two have posts here; "
        "everything else is not read by me.\n\n## Democracy\n\n"
        "* Boix, *Democracy and Redistribution* (2003)\n"
        "* Acemoglu & Robinson, *Economic Origins of Dictatorship and Democracy* (2006)\n"
    )
    assert [e for e in parse(exam, "exam-list.md").entries if e.paper] == []
    marked = (
        "# Reading list\n\nPapers I haven't read yet are marked ☐.\n\n"
        "- Vaswani et al. [Attention Is All You Need](https://arxiv.org/abs/1706.03762). 2017\n"
        "- He et al. [Deep Residual Learning](https://arxiv.org/abs/1512.03385). 2016\n"
    )
    assert len([e for e in parse(marked, "list.md").entries if e.paper]) == 2
