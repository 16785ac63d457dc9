"""LaTeX in a bibliography never stops an import: what it cannot decode stays as written."""

from __future__ import annotations

import pytest
from hypothesis import given

from papershelf.importers.bibtex.parse import parse
from papershelf.importers.records import ParseError
from papershelf.lib.tests.latex_strategies import LATEX_SETTINGS, latex_like_text

LINK = r"\href{https://example.org/layer-norm}{project page}"
RECORD_FIELD = {"author": "authors", "journal": "venue"}


@pytest.mark.parametrize("field", ["note", "title", "author", "journal", "abstract"])
def test_a_link_in_any_decoded_field_imports_the_entry(field: str) -> None:
    fields = {
        "title": "Layer normalization",
        "author": "Ba, Jimmy Lei and Hinton, Geoffrey E",
        "journal": "Journal of Normalisation",
        "eprint": "1607.06450",
        "year": "2016",
        "abstract": "We normalise over features.",
        "note": "Spotlight",
    }
    fields[field] += f" {LINK}"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    document = parse(f"@article{{ba2016layer,\n{body}\n}}\n", "refs.bib")

    paper = document.entries[0].paper
    assert paper is not None and paper.arxiv_id == "1607.06450" and paper.year == 2016
    assert "project page" in str(getattr(paper, RECORD_FIELD.get(field, field)))
    assert document.warnings == []


def test_latex_the_decoder_cannot_read_is_kept_and_named_in_a_warning() -> None:
    text = (
        "@article{ba2016layer,\n"
        "  title = {Layer normalization},\n"
        "  author = {Ba, Jimmy Lei},\n"
        "  year = {2016},\n"
        "  note = {Code: \\href{https://example.org/code}}\n"
        "}\n"
    )
    document = parse("% my reading list\n" + text, "refs.bib")

    paper = document.entries[0].paper
    assert paper is not None and paper.title == "Layer normalization"
    assert paper.note == r"Code: \hrefhttps://example.org/code"
    assert [str(w) for w in document.warnings] == [
        "refs.bib:2: entry 'ba2016layer': could not decode the LaTeX in note; kept as written"
    ]


@LATEX_SETTINGS
@given(title=latex_like_text, author=latex_like_text, prose=latex_like_text)
def test_no_latex_in_an_entry_makes_the_import_fail_with_anything_but_a_parse_error(
    title: str, author: str, prose: str
) -> None:
    text = (
        f"@article{{k,\n  title = {{{title}}},\n  author = {{{author}}},\n"
        f"  journal = {{{prose}}},\n  note = {{{prose}}},\n  abstract = {{{prose}}},\n"
        f"  keywords = {{{prose}}},\n  year = {{2016}}\n}}\n"
    )
    try:
        document = parse(text, "refs.bib")
    except ParseError as error:
        assert error.path == "refs.bib"  # unbalanced braces: a clean error naming the file
    else:
        assert all(str(warning).startswith("refs.bib") for warning in document.warnings)
