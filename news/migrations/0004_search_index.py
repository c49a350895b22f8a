"""Search: a folded title column for ranking, search text rebuilt as whole words, and on PostgreSQL
a word index: a tsvector column that PostgreSQL generates from search_text, with a GIN index.

The PostgreSQL steps are no-ops on SQLite, where search is a LIKE that scans the table. Why words and
not pg_trgm trigrams: docs/SEARCH.md (measured, trigrams of 2–4 letter syllables match nearly every
long article, so the index narrowed little). A later migration that alters search_text on PostgreSQL
must drop search_words first and add it again after.
"""

import html
import re
import unicodedata

from django.db import migrations, models

WORD = re.compile(r"[^\W_]+")


# A frozen copy of news.text.fold and news.search.indexed as they were when this migration was
# written, so that replaying it later gives the same result whatever those modules become.
def _fold(text):
    text = unicodedata.normalize("NFC", text or "").replace("đ", "d").replace("Đ", "D")
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.casefold()


def _indexed(text):
    words = WORD.findall(_fold(text))
    return f" {' '.join(words)} " if words else ""


def _plain(markup):
    return html.unescape(re.sub(r"<[^>]*>", " ", markup or ""))


def rebuild_search_columns(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    ArticlePhoto = apps.get_model("news", "ArticlePhoto")
    for article in Article.objects.all().iterator():
        captions = ArticlePhoto.objects.filter(article=article).values_list("caption", flat=True)
        parts = [article.title, article.summary, _plain(article.body), *captions]
        article.search_text = _indexed("\n".join(p for p in parts if p))
        article.search_title = _indexed(article.title)
        article.save(update_fields=["search_text", "search_title"])


class PostgresOnly(migrations.RunSQL):
    """RunSQL that runs only on PostgreSQL; elsewhere it does nothing."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_publishing_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_title",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(rebuild_search_columns, migrations.RunPython.noop),
        # Stored, so a search walking the newest articles reads each one's words instead of
        # re-parsing its text; generated, so every write of search_text (save, update) keeps it right.
        PostgresOnly(
            "ALTER TABLE news_article ADD COLUMN search_words tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED;",
            reverse_sql="ALTER TABLE news_article DROP COLUMN IF EXISTS search_words;",
        ),
        PostgresOnly(
            "CREATE INDEX article_search_words ON news_article USING gin (search_words);",
            reverse_sql="DROP INDEX IF EXISTS article_search_words;",
        ),
    ]
