"""Author lists and labelled fields as note-takers write them."""

from __future__ import annotations

import pytest

from papershelf.importers.notes.metadata import (
    apply_labelled_fields,
    parse_authors,
    read_labelled_fields,
)
from papershelf.importers.records import PaperRecord


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("He, Kaiming and Zhang, Xiangyu", ["Kaiming He", "Xiangyu Zhang"]),
        ("Ioffe, Sergey", ["Sergey Ioffe"]),
        ("Efros, Alexei A. and others", ["Alexei A. Efros"]),
        (
            "Yucen Luo, Alex Beatson, and Ricky T. Q. Chen",
            ["Yucen Luo", "Alex Beatson", "Ricky T. Q. Chen"],
        ),
        ("Ian Goodfellow and Yoshua Bengio", ["Ian Goodfellow", "Yoshua Bengio"]),
        ("Kaiming He, Xiangyu Zhang", ["Kaiming He", "Xiangyu Zhang"]),
        ("Freeze, R. A. & Harlan, R. L.", ["R. A. Freeze", "R. L. Harlan"]),
        ("Hohenberg, P., & Kohn, W.", ["P. Hohenberg", "W. Kohn"]),
        ("Kydland, F. E. and Prescott, E. C.", ["F. E. Kydland", "E. C. Prescott"]),
        ("Mankiw, Romer & Weil", ["Mankiw", "Romer", "Weil"]),
    ],
)
def test_it_reads_author_lists_as_first_last(text: str, names: list[str]) -> None:
    assert parse_authors(text) == names


def test_labelled_lines_fill_authors_venue_year_and_keywords() -> None:
    fields = read_labelled_fields(
        [
            "**Authors:** Ian Goodfellow, Yoshua Bengio",
            "- Venue: NeurIPS 2014",
            "Tags: gan, generative",
        ]
    )
    paper = PaperRecord(title="Generative Adversarial Nets")
    apply_labelled_fields(paper, fields)
    assert paper.authors == ["Ian Goodfellow", "Yoshua Bengio"]
    assert (paper.venue, paper.year) == ("NeurIPS", 2014)
    assert paper.keywords == ["gan", "generative"]
