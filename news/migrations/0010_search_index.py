"""Search: a folded title column for ranking, search text rebuilt as whole words, and on PostgreSQL
the pg_trgm extension with a GIN trigram index so that `search_text LIKE '% word %'` uses an index.

The PostgreSQL steps are no-ops on SQLite, where the same LIKE scans the table (docs/SEARCH.md).
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
        ("news", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_title",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(rebuild_search_columns, migrations.RunPython.noop),
        # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
        PostgresOnly(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
            reverse_sql=migrations.RunSQL.noop,
        ),
        PostgresOnly(
            "CREATE INDEX IF NOT EXISTS article_search_trgm ON news_article "
            "USING gin (search_text gin_trgm_ops);",
            reverse_sql="DROP INDEX IF EXISTS article_search_trgm;",
        ),
    ]
