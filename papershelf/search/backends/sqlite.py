"""SQLite FTS5: an external-content index over ``search_searchdocument``.

The FTS table stores no second copy of the text: it reads rows of the document table
by rowid (= paper id) for snippets, and triggers on that table keep it in step, so the
index can never disagree with the documents. bm25 weighs a word in a title far above
the same word in a summary; porter stemming lets "normalize" find "normalization".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper

from papershelf.search.backends.base import Snippet
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
from papershelf.search.query import Clause, ParsedQuery, fts_term

TABLE = "search_fts"
TITLES = "search_titles"  # titles and authors as typed, for type-ahead
TITLE_COLUMNS = ("title", "authors")
DOCUMENTS = "search_searchdocument"
COLUMNS = ("title", "authors", "abstract", "venue", "topics", "summaries")
WEIGHTS = (10.0, 6.0, 2.0, 4.0, 4.0, 1.5)
# bm25 costs a few microseconds per matching row: a query matching more rows than this
# is ranked among its newest matches only, so no query shape falls off a cliff.
RANK_WINDOW = 4_000
TYPEAHEAD_WINDOW = 2_000
# bm25 first counts every paper that holds each query word (its IDF): for a word in a
# few hundred thousand papers that count alone takes tens of milliseconds, whatever the
# window. Such words — "learning" on a big shelf — say little about relevance anyway, so
# they only filter; the rarer words rank. A shelf this small never sees the difference.
COMMON_DOCS = 5_000
_WORD_RE = re.compile(r"\w+")
HEADLINES = 50  # papers naming every word in their title that go first, without bm25
HEADLINE_SCOPE = 500  # …found among this many of the newest matches
Params = list[str | int]
# snippet() scores every hit of a column against every other: 20 KB of one repeated
# word takes 15 ms, 10 MB over two minutes; long columns are read in windows
# (``_window_snippet``, see snippets.py).
WINDOWS = "search_snippet_windows"  # a per-connection TEMP table: nothing is stored


def _sync_statements(table: str, columns: tuple[str, ...]) -> tuple[str, str]:
    """The trigger statements that remove a document's old text and add its new text."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    delete_old = (
        f"INSERT INTO {table}({table}, rowid, {cols}) VALUES ('delete', old.paper_id, {old});"
    )
    return delete_old, f"INSERT INTO {table}(rowid, {cols}) VALUES (new.paper_id, {new});"


def install_sql() -> list[str]:
    """Statements that create the indexes and their triggers (idempotent).

    Django rebuilds a SQLite table on most ALTERs and drops its triggers with it: a
    later migration that alters SearchDocument must run these again (then 'rebuild').
    """
    cols = ", ".join(COLUMNS)
    delete_old, insert_new = _sync_statements(TABLE, COLUMNS)
    delete_title, insert_title = _sync_statements(TITLES, TITLE_COLUMNS)
    weights = ", ".join(str(w) for w in WEIGHTS)
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5({cols}, "
        f"content='{DOCUMENTS}', content_rowid='paper_id', "
        "tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')",
        f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('rank', 'bm25({weights})')",
        # Type-ahead needs words as typed: "learnin" is no prefix of porter's "learn".
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLES} USING fts5({', '.join(TITLE_COLUMNS)}, "
        f"content='{DOCUMENTS}', content_rowid='paper_id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4')",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ai AFTER INSERT ON {DOCUMENTS} BEGIN "
        f"{insert_new} {insert_title} END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ad AFTER DELETE ON {DOCUMENTS} BEGIN "
        f"{delete_old} {delete_title} END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_au AFTER UPDATE ON {DOCUMENTS} BEGIN "
        f"{delete_old} {delete_title} {insert_new} {insert_title} END",
    ]


def drop_triggers_sql() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {TABLE}_{t}" for t in ("ai", "ad", "au")]


def uninstall_sql() -> list[str]:
    return [*drop_triggers_sql(), f"DROP TABLE IF EXISTS {TABLE}", f"DROP TABLE IF EXISTS {TITLES}"]


def install(conn: BaseDatabaseWrapper) -> None:
    with conn.cursor() as cursor:
        for statement in install_sql():
            cursor.execute(statement)


def rebuild(conn: BaseDatabaseWrapper) -> None:
    """Reinstall the triggers and re-read every document into the index."""
    install(conn)
    with conn.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
        cursor.execute(f"INSERT INTO {TITLES}({TITLES}) VALUES ('rebuild')")


def _placeholders(ids: Iterable[int]) -> str:
    return ", ".join("%s" for _ in ids)


def _year_condition(query: ParsedQuery, column: str) -> tuple[str, Params]:
    conditions: list[str] = []
    params: Params = []
    if query.year_from is not None:
        conditions.append(f"{column} >= %s")
        params.append(query.year_from)
    if query.year_to is not None:
        conditions.append(f"{column} <= %s")
        params.append(query.year_to)
    return " AND ".join(conditions), params


def _match_expression(positive: str, query: ParsedQuery) -> str:
    excluded = query.exclusion_expression()
    return f"({positive}) NOT ({excluded})" if excluded else positive


def _fetch_ids(sql: str, params: Params) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _window(match: str, size: int) -> tuple[str, Params]:
    """A rowid floor that keeps the newest ``size`` matches, when there are more.

    Walking the matches in rowid order without ranking them is cheap, and FTS5 seeks
    straight to a rowid bound.
    """
    sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rowid DESC LIMIT 1 OFFSET %s"
    floor: Params = list(_fetch_ids(sql, [match, size - 1]))
    return (f"AND {TABLE}.rowid >= %s", floor) if floor else ("", [])


def _is_common(expression: str, table: str = TABLE) -> bool:
    """Whether more than COMMON_DOCS papers match; reads at most that many rowids."""
    sql = f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH %s LIMIT %s)"
    return _fetch_ids(sql, [expression, COMMON_DOCS + 1])[0] > COMMON_DOCS


def _clause_is_common(clause: Clause) -> bool:
    """A phrase is as common as its rarest word: counting the phrase itself would read
    every paper holding all its words, which is the cost this avoids."""
    words = _WORD_RE.findall(clause.text)
    if len(words) <= 1:
        return _is_common(fts_term(clause))
    return all(_is_common(fts_term(Clause(word, clause.field))) for word in words)


def _group_is_common(group: list[Clause]) -> bool:
    return any(_clause_is_common(clause) for clause in group)


def _in_years(query: ParsedQuery, ids: list[int]) -> list[int]:
    """The ids whose paper's year is in the query's range (an index-only read)."""
    years, params = _year_condition(query, "year")
    if not years or not ids:
        return ids
    sql = f"SELECT paper_id FROM {DOCUMENTS} WHERE paper_id IN ({_placeholders(ids)}) AND {years}"
    kept = set(_fetch_ids(sql, [*ids, *params]))
    return [pk for pk in ids if pk in kept]


def _kept_in_order(ordered: list[int], allowed: set[int], limit: int) -> list[int]:
    return [pk for pk in ordered if pk in allowed][:limit]


class SQLiteBackend:
    def ranked_ids(self, query: ParsedQuery, limit: int) -> list[int]:
        positive = query.fts_expression()
        years, year_params = _year_condition(query, "d.year")
        if not positive:
            return self._unranked_ids(query, limit)
        match = _match_expression(positive, query)
        groups = query.clause_groups()
        rare = [
            " OR ".join(fts_term(c) for c in group)
            for group in groups
            if not _group_is_common(group)
        ]
        rare = [f"({r})" if " OR " in r else r for r in rare]
        if len(rare) < len(groups) or any(_clause_is_common(c) for c in query.exclusions):
            return self._ranked_by_rare_words(query, match, rare, limit)
        window, window_params = _window(match, RANK_WINDOW)
        if not years:
            # The plain shape: FTS5 ranks and stops at the limit without a join.
            sql = (
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s {window} ORDER BY rank LIMIT %s"
            )
            return _fetch_ids(sql, [match, *window_params, limit])
        sql = (
            f"SELECT {TABLE}.rowid FROM {TABLE} JOIN {DOCUMENTS} d ON d.paper_id = {TABLE}.rowid "
            f"WHERE {TABLE} MATCH %s {window} AND {years} ORDER BY {TABLE}.rank LIMIT %s"
        )
        return _fetch_ids(sql, [match, *window_params, *year_params, limit])

    def _ranked_by_rare_words(
        self, query: ParsedQuery, match: str, rare: list[str], limit: int
    ) -> list[int]:
        """The newest RANK_WINDOW matches, ranked by bm25 over the rare words only.

        With no rare word at all, the newest papers naming every word in their title or
        authors come first, then the rest, newest first: bm25 would rank them by words
        that most papers hold.
        """
        newest_sql = (
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rowid DESC LIMIT %s"
        )
        newest = _fetch_ids(newest_sql, [match, RANK_WINDOW])
        window = f"AND rowid >= {int(newest[-1])}" if len(newest) == RANK_WINDOW else ""
        allowed = _in_years(query, newest)
        if rare:
            ranked_sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s {window} ORDER BY rank"
            return _kept_in_order(_fetch_ids(ranked_sql, [" AND ".join(rare)]), set(allowed), limit)
        headline = f"{{title authors}} : ({query.fts_expression()})"
        # Only among the newest matches: a title filter walks every row in its range.
        scope = (
            f"AND rowid >= {int(newest[min(len(newest), HEADLINE_SCOPE) - 1])}" if newest else ""
        )
        named_sql = (
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s {scope} ORDER BY rowid DESC LIMIT %s"
        )
        named = _kept_in_order(_fetch_ids(named_sql, [headline, HEADLINES]), set(allowed), limit)
        seen = set(named)
        return (named + [pk for pk in allowed if pk not in seen])[:limit]

    def _unranked_ids(self, query: ParsedQuery, limit: int) -> list[int]:
        """Only filters or exclusions: the newest papers that pass them."""
        years, params = _year_condition(query, "year")
        conditions = [years] if years else []
        excluded = query.exclusion_expression()
        if excluded:
            conditions.append(f"paper_id NOT IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s)")
            params.append(excluded)
        where = " AND ".join(conditions) or "1"
        sql = (
            f"SELECT paper_id FROM {DOCUMENTS} WHERE {where} "
            "ORDER BY year DESC, paper_id DESC LIMIT %s"
        )
        return _fetch_ids(sql, [*params, limit])

    def filter_ids(self, query: ParsedQuery, ids: list[int]) -> set[int]:
        if not ids:
            return set()
        kept = set(ids)
        fielded = query.fts_expression(fielded_only=True)
        excluded = query.exclusion_expression()
        marks = _placeholders(ids)
        if fielded:
            sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid IN ({marks})"
            kept &= set(_fetch_ids(sql, [_match_expression(fielded, query), *ids]))
        elif excluded:
            sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid IN ({marks})"
            kept -= set(_fetch_ids(sql, [excluded, *ids]))
        years, params = _year_condition(query, "year")
        if years:
            sql = f"SELECT paper_id FROM {DOCUMENTS} WHERE {years} AND paper_id IN ({marks})"
            kept &= set(_fetch_ids(sql, [*params, *ids]))
        return kept

    def snippets(self, query: ParsedQuery, ids: list[int]) -> dict[int, Snippet]:
        # Any query word marks a passage: a ranked paper need not hold every word.
        positive = " OR ".join(fts_term(c) for c in query.clauses)
        if not positive or not ids:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(_snippets_sql(len(ids)), [positive, *ids])
            rows = cursor.fetchall()
        found = {}
        for row in rows:
            paper_id, title, count = row[0], row[1], len(SNIPPET_COLUMNS)
            passages, is_long = list(row[2 : 2 + count]), row[2 + count :]
            for i, long_column in enumerate(is_long):
                if long_column:
                    passages[i] = _long_column_snippet(query, paper_id, SNIPPET_COLUMNS[i])
            found[paper_id] = best_snippet(title, tuple(passages))
        return found

    def typeahead_ids(self, query: ParsedQuery, limit: int) -> list[int]:
        # Titles and authors only: what a suggestion list shows is what should match.
        groups = query.clause_groups(prefix_last=True)
        words = [c for group in groups for c in group if c.field in (None, "title", "authors")]
        if not words:
            return []
        match = " AND ".join(_typeahead_term(c) for c in words)
        if _is_common(match, TITLES):
            # Two typed letters can match most titles: newest first, without bm25's count.
            sql = f"SELECT rowid FROM {TITLES} WHERE {TITLES} MATCH %s ORDER BY rowid DESC LIMIT %s"
        else:
            sql = f"SELECT rowid FROM {TITLES} WHERE {TITLES} MATCH %s ORDER BY rank LIMIT %s"
        return _fetch_ids(sql, [match, limit])


def _snippets_sql(count: int) -> str:
    """Title highlights and a snippet of each short column, with which columns are long.

    SQLite evaluates a CASE lazily: snippet() never runs over a long column.
    """
    lengths = [f"length(CAST(d.{c} AS BLOB)) > {SNIPPET_SOURCE_CHARS}" for c in SNIPPET_COLUMNS]
    marks = f"'{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS}"
    snippets = [
        f"CASE WHEN NOT ({too_long}) THEN snippet({TABLE}, {COLUMNS.index(c)}, {marks}) END"
        for c, too_long in zip(SNIPPET_COLUMNS, lengths, strict=True)
    ]
    parts = [f"highlight({TABLE}, 0, '{OPEN}', '{CLOSE}')", *snippets, *lengths]
    return (
        f"SELECT {TABLE}.rowid, {', '.join(parts)} FROM {TABLE} "
        f"JOIN {DOCUMENTS} d ON d.paper_id = {TABLE}.rowid "
        f"WHERE {TABLE} MATCH %s AND {TABLE}.rowid IN ({', '.join(['%s'] * count)})"
    )


def _long_column_snippet(query: ParsedQuery, paper_id: int, column: str) -> str:
    """A snippet from the first window of a long column that holds a query word."""
    sql = f"SELECT substr({column}, 1, %s) FROM {DOCUMENTS} WHERE paper_id = %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [WINDOW_SCAN_CHARS, paper_id])
        (text,) = cursor.fetchone()
    terms = _column_terms(query, column)
    found = _window_snippet(text, terms) if terms else None
    if found is not None:
        return found
    # No query word near the start: its opening still says what the text is.
    return opening(text)


def _column_terms(query: ParsedQuery, column: str) -> str:
    """The query's words that may match in ``column``, OR-ed: any one marks a window."""
    clauses = [c for c in query.clauses if c.field in (None, column)]
    return " OR ".join(fts_term(Clause(c.text, prefix=c.prefix, phrase=c.phrase)) for c in clauses)


def _window_snippet(text: str, terms: str) -> str | None:
    """snippet() over the first window holding a term, in a temporary FTS5 table with the
    main index's tokenizer, so stemming and highlights agree with what matched."""
    windows = windows_of(text)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{WINDOWS} USING fts5(body, "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        try:
            cursor.executemany(
                f"INSERT INTO temp.{WINDOWS}(rowid, body) VALUES (%s, %s)",
                list(enumerate(windows)),
            )
            cursor.execute(
                f"SELECT rowid, snippet({WINDOWS}, 0, '{OPEN}', '{CLOSE}', '…', "
                f"{SNIPPET_TOKENS}) FROM temp.{WINDOWS} WHERE {WINDOWS} MATCH %s "
                "ORDER BY rowid LIMIT 1",
                [terms],
            )
            row = cursor.fetchone()
        finally:
            cursor.execute(f"DELETE FROM temp.{WINDOWS}")
    if row is None:
        return None
    index, snippet = row
    # A later window starts mid-text even where snippet() thinks it starts at the top.
    return snippet if index == 0 or snippet.startswith("…") else "…" + snippet


def _typeahead_term(clause: Clause) -> str:
    term = fts_term(Clause(clause.text, prefix=clause.prefix, phrase=clause.phrase))
    return f"{clause.field} : {term}" if clause.field else term
