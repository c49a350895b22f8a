"""Article.body_text: the body's readable text, stored on save; filled here for articles already written.

Search excerpts are cut from it (news.highlight), so a search page no longer parses twenty bodies' HTML.
The text comes from news.search.plain_text, the function save() uses: a pure function of the body.
"""

from django.db import migrations, models

from news.search import plain_text

BATCH = 500


def fill_body_text(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    rows = Article.objects.only("body").order_by("pk")
    batch = []
    for article in rows.iterator(chunk_size=BATCH):
        article.body_text = plain_text(article.body)
        batch.append(article)
        if len(batch) == BATCH:
            Article.objects.bulk_update(batch, ["body_text"])
            batch = []
    Article.objects.bulk_update(batch, ["body_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0015_photo_webp"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="body_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill_body_text, migrations.RunPython.noop, elidable=True),
    ]
