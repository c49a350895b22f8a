from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0013_stored_teasers"),
    ]

    operations = [
        # A section's newest first (the section's pages and feed, the front page's blocks, related):
        # with only the category's own index PostgreSQL fetched and sorted all of a section's articles.
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["category", "status", "-published_at", "-id"], name="article_section_idx"),
        ),
    ]
