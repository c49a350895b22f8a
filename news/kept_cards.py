"""Search results' cards, kept rendered: a card is the same for every query but for its marks.

A search page shows twenty cards (news/_article_card.html: photo, title, date, views, excerpt), and
rendering them was most of its time. Only the marked title and the excerpt depend on the query; the
rest of each card is kept here, per article, rendered once with a mark in place of each, and every
search puts its own title and excerpt there, and the view count read with the article's row, so that
a kept card is never behind the database. Kept as article pages are (news.page_cache): for the pages'
generation, which every save of what a card shows bumps, and at most PORTAL_ARTICLE_CACHE_SECONDS.
Only in this worker's memory: a card costs less to render than to fetch. The searching itself (the
query, the ranking, the excerpts) is done for every request; nothing kept here answers a query.
"""

from django.conf import settings
from django.template import loader
from django.utils.safestring import mark_safe

from . import page_cache
from .highlight import article_excerpt, highlight, text_excerpt
from .models import fetch_photos

TITLE_MARK = "\u2063tiêu-đề\u2063"
EXCERPT_MARK = "\u2063trích-đoạn\u2063"
VIEWS_MARK = "\u2063lượt-xem\u2063"
# More than the articles a day of searches lands on (the newest matches rank first); a card is about
# 1.5 KB, so about 7 MB a worker.
CARDS_KEPT = 5000

_cards = page_cache.Memory(CARDS_KEPT)


def _render(article, title, excerpt, views):
    context = {
        "article": article,
        "words": True,
        "marked_title": title,
        "excerpt": excerpt,
        "view_count": views,
    }
    return loader.get_template("news/_article_card.html").render(context)


def _kept_pieces(article, generation):
    """The kept pieces of this article's card, or None."""
    entry = _cards.get(article.pk)
    if entry is not None and entry.fresh and entry.generation == generation:
        return entry.body
    return None


def _made_pieces(article, generation):
    """The card rendered without its title, excerpt and view count: the four pieces around them, kept
    from now on; None where the card's template shows one of them twice, or not at all."""
    card = _render(article, TITLE_MARK, EXCERPT_MARK, VIEWS_MARK)
    if [card.count(mark) for mark in (TITLE_MARK, EXCERPT_MARK, VIEWS_MARK)] != [1, 1, 1]:
        return None
    marks = sorted((card.index(mark), mark) for mark in (TITLE_MARK, EXCERPT_MARK, VIEWS_MARK))
    pieces, at = [], 0
    for index, mark in marks:
        pieces.append(card[at:index])
        at = index + len(mark)
    pieces.append(card[at:])
    kept = (tuple(mark for _, mark in marks), tuple(pieces))
    lifetime = settings.PORTAL_ARTICLE_CACHE_SECONDS
    _cards.put(article.pk, page_cache.Entry(kept, "text/html", generation, lifetime, article.pk))
    return kept


def cards(articles, words, generation):
    """Each article's search result card, as HTML, with the searched words marked in its title and
    excerpt. generation is the pages' (news.page_cache.generation()), read once for the page.

    The articles come without their photos: a kept card holds its photo already, so only the cards
    to render and the excerpts that fall to a caption need them, fetched for those in one query.
    """
    kept = [_kept_pieces(article, generation) for article in articles]
    in_text = [text_excerpt(article, words) for article in articles]
    needing_photos = [
        article
        for article, pieces, found in zip(articles, kept, in_text, strict=True)
        if not (pieces and found)
    ]
    if needing_photos:
        fetch_photos(needing_photos)
    shown = []
    for article, pieces, found in zip(articles, kept, in_text, strict=True):
        filled = {
            TITLE_MARK: highlight(article.title, words),
            EXCERPT_MARK: article_excerpt(article, words, in_text=found),
            VIEWS_MARK: str(article.view_count),
        }
        if pieces is None:
            pieces = _made_pieces(article, generation)
        if pieces is None:
            card = _render(article, filled[TITLE_MARK], filled[EXCERPT_MARK], article.view_count)
        else:
            marks, around = pieces
            parts = [around[0]]
            for mark, piece in zip(marks, around[1:], strict=True):
                parts += [filled[mark], piece]
            card = "".join(parts)
        shown.append(mark_safe(card))  # noqa: S308 - rendered by the template, the marks escaped by highlight
    return shown
