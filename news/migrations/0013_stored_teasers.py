"""Article.teaser: stored on save from now on; filled here for the articles already written.

The words come from news.teasers.teaser_of, the function save() uses, so an old article's list entry
reads as it did. It is a pure function of the two texts: importing it keeps this migration's words
the site's words.
"""

from django.db import migrations, models

from news.teasers import teaser_of

BATCH = 500


def fill_teasers(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    rows = Article.objects.only("summary", "body").order_by("pk")
    batch = []
    for article in rows.iterator(chunk_size=BATCH):
        article.teaser = teaser_of(article.summary, article.body)
        batch.append(article)
        if len(batch) == BATCH:
            Article.objects.bulk_update(batch, ["teaser"])
            batch = []
    Article.objects.bulk_update(batch, ["teaser"])


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0012_view_statistics_permission"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="teaser",
            field=models.TextField(blank=True, editable=False),
        ),
        # Backwards the column goes, with what this filled in; nothing to undo first.
        migrations.RunPython(fill_teasers, migrations.RunPython.noop, elidable=True),
    ]
