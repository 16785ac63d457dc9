from __future__ import annotations

import pytest

from papershelf.search.query import Clause, QueryError, parse


def test_it_reads_bare_words_as_clauses_over_every_field() -> None:
    query = parse("batch normalization")
    assert query.clauses == [Clause("batch"), Clause("normalization")]
    assert query.fts_expression() == '"batch" AND "normalization"'


def test_it_binds_field_prefixes_to_their_columns() -> None:
    query = parse('au:hinton ti:"batch normalization" venue:neurips topic:gan abs:x summary:y')
    assert [(c.field, c.text, c.phrase) for c in query.clauses] == [
        ("authors", "hinton", False),
        ("title", "batch normalization", True),
        ("venue", "neurips", False),
        ("topics", "gan", False),
        ("abstract", "x", False),
        ("summaries", "y", False),
    ]
    assert 'title : "batch normalization"' in query.fts_expression()


def test_it_reads_year_ranges_open_or_closed() -> None:
    assert (parse("year:2015..2018").year_from, parse("year:2015..2018").year_to) == (2015, 2018)
    assert (parse("year:2016").year_from, parse("year:2016").year_to) == (2016, 2016)
    assert (parse("year:..2012").year_from, parse("year:..2012").year_to) == (None, 2012)
    assert (parse("year:2018..2015").year_from, parse("year:2018..2015").year_to) == (2015, 2018)


def test_it_explains_a_year_it_cannot_read() -> None:
    with pytest.raises(QueryError, match="year:last"):
        parse("year:last")


def test_it_keeps_exclusions_apart_from_the_words_to_embed() -> None:
    query = parse('gan -wasserstein -"mode collapse" -au:goodfellow')
    assert query.free_text == "gan"
    assert [c.text for c in query.exclusions] == ["wasserstein", "mode collapse", "goodfellow"]
    assert query.exclusion_expression() == (
        '"wasserstein" OR "mode collapse" OR authors : "goodfellow"'
    )


def test_it_keeps_hyphenated_words_whole() -> None:
    assert parse("self-attention").clauses == [Clause("self-attention")]


def test_it_quotes_everything_so_no_word_is_an_operator() -> None:
    assert parse("NOT AND NEAR").fts_expression() == '"NOT" AND "AND" AND "NEAR"'
    assert parse('say "hi').clauses[-1] == Clause("hi", phrase=True)
    assert parse('a"b').fts_expression() == '"a" AND "b"'


def test_it_treats_unknown_prefixes_as_text() -> None:
    assert parse("arxiv:1706.03762").clauses == [Clause("arxiv:1706.03762")]


def test_it_reads_a_trailing_star_and_type_ahead_as_prefixes() -> None:
    assert parse("norm*").fts_expression() == '"norm" *'
    assert parse("batch norm").fts_expression(prefix_last=True) == '"batch" AND "norm" *'


def test_it_groups_or() -> None:
    assert parse("gan OR vae dropout").fts_expression() == '("gan" OR "vae") AND "dropout"'


def test_it_ignores_lone_punctuation() -> None:
    assert parse("- * & —").is_empty


def test_it_relaxes_plain_words_to_or_without_stopwords() -> None:
    relaxed = parse("rewind the learning rate au:frankle").relaxed()
    assert relaxed is not None
    assert relaxed.fts_expression() == 'authors : "frankle" AND ("rewind" OR "learning" OR "rate")'
    assert parse("single").relaxed() is None
    assert parse("a OR b").relaxed() is None
    venue_or_alias = parse("rewind the rate venue:nips")
    venue_or_alias.clauses.append(Clause("NeurIPS", "venue", phrase=True, or_with_previous=True))
    relaxed = venue_or_alias.relaxed()
    assert relaxed is not None
    assert relaxed.fts_expression() == (
        '(venue : "nips" OR venue : "NeurIPS") AND ("rewind" OR "rate")'
    )
