"""Benchmark: how fast the public pages answer, and how fast a phone photo is processed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal .venv/bin/python bench/pages.py --articles 5000

It builds a throwaway test database (test_<name>, destroyed afterwards), fills it with articles and
photos, then times each page through Django's test client (no network), reporting the median and the
95th percentile of --repeat requests. Not part of the test suite: speed is measured here, not asserted.
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-key")


def timed(fn, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def fill(count):
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.utils import timezone
    from PIL import Image

    from news.models import Article, ArticlePhoto, Category

    sections = [Category.objects.create(name=f"Chuyên mục {n}", order=n) for n in range(4)]
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (160, 40, 40)).save(buffer, "JPEG")
    now = timezone.now()
    words = "Đảng ủy phường họp bàn việc hướng dẫn người cao tuổi dùng dịch vụ công chi bộ".split()  # noqa: SIM905
    for n in range(count):
        title = " ".join(words[(n + k) % len(words)] for k in range(8)) + f" {n}"
        article = Article.objects.create(
            title=title,
            summary="Tóm tắt " + title,
            body="".join(f"<p>Đoạn {k} của bài {n}: {' '.join(words)}.</p>" for k in range(6)),
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(minutes=n),
            category=sections[n % 4],
        )
        if n < 200:  # photos for the articles the list pages show; the rest only need rows
            for position in (2, 3):
                ArticlePhoto(article=article, caption=f"Ảnh {position}", position=position).image.save(
                    "anh.jpg", ContentFile(buffer.getvalue()), save=True
                )


def photo_processing(repeat):
    from PIL import Image

    from news.images import process_photo

    buffer = io.BytesIO()
    Image.effect_noise((4000, 3000), 64).convert("RGB").save(buffer, "JPEG", quality=92)
    data = buffer.getvalue()
    return timed(lambda: process_photo(io.BytesIO(data)), repeat)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    import tempfile

    import django
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="bench-media-")
    settings.ALLOWED_HOSTS = ["testserver"]
    # Plain static names: no collectstatic manifest is needed to render pages here.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.test import Client

        from news.models import Article

        started = time.perf_counter()
        fill(args.articles)
        print(f"{args.articles} articles on {connection.vendor} in {time.perf_counter() - started:.1f} s")
        client = Client(HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 13) Chrome/124.0 Mobile Safari/537.36")
        article = Article.objects.published().first()
        pages = {
            "home /": "/",
            "page 5 /?page=5": "/?page=5",
            "article": article.get_absolute_url(),
            "category": article.category.get_absolute_url(),
            "search 'dich vu chi bo'": "/tim-kiem/?q=dich+vu+chi+bo",
        }
        print(f"{'page':32} {'median ms':>10} {'p95 ms':>10}")
        for label, url in pages.items():
            median, p95 = timed(lambda url=url: client.get(url), args.repeat)
            print(f"{label:32} {median:10.1f} {p95:10.1f}")
        # The article page as its first reader after a change gets it: rendered (and sanitized) afresh.
        from news import page_cache

        def afresh(url=pages["article"]):
            page_cache.forget_all()
            client.get(url)

        median, p95 = timed(afresh, args.repeat)
        print(f"{'article, rendered afresh':32} {median:10.1f} {p95:10.1f}")
        median, p95 = photo_processing(max(3, args.repeat // 10))
        print(f"{'12 MP photo: verify+orient+resize':32} {median:10.1f} {p95:10.1f}")
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
