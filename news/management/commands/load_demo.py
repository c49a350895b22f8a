"""`manage.py load_demo`: load the demo articles of news.demo_content, with generated placeholder photos.

Safe to run again: an article whose slug already exists is left alone, so a second run creates nothing.
"""

import io
import math
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from documents import demo as documents_demo
from news.demo_content import ARTICLES, CATEGORIES
from news.models import Article, ArticlePhoto, Category
from news.view_log import set_total
from notices import demo_content as notices_demo
from pages.demo_content import load as load_pages
from questions import demo_content as demo_questions
from schedule.demo_content import load as load_schedule
from ward import demo as ward_demo

PHOTO_SIZE = (1200, 800)
# (sky or wall at the top, floor or ground at the bottom, accent) for each photo in turn.
PALETTES = (
    ((244, 236, 222), (150, 110, 80), (178, 34, 34)),
    ((120, 170, 220), (90, 140, 70), (230, 160, 40)),
    ((236, 226, 240), (120, 100, 90), (190, 30, 45)),
    ((255, 196, 140), (70, 110, 60), (200, 60, 40)),
    ((210, 230, 235), (120, 120, 125), (30, 90, 160)),
)
SHIRTS = ((250, 250, 250), (30, 60, 120), (200, 40, 40), (240, 200, 60), (60, 130, 90))
HAIR = (40, 32, 30)
YELLOW = (255, 215, 0)


def _star(draw, centre, radius, fill):
    """A five-pointed star, as on the banners behind a meeting's presidium."""
    cx, cy = centre
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.4
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy - r * math.sin(angle)))
    draw.polygon(points, fill=fill)


def _people(draw, seed, rows, top, width, height):
    """Rows of heads and shoulders, shifted per photo so no two crowds look the same."""
    for row in range(rows):
        size = 26 + row * 8
        y = top + row * height * 0.11
        offset = (seed * 47 + row * 83) % (size * 3)
        for i, x in enumerate(range(offset - size, width + size, size * 3)):
            shirt = SHIRTS[(i + row + seed) % len(SHIRTS)]
            draw.ellipse((x - size * 1.3, y + size * 0.8, x + size * 1.3, y + size * 3.5), fill=shirt)
            draw.ellipse((x - size, y - size, x + size, y + size), fill=HAIR)


def demo_photo(seed, scene):
    """A 1200×800 JPEG drawn from shapes only: no font, so nothing can render as missing glyphs."""
    top, bottom, accent = PALETTES[seed % len(PALETTES)]
    width, height = PHOTO_SIZE
    gradient = Image.linear_gradient("L").resize(PHOTO_SIZE)
    image = Image.composite(Image.new("RGB", PHOTO_SIZE, bottom), Image.new("RGB", PHOTO_SIZE, top), gradient)
    draw = ImageDraw.Draw(image)
    if scene == "street":
        sun = 200 + (seed * 173) % 800
        draw.ellipse((sun, 60, sun + 120, 180), fill=YELLOW)
        draw.rectangle((0, height * 0.62, width, height), fill=bottom)
        for i in range(4 + seed % 3):
            x = 80 + i * 260 + (seed * 37) % 120
            draw.rectangle((x - 12, height * 0.45, x + 12, height * 0.66), fill=(100, 70, 40))
            draw.ellipse((x - 90, height * 0.25, x + 90, height * 0.5), fill=(40, 120 + 10 * i, 50))
        _people(draw, seed, 2, height * 0.68, width, height)
    else:
        # A red banner with a star over a stage, the audience in front of it.
        draw.rectangle((width * 0.12, height * 0.08, width * 0.88, height * 0.3), fill=accent)
        _star(draw, (width * 0.5, height * 0.19), height * 0.08, YELLOW)
        draw.rectangle((width * 0.2, height * 0.36, width * 0.8, height * 0.46), fill=(120, 60, 40))
        _people(draw, seed, 3, height * 0.58, width, height)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return ContentFile(buffer.getvalue(), name="demo.jpg")


def ensure_categories():
    """The sections by name; an existing section keeps the order staff may have given it."""
    return {
        name: Category.objects.get_or_create(name=name, defaults={"order": order})[0]
        for name, order in CATEGORIES
    }


def published_at(demo, now):
    day = timezone.localtime(now) - timedelta(days=demo.days_ago)
    return day.replace(hour=demo.hour, minute=(demo.views * 7) % 60, second=0, microsecond=0)


class Command(BaseCommand):
    help = "Tải các bài viết mẫu (nội dung tự viết, ảnh minh họa tự vẽ) để xem thử cổng thông tin."

    def handle(self, *args, **options):
        categories = ensure_categories()
        now = timezone.now()
        existing = set(
            Article.objects.filter(slug__in=[a.slug for a in ARTICLES]).values_list("slug", flat=True)
        )
        created = 0
        for index, demo in enumerate(ARTICLES):
            if demo.slug in existing:
                continue
            # One article and its photos together: an interrupted run leaves no article without photos.
            with transaction.atomic():
                article = Article.objects.create(
                    slug=demo.slug,
                    title=demo.title,
                    summary=demo.summary,
                    body=demo.body,
                    category=categories[demo.category],
                    status=Article.Status.DRAFT if demo.draft else Article.Status.PUBLISHED,
                    published_at=published_at(demo, now),
                )
                for order, photo in enumerate(demo.photos):
                    ArticlePhoto(
                        article=article,
                        # Seeded by place in the list, so each photo looks the same on every machine.
                        image=demo_photo(index * 3 + order, photo.scene),
                        caption=photo.caption,
                        position=photo.position,
                        order=order,
                    ).save()
                set_total(article.pk, demo.views)
            created += 1
        ward_demo.load()
        documents_demo.load()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Đã tạo {created} bài viết mẫu."))
        else:
            self.stdout.write("Dữ liệu mẫu đã có sẵn.")
        demo_questions.load(self.stdout)
        self.stdout.write(f"Trang giới thiệu mẫu mới tạo: {load_pages(demo_photo)}.")
        notices_demo.load(self.stdout)
        self.stdout.write(f"Lịch công tác mẫu mới tạo: {load_schedule()} tuần.")
