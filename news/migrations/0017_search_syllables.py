"""PostgreSQL: search_syllables, the article's set of syllables without positions, kept in the row.

A common query walks the newest articles and checks each one's words until 1,000 match
(docs/SEARCH.md). search_words (migration 0004) keeps every word's positions, about 3.3 KB an article
at a ward report's length, so PostgreSQL stores it out of line and each check reads it from the TOAST
table. strip() drops the positions (about 1.1 KB) and STORAGE MAIN keeps it in the row: the walk reads
a tenth of the pages (EXPLAIN at 10,000 articles: 4,795 → 445 buffers, 10–15 → 3 ms). It is given in
the same ALTER TABLE as the column, so the one rewrite that fills it already stores it in the row.

search_words and its index stay: they are the same words with positions. A no-op on SQLite.
"""

from django.db import migrations


class PostgresOnly(migrations.RunSQL):
    """RunSQL that runs only on PostgreSQL; elsewhere it does nothing (as in migration 0004)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0016_stored_body_text"),
    ]

    operations = [
        PostgresOnly(
            "ALTER TABLE news_article ADD COLUMN search_syllables tsvector "
            "GENERATED ALWAYS AS (strip(to_tsvector('simple'::regconfig, search_text))) STORED, "
            "ALTER COLUMN search_syllables SET STORAGE MAIN;",
            reverse_sql="ALTER TABLE news_article DROP COLUMN IF EXISTS search_syllables;",
        ),
        PostgresOnly(
            "CREATE INDEX article_search_syllables ON news_article USING gin (search_syllables);",
            reverse_sql="DROP INDEX IF EXISTS article_search_syllables;",
        ),
    ]
