"""A paper or summary of any length is found quickly and shown with a short snippet.

FTS5's snippet() grows with the square of a column's hits: a 10 MB abstract once held
every search that matched it for minutes. Long columns get their snippet from a window.
"""

from __future__ import annotations

import pytest

from papershelf.accounts.models import User
from papershelf.papers.models import Paper
from papershelf.search.indexing import MAX_FIELD_CHARS
from papershelf.search.services import search
from papershelf.search.tests.conftest import add_summary, prose
from papershelf.summaries.models import Summary

pytestmark = pytest.mark.django_db


def old_paper(title: str, abstract: str) -> Paper:
    # Straight to the model, as rows from before any length limit (or an import) arrive.
    return Paper.objects.create(title=title, abstract=abstract)


def only_hit(query: str) -> object:
    results = search(query, mode="keyword")
    assert not results.error
    assert len(results.hits) == 1
    return results.hits[0]


def test_a_multi_megabyte_abstract_is_found_with_a_snippet_around_the_match() -> None:
    abstract = prose(100_000) + " We grow quasicrystals in a furnace. " + prose(3_000_000, 2)
    old_paper("Huge abstract", abstract)
    hit = only_hit("quasicrystal")
    assert "<mark>quasicrystals</mark> in a furnace" in hit.snippet_html  # type: ignore[attr-defined]
    assert len(hit.snippet_html) < 1_000  # type: ignore[attr-defined]
    assert hit.matched_in == "abstract"  # type: ignore[attr-defined]


def test_a_word_repeated_through_megabytes_still_gets_a_short_snippet() -> None:
    old_paper("Repetition", "learning network " * 200_000)
    hit = only_hit("learning")
    assert hit.snippet_html.count("<mark>learning</mark>") >= 5  # type: ignore[attr-defined]
    assert len(hit.snippet_html) < 1_000  # type: ignore[attr-defined]


def test_highlights_in_a_long_abstract_follow_stemming_like_the_match() -> None:
    old_paper("Stemmed", prose(50_000) + " Batch normalization helps. " + prose(50_000, 3))
    hit = only_hit("normalize")
    assert "<mark>normalization</mark> helps" in hit.snippet_html  # type: ignore[attr-defined]


def test_a_word_deep_in_a_long_abstract_is_found_and_the_snippet_shows_its_opening() -> None:
    abstract = "Opening words of the text. " + prose(600_000) + " a zeolite appears late."
    old_paper("Deep word", abstract)
    hit = only_hit("zeolite")
    assert hit.snippet_html.startswith("Opening words of the text.")  # type: ignore[attr-defined]
    assert len(hit.snippet_html) < 1_000  # type: ignore[attr-defined]


def test_text_past_the_indexed_megabyte_of_a_field_is_not_searchable() -> None:
    old_paper("Past the limit", prose(MAX_FIELD_CHARS + 10_000) + " a xenolith at the end.")
    assert search("xenolith", mode="keyword").hits == []


def test_a_huge_public_summary_shows_a_snippet_from_the_summary(alice: User) -> None:
    paper = old_paper("Short abstract", "A short abstract.")
    summary = add_summary(paper, alice, "Intro.")
    body = prose(200_000) + " The moiré pattern explains it. " + prose(1_500_000, 4)
    Summary.objects.filter(pk=summary.pk).update(body=body)  # as old data would be
    paper.save()  # the row changed behind the signals' back: mark the paper again
    hit = only_hit("moiré")
    assert "<mark>moiré</mark> pattern" in hit.snippet_html  # type: ignore[attr-defined]
    assert hit.matched_in == "summaries"  # type: ignore[attr-defined]


def distinct_words(count: int) -> str:
    """``count`` different made-up words: a pasted table of identifiers, say."""
    letters = "bcdfghjklmnpqrstvwxz"
    words = []
    for n in range(count):
        word = ""
        while True:
            n, digit = divmod(n, len(letters))
            word += letters[digit]
            if not n:
                break
        words.append("zq" + word + "va")
    return " ".join(words)


def test_a_paper_with_megabytes_of_distinct_words_is_saved_and_found(alice: User) -> None:
    # More distinct words than PostgreSQL's tsvector holds (1 MB): the write must not fail.
    paper = old_paper("Identifiers", "A quasicrystal table. " + distinct_words(110_000))
    summary = add_summary(paper, alice, "Intro.")
    Summary.objects.filter(pk=summary.pk).update(body=distinct_words(120_000))
    paper.save()
    hit = only_hit("quasicrystal")
    assert hit.paper.title == "Identifiers"  # type: ignore[attr-defined]
