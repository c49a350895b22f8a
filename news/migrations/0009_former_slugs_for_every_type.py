"""Former slugs move to the publishing core (publishing.FormerSlug), which every content type shares."""

from django.db import migrations


def to_core(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    article_type, _ = ContentType.objects.get_or_create(app_label="news", model="article")
    Former = apps.get_model("publishing", "FormerSlug")
    Former.objects.bulk_create(
        Former(content_type=article_type, object_id=old.article_id, slug=old.slug)
        for old in apps.get_model("news", "FormerSlug").objects.all()
    )


def back_from_core(apps, schema_editor):
    Former = apps.get_model("publishing", "FormerSlug")
    Old = apps.get_model("news", "FormerSlug")
    rows = Former.objects.filter(content_type__app_label="news", content_type__model="article")
    Old.objects.bulk_create(Old(article_id=row.object_id, slug=row.slug) for row in rows)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0008_review_status"),
        ("publishing", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(to_core, back_from_core),
        migrations.DeleteModel(name="FormerSlug"),
    ]
