"""Search results' cards, kept rendered with the texts their excerpts are cut from.

A search page shows twenty cards (news/_article_card.html: photo, title, date, views, excerpt), and
rendering them and reading their articles' texts was most of its time. Only the marked title, the
excerpt and the view count differ from one search to the next; the rest of each card is kept here,
per article, rendered once with a mark in place of each, beside the texts the excerpt is cut from
(its title, summary, body text, captions and teaser). A search then reads only the kept articles'
view counts, in one small query that also checks they are still published (a bulk update that
withdrew one announces nothing), and puts its own title, excerpt and count in.

Kept as article pages are (news.page_cache): for the pages' generation, which every save of what a
card shows bumps, and at most PORTAL_ARTICLE_CACHE_SECONDS, so a title or text a bulk update changed
is seen within that time, as on the kept article page itself. Only in this worker's memory. The
searching itself (the query, the ranking, the excerpts) is done for every request; nothing kept here
answers a query.
"""

import logging
import time
from functools import lru_cache

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.template import loader
from django.utils.safestring import mark_safe

from . import page_cache, stencils
from .highlight import Prepared, highlight, marked, prepared_excerpt, result_excerpt
from .models import Article, fetch_photos

# The values a card's stencil leaves out (news.stencils).
VALUES = ("title", "excerpt", "views")
# More than the articles a day of searches lands on (the newest matches rank first). A card is about
# 1.5 KB and its texts as much as the article's text (about 8 KB in memory for 3,700 characters) and
# their folded twins (news.highlight.Prepared, about 4 KB more), so about 70 MB a worker at most.
CARDS_KEPT = 5000
# The newest published articles whose cards a worker makes as it starts (warm): the newest matches
# rank first, and of the cards on the first pages of the benchmark's first 1,000 searches the newest
# 2,000 articles held 99.5 % (1,831 articles in all). About 1 ms a card, in batches of WARM_BATCH.
CARDS_WARMED = 2000
WARM_BATCH = 250

logger = logging.getLogger(__name__)
_cards = page_cache.Memory(CARDS_KEPT)


def texts_of(article):
    """What an article's excerpt is cut from, in result_excerpt's order, the teaser last (its photos
    fetched)."""
    captions = [photo.caption for photo in article.photos.all()]
    return (article.summary, article.get_body_text(), *captions, article.get_teaser())


class Kept:
    """A card's stencil and the texts its title and excerpt are marked in, prepared for that
    (news.highlight.Prepared; the teaser, only ever cut, as it is)."""

    __slots__ = ("stencil", "texts", "title")

    def __init__(self, stencil, article):
        *sources, teaser = texts_of(article)
        self.stencil, self.title = stencil, Prepared(article.title)
        self.texts = (*map(Prepared, sources), teaser)

    def card(self, words, views):
        return self.stencil.fill(
            {
                "title": marked(self.title, words),
                "excerpt": result_excerpt(self.texts, words, cut=prepared_excerpt),
                "views": str(views),
            }
        )


def _render(article, title, excerpt, views):
    context = {
        "article": article,
        "words": True,
        "marked_title": title,
        "excerpt": excerpt,
        "view_count": views,
    }
    return loader.get_template("news/_article_card.html").render(context)


def _made(article, generation):
    """The article's card as a stencil, kept from now on; None where the card's template shows one of
    its values twice (news.stencils.cut)."""
    stencil = stencils.cut(_render(article, *map(stencils.mark, VALUES)), VALUES)
    if stencil is None:
        return None
    kept = Kept(stencil, article)
    lifetime = settings.PORTAL_ARTICLE_CACHE_SECONDS
    _cards.put(article.pk, page_cache.Entry(kept, "text/html", generation, lifetime, article.pk))
    return kept


def _made_for(keys, generation):
    """(article, its Kept or None) for the published articles with these keys, their cards made and
    kept: one query for their rows and one for their photos (none for no keys)."""
    if not keys:
        return []
    articles = list(Article.objects.published().filter(pk__in=keys).for_search_results())
    fetch_photos(articles)
    return [(article, _made(article, generation)) for article in articles]


def warm():
    """Make the newest CARDS_WARMED published articles' cards now (gunicorn.conf.py, as a worker
    starts), so that the first searches read no rows. Whatever fails leaves them to the searches."""
    started = time.monotonic()
    try:
        generation = page_cache.generation()
        newest = list(Article.objects.published().values_list("pk", flat=True)[:CARDS_WARMED])
        for start in range(0, len(newest), WARM_BATCH):
            _made_for(newest[start : start + WARM_BATCH], generation)
    except Exception:
        logger.exception("search cards not made at start; the searches make them")
        return
    logger.info("%d search cards made in %.1f s", len(newest), time.monotonic() - started)


@lru_cache(maxsize=64)
def _counts_statement(size, db):
    """The SQL of the counts query for `size` keys, as the ORM writes it, and its parameters with each
    key's position in place of the key (-1 for the first): made once per size, since building the
    query was twice the time of running it."""
    positions = range(-1, -size - 1, -1)
    rows = Article.objects.using(db).filter(status=Article.Status.PUBLISHED, pk__in=positions)
    sql, params = rows.order_by().values_list("pk", "view_total__views").query.sql_with_params()
    return sql, params


def _published_counts(keys, db=DEFAULT_DB_ALIAS):
    """(pk, lifetime count, None before the first view) of those of these articles that are approved.
    The time half of published_q is the word index's (news.search_index applies it to every search);
    the status is asked here, so that a withdrawal that announced nothing (a bulk update) shows no
    card."""
    sql, params = _counts_statement(len(keys), db)
    values = [keys[-p - 1] if type(p) is int and p < 0 else p for p in params]
    with connections[db].cursor() as cursor:
        cursor.execute(sql, values)
        return cursor.fetchall()


def cards(keys, words, generation):
    """The search result cards of the articles with these keys that are published, in that order, as
    one piece of HTML (a template's loop over twenty was a tenth of its rendering), the searched words
    marked in their titles and excerpts. generation is the pages'
    (news.page_cache.generation()), read once for the page.

    keys are the word index's (news.search_index), public at the time of the search. One query for
    the kept cards' counts, and for the others one for their rows and one for their photos.
    """
    kept = {}
    for pk in keys:
        entry = _cards.current(pk, generation)
        if entry is not None:
            kept[pk] = entry.body
    shown = {}
    if kept:
        shown = {pk: kept[pk].card(words, count or 0) for pk, count in _published_counts(list(kept))}
    missing = [pk for pk in keys if pk not in kept]
    for article, made in _made_for(missing, generation):
        if made is not None:
            shown[article.pk] = made.card(words, article.view_count)
        else:
            title = highlight(article.title, words)
            excerpt = result_excerpt(texts_of(article), words)
            shown[article.pk] = _render(article, title, excerpt, article.view_count)
    # The values filled in are escaped by highlight and result_excerpt.
    return mark_safe("\n".join(shown[pk] for pk in keys if pk in shown))  # noqa: S308
