"""The related news under an article: the newest others of its section, kept per section.

Every article of a section shows the same related news, and an article page rendered afresh (one not
kept yet, as most of an archive is when readers come from search engines) asked for them and their
photos each time. The section's newest are kept in this worker's memory, as the article pages that
show them are kept (news.page_cache): for the pages' generation, which every save of an article, a
photo or a section bumps and a scheduled article coming due moves, and at most
PORTAL_ARTICLE_CACHE_SECONDS, the bound for a write that announces nothing (a bulk update).
"""

from django.conf import settings

from . import page_cache
from .models import Article, fetch_photos

RELATED_SIZE = 5
# Sections kept: more than a ward has.
SECTIONS_KEPT = 64

_newest = page_cache.Memory(SECTIONS_KEPT)


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
