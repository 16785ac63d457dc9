from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from papershelf.links import url

CASES = [
    ("papers-detail", (12, "attention-is-all-you-need")),
    ("papers-author", ("geoffrey-hinton",)),
    ("papers-venue", ("neurips",)),
    ("papers-year", (2017,)),
    ("topics-detail", ("graph-neural-networks",)),
]


@pytest.mark.parametrize(("name", "args"), CASES)
def test_a_url_is_the_one_reverse_gives(name: str, args: tuple[int | str, ...]) -> None:
    assert url(name, *args) == reverse(name, args=args)


def test_a_url_keeps_the_script_prefix_of_a_site_served_under_a_path() -> None:
    set_script_prefix("/shelf/")
    try:
        assert (
            url("papers-year", 2017) == reverse("papers-year", args=[2017]) == "/shelf/years/2017/"
        )
    finally:
        clear_script_prefix()
    assert url("papers-year", 2017) == "/years/2017/"


def test_a_url_with_the_wrong_arguments_fails_as_reverse_does() -> None:
    with pytest.raises(NoReverseMatch):
        url("papers-detail", 1)  # papers-detail takes two arguments
