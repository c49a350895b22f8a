"""Write the phone size (news.images.PHONE_SIDE) of photos stored before the portal made it.

Made from each photo's stored display image, with its WebP where smaller, as for a new upload; until
then a photo is offered in the sizes it has, as before. Article photos and Giới thiệu pages' photos.
Safe to run again: a photo that has its phone size, or is no larger than it, is left alone.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db.models import Q

from news import page_cache
from news.images import PHONE_SIDE, phone_size
from news.models import BodyPhoto


class Command(BaseCommand):
    help = f"Tạo cỡ ảnh cho điện thoại ({PHONE_SIDE} px) cho ảnh đã lưu trước khi cổng tin tạo cỡ này."

    def handle(self, *args, **options):
        made = 0
        larger = Q(width__gt=PHONE_SIDE) | Q(height__gt=PHONE_SIDE)
        # Every kind of body photo (an article's, a page's), without this app naming the others.
        for model in (model for model in apps.get_models() if issubclass(model, BodyPhoto)):
            for photo in model.objects.filter(larger, phone="").iterator():
                made += self.make(photo)
        if made:
            page_cache.bump()  # update() tells no kept page; they would offer the old sizes for a while
        self.stdout.write(f"Đã tạo cỡ ảnh cho điện thoại cho {made} ảnh.")

    def make(self, photo):
        stored = photo.image
        if not stored.storage.exists(stored.name):
            return 0  # its file is missing: nothing to make it from
        made = phone_size(stored)
        stored.close()
        if made is None:
            return 0
        jpeg, webp = made
        names = {"phone": stored.storage.save(photo.phone.field.generate_filename(photo, jpeg.name), jpeg)}
        if webp is not None:
            names["phone_webp"] = stored.storage.save(
                photo.phone_webp.field.generate_filename(photo, webp.name), webp
            )
        # update(), not save(): save() would process the photo again and touch its item.
        type(photo).objects.filter(pk=photo.pk).update(**names)
        return 1
