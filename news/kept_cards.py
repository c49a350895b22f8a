"""Search results' cards, kept rendered: a card is the same for every query but for its marks.

A search page shows twenty cards (news/_article_card.html: photo, title, date, views, excerpt), and
rendering them was most of its time. Only the marked title and the excerpt depend on the query; the
rest of each card is kept here, per article, rendered once with a mark in place of each, and every
search puts its own title and excerpt there. Kept as pages are (news.page_cache): for the pages'
generation, which every save of what a card shows bumps, and at most PORTAL_PAGE_CACHE_SECONDS, since a
card shows the view count as a list does. Only in this worker's memory: a card costs less to render
than to fetch. The searching itself (the query, the ranking, the excerpts) is done for every request;
nothing kept here answers a query.
"""

from django.conf import settings
from django.template import loader
from django.utils.safestring import mark_safe

from . import page_cache
from .highlight import article_excerpt, highlight

TITLE_MARK = "\u2063tiêu-đề\u2063"
EXCERPT_MARK = "\u2063trích-đoạn\u2063"
# More than the newest articles a day of searches lands on; a card is about 1.5 KB.
CARDS_KEPT = 2000

_cards = page_cache.Memory(CARDS_KEPT)


def _render(article, title, excerpt):
    context = {"article": article, "words": True, "marked_title": title, "excerpt": excerpt}
    return loader.get_template("news/_article_card.html").render(context)


def _pieces(article, generation):
    """The card without its title and excerpt: the three pieces around them, kept or rendered now."""
    entry = _cards.get(article.pk)
    if entry is not None and entry.fresh and entry.generation == generation:
        return entry.body
    pieces = _render(article, TITLE_MARK, EXCERPT_MARK).split(TITLE_MARK)
    if len(pieces) != 2 or pieces[1].count(EXCERPT_MARK) != 1:
        return None  # the card's template shows the title or the excerpt twice, or not at all
    pieces = (pieces[0], *pieces[1].split(EXCERPT_MARK))
    lifetime = settings.PORTAL_PAGE_CACHE_SECONDS
    _cards.put(article.pk, page_cache.Entry(pieces, "text/html", generation, lifetime, article.pk))
    return pieces


def cards(articles, words, generation):
    """Each article's search result card, as HTML, with the searched words marked in its title and
    excerpt. generation is the pages' (news.page_cache.generation()), read once for the page."""
    shown = []
    for article in articles:
        title, excerpt = highlight(article.title, words), article_excerpt(article, words)
        pieces = _pieces(article, generation)
        card = (
            _render(article, title, excerpt)
            if pieces is None
            else title.join((pieces[0], excerpt.join(pieces[1:])))
        )
        shown.append(mark_safe(card))  # noqa: S308 - rendered by the template, marks escaped by highlight
    return shown
