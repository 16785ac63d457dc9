"""Snippets on PostgreSQL: ``ts_headline`` over each column of the papers on a page.

Each column is highlighted with the query's clauses that may match there (a clause on
``authors`` marks nothing in an abstract). ``ts_headline`` parses the whole text it is
given, so a column longer than SNIPPET_SOURCE_CHARS is highlighted in the first window
of its text that holds a query word, as on SQLite (see snippets.py).
"""

from __future__ import annotations

from django.db import connection

from papershelf.search.backends.base import Snippet
from papershelf.search.backends.postgresql_query import (
    DOCUMENTS,
    ENGLISH,
    Sql,
    Term,
    either,
    joined,
    words_of,
)
from papershelf.search.backends.snippets import (
    CLOSE,
    OPEN,
    SNIPPET_COLUMNS,
    SNIPPET_SOURCE_CHARS,
    SNIPPET_TOKENS,
    WINDOW_SCAN_CHARS,
    best_snippet,
    opening,
    windows_of,
)
from papershelf.search.query import Clause

# One fragment, around the most query words: with many words a third of the time of
# ts_headline's default cover search, and as good a passage.
PASSAGE_OPTIONS = (
    f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords={SNIPPET_TOKENS}, MinWords=12, MaxFragments=1"
)
TITLE_OPTIONS = f"StartSel={OPEN}, StopSel={CLOSE}, HighlightAll=true"
# ts_headline drops what its parser reads as an HTML tag ("<unk>", even "a<b and x>"):
# angle brackets go in as two other control characters and come back after.
_LT, _GT = "\x04", "\x05"


def _column_queries(terms: dict[Clause, Term]) -> dict[str, str]:
    """Per column (the title and SNIPPET_COLUMNS), the tsquery of the clauses that may
    match in it; "" where none may."""
    columns = ("title", *SNIPPET_COLUMNS)
    return {
        column: either(t.plain for clause, t in terms.items() if clause.field in (None, column))
        for column in columns
    }


def _clean(column: str) -> Sql:
    # The marks are control characters no text should hold: any that do are dropped.
    return Sql(f"translate({column}, %s, %s)", ("<>" + OPEN + CLOSE, _LT + _GT))


def _restored(text: str) -> str:
    return text.replace(_LT, "<").replace(_GT, ">")


def _title(query: str) -> Sql:
    if not query:
        return _clean("title")
    return Sql(
        f"ts_headline('{ENGLISH}', {_clean('title').text}, %s::tsquery, %s)",
        (*_clean("title").params, query, TITLE_OPTIONS),
    )


def _passage(column: str, query: str) -> list[Sql]:
    """The column's headline and its text while short, and whether it is long."""
    short = f"length({column}) <= {SNIPPET_SOURCE_CHARS}"
    text = Sql(f"CASE WHEN {short} THEN {_clean(column).text} END", _clean(column).params)
    headline = Sql("NULL")
    if query:
        headline = Sql(
            f"CASE WHEN {short} THEN ts_headline('{ENGLISH}', {_clean(column).text}, "
            "%s::tsquery, %s) END",
            (*_clean(column).params, query, PASSAGE_OPTIONS),
        )
    return [headline, text, Sql(f"NOT ({short})")]


def _in_context(headline: str, text: str) -> str:
    """The headline with an ellipsis where it cuts the column's text short."""
    plain = headline.replace(OPEN, "").replace(CLOSE, "")
    before = "" if text.startswith(plain) else "…"
    after = "" if text.endswith(plain) else "…"
    return before + headline + after


def _first_words(text: str | None) -> str:
    words = _restored(text or "").split()
    return " ".join(words[:SNIPPET_TOKENS]) + ("…" if len(words) > SNIPPET_TOKENS else "")


def snippets_for(terms: dict[Clause, Term], ids: list[int]) -> dict[int, Snippet]:
    queries = _column_queries(terms)
    if not any(queries.values()):
        return {}
    parts = [_title(queries["title"])]
    for column in SNIPPET_COLUMNS:
        parts += _passage(column, queries[column])
    columns = joined(parts, ", ")
    sql = f"SELECT paper_id, {columns.text} FROM {DOCUMENTS} WHERE paper_id = ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*columns.values, list(ids)])
        rows = cursor.fetchall()
    found = {}
    for paper_id, title, *values in rows:
        passages: list[str | None] = []
        for i, column in enumerate(SNIPPET_COLUMNS):
            headline, text, is_long = values[3 * i : 3 * i + 3]
            if is_long:
                passages.append(_long_column_snippet(paper_id, column, queries[column]))
            elif headline is not None:
                passages.append(_restored(_in_context(headline, text)))
            else:
                # Nothing of the query may match here: the abstract's opening still says
                # what the paper is, should no other passage hold a match.
                passages.append(_first_words(text) if column == "abstract" else None)
        found[paper_id] = best_snippet(_restored(title), tuple(passages))
    return found


def _long_column_snippet(paper_id: int, column: str, query: str) -> str:
    """A headline from the first window of a long column that holds a query word."""
    sql = f"SELECT substr({_clean(column).text}, 1, %s) FROM {DOCUMENTS} WHERE paper_id = %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*_clean(column).values, WINDOW_SCAN_CHARS, paper_id])
        (text,) = cursor.fetchone()
    windows = windows_of(text)
    found = _first_matching_window(windows, query) if query else None
    if found is None:
        # No query word near the start: its opening still says what the text is.
        return _restored(opening(text))
    index, headline = found
    snippet = _restored(_in_context(headline, windows[index]))
    # A later window starts mid-text even where the headline starts at its top.
    return snippet if index == 0 or snippet.startswith("…") else "…" + snippet


def _first_matching_window(windows: list[str], query: str) -> tuple[int, str] | None:
    sql = (
        f"SELECT i - 1, ts_headline('{ENGLISH}', w, %s::tsquery, %s) "
        "FROM unnest(%s::text[]) WITH ORDINALITY AS windows(w, i) "
        f"WHERE {words_of('w')} @@ %s::tsquery ORDER BY i LIMIT 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [query, PASSAGE_OPTIONS, windows, query])
        row = cursor.fetchone()
    return (int(row[0]), str(row[1])) if row else None
