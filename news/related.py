"""Around an article: its related news (the newest others of its section) and the articles before and
after it in time, from what this worker keeps.

Every article of a section shows the same related news, and an article page rendered afresh (one not
kept yet, as most of an archive is when readers come from search engines) asked for them and their
photos each time. The section's newest are kept in this worker's memory, as the article pages that
show them are kept (news.page_cache): for the pages' generation, which every save of an article, a
photo or a section bumps and a scheduled article coming due moves, and at most
PORTAL_ARTICLE_CACHE_SECONDS, the bound for a write that announces nothing (a bulk update).

The articles before and after one (previous and next) were two queries of every such page; the
worker keeps the public articles' timeline instead (their time, pk, title and slug: about 460 bytes
an article, 4.6 MB at 10,000), read again in one query when the generation moves or the lifetime ends
(60-80 ms at 10,000, most of it making the times; once per worker after each save).
"""

from bisect import bisect_left

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

from . import page_cache
from .models import Article, fetch_photos

RELATED_SIZE = 5
# Sections kept: more than a ward has.
SECTIONS_KEPT = 64

_newest = page_cache.Memory(SECTIONS_KEPT)
_timeline = page_cache.Memory(1)
# What a link to an article reads (ArticleQuerySet.as_links), in the timeline's order.
LINK_FIELDS = ("published_at", "id", "title", "slug")


def related_with_photos(article, generation):
    """The article's related news (the RELATED_SIZE newest others of its section, published), as links
    with their photos; the article's own photos fetched as well, in one query."""
    if not article.category_id:
        fetch_photos([article])
        return []
    entry = _newest.current(article.category_id, generation)
    if entry is not None:
        fetch_photos([article])
        newest = entry.body
    else:
        # One more than shown: the article itself may be among them.
        rows = Article.objects.published().filter(category_id=article.category_id).as_links()
        newest = list(rows[: RELATED_SIZE + 1])
        fetch_photos([article, *newest])
        lifetime = settings.PORTAL_ARTICLE_CACHE_SECONDS
        _newest.put(article.category_id, page_cache.Entry(newest, "", generation, lifetime))
    return [other for other in newest if other.pk != article.pk][:RELATED_SIZE]


def _public_timeline():
    rows = Article.objects.published().order_by("published_at", "pk").values_list(*LINK_FIELDS)
    return list(rows)


def beside(article, generation):
    """(previous, next): the published articles just before and just after this one in the order of
    (published_at, pk), so that articles of the same minute still have one; each None where there is
    none; as links (the other fields are read from the database if asked for)."""
    lifetime = settings.PORTAL_ARTICLE_CACHE_SECONDS
    timeline = _timeline.kept("public", generation, lifetime, _public_timeline)
    place = bisect_left(timeline, (article.published_at, article.pk), key=lambda row: row[:2])
    after = place + 1 if place < len(timeline) and timeline[place][1] == article.pk else place
    previous = timeline[place - 1] if place else None
    following = timeline[after] if after < len(timeline) else None
    return tuple(
        None if row is None else Article.from_db(DEFAULT_DB_ALIAS, LINK_FIELDS, row)
        for row in (previous, following)
    )
