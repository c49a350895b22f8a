"""Time the public search over many articles, and show the plan PostgreSQL uses.

Not part of the test suite. It fills the database named by DATABASE_URL with generated articles (slugs
starting "bench-"), runs the search the way the search page does (a count, then the first page of 20),
prints the times and EXPLAIN ANALYZE, and removes its articles unless --keep is given. Use a scratch
database, for example:

    createdb portal_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/search_bench.py

Defaults: 100,000 articles on PostgreSQL, 20,000 on SQLite (--articles N to change).
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from news.models import Article  # noqa: E402
from news.search import indexed, search_articles  # noqa: E402

# Text with the shape of real Vietnamese news: about 1,450 syllables (onset + rhyme) drawn with a Zipf
# law, as words are in real text, and the phrases residents search for planted at known rates.
ONSETS = [
    "_",
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gi",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "nh",
    "ph",
    "qu",
    "r",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
]
RHYMES = [
    "a",
    "ai",
    "am",
    "an",
    "ang",
    "anh",
    "ao",
    "au",
    "ay",
    "e",
    "em",
    "en",
    "eo",
    "ê",
    "ên",
    "ênh",
    "i",
    "ia",
    "im",
    "in",
    "inh",
    "o",
    "oa",
    "oai",
    "oan",
    "oang",
    "oc",
    "oi",
    "om",
    "on",
    "ong",
    "ô",
    "ôi",
    "ôm",
    "ôn",
    "ông",
    "ơ",
    "ơi",
    "ơm",
    "ơn",
    "u",
    "ua",
    "ui",
    "um",
    "un",
    "ung",
    "uôi",
    "uôn",
    "uông",
    "ư",
    "ưa",
    "ưi",
    "ưng",
    "ương",
    "ươn",
    "ươi",
    "y",
]
VOCABULARY = [(o if o != "_" else "") + r for o in ONSETS for r in RHYMES]
WEIGHTS = [1 / (rank + 1) ** 1.1 for rank in range(len(VOCABULARY))]
# (phrase, share of articles holding it): from an everyday phrase to a rare one.
PLANTED = [
    ("Đảng ủy phường", 0.30),
    ("hội nghị chi bộ", 0.05),
    ("hiến máu tình nguyện", 0.01),
    ("phòng cháy chữa cháy", 0.005),
    ("mừng thọ người cao tuổi", 0.002),
]
QUERIES = ["dang uy", "hoi nghi chi bo", "hien mau", "phong chay chua chay", "mung tho nguoi cao tuoi", "a"]


def words(rng, n):
    return " ".join(rng.choices(VOCABULARY, WEIGHTS, k=n))


def sentence(rng, n):
    text = words(rng, n)
    for phrase, share in PLANTED:
        if rng.random() < share / 3:  # three sentences an article
            text = f"{text} {phrase}"
    return text.capitalize()


def fill(target, seed=2026):
    rng = random.Random(seed)
    have = Article.objects.filter(slug__startswith="bench-").count()
    now = timezone.now()
    batch = []
    for n in range(have, target):
        title = sentence(rng, rng.randint(6, 12))
        summary = words(rng, 30).capitalize() + "."
        body = "".join(f"<p>{sentence(rng, 80)}.</p>" for _ in range(3))
        batch.append(
            Article(
                title=title,
                slug=f"bench-{n}",
                summary=summary,
                body=body,
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(minutes=30 * n),
                # Made here as save() would: bulk_create skips save().
                search_text=indexed(f"{title}\n{summary}\n{body.replace('<p>', ' ').replace('</p>', ' ')}"),
                search_title=indexed(title),
            )
        )
        if len(batch) == 2000:
            Article.objects.bulk_create(batch)
            batch = []
            print(f"  {n + 1} articles", end="\r", flush=True)
    if batch:
        Article.objects.bulk_create(batch)
    print(f"  {target} articles in the database")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE news_article")


def run(query, repeat):
    """What the search page asks: how many, then the first page of 20."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        queryset, _ = search_articles(Article.objects.published(), query)
        count = queryset.count()
        first_page = list(queryset[:20])
        times.append((time.perf_counter() - started) * 1000)
    return count, first_page, statistics.median(times)


def main():
    default = 100_000 if connection.vendor == "postgresql" else 20_000
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=default)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="leave the generated articles in the database")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE for every query")
    parser.add_argument("query", nargs="*", default=QUERIES)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    print(f"Database: {connection.vendor}; filling to {options.articles} generated articles…")
    started = time.perf_counter()
    fill(options.articles)
    print(f"  ({time.perf_counter() - started:.0f} s)")
    try:
        for n, query in enumerate(options.query):
            count, _, median = run(query, options.repeat)
            print(f"{query!r:32} {count:7} found   {median:8.1f} ms (median of {options.repeat})")
            if connection.vendor == "postgresql" and (options.explain or n == 0):
                queryset, _ = search_articles(Article.objects.published(), query)
                print(queryset[:20].explain(analyze=True, buffers=True))
                print()
    finally:
        if not options.keep:
            Article.objects.filter(slug__startswith="bench-").delete()


if __name__ == "__main__":
    main()
