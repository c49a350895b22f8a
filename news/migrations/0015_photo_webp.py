"""WebP beside each photo's JPEG. Photos stored before keep their JPEG alone, and pages show them as
before; manage.py make_webp writes their WebP (a schema migration should not re-encode every photo).
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0014_article_section_idx'),
    ]

    operations = [
        migrations.AddField(
            model_name='articlephoto',
            name='image_webp',
            field=models.ImageField(blank=True, editable=False, upload_to='photos/%Y/%m/'),
        ),
        migrations.AddField(
            model_name='articlephoto',
            name='medium_webp',
            field=models.ImageField(blank=True, editable=False, upload_to='photos/medium/%Y/%m/'),
        ),
        migrations.AddField(
            model_name='articlephoto',
            name='thumbnail_webp',
            field=models.ImageField(blank=True, editable=False, upload_to='photos/thumbs/%Y/%m/'),
        ),
    ]
