"""PostgreSQL's own full-text index over SearchDocument (SQLite keeps FTS5 and tantivy).

Two ``tsvector`` columns that Django's model does not know, kept by a trigger in the
transaction that writes the document, so they can never disagree with it:

- ``search_vector``: every word of every field, stemmed (English) with accents folded
  (no stop list), weighted A title,
  B authors, C venue, topics and abstract, D summaries; a GIN index. Fields are one
  position apart, so a phrase never runs from the end of one into the next.
- ``title_vector``: title (A) and authors (B) as typed, for type-ahead by prefix
  ("learnin" is no prefix of the stem "learn").

A third GIN index covers the title and authors part of ``search_vector`` alone
(``ts_filter`` of weights A and B): ranking finds the papers that name every word of a
query in their headline without reading all the papers that hold those words.

Both columns are kept in the row (storage MAIN) rather than out of line: ranking reads the
vector of every paper it scores.

PostgreSQL's parser reads ``<…>`` as an HTML tag and leaves its words out ("a<b and
x>y" loses "b and x"); here ``<`` and ``>`` are spaces, as they are to tantivy.

A tsvector holds at most 1 MB of distinct words: a field of that many (a pasted table of
hashes) is indexed from its start, as much as fits, instead of failing the write.

Kept here rather than imported: a migration must not change when the code does.
"""

from django.db import migrations

INSTALL = [
    # English stems without PostgreSQL's stop list: every word is indexed, as tantivy
    # does, and the query decides which words are too common to count ("attention is
    # all you need" keeps "all" and "you"; query.STOPWORDS drops "is").
    "CREATE TEXT SEARCH DICTIONARY papershelf_english_stem "
    "(TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION papershelf_english (COPY = pg_catalog.english)",
    "ALTER TEXT SEARCH CONFIGURATION papershelf_english "
    "ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH papershelf_english_stem",
    "ALTER TEXT SEARCH CONFIGURATION papershelf_english "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, papershelf_english_stem",
    "CREATE TEXT SEARCH CONFIGURATION papershelf_simple (COPY = pg_catalog.simple)",
    "ALTER TEXT SEARCH CONFIGURATION papershelf_simple "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
    r"""
CREATE FUNCTION papershelf_words(config regconfig, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector(config, translate(body, '<>', '  '))
$$""",
    r"""
CREATE FUNCTION papershelf_document_tsvector(
    title text, authors text, venue text, topics text, abstract text, summaries text
) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    -- A lexeme no parser makes, one position between fields; deleted at the end.
    gap CONSTANT tsvector := ''' '':1'::tsvector;
    chars integer := 1000000;
BEGIN
    LOOP
        BEGIN
            RETURN ts_delete(
                   setweight(papershelf_words('papershelf_english', left(title, chars)), 'A')
                || gap || setweight(papershelf_words('papershelf_english', left(authors, chars)), 'B')
                || gap || setweight(papershelf_words('papershelf_english', left(venue, chars)), 'C')
                || gap || setweight(papershelf_words('papershelf_english', left(topics, chars)), 'C')
                || gap || setweight(papershelf_words('papershelf_english', left(abstract, chars)), 'C')
                || gap || setweight(papershelf_words('papershelf_english', left(summaries, chars)), 'D'),
                ' ');
        EXCEPTION WHEN program_limit_exceeded THEN
            chars := chars / 2;  -- more distinct words than a tsvector holds: keep the start
        END;
    END LOOP;
END
$$""",
    """
CREATE FUNCTION search_document_vectors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := papershelf_document_tsvector(
        NEW.title, NEW.authors, NEW.venue, NEW.topics, NEW.abstract, NEW.summaries);
    -- Type-ahead reads the beginnings of titles and author lists only.
    NEW.title_vector :=
        setweight(papershelf_words('papershelf_simple', left(NEW.title, 10000)), 'A')
        || setweight(papershelf_words('papershelf_simple', left(NEW.authors, 100000)), 'B');
    RETURN NEW;
END
$$""",
    "ALTER TABLE search_searchdocument "
    "ADD COLUMN search_vector tsvector, ADD COLUMN title_vector tsvector",
    # In the row, not in the TOAST table: ranking reads every candidate's vector, and
    # fetching it out of line cost ten times the match itself (3 µs against 0.3 µs).
    "ALTER TABLE search_searchdocument "
    "ALTER COLUMN search_vector SET STORAGE MAIN, ALTER COLUMN title_vector SET STORAGE MAIN",
    "CREATE TRIGGER search_document_vectors BEFORE INSERT OR UPDATE "
    "ON search_searchdocument FOR EACH ROW EXECUTE FUNCTION search_document_vectors()",
    "UPDATE search_searchdocument SET title = title",  # the documents already there
    "CREATE INDEX search_document_vector_gin ON search_searchdocument USING gin (search_vector)",
    "CREATE INDEX search_document_title_vector_gin "
    "ON search_searchdocument USING gin (title_vector)",
    # The papers naming words in their title or authors, found without reading the rest
    # of every paper that holds them (the weights A and B of search_vector).
    "CREATE INDEX search_document_headline_gin "
    "ON search_searchdocument USING gin (ts_filter(search_vector, '{a,b}'))",
]

UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_document_vectors ON search_searchdocument",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector, "
    "DROP COLUMN IF EXISTS title_vector",
    "DROP FUNCTION IF EXISTS search_document_vectors()",
    "DROP FUNCTION IF EXISTS papershelf_document_tsvector(text, text, text, text, text, text)",
    "DROP FUNCTION IF EXISTS papershelf_words(regconfig, text)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS papershelf_english",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS papershelf_english_stem",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS papershelf_simple",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0011_pgvector")]

    operations = [migrations.RunPython(_run(INSTALL), _run(UNINSTALL))]
