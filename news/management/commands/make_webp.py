"""Write the WebP copies of photos stored before the portal made them (migration 0013 adds none).

Each size is encoded from its stored JPEG or PNG and kept only where smaller, as for a new upload.
Safe to run again: photos that have any WebP are left alone; the others are tried again.
"""

from django.core.management.base import BaseCommand

from news import page_cache
from news.images import webp_copy
from news.models import ArticlePhoto

# Each WebP field and the size it copies. Not the phone size: a photo stored before WebP was made has
# none, and make_phone_size writes its WebP with it.
SOURCE_OF = {"image_webp": "image", "medium_webp": "medium", "thumbnail_webp": "thumbnail"}


class Command(BaseCommand):
    help = "Tạo bản WebP cho ảnh đã lưu trước khi cổng tin tạo WebP (chỉ giữ bản nhỏ hơn JPEG)."

    def handle(self, *args, **options):
        without = ArticlePhoto.objects.filter(image_webp="", medium_webp="", thumbnail_webp="")
        made = 0
        for photo in without.iterator():
            names = {}
            for field, source in SOURCE_OF.items():
                stored = getattr(photo, source)
                if not stored or not stored.storage.exists(stored.name):
                    continue
                webp = webp_copy(stored)
                stored.close()
                if webp is not None:
                    folder = stored.name.rsplit("/", 1)[0]
                    names[field] = stored.storage.save(f"{folder}/{webp.name}", webp)
            if names:
                # update(), not save(): save() would process the photo again and touch its article.
                ArticlePhoto.objects.filter(pk=photo.pk).update(**names)
                made += 1
        if made:
            page_cache.bump()  # update() tells no kept page; they would offer no WebP for a while
        self.stdout.write(f"Đã tạo bản WebP cho {made} ảnh.")
